"""Start-up of `termkit check` on one small file: this tree against another revision, interleaved.

Start-up is tens of milliseconds on a shared machine whose load changes from one second to the next,
so an absolute figure says little; this script runs both trees in turn, many times, and reports the
best and the median of each, with the time spent after `import termkit.cli` measured inside the
process (the part termkit's own code decides).

    .venv/bin/python benchmarks/bench_startup.py --against 82c924f --runs 20
    git worktree add --detach /tmp/base 1981578
    .venv/bin/python benchmarks/bench_startup.py --against-tree /tmp/base --runs 20

--against checks out a revision in a temporary worktree; --against-tree takes a checkout that is
already there; --against-python runs the other tree with another interpreter (a venv of its own,
with that revision's dependencies). The ratio line compares this tree with the other one: the
median wall time of the whole start-up (a process that imports termkit and checks the file), and
the median of the part after `import termkit.cli`.
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


def measure(tree: Path, cache: Path, probe: Path, runs: int, sample: Path, python: str = sys.executable) -> dict:
    env = dict(os.environ, PYTHONPATH=str(tree), TERMKIT_CACHE_DIR=str(cache))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    import time

    t0 = time.perf_counter()
    out = subprocess.run([python, str(probe)], env=env, capture_output=True, text=True, cwd=sample.parent)
    wall = 1000 * (time.perf_counter() - t0)
    if out.returncode:
        raise SystemExit(f"{tree}: probe failed:\n{out.stderr}")
    imp, main = map(float, out.stdout.split())
    return {"wall": wall, "import": imp, "after_import": main}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    other = ap.add_mutually_exclusive_group(required=True)
    other.add_argument("--against", help="git revision to compare with (checked out in a temporary worktree)")
    other.add_argument("--against-tree", type=Path, help="a checkout of the other revision, already there")
    ap.add_argument("--against-python", default=sys.executable,
                    help="the interpreter to run the other tree with [default: this one]")
    ap.add_argument("--runs", type=int, default=20)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if args.against_tree:
            other, name = args.against_tree.resolve(), _label(args.against_tree.resolve())
        else:
            other, name = tmp / "other", args.against
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(other), args.against],
                           check=True)
        try:
            results = _interleaved(tmp, other, name, args.against_python, args.runs)
        finally:
            if not args.against_tree:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(other)], check=False)
    print(f"termkit check on {len(SAMPLE.encode()) / 1000:.1f} KB, {args.runs} interleaved runs each (ms)")
    print(f"  {'tree':<12} {'wall best':>10} {'wall median':>12} {'import cli':>11} {'after import best':>18} "
          f"{'after import median':>20}")
    for label, rows in results.items():
        col = lambda k: [r[k] for r in rows]  # noqa: E731
        print(f"  {label:<12} {min(col('wall')):10.1f} {statistics.median(col('wall')):12.1f} "
              f"{min(col('import')):11.1f} {min(col('after_import')):18.1f} {statistics.median(col('after_import')):20.1f}")
    this, base = results["this tree"], results[name]
    med = lambda rows, k: statistics.median(r[k] for r in rows)  # noqa: E731
    print(f"  ratio this/{name}: whole start-up (wall, median) {med(this, 'wall') / med(base, 'wall'):.3f}, "
          f"best {min(r['wall'] for r in this) / min(r['wall'] for r in base):.3f}; after import (median) "
          f"{med(this, 'after_import') / med(base, 'after_import'):.3f}")
    return 0


def _label(tree: Path) -> str:
    """A short name for a checkout: its commit."""
    out = subprocess.run(["git", "-C", str(tree), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return out.stdout.strip() or tree.name


def _interleaved(tmp: Path, other: Path, name: str, other_python: str, runs: int) -> dict:
    """Both trees in turn, `runs` times, after two runs each that fill the matcher and bytecode caches."""
    sample = tmp / "sample.md"
    sample.write_text(SAMPLE, encoding="utf-8")
    probe = tmp / "probe.py"
    probe.write_text(PROBE.format(path=str(sample)), encoding="utf-8")
    trees = {name: (other, tmp / "cache-other", other_python), "this tree": (ROOT, tmp / "cache-this", sys.executable)}
    for tree, cache, python in trees.values():
        measure(tree, cache, probe, 1, sample, python)
        measure(tree, cache, probe, 1, sample, python)
    results: dict = {label: [] for label in trees}
    for _ in range(runs):
        for label, (tree, cache, python) in trees.items():
            results[label].append(measure(tree, cache, probe, 1, sample, python))
    return results


if __name__ == "__main__":
    sys.exit(main())
