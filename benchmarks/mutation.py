"""Mutation benchmark: how many small bugs in the core modules the fast tests catch (not run in CI).

Mutants come from Cosmic Ray (`pip install cosmic-ray`): its operators (binary, comparison, unary and
boolean operator swaps, number ±1, True/False, `not` added, loops run zero times, break/continue,
exception types, decorators removed), enumerated with its `init` and applied and tested one at a
time with its `mutate_and_test`, which restores the file afterwards. This script adds what a plain
`cosmic-ray exec` lacks here: a seeded sample (the full set is about 4,800 mutants, and the full
suite takes minutes), a test subset per module (the fast files that exercise it, with -x), a
per-module timeout from a measured baseline, and parallel workers, each in its own copy of the tree
(so that mutating one copy never affects another worker, nor the work tree).

    python benchmarks/mutation.py --sample 160 --floor 3 --seed 12 --jobs 2          # the working tree
    python benchmarks/mutation.py --sample 160 --floor 3 --seed 12 --rev 75169cc     # the tests of a commit
    python benchmarks/mutation.py --planted      # issue 12's planted bugs, each must fail a test

A mutant is killed when its tests fail (or exceed the timeout, counted apart as "timeout"),
survived when they pass; "incompetent" means the mutation could not be applied; a mutant inside an
annotation is equivalent (never evaluated) and not run. The survivor rate is
survived / (killed + timeout + survived). Survivors are listed as file:line, operator and the changed
line, for a person to judge: kill them with a test, or explain why they are equivalent.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Each core module and the fast test files that exercise it. New test files named
# tests/test_regressions_*.py or tests/test_mutants_*.py join every subset; the slow files (the
# bundled glossary's specs, the pre-commit hook, the report) stay out.
NEW = ["tests/test_regressions_*.py", "tests/test_mutants_*.py"]
RULE_TESTS = ["tests/test_registry_and_rules.py", "tests/test_rules_doc.py", "tests/test_matching.py",
              "tests/test_romanized.py",
              # the rules' own tests since sessions 5 and 6 (each about 2 s)
              "tests/test_context_evidence.py", "tests/test_gloss_rule.py", "tests/test_other_states.py",
              "tests/test_variants_families.py", "tests/test_name_spellings.py", "tests/test_recall_context.py",
              "tests/test_precision_mechanisms.py", "tests/test_precision_sources.py",
              "tests/test_rules_hits_from.py", "tests/test_examples.py"]
MODULES = {
    "termkit/matching/normalize.py": ["tests/test_matching.py", "tests/test_korean.py", "tests/test_offsets.py",
                                      "tests/test_scan_pretests.py"],
    "termkit/matching/matcher.py": ["tests/test_matching.py", "tests/test_korean.py", "tests/test_rules_doc.py",
                                    "tests/test_romanized.py", "tests/test_registry_and_rules.py",
                                    "tests/test_offsets.py", "tests/test_scan_pretests.py",
                                    "tests/test_variants_families.py", "tests/test_name_spellings.py",
                                    "tests/test_recall_context.py"],
    "termkit/matching/korean.py": ["tests/test_korean.py", "tests/test_matching.py", "tests/test_scan_pretests.py"],
    "termkit/matching/romanizer.py": ["tests/test_romanize.py", "tests/test_romanized.py"],
    "termkit/matching/romanized.py": ["tests/test_romanized.py", "tests/test_matching.py", "tests/test_scan_pretests.py"],
    "termkit/matching/variants.py": ["tests/test_matching.py", "tests/test_korean.py", "tests/test_romanized.py",
                                     "tests/test_variants_families.py", "tests/test_recall_context.py"],
    "termkit/checking/fix.py": ["tests/test_outputs_and_fix.py", "tests/test_fix_safety.py"],
    "termkit/output/findings.py": ["tests/test_outputs_and_fix.py"],
}
for _p in sorted((ROOT / "termkit" / "rules").glob("*.py")):
    MODULES[f"termkit/rules/{_p.name}"] = RULE_TESTS


# Issue 12's seven one-line bugs that the whole suite once let pass (plus variants of the NFD and
# TK301 ones), for --planted: each must make the module's test subset fail.
PLANTED = [
    ("a SARIF level always 'warning'", "termkit/output/findings.py",
     '            "level": "error" if f.severity == "error" else "warning",', '            "level": "warning",'),
    ("b SARIF endColumn one short", "termkit/output/findings.py",
     '"endColumn": f.end_column,', '"endColumn": f.end_column - 1,'),
    ("c --fix drops a sentence-initial capital", "termkit/checking/fix.py",
     "    if old[:1].isupper() and new[:1].islower():", "    if False:"),
    ("d MR stop before its tense partner", "termkit/matching/romanizer.py",
     "        elif prev_coda and text == prev_coda * 2:", "        elif False:"),
    ("e1 NFD: spans not mapped back", "termkit/matching/matcher.py",
     "        if cmap is not None:\n            spans =", "        if False:\n            spans ="),
    ("e2 NFD: no offset map", "termkit/matching/normalize.py",
     "    return text, OffsetMap(at, shift)", "    return text, None"),
    ("e3 NFD: shift not counted", "termkit/matching/normalize.py",
     "            removed += (pe - ps) - len(composed)", "            removed += 0"),
    ("e4 NFD: marks not joined to their base", "termkit/matching/normalize.py",
     "            s -= 1  # marks", "            pass  # marks"),
    ("e5 NFD: a run recomposed whole", "termkit/matching/normalize.py",
     "        pieces = [p.span() for p in _SYLLABLE.finditer(raw, s, e)] or [(s, e)]", "        pieces = [(s, e)]"),
    ("f1 TK301 ignores evidence", "termkit/rules/consistency.py",
     "    proven = [e for e in ok if ctx.proven(hit, e.concept)]", "    proven = []"),
    ("f2 TK301 memo shared by glossed hits", "termkit/rules/consistency.py",
     "    if hit.evidence or hit.context:", "    if False:"),
    ("f3 a gloss proves nothing", "termkit/rules/base.py",
     "        if concept in hit.evidence:\n            return True", "        if False:\n            return True"),
    ("g malformed XML without line:column", "termkit/documents/formats.py",
     'raise InputError(f"malformed XML: {e.msg}", str(path), line, col)', 'raise InputError(f"malformed XML: {e.msg}", str(path))'),
]
PLANTED_TESTS = {"termkit/documents/formats.py": ["tests/test_readers.py"]}


def planted(tree: Path) -> int:
    """Plant each bug in turn in a copy of the tree; report which tests fail. Exit 1 if one passes."""
    missed = 0
    for name, module, old, new in PLANTED:
        path = tree / module
        src = path.read_text(encoding="utf-8")
        if src.count(old) != 1:
            print(f"{name}: the line to mutate is not in {module} (the code changed?)")
            missed += 1
            continue
        path.write_text(src.replace(old, new), encoding="utf-8")
        try:
            files = test_files(tree, module) if module in MODULES else PLANTED_TESTS[module] + [
                str(p.relative_to(tree)) for pat in NEW for p in sorted(tree.glob(pat))]
            p = subprocess.run(command(tree, files).replace(" -x ", " ") + " -rf", shell=True, capture_output=True,
                               text=True, env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
            failed = sorted({line.split("::")[1].split(" ")[0].split("[")[0] for line in p.stdout.splitlines()
                             if line.startswith("FAILED ")})
            print(f"{name} ({module}): {'CAUGHT' if p.returncode else 'MISSED'} by {', '.join(failed) or '-'}",
                  flush=True)
            missed += p.returncode == 0
        finally:
            path.write_text(src, encoding="utf-8")
    return 1 if missed else 0


def copy_tree(dest: Path, rev: str | None) -> None:
    """The tracked files (and untracked, unignored ones) of the work tree, or of a commit."""
    dest.mkdir(parents=True)
    if rev:
        archive = subprocess.run(["git", "archive", rev], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
        return
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT, capture_output=True,
                           check=True).stdout.decode().split("\0")
    for name in filter(None, files):
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)


def test_files(tree: Path, module: str) -> list[str]:
    out = []
    for pattern in MODULES[module] + NEW:
        out.extend(sorted(str(p.relative_to(tree)) for p in tree.glob(pattern)))
    return out


def command(tree: Path, files: list[str]) -> str:
    # PYTHONPATH puts the copy before the editable install, for pytest and for the CLI tests'
    # subprocesses alike; cosmic-ray adds PYTHONDONTWRITEBYTECODE (no stale .pyc after a mutation).
    return (f"env -C {tree} PYTHONPATH={tree} PYTHONHASHSEED=0 {sys.executable} -m pytest -x -q -p no:cacheprovider "
            f"-p no:randomly --rootdir {tree} " + " ".join(files))


def enumerate_mutants(tree: Path, modules: list[str]):
    from cosmic_ray.commands.init import _all_work_items

    cwd = os.getcwd()
    os.chdir(tree)  # module paths relative to the tree, as cosmic-ray stores them
    try:
        items = [w.mutations[0] for w in _all_work_items([Path(m) for m in modules], {})]
    finally:
        os.chdir(cwd)
    key = lambda m: (str(m.module_path), m.start_pos, m.end_pos, m.operator_name, m.occurrence)  # noqa: E731
    return sorted(items, key=key)


def annotation_spans(path: Path) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(start, end) (line, column) of every annotation in a module that never evaluates them.

    With `from __future__ import annotations` an annotation is a string nobody reads at run time, so
    a mutant inside one (`int | None` -> `int - None`) is equivalent: such mutants are counted apart
    and not run. Columns are in characters, as cosmic-ray counts them.
    """
    import ast

    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    if not any(isinstance(n, ast.ImportFrom) and n.module == "__future__" and any(a.name == "annotations" for a in n.names)
               for n in tree.body):
        return []
    lines = source.splitlines()

    def char_col(line: int, col: int) -> int:
        return len(lines[line - 1].encode("utf-8")[:col].decode("utf-8", "replace"))

    spans = []
    for node in ast.walk(tree):
        found = []
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            a = node.args
            found = [node.returns] + [x.annotation for x in a.posonlyargs + a.args + a.kwonlyargs]
            found += [a.vararg.annotation if a.vararg else None, a.kwarg.annotation if a.kwarg else None]
        elif isinstance(node, ast.AnnAssign):
            found = [node.annotation]
        for ann in filter(None, found):
            spans.append(((ann.lineno, char_col(ann.lineno, ann.col_offset)),
                          (ann.end_lineno, char_col(ann.end_lineno, ann.end_col_offset))))
    return spans


def in_annotation(m, spans) -> bool:
    return any(start <= tuple(m.start_pos) and tuple(m.end_pos) <= end for start, end in spans)


def sample(mutants, n: int, seed: int, floor: int):
    """A seeded sample: per module in proportion to its mutants, at least `floor` from each."""
    if n <= 0 or n >= len(mutants):
        return list(mutants)
    by_module = defaultdict(list)
    for m in mutants:
        by_module[str(m.module_path)].append(m)
    rng = random.Random(seed)
    total = len(mutants)
    chosen = []
    for module in sorted(by_module):
        group = by_module[module]
        k = min(len(group), max(floor, round(n * len(group) / total)))
        chosen.extend(rng.sample(group, k))
    return chosen


def changed_line(diff: str) -> tuple[int | None, str]:
    """The first changed line of a unified diff: (line number in the original, '-old / +new')."""
    line_no, old, new = None, [], []
    for d in diff.splitlines():
        if d.startswith("@@") and line_no is None:
            start = int(d.split()[1].split(",")[0][1:])
            line_no = start
            offset = 0
        elif line_no is not None and not d.startswith(("---", "+++")):
            if d.startswith("-"):
                old.append(d[1:].strip())
            elif d.startswith("+"):
                new.append(d[1:].strip())
            elif not old and not new:
                offset += 1
    if line_no is not None:
        line_no += offset
    return line_no, f"{' / '.join(old)}  ->  {' / '.join(new)}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sample", type=int, default=160, help="mutants to run (0: all)")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--floor", type=int, default=3, help="at least this many mutants from each module")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--rev", help="take the tree (tests included) from this commit instead of the work tree")
    ap.add_argument("--modules", nargs="*", help="only these module paths (default: all core modules)")
    ap.add_argument("--timeout-factor", type=float, default=3.0)
    ap.add_argument("--json", help="write every result here")
    ap.add_argument("--rerun-survivors", metavar="JSON",
                    help="a --json file of an earlier run with the same sample and seed: run only its survivors "
                         "again and keep its other results (tests were only added since)")
    ap.add_argument("--planted", action="store_true",
                    help="plant issue 12's one-line bugs one at a time instead, and show the tests that catch each")
    ap.add_argument("--report", metavar="JSON",
                    help="print the table of a --json file again (mutants in annotations counted apart); run nothing")
    args = ap.parse_args(argv)
    if args.planted:
        work = Path(tempfile.mkdtemp(prefix="termkit-planted-"))
        copy_tree(work / "tree", args.rev)
        try:
            return planted(work / "tree")
        finally:
            shutil.rmtree(work, ignore_errors=True)
    try:
        from cosmic_ray.mutating import mutate_and_test  # noqa: F401
    except ImportError:
        print("needs Cosmic Ray: pip install cosmic-ray", file=sys.stderr)
        return 2
    from cosmic_ray.mutating import mutate_and_test
    from cosmic_ray.work_item import MutationSpec, TestOutcome, WorkerOutcome

    modules = args.modules or list(MODULES)
    if args.report:
        earlier = json.loads(Path(args.report).read_text(encoding="utf-8"))
        args.seed, args.sample, args.rerun_survivors = earlier["seed"], earlier["sample"], args.report
        args.floor = earlier.get("floor", args.floor)
        work, trees = None, [ROOT]  # only read: the mutants and the annotations of the work tree's modules
    else:
        work = Path(tempfile.mkdtemp(prefix="termkit-mutation-"))
        trees = [work / f"tree{i}" for i in range(args.jobs)]
        for t in trees:
            copy_tree(t, args.rev)
    print(f"seed {args.seed}, sample {args.sample}, jobs {args.jobs}, tree {args.rev or 'work tree'}, in {work}",
          flush=True)
    mutants = enumerate_mutants(trees[0], modules)
    chosen = sample(mutants, args.sample, args.seed, args.floor)
    per_module_total = defaultdict(int)
    for m in mutants:
        per_module_total[str(m.module_path)] += 1
    spans = {module: annotation_spans(trees[0] / module) for module in modules}
    equivalent = [{"module": str(m.module_path), "line": m.start_pos[0], "operator": m.operator_name,
                   "occurrence": m.occurrence, "outcome": "equivalent", "change": "(in an annotation)"}
                  for m in chosen if in_annotation(m, spans[str(m.module_path)])]
    chosen = [m for m in chosen if not in_annotation(m, spans[str(m.module_path)])]
    reused = []
    if args.rerun_survivors:
        earlier = json.loads(Path(args.rerun_survivors).read_text(encoding="utf-8"))
        if (earlier["seed"], earlier["sample"], earlier.get("floor", args.floor)) != (args.seed, args.sample, args.floor):
            print("--rerun-survivors: that run had another seed, sample size or floor", file=sys.stderr)
            return 2
        old = {(r["module"], r["operator"], r["occurrence"]): r for r in earlier["results"]}
        ids = {(str(m.module_path), m.operator_name, m.occurrence) for m in chosen}
        ids |= {(r["module"], r["operator"], r["occurrence"]) for r in equivalent}
        if set(old) != ids:
            print("--rerun-survivors: that run sampled other mutants", file=sys.stderr)
            return 2
        reused = [r for r in earlier["results"] if r["outcome"] != "survived"]
        reused = [r for r in reused if (r["module"], r["operator"], r["occurrence"]) in ids
                  and r["outcome"] != "equivalent"]
        chosen = [m for m in chosen if old[(str(m.module_path), m.operator_name, m.occurrence)]["outcome"] == "survived"]
        if args.report:
            reused += [old[(str(m.module_path), m.operator_name, m.occurrence)] for m in chosen]
            chosen = []
    print(f"{len(mutants)} mutants in {len(modules)} modules; {len(equivalent)} sampled ones in annotations; "
          f"running {len(chosen)}"
          + (f", {len(reused)} results kept from {args.rerun_survivors}" if reused else ""), flush=True)

    # Baseline: each module's subset must pass unmutated; its time sets the timeout. One run per
    # distinct subset (the rules share theirs), the trees taking turns.
    subsets = defaultdict(list)
    for module in sorted({str(m.module_path) for m in chosen}):
        subsets[tuple(test_files(trees[0], module))].append(module)
    pending, timeouts, failed = list(subsets.items()), {}, []

    def baseline(tree: Path):
        while True:
            with lock:
                if not pending:
                    return
                files, mods = pending.pop(0)
            t0 = time.perf_counter()
            p = subprocess.run(command(tree, list(files)), shell=True, capture_output=True, text=True)
            took = time.perf_counter() - t0
            with lock:
                if p.returncode != 0:
                    failed.append(f"baseline fails for {', '.join(mods)}:\n{p.stdout[-3000:]}")
                for module in mods:
                    timeouts[module] = args.timeout_factor * took + 10
                print(f"baseline {took:5.1f} s for {', '.join(mods)} ({len(files)} test files)", flush=True)

    lock = threading.Lock()
    threads = [threading.Thread(target=baseline, args=(t,)) for t in trees]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failed:
        print("\n".join(failed), file=sys.stderr)
        return 2

    queue = list(chosen)
    results = []
    started = time.perf_counter()

    def worker(tree: Path):
        while True:
            with lock:
                if not queue:
                    return
                m = queue.pop(0)
            module = str(m.module_path)
            spec = MutationSpec(tree / module, m.operator_name, m.occurrence, m.start_pos, m.end_pos)
            r = mutate_and_test([spec], command(tree, test_files(tree, module)), timeouts[module])
            if r.worker_outcome == WorkerOutcome.NORMAL and r.test_outcome == TestOutcome.KILLED:
                outcome = "timeout" if r.output == "timeout" else "killed"
            elif r.worker_outcome == WorkerOutcome.NORMAL and r.test_outcome == TestOutcome.SURVIVED:
                outcome = "survived"
            else:
                outcome = "incompetent"
            line, change = changed_line(r.diff or "")
            with lock:
                results.append({"module": module, "line": line or m.start_pos[0], "operator": m.operator_name,
                                "occurrence": m.occurrence, "outcome": outcome, "change": change})
                done = len(results)
                if outcome == "survived" or done % 20 == 0:
                    print(f"[{done}/{len(chosen)} {time.perf_counter() - started:.0f} s] {outcome}: "
                          f"{module}:{line} {m.operator_name} {change}", flush=True)

    threads = [threading.Thread(target=worker, args=(t,)) for t in trees]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    print(f"\n{len(results)} mutants run in {time.perf_counter() - started:.0f} s (seed {args.seed})\n")
    results += reused + equivalent
    head = (f"{'module':38} {'all':>5} {'sample':>6} {'killed':>6} {'timeout':>7} {'surv.':>5} {'incomp.':>7} "
            f"{'annot.':>6} {'surv. %':>7}")
    print(head)
    totals = defaultdict(int)
    for module in modules:
        rs = [r for r in results if r["module"] == module]
        if not rs:
            continue
        c = {k: sum(1 for r in rs if r["outcome"] == k)
             for k in ("killed", "timeout", "survived", "incompetent", "equivalent")}
        tested = c["killed"] + c["timeout"] + c["survived"]
        for k, v in c.items():
            totals[k] += v
        totals["run"] += len(rs)
        totals["all"] += per_module_total[module]
        rate = f"{100 * c['survived'] / tested:.1f}" if tested else "-"
        print(f"{module:38} {per_module_total[module]:>5} {len(rs):>6} {c['killed']:>6} {c['timeout']:>7} "
              f"{c['survived']:>5} {c['incompetent']:>7} {c['equivalent']:>6} {rate:>7}")
    tested = totals["killed"] + totals["timeout"] + totals["survived"]
    print(f"{'total':38} {totals['all']:>5} {totals['run']:>6} {totals['killed']:>6} {totals['timeout']:>7} "
          f"{totals['survived']:>5} {totals['incompetent']:>7} {totals['equivalent']:>6} "
          f"{100 * totals['survived'] / max(tested, 1):>7.1f}")
    survivors = sorted((r for r in results if r["outcome"] == "survived"), key=lambda r: (r["module"], r["line"]))
    if survivors:
        print("\nsurvivors:")
        for r in survivors:
            print(f"  {r['module']}:{r['line']}  {r['operator']}  {r['change']}")
    if args.json:
        Path(args.json).write_text(json.dumps({"seed": args.seed, "sample": args.sample, "floor": args.floor, "rev": args.rev,
                                               "results": results}, indent=1, ensure_ascii=False), encoding="utf-8")
    if work is not None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
