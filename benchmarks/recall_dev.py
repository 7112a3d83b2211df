"""Recall and precision of `termkit check` on the development set, per error class and overall.

    .venv/bin/python benchmarks/recall_dev.py                 # benchmarks/devset
    .venv/bin/python benchmarks/recall_dev.py --list          # also every miss and false alarm
    .venv/bin/python benchmarks/recall_dev.py --only 17-21    # the held-out documents alone

An error (from a document's annotation file) is found when a finding on its line overlaps its text
and has its expected code (or any code, for `any`); in a bilingual file a finding on the line's
source side (TK601: the source term has no rendering) counts for the line's errors as well. A finding is a true alarm when it finds an
error; a false alarm when it stands on a clean look-alike line (counted under that line's class) or
matches no annotation at all (counted under `?`). Precision per class: found errors / (found errors
+ false alarms of that class).
"""
from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

CLASSES = "abcdefg"
NAMES = {"a": "unlisted variant", "b": "unlisted glossed phrase", "c": "name spelling",
         "d": "other state's institution", "e": "needs evidence (context)", "f": "punctuation in names",
         "g": "listed form (control)", "?": "unannotated line"}


def load_annotations(path: Path) -> dict:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {"errors": data.get("errors") or [], "clean": data.get("clean") or []}


def numbers(spec: str | None) -> set[int] | None:
    """'17-21,3' -> {3, 17, 18, 19, 20, 21}; None: every document."""
    if not spec:
        return None
    out = set()
    for part in spec.split(","):
        lo, _, hi = part.partition("-")
        out.update(range(int(lo), int(hi or lo) + 1))
    return out


def documents(root: Path, only: set[int] | None = None):
    """(document path, annotations) for every annotated document (or those numbered in `only`), sorted."""
    for ann in sorted(root.glob("*.yaml")):
        if only is not None and int(ann.name.split("-")[0]) not in only:
            continue
        doc = next((p for p in (ann.with_suffix(".md"), ann.with_suffix(".tsv")) if p.exists()), None)
        if doc is None:
            raise SystemExit(f"{ann}: no document beside it")
        yield doc, load_annotations(ann)


def overlaps(finding, error: dict, lines: list[str]) -> bool:
    """Whether a finding on the error's line covers part of the error's text."""
    if finding.line != error["line"]:
        return False
    if finding.side == "source":  # bilingual: a finding on the source (TK601: no rendering of this term)
        return error["code"] in ("any", finding.code)
    text = lines[error["line"] - 1]
    at = text.lower().find(error["found"].lower())
    if at < 0:
        raise SystemExit(f"line {error['line']}: {error['found']!r} is not on it")
    start, end = at + 1, at + 1 + len(error["found"])  # 1-based columns, end exclusive
    f_end = finding.end_column if finding.end_line == finding.line else len(text) + 1
    return finding.column < end and f_end > start and (error["code"] == "any" or finding.code == error["code"])


def score(root: Path, only: set[int] | None = None):
    os.environ.setdefault("TERMKIT_CACHE_DIR", "/tmp/termkit-recall-dev-cache")
    from termkit.checking import Checker
    from termkit.config import Config

    checker = Checker(Config())
    found, total, false_alarms, true_alarms = Counter(), Counter(), Counter(), Counter()
    misses, alarms = [], []
    for doc, ann in documents(root, only):
        lines = doc.read_text(encoding="utf-8").splitlines()
        findings = checker.check_file(str(doc))
        clean = {c["line"]: c["class"] for c in ann["clean"]}
        used = set()
        for e in ann["errors"]:
            total[e["class"]] += 1
            hit = [i for i, f in enumerate(findings) if overlaps(f, e, lines)]
            if hit:
                found[e["class"]] += 1
                used.update(hit)
            else:
                misses.append(f"{doc.name}:{e['line']}: [{e['class']}] {e['found']!r} (expected {e['code']})")
        for i, f in enumerate(findings):
            if i in used:
                continue
            if any(f.line == e["line"] and overlaps(f._replace(code=e["code"]) if e["code"] != "any" else f, e, lines)
                   for e in ann["errors"]):
                continue  # another code on an annotated error: not false, not the one expected
            cls = clean.get(f.line, "?")
            false_alarms[cls] += 1
            alarms.append(f"{doc.name}:{f.line}:{f.column}: [{cls}] {f.code} {f.found!r}")
    return found, total, false_alarms, misses, alarms


def table(found: Counter, total: Counter, false_alarms: Counter) -> list[str]:
    out = ["| class | errors | found | recall | false alarms | precision |", "|---|---|---|---|---|---|"]
    for c in list(CLASSES) + ["?"]:
        if not total[c] and not false_alarms[c]:
            continue
        recall = f"{found[c] / total[c]:.3f}" if total[c] else "–"
        den = found[c] + false_alarms[c]
        prec = f"{found[c] / den:.3f}" if den else "–"
        out.append(f"| {c} {NAMES[c]} | {total[c]} | {found[c]} | {recall} | {false_alarms[c]} | {prec} |")
    n, f, fa = sum(total.values()), sum(found.values()), sum(false_alarms.values())
    out.append(f"| all | {n} | {f} | {f / n:.3f} | {fa} | {f / (f + fa):.3f} |")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", nargs="?", default=str(Path(__file__).parent / "devset"))
    ap.add_argument("--list", action="store_true", help="list every miss and false alarm")
    ap.add_argument("--only", metavar="N-M,…", help="score only the documents with these numbers")
    args = ap.parse_args(argv)
    found, total, false_alarms, misses, alarms = score(Path(args.root), numbers(args.only))
    print("\n".join(table(found, total, false_alarms)))
    if args.list:
        print(f"\nmisses ({len(misses)}):")
        print("\n".join(misses))
        print(f"\nfalse alarms ({len(alarms)}):")
        print("\n".join(alarms))
    return 0


if __name__ == "__main__":
    sys.exit(main())
