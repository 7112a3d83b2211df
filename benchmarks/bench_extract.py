"""Benchmark `termkit extract` on generated Korean–English segment pairs, sentencepiece training timed apart.

    .venv/bin/python benchmarks/bench_extract.py                    # 100,000 pairs under /tmp/termkit-bench-extract
    .venv/bin/python benchmarks/bench_extract.py --rows 20000 --repeats 1

The corpus comes from examples/extract/make_corpus.py (the templates of the example corpus, seed 7),
and the glossary is the bundled one without the ten concepts that generator calls REMOVED, as in
tests/test_extract.py. Measured, in one process unless said otherwise:

1. **Baselines**: reading the TSV with termkit's reader (pandas, the read extract does), and the
   glossary matching a bilingual `check` does on the same pairs (`Matcher.find` on every Korean
   source and English target). Extract's figures are also given as ratios to these, because the
   machine is shared and noisy.
2. **sentencepiece training** on the Korean side alone, with extract's parameters (best of
   `--repeats`), and the model's size.
3. **extract** end to end (best of `--repeats`), with its steps: read, sentencepiece (training and
   loading), Korean candidates and C-value, English pass (masking and n-grams; `jobs` processes)
   and ranking, output. Run with one process and with every core.
4. **Peak RSS** of `extract_files` in a subprocess (a bare launcher forks it and reads wait4).
5. **Recall**: how many of the ten removed concepts are in the top 30 with the preferred rendering
   first.

Prints tables and writes OUT/results.json.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAUNCHER = ("import os, sys, time\nt0 = time.perf_counter()\npid = os.fork()\n"
            "if pid == 0:\n    os.execv(sys.argv[2], sys.argv[2:])\n_, status, ru = os.wait4(pid, 0)\n"
            "open(sys.argv[1], 'w').write(f'{ru.ru_maxrss} {time.perf_counter() - t0}')\n"
            "sys.exit(os.waitstatus_to_exitcode(status))")
RSS_SCRIPT = ("import sys\nfrom termkit.config import Config\nfrom termkit.tools.extract import ExtractOptions, "
              "extract_files\nr = extract_files([sys.argv[1]], Config(glossary=[sys.argv[2]], bundled=False), "
              "ExtractOptions(top=30, jobs=int(sys.argv[3])))\nprint(len(r.candidates))")


def _generator():
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "examples" / "extract" / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def table(title: str, rows: list[tuple]) -> None:
    print(f"\n{title}")
    width = max(len(str(r[0])) for r in rows)
    for r in rows:
        print(f"  {str(r[0]):<{width}}  " + "  ".join(str(x) for x in r[1:]))


def best_of(n: int, fn):
    times, value = [], None
    for _ in range(n):
        t = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - t)
    return min(times), value


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=100_000, help="segment pairs (default 100,000)")
    ap.add_argument("--repeats", type=int, default=2, help="runs per timing; the best is kept (default 2)")
    ap.add_argument("--out", type=Path, default=Path("/tmp/termkit-bench-extract"))
    args = ap.parse_args()
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    os.environ["TERMKIT_CACHE_DIR"] = str(out / "cache")

    from termkit import __version__
    from termkit.config import Config
    from termkit.tools.extract import ExtractOptions, extract_files, read_segments, train_sentencepiece
    from termkit.glossary.assemble import load_concepts, load_matcher
    from termkit.matching.korean import canonical
    from termkit.matching.normalize import fold_key

    mc = _generator()
    res: dict = {"rows": args.rows, "repeats": args.repeats, "termkit": __version__,
                 "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                 "machine": {"cores": os.cpu_count(), "python": platform.python_version(),
                             "platform": platform.platform(), "load": os.getloadavg()}}

    # corpus and glossary
    t = time.perf_counter()
    corpus = out / "corpus.tsv"
    mc.write(corpus, args.rows, 7)
    res["corpus"] = {"path": str(corpus), "bytes": corpus.stat().st_size, "seconds": time.perf_counter() - t}
    removed = {x[0] for x in mc.REMOVED}
    concepts = load_concepts()
    gloss = out / "glossary"
    if not gloss.exists():
        mc.write_reduced_glossary(gloss)
    config = Config(glossary=[str(gloss)], bundled=False)
    matcher = load_matcher(config.glossary, config.bundled)
    table("Corpus", [("segment pairs", f"{args.rows:,}"), ("size", f"{res['corpus']['bytes'] / 1e6:.1f} MB"),
                     ("glossary", f"{len(matcher.concepts)} concepts (bundled minus the ten)")])

    # 1. baselines
    read_s, segments = best_of(args.repeats, lambda: list(read_segments([corpus], config)))

    def match_all():
        n = 0
        for s in segments:
            n += len(matcher.find(s.source, korean_only=True)) + len(matcher.find(s.target))
        return n

    match_s, hits = best_of(args.repeats, match_all)
    res["baseline"] = {"read": read_s, "match": match_s, "hits": hits}

    # 2. sentencepiece alone
    korean = [" ".join(s.source.split()) for s in segments]
    options = ExtractOptions(top=30)

    def train():
        with tempfile.TemporaryDirectory() as d:
            sp, params = train_sentencepiece(korean, options, Path(d))
            return params, (Path(d) / "korean.model").stat().st_size

    spm_s, (params, model_bytes) = best_of(args.repeats, train)
    res["sentencepiece"] = {"train": spm_s, "params": params, "model_bytes": model_bytes}

    # 3. extract, one process and every core
    runs = {}
    for jobs in sorted({1, os.cpu_count() or 1}):
        opts = ExtractOptions(top=30, jobs=jobs)
        total, result = best_of(args.repeats, lambda: extract_files([corpus], config, opts))
        runs[jobs] = {"total": total, "steps": result.timings}
    res["extract"] = {str(k): v for k, v in runs.items()}

    # 4. peak RSS in a subprocess
    report = out / "rss.txt"
    rss = {}
    for jobs in sorted({1, os.cpu_count() or 1}):
        subprocess.run([sys.executable, "-c", LAUNCHER, str(report), sys.executable, "-c", RSS_SCRIPT,
                        str(corpus), str(gloss), str(jobs)], check=True, stdout=subprocess.DEVNULL)
        kb, seconds = report.read_text().split()
        rss[jobs] = {"mb": int(kb) / 1024, "seconds": float(seconds)}
    res["rss"] = {str(k): v for k, v in rss.items()}

    # 5. recall
    by_id = {c.id: c for c in concepts}
    found = {}
    for c in result.candidates:
        for cid in removed:
            if canonical(c.ko) in {canonical(k) for k in by_id[cid].korean_forms()}:
                found[cid] = (c.rank, c.rendering, fold_key(c.rendering or "") == fold_key(by_id[cid].preferred))
    res["recall"] = {"found": found, "right": sum(1 for v in found.values() if v[2])}

    # report
    table("Baselines (best of %d)" % args.repeats, [
        ("read the TSV (pandas reader)", f"{read_s:7.2f} s"),
        ("match both sides (Matcher.find)", f"{match_s:7.2f} s", f"{hits:,} hits"),
    ])
    table("sentencepiece training on the Korean side (best of %d)" % args.repeats, [
        ("train", f"{spm_s:7.2f} s", f"{params['pieces']} pieces", f"model {model_bytes / 1024:.0f} KB",
         f"{params['model_type']}, vocab_size {params['vocab_size']} (soft), threads {params['num_threads']}"),
    ])
    rows = []
    for jobs, r in runs.items():
        s = r["steps"]
        rows.append((f"extract, jobs={jobs}", f"{r['total']:7.2f} s", f"{r['total'] / read_s:5.1f}× read",
                     f"{r['total'] / match_s:5.2f}× match", f"{args.rows / r['total']:8,.0f} pairs/s"))
        rows.append(("  steps", "  ".join(f"{k} {v:.2f}" for k, v in s.items() if k != "total")))
    table("extract end to end (best of %d)" % args.repeats, rows)
    table("Peak RSS of one extract subprocess (wait4)", [(f"jobs={j}", f"{v['mb']:7.1f} MB", f"{v['seconds']:.1f} s")
                                                        for j, v in rss.items()])
    table("Recall: removed concepts in the top 30 with the preferred rendering first",
          [(cid, *found.get(cid, ("-", "-", False))) for cid in sorted(removed)] +
          [("total", f"{res['recall']['right']} of 10")])
    (out / "results.json").write_text(json.dumps(res, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    print(f"\nresults: {out / 'results.json'}")
    return 0 if res["recall"]["right"] >= 8 else 1


if __name__ == "__main__":
    sys.exit(main())
