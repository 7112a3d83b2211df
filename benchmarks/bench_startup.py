"""Start-up of `termkit check` on one small file: this tree against another revision, interleaved.

Start-up is tens of milliseconds on a shared machine whose load changes from one second to the next,
so an absolute figure says little; this script runs both trees in turn, many times, and reports the
best and the median of each, with the time spent after `import termkit.cli` measured inside the
process (the part termkit's own code decides).

    .venv/bin/python benchmarks/bench_startup.py --against 82c924f --runs 20
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = """import time, io, contextlib
t0 = time.perf_counter()
import termkit.cli
t1 = time.perf_counter()
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    termkit.cli.main(["check", {path!r}])
t2 = time.perf_counter()
print(f"{{1000 * (t1 - t0):.2f}} {{1000 * (t2 - t1):.2f}}")
"""
SAMPLE = ("# Notes\n\nThe Cabinet (내각) met under the Premier. The spirit of self-reliance (*charyŏk "
          "kaengsaeng*) and the frontal breakthrough were stressed; localization (국산화) of raw materials "
          "went on.\n\n") * 20


def measure(tree: Path, cache: Path, probe: Path, runs: int, sample: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(tree), TERMKIT_CACHE_DIR=str(cache))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    import time

    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, str(probe)], env=env, capture_output=True, text=True, cwd=sample.parent)
    wall = 1000 * (time.perf_counter() - t0)
    if out.returncode:
        raise SystemExit(f"{tree}: probe failed:\n{out.stderr}")
    imp, main = map(float, out.stdout.split())
    return {"wall": wall, "import": imp, "after_import": main}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--against", required=True, help="git revision to compare with (e.g. a tag or commit)")
    ap.add_argument("--runs", type=int, default=20)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        other = tmp / "other"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(other), args.against],
                       check=True)
        try:
            sample = tmp / "sample.md"
            sample.write_text(SAMPLE, encoding="utf-8")
            probe = tmp / "probe.py"
            probe.write_text(PROBE.format(path=str(sample)), encoding="utf-8")
            trees = {args.against: (other, tmp / "cache-other"), "this tree": (ROOT, tmp / "cache-this")}
            for tree, cache in trees.values():  # fill the matcher and bytecode caches
                measure(tree, cache, probe, 1, sample)
                measure(tree, cache, probe, 1, sample)
            results = {name: [] for name in trees}
            for _ in range(args.runs):
                for name, (tree, cache) in trees.items():
                    results[name].append(measure(tree, cache, probe, 1, sample))
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(other)], check=False)
    print(f"termkit check on {len(SAMPLE.encode()) / 1000:.1f} KB, {args.runs} interleaved runs each (ms)")
    print(f"  {'tree':<12} {'wall best':>10} {'wall median':>12} {'import cli':>11} {'after import best':>18} "
          f"{'after import median':>20}")
    for name, rows in results.items():
        col = lambda k: [r[k] for r in rows]  # noqa: E731
        print(f"  {name:<12} {min(col('wall')):10.1f} {statistics.median(col('wall')):12.1f} "
              f"{min(col('import')):11.1f} {min(col('after_import')):18.1f} {statistics.median(col('after_import')):20.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
