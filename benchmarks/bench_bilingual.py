"""Benchmark bilingual checking: generated Korean–English TSV, termkit check against a pandas-only read."""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path

# Sentence frames written for this benchmark; {K}/{E} take a glossary term's Korean and English.
FRAMES = [
    ("당국은 {K}의 성과를 강조하였다.", "The authorities stressed the results of {E}."),
    ("이 보고서는 {K}에 대한 최근 동향을 분석한다.", "This report analyses recent trends in {E}."),
    ("{K}는 올해의 핵심 과제로 제시되었다.", "{E} was presented as a key task for this year."),
    ("회의에서는 {K} 문제가 다시 논의되었다.", "The meeting discussed the question of {E} again."),
    ("전문가들은 {K}의 실효성에 의문을 제기한다.", "Experts question how effective {E} has been."),
]
PLAIN = [("올해 곡물 생산은 전년과 비슷한 수준이었다.", "Grain output this year was close to last year's level."),
         ("국경 무역은 여전히 제한적이다.", "Cross-border trade remains limited.")]


def generate(path: Path, rows: int, seed: int = 7, wrong_every: int = 10) -> dict:
    """A TSV of `rows` segment pairs in documents of 500 rows; every `wrong_every`th row (0: none) carries
    a wrong rendering."""
    from termkit.glossary.assemble import load_concepts

    rng = random.Random(seed)
    concepts = [c for c in load_concepts() if c.type != "person" and " " not in c.ko]
    planted = {"terms": 0, "wrong": 0}
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("doc\tko\ten\n")
        for i in range(rows):
            doc = f"doc-{i // 500:05d}"
            if i % 3 == 2:
                ko, en = rng.choice(PLAIN)
            else:
                c = rng.choice(concepts)
                k, e = rng.choice(FRAMES)
                wrong = [t.form for t in c.terms if t.status == "wrong"]
                form = rng.choice(wrong) if wrong and wrong_every and i % wrong_every == 0 else c.preferred
                planted["wrong" if form != c.preferred else "terms"] += 1
                ko, en = k.format(K=c.ko), e.format(E=form)
                en = en[0].upper() + en[1:]
            fh.write(f"{doc}\t{ko}\t{en}\n")
    return planted


CHILD = r"""
import json, resource, sys, time
mode, path = sys.argv[1], sys.argv[2]
t = time.perf_counter()
if mode == "pandas":
    import csv, pandas as pd
    rows = 0
    for chunk in pd.read_csv(path, sep="\t", quoting=csv.QUOTE_NONE, dtype=str, keep_default_na=False,
                             na_filter=False, chunksize=50_000):
        rows += len(chunk)
    result = {"rows": rows}
else:
    from collections import Counter
    from termkit.checking.checker import Checker
    findings = Checker().check_file(path)
    result = {"findings": len(findings), "by_code": dict(sorted(Counter(f.code for f in findings).items()))}
result["seconds"] = time.perf_counter() - t
result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(result))
"""


def measure(mode: str, path: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, mode, str(path)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--out", type=Path, default=Path("/tmp/termkit-bench-bilingual"))
    ap.add_argument("--wrong-every", type=int, default=10, help="plant a wrong rendering in every Nth row (0: none)")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    from termkit.glossary.assemble import load_matcher

    load_matcher()  # warm the compiled-glossary cache so neither run pays for it
    results = []
    for rows in args.rows:
        path = args.out / f"pairs-{rows}-w{args.wrong_every}.tsv"
        planted = generate(path, rows, wrong_every=args.wrong_every)
        base = measure("pandas", path)
        tk = measure("termkit", path)
        results.append({"rows": rows, "mb": round(path.stat().st_size / 2**20, 1), "planted": planted,
                        "pandas": base, "termkit": tk})
        print(f"{rows:>9,} pairs {path.stat().st_size / 2**20:7.1f} MB | pandas read: {base['seconds']:7.2f} s "
              f"{rows / base['seconds']:>10,.0f} seg/s {base['peak_rss_mb']:7.0f} MB peak | termkit check: "
              f"{tk['seconds']:7.2f} s {rows / tk['seconds']:>8,.0f} seg/s {tk['peak_rss_mb']:7.0f} MB peak | "
              f"ratio {tk['seconds'] / base['seconds']:5.1f}x | findings {tk['findings']:,} {tk['by_code']}")
    (args.out / "results.json").write_text(json.dumps(results, indent=2))
    if len(results) > 1:
        a, b = results[0], results[-1]
        print(f"peak memory, {b['rows']:,} vs {a['rows']:,} pairs: termkit {b['termkit']['peak_rss_mb'] / a['termkit']['peak_rss_mb']:.2f}x, "
              f"pandas {b['pandas']['peak_rss_mb'] / a['pandas']['peak_rss_mb']:.2f}x "
              f"(findings {b['termkit']['findings'] / max(a['termkit']['findings'], 1):.1f}x)")


if __name__ == "__main__":
    main()
