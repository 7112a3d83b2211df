"""Precision of `termkit check` on real English: findings per rule, judged verdicts, and diffs between runs.

    .venv/bin/python benchmarks/precision_real.py ../shared/realtext/kcna-2024 \\
        --judgments benchmarks/judgments/kcna-2024.jsonl

A finding is identified by (path, line, column, code, found); the path is relative to the corpus root
given on the command line (for a file given directly: its name). Judgments are JSONL, one object per
finding with those five fields plus `verdict` (tp, fp or debatable) and `reason`; precision is
tp / (tp + fp), debatable findings are counted apart and left out of both. Judgments hold positions,
codes and the found terms only, never the texts' sentences.

Exit status: 0, or 1 when `--judgments` is given and a finding is unjudged or a judgment has lost its
finding (so that a detection change cannot pass with unjudged new alarms).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

KEY_FIELDS = ("path", "line", "column", "code", "found")
JUDGMENT_FIELDS = KEY_FIELDS + ("verdict", "reason")
VERDICTS = ("tp", "fp", "debatable")
KB = 1000  # bytes; figures are per 100 KB of the files as read


def key(record: dict) -> tuple:
    """The identity of a finding or a judgment."""
    return tuple(record[f] for f in KEY_FIELDS)


def relative(path: Path, root: Path) -> str:
    """A file's path relative to the root given (a file given directly: its name), with '/' separators."""
    if root.is_dir():
        return path.relative_to(root).as_posix()
    return path.name


def make_checker(exclude: list[str] | None = None, as_of: str | None = None, matcher=None):
    """A checker over the bundled glossary with every rule and no configuration file read."""
    os.environ.setdefault("TERMKIT_CACHE_DIR", "/tmp/termkit-precision-real-cache")
    from termkit.checking import Checker
    from termkit.config import Config

    return Checker(Config(exclude=list(exclude or []), as_of=as_of), matcher=matcher)


def parse_dates(specs: list[str] | None) -> list[tuple[str, str]]:
    """`--as-of` values, GLOB=DATE or DATE (every file), as (glob, date) pairs in the order given."""
    out = []
    for spec in specs or []:
        glob, sep, date = spec.rpartition("=")
        out.append((glob if sep else "*", date))
    return out


def date_of(rel: str, dates: list[tuple[str, str]]) -> str | None:
    """The date a file is checked as of: the first `--as-of` whose glob matches its relative path."""
    from fnmatch import fnmatchcase

    return next((d for g, d in dates if fnmatchcase(rel, g)), None)


def check_corpus(roots: list[str], checker, dates: list[tuple[str, str]] | None = None
                 ) -> tuple[list[dict], int, int]:
    """Every finding under the roots as a record, sorted; plus the bytes and the files read.

    `dates` gives files the date a user would state for them (front matter `date:` or `--as-of`);
    a file's own front matter still wins, as in `termkit check`.
    """
    records, size, files = [], 0, 0
    dated = {None: checker}
    for root in map(Path, roots):
        for path in checker.files([str(root)]):
            files += 1
            size += path.stat().st_size
            when = date_of(relative(path, root), dates or [])
            if when not in dated:
                dated[when] = make_checker(checker.config.exclude, when, checker.matcher)
            for f in dated[when].check_file(path):
                records.append({"path": relative(path, root), "line": f.line, "column": f.column,
                                "code": f.code, "found": f.found, "concept": f.concept, "message": f.message})
    return sorted(records, key=key), size, files


def read_jsonl(path: str | Path) -> list[dict]:
    """Records of a JSONL file (blank lines skipped)."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def write_jsonl(path: str | Path, records: list[dict], fields: tuple | None = None) -> None:
    """Records sorted by identity, one JSON object a line; only `fields` when given."""
    with open(path, "w", encoding="utf-8") as fh:
        for r in sorted(records, key=key):
            r = {f: r.get(f, "") for f in fields} if fields else r
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def check_judgments(judgments: list[dict]) -> list[str]:
    """Problems in a judgments file: unknown verdicts and the same finding judged twice."""
    problems, seen = [], set()
    for j in judgments:
        if j.get("verdict") not in VERDICTS:
            problems.append(f"bad verdict {j.get('verdict')!r}: {_where(j)}")
        if key(j) in seen:
            problems.append(f"judged twice: {_where(j)}")
        seen.add(key(j))
    return problems


def tally(records: list[dict], judgments: list[dict]) -> dict[str, Counter]:
    """Per rule: findings and their verdicts (tp, fp, debatable, unjudged)."""
    verdict = {key(j): j["verdict"] for j in judgments}
    per_rule: dict[str, Counter] = defaultdict(Counter)
    for r in records:
        c = per_rule[r["code"]]
        c["findings"] += 1
        c[verdict.get(key(r), "unjudged")] += 1
    return dict(sorted(per_rule.items()))


def precision(c: Counter) -> float | None:
    """tp / (tp + fp); None when neither."""
    judged = c["tp"] + c["fp"]
    return c["tp"] / judged if judged else None


def unjudged(records: list[dict], judgments: list[dict]) -> list[dict]:
    """Findings with no judgment."""
    known = {key(j) for j in judgments}
    return [r for r in records if key(r) not in known]


def stale(records: list[dict], judgments: list[dict]) -> list[dict]:
    """Judgments whose finding this run no longer reports."""
    found = {key(r) for r in records}
    return sorted((j for j in judgments if key(j) not in found), key=key)


def diff(records: list[dict], saved: list[dict]) -> tuple[list[dict], list[dict]]:
    """Findings that appeared since the saved run, and those that disappeared."""
    now, before = {key(r) for r in records}, {key(r) for r in saved}
    return ([r for r in records if key(r) not in before],
            sorted((r for r in saved if key(r) not in now), key=key))


def stubs(records: list[dict]) -> list[dict]:
    """Judgment stubs to fill in (verdict and reason empty), with termkit's message as a hint."""
    return [{**{f: r[f] for f in KEY_FIELDS}, "verdict": "", "reason": "", "message": r.get("message", "")}
            for r in records]


def _where(r: dict) -> str:
    return f"{r['path']}:{r['line']}:{r['column']}: {r['code']} {r['found']!r}"


def _fmt(p: float | None) -> str:
    return "—" if p is None else f"{p:.2f}"


def counts_table(records: list[dict], size: int, files: int) -> list[str]:
    """Findings per rule and per 100 KB."""
    per_rule = Counter(r["code"] for r in records)
    per = 100 * KB / size if size else 0.0
    lines = [f"{files} files, {size:,} bytes ({size / KB:,.1f} KB): {len(records)} findings, "
             f"{len(records) * per:.1f} per 100 KB", "", "rule    findings  per 100 KB"]
    lines += [f"{code:<7} {n:>8}  {n * per:>10.2f}" for code, n in sorted(per_rule.items())]
    return lines


def precision_table(per_rule: dict[str, Counter]) -> list[str]:
    """Verdicts and precision per rule and overall."""
    lines = ["rule    findings    tp    fp  debatable  unjudged  precision"]
    total: Counter = Counter()
    for code, c in per_rule.items():
        total.update(c)
        lines.append(_precision_row(code, c))
    lines.append(_precision_row("all", total))
    lines.append("precision = tp / (tp + fp); debatable findings are excluded from both")
    return lines


def _precision_row(label: str, c: Counter) -> str:
    return (f"{label:<7} {c['findings']:>8} {c['tp']:>5} {c['fp']:>5} {c['debatable']:>10} "
            f"{c['unjudged']:>9}  {_fmt(precision(c)):>9}")


def listing(title: str, records: list[dict]) -> list[str]:
    """A titled list of findings, or nothing when there are none."""
    if not records:
        return []
    return ["", f"{title} ({len(records)}):"] + [f"  {_where(r)}" for r in records]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", metavar="PATH", help="corpus roots (directories) or files")
    ap.add_argument("--judgments", metavar="FILE", help="JSONL verdicts: precision per rule, unjudged findings")
    ap.add_argument("--save", metavar="FILE", help="write this run's findings (JSONL)")
    ap.add_argument("--against", metavar="FILE", help="a saved run: list findings that appeared and disappeared")
    ap.add_argument("--write-unjudged", metavar="FILE", help="write stubs for the unjudged findings (JSONL)")
    ap.add_argument("--as-of", metavar="[GLOB=]DATE", action="append", default=None,
                    help="check the files matching GLOB (relative path; default every file) as of DATE, "
                         "YYYY[-MM[-DD]], as `termkit check --as-of` does; repeatable, the first match wins")
    ap.add_argument("--exclude", metavar="GLOB", action="append", default=None,
                    help="file names or paths to skip (default: README.md, a corpus's own description)")
    return ap.parse_args(argv)


def judged_report(records: list[dict], judgments: list[dict]) -> tuple[list[str], int]:
    """Precision per rule, problems, unjudged findings and stale judgments; status 1 if any is left to do."""
    problems = check_judgments(judgments)
    todo, gone = unjudged(records, judgments), stale(records, judgments)
    lines = ["", *precision_table(tally(records, judgments))]
    if problems:
        lines += ["", f"problems in the judgments ({len(problems)}):", *(f"  {p}" for p in problems)]
    lines += listing("findings not yet judged", todo) + listing("judgments whose finding disappeared", gone)
    return lines, 1 if todo or gone or problems else 0


def diff_report(records: list[dict], saved_path: str) -> list[str]:
    """The findings that appeared and disappeared since a saved run."""
    appeared, disappeared = diff(records, read_jsonl(saved_path))
    lines = ["", f"against {saved_path}: {len(appeared)} appeared, {len(disappeared)} disappeared"]
    return lines + listing("appeared", appeared) + listing("disappeared", disappeared)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    exclude = ["README.md"] if args.exclude is None else args.exclude
    records, size, files = check_corpus(args.paths, make_checker(exclude), parse_dates(args.as_of))
    out, status = counts_table(records, size, files), 0
    judgments = read_jsonl(args.judgments) if args.judgments else []
    if args.judgments:
        lines, status = judged_report(records, judgments)
        out += lines
    if args.against:
        out += diff_report(records, args.against)
    if args.save:
        write_jsonl(args.save, records)
    if args.write_unjudged:
        write_jsonl(args.write_unjudged, stubs(unjudged(records, judgments)))
    print("\n".join(out))
    return status


if __name__ == "__main__":
    sys.exit(main())
