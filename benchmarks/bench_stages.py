"""Where a check's CPU goes, stage by stage, for this tree and another one, on any corpus and glossary.

Each stage (Matcher.find and its parts, Markdown blanking, the segment rules) is wrapped with a
timer of the thread's CPU time, so other processes on a shared machine barely move the figures;
the trees run in turn, `--rounds` times, and the best time of each stage is kept. A tree runs in a
subprocess with PYTHONPATH set to it and a working directory outside every tree, so the other
tree's `termkit` cannot be imported by accident.

    .venv/bin/python benchmarks/bench_stages.py --against-tree /tmp/base \\
        --files '/tmp/termkit-peer-bench/data/corpus/large/*.md' --limit 200 \\
        --glossary /tmp/termkit-peer-bench/termkit_1000.csv --no-bundled
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Run inside the subprocess: time the stages of checking every file once (after one warm-up file).
_CHILD = r'''
import collections, functools, glob, json, sys, time
args = json.loads(sys.argv[1])
from termkit.config import Config
from termkit.checking.checker import Checker
import termkit.matching.matcher as M
import termkit.documents.text as T
import termkit.rules as R
spent = collections.Counter()
def timed(owner, name, label=None):
    f = getattr(owner, name, None)
    if f is None:
        return
    @functools.wraps(f)
    def wrapper(*a, **k):
        t = time.thread_time()
        try:
            return f(*a, **k)
        finally:
            spent[label or name] += time.thread_time() - t
    setattr(owner, name, wrapper)
for name in ("find", "_latin_spans", "_fuzzy_spans", "_korean_spans", "_latin_matches", "_pair_glosses"):
    timed(M.Matcher, name)
timed(M, "nfc_with_map"); timed(M, "Normalized")
timed(T, "blank_markdown"); timed(R, "run", "segment rules")
files = sorted(glob.glob(args["files"], recursive=True))[: args["limit"]]
config = Config(glossary=args["glossary"], bundled=args["bundled"])
checker = Checker(config)
checker.check_file(files[0])
spent.clear()
t = time.thread_time()
findings = sum(len(checker.check_file(f)) for f in files)
spent["TOTAL"] = time.thread_time() - t
print(json.dumps({"files": len(files), "bytes": sum(len(open(f, "rb").read()) for f in files),
                  "findings": findings, "stages": spent}))
'''


def run_tree(tree: Path, args: dict) -> dict:
    env = dict(os.environ, PYTHONPATH=str(tree))
    with tempfile.TemporaryDirectory() as cwd:
        p = subprocess.run([sys.executable, "-c", _CHILD, json.dumps(args)], capture_output=True, text=True,
                           cwd=cwd, env=env)
    if p.returncode:
        raise SystemExit(f"{tree}: {p.stderr.strip()[-2000:]}")
    return json.loads(p.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", required=True, help="a glob of the files to check (quoted)")
    ap.add_argument("--limit", type=int, default=200, help="at most this many files")
    ap.add_argument("--glossary", action="append", default=[], help="a glossary file (repeatable)")
    ap.add_argument("--no-bundled", action="store_true", help="leave the bundled glossary out")
    ap.add_argument("--against-tree", type=Path, help="another checkout to compare with")
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    args = {"files": a.files, "limit": a.limit, "glossary": [str(Path(g).resolve()) for g in a.glossary],
            "bundled": not a.no_bundled}
    trees = [ROOT] + ([a.against_tree.resolve()] if a.against_tree else [])
    best: dict[Path, dict] = {t: {} for t in trees}
    meta = {}
    for _ in range(a.rounds):
        for tree in trees:
            got = run_tree(tree, args)
            meta[tree] = (got["files"], got["bytes"], got["findings"])
            for stage, seconds in got["stages"].items():
                best[tree][stage] = min(best[tree].get(stage, float("inf")), seconds)
    for tree in trees:
        files, size, findings = meta[tree]
        print(f"{tree}: {files} files, {size / 1e6:.1f} MB, {findings} findings")
    stages = sorted(best[ROOT], key=lambda s: -best[ROOT][s])
    head = f"{'stage (CPU s, best of ' + str(a.rounds) + ')':32s} {'this tree':>10s}"
    if a.against_tree:
        head += f" {'other':>10s} {'this/other':>10s}"
    print(head)
    for stage in stages:
        row = f"{stage:32s} {best[ROOT][stage]:10.3f}"
        if a.against_tree:
            other = best[trees[1]].get(stage)
            row += f" {other:10.3f} {best[ROOT][stage] / other:10.2f}" if other else f" {'-':>10s} {'-':>10s}"
        print(row)
    if a.against_tree:
        extra = sorted(set(best[trees[1]]) - set(best[ROOT]))
        for stage in extra:
            print(f"{stage:32s} {'-':>10s} {best[trees[1]][stage]:10.3f}")
        if meta[ROOT][2] != meta[trees[1]][2]:
            print(f"note: the trees report different numbers of findings ({meta[ROOT][2]} and {meta[trees[1]][2]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
