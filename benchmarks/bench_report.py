"""Benchmark `termkit report`: 1,000 generated documents, --jobs 2 against --jobs 1, time per phase.

    .venv/bin/python benchmarks/bench_report.py                      # 1,000 documents, 5 rounds
    .venv/bin/python benchmarks/bench_report.py --docs 200 --rounds 1 --out /tmp/tk-report

The corpus is half short Markdown papers, half short bilingual TSV files (Korean source, English
target), with terms planted from the bundled glossary: preferred, admitted, deprecated and wrong
renderings, some glossed with their Hangul, some target segments leaving the term out. Each report
is built by `termkit.output.build_report` in a fresh subprocess (so each pays the same imports),
jobs 1 and jobs 2 taking turns in every round; the best round of each is compared. Each round
first measures what two processes give on the machine at that moment (a busy loop run twice in a
row against twice at once), the baseline for the speed-up on a shared machine. Phases are the
summary's own timings: check (reading, matching, rules, renderings, in the worker processes for
jobs 2), tables (pandas, including its import), charts (matplotlib, including its import) and write.
Everything goes under --out: the corpus, the matcher cache, matplotlib's cache, the reports and
results.json.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

from termkit.glossary.assemble import load_concepts
from termkit.model import REJECTED

SEED = 1729
SUBJECTS = ["The report", "The ministry", "Provincial officials", "A working paper", "The survey", "Analysts",
            "The annual review", "Local cadres"]
VERBS = ["discussed", "praised", "criticised", "revisited", "noted", "mentioned"]
TAILS = ["at length", "in passing", "twice", "without comment", "in the second quarter", "after the harvest"]
KO_TAILS = ["에 대해 논의했다.", "을 강조했다.", "을 다시 언급했다.", "을 평가했다."]
FILLER = ["Prices rose faster than wages in most provinces.", "Rail freight recovered slowly over the decade.",
          "The statistics office changed its price index.", "Credit remained scarce for a while.",
          "Export earnings depended on a few commodities.", "Power shortages held back output."]
RUN = """
import json, resource, sys, time
t0 = time.perf_counter()
from pathlib import Path
from termkit.config import Config
from termkit.output.report import build_report
paths = Path(sys.argv[1]).read_text(encoding="utf-8").splitlines()
t1 = time.perf_counter()
s = build_report(paths, Config(), Path(sys.argv[2]), jobs=int(sys.argv[3]))
t2 = time.perf_counter()
cpu = sum(getattr(resource.getrusage(w), f) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
          for f in ("ru_utime", "ru_stime"))
print(json.dumps({"timings": s.timings, "cpu": cpu, "import": t1 - t0, "wall": t2 - t0, "findings": s.findings,
                  "errors": s.errors, "warnings": s.warnings, "documents": s.documents, "files": s.files,
                  "renderings": s.renderings, "problems": s.problems}))
"""
PHASES = ("check", "tables", "charts", "write")
SPIN = 3_000_000  # iterations of the baseline's busy loop (about 0.2 s)


def spin(n: int = SPIN) -> int:
    s = 0
    for i in range(n):
        s += i * i
    return s


def capacity() -> float:
    """What two processes give on this machine now: a busy loop twice in a row against two at once."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(2) as pool:
        list(pool.map(spin, [1000, 1000]))  # workers started before timing
        t = time.perf_counter()
        spin()
        spin()
        serial = time.perf_counter() - t
        t = time.perf_counter()
        list(pool.map(spin, [SPIN, SPIN]))
        return serial / (time.perf_counter() - t)


def pick_form(concept, rng: random.Random) -> str:
    by = {s: concept.forms(s) for s in ("preferred", "admitted", *REJECTED)}
    rejected = by["deprecated"] + by["superseded"] + by["wrong"]
    roll = rng.random()
    if roll < 0.15 and rejected:
        return rng.choice(rejected)
    if roll < 0.30 and by["admitted"]:
        return rng.choice(by["admitted"])
    return by["preferred"][0]


def make_corpus(root: Path, n: int) -> list[Path]:
    rng = random.Random(SEED)
    concepts = [c for c in load_concepts() if c.type != "person" and c.forms("preferred") and c.ko]
    root.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(n):
        topic = rng.sample(concepts, 12)  # a document keeps to a dozen concepts, as a paper does
        if i % 2 == 0:
            path = root / f"paper-{i:04d}.md"
            lines = [f"# Paper {i}", ""]
            for _ in range(rng.randint(10, 16)):
                c = rng.choice(topic)
                form = pick_form(c, rng)
                gloss = f" ({c.ko})" if rng.random() < 0.4 else ""
                lines.append(f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} the {form}{gloss} {rng.choice(TAILS)}. "
                             f"{rng.choice(FILLER)}")
                lines.append("")
            path.write_text("\n".join(lines), encoding="utf-8")
        else:
            path = root / f"pairs-{i:04d}.tsv"
            rows = ["ko\ten"]
            for _ in range(rng.randint(10, 16)):
                c = rng.choice(topic)
                en = (f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} the {pick_form(c, rng)} {rng.choice(TAILS)}."
                      if rng.random() < 0.9 else f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} it.")
                rows.append(f"보고서는 {c.ko}{rng.choice(KO_TAILS)}\t{en}")
            path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        files.append(path)
    return files


def same_report(a: Path, b: Path) -> bool:
    """Byte-for-byte for HTML and CSV; cell for cell for XLSX, whose files record when they were saved."""
    if a.suffix != ".xlsx":
        return a.read_bytes() == b.read_bytes()
    from openpyxl import load_workbook

    def cells(path):
        wb = load_workbook(path, read_only=True)
        return {ws.title: list(ws.iter_rows(values_only=True)) for ws in wb.worksheets}
    return cells(a) == cells(b)


def run(listing: Path, output: Path, jobs: int, env: dict) -> dict:
    p = subprocess.run([sys.executable, "-c", RUN, str(listing), str(output), str(jobs)], capture_output=True,
                       text=True, env=env)
    if p.returncode:
        sys.exit(f"report run failed (jobs {jobs}):\n{p.stderr}")
    return json.loads(p.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--format", choices=("html", "xlsx", "csv"), default="html")
    ap.add_argument("--out", type=Path, default=Path("/tmp/termkit-bench-report"))
    args = ap.parse_args()
    out = args.out.resolve()
    env = dict(os.environ, TERMKIT_CACHE_DIR=str(out / "cache"), MPLCONFIGDIR=str(out / "mpl"))
    os.environ.update(TERMKIT_CACHE_DIR=env["TERMKIT_CACHE_DIR"])

    t = time.perf_counter()
    files = make_corpus(out / "corpus", args.docs)
    size = sum(f.stat().st_size for f in files)
    listing = out / "files.txt"
    listing.write_text("\n".join(str(f) for f in files), encoding="utf-8")
    print(f"corpus: {len(files)} documents ({sum(f.suffix == '.md' for f in files)} Markdown, "
          f"{sum(f.suffix == '.tsv' for f in files)} TSV), {size / 1e6:.2f} MB, generated in "
          f"{time.perf_counter() - t:.1f} s")

    warm = run(listing, out / f"warm-up.{args.format}", 1, env)  # fills the matcher and font caches
    print(f"warm-up: {warm['findings']} findings ({warm['errors']} errors, {warm['warnings']} warnings), "
          f"{warm['renderings']} renderings, {warm['documents']} documents; wall {warm['wall']:.2f} s")
    runs: dict[int, list[dict]] = {1: [], 2: []}
    caps = []
    for r in range(args.rounds):
        caps.append(capacity())
        print(f"round {r + 1}: two-process capacity of the machine {caps[-1]:.2f}×")
        for jobs in ((1, 2) if r % 2 == 0 else (2, 1)):
            res = run(listing, out / f"report-j{jobs}.{args.format}", jobs, env)
            runs[jobs].append(res)
            print(f"round {r + 1}, jobs {jobs}: total {res['timings']['total']:.2f} s  "
                  + "  ".join(f"{k} {res['timings'][k]:.2f}" for k in PHASES) + f"  (CPU {res['cpu']:.2f} s)")
    same = same_report(out / f"report-j1.{args.format}", out / f"report-j2.{args.format}")
    best = {j: min(rs, key=lambda x: x["timings"]["total"]) for j, rs in runs.items()}

    print(f"\nbest of {args.rounds} rounds, {args.format} report, seconds:")
    print(f"{'phase':<8}{'jobs 1':>9}{'share':>8}{'jobs 2':>9}{'share':>8}{'speed-up':>10}")
    for k in (*PHASES, "total"):
        a, b = best[1]["timings"][k], best[2]["timings"][k]
        print(f"{k:<8}{a:>9.2f}{a / best[1]['timings']['total']:>8.0%}{b:>9.2f}"
              f"{b / best[2]['timings']['total']:>8.0%}{a / b:>9.2f}×")
    print(f"CPU seconds of the process and its workers (best rounds): jobs 1 {best[1]['cpu']:.2f}, "
          f"jobs 2 {best[2]['cpu']:.2f}")
    print(f"report identical for jobs 1 and 2: {'yes' if same else 'NO'}")
    print(f"baseline, a busy loop in 2 processes against 1: best {max(caps):.2f}×, median "
          f"{sorted(caps)[len(caps) // 2]:.2f}×")

    # What collecting the renderings adds to checking: the report takes them from the check's own pass.
    from termkit.checking.checker import Checker
    from termkit.config import Config
    from termkit.output.report import _report_checker

    plain, tapped = Checker(Config()), _report_checker(Config())
    t_check = t_tap = float("inf")
    for _ in range(2):
        t = time.perf_counter()
        for f in files:
            plain.check_file(f)
        t_check = min(t_check, time.perf_counter() - t)
        t = time.perf_counter()
        for f in files:
            tapped.check_with_renderings(f)
        t_tap = min(t_tap, time.perf_counter() - t)
    print(f"in-process, one process: check_file {t_check:.2f} s, check_file collecting renderings {t_tap:.2f} s "
          f"({t_tap / t_check:.2f}×)")

    results = {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                    "load": os.getloadavg()},
        "corpus": {"documents": len(files), "bytes": size}, "format": args.format, "rounds": args.rounds,
        "runs": {str(j): rs for j, rs in runs.items()}, "best": {str(j): b for j, b in best.items()},
        "speedup_total": best[1]["timings"]["total"] / best[2]["timings"]["total"],
        "speedup_check": best[1]["timings"]["check"] / best[2]["timings"]["check"],
        "capacity": caps, "identical": same, "in_process": {"check_file": t_check, "with_renderings": t_tap},
    }
    (out / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"results: {out / 'results.json'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
