"""Write the example report over the worked examples: HTML, XLSX and CSV.

    python examples/report/make_report.py                 # into build/example-report/
    python examples/report/make_report.py --out DIR --jobs 2

The report covers the English passage and its corrected twin (examples/*.md) and the bilingual
analysis as TSV, XLIFF and TMX (examples/bilingual/). It uses the bundled glossary and default
options whatever configuration file is nearby, so every run gives the same report.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from termkit.config import Config
from termkit.output.report import build_report

EXAMPLES = Path(__file__).resolve().parent.parent
ROOT = EXAMPLES.parent
FILES = ["kinu-passage.md", "kinu-passage-corrected.md", "bilingual/analysis.tsv", "bilingual/analysis.xlf",
         "bilingual/analysis.tmx"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "example-report",
                    help="output directory (default: build/example-report, ignored by git)")
    ap.add_argument("--jobs", type=int, default=1, help="processes to check with")
    args = ap.parse_args(argv)
    args.out = args.out.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    # Paths relative to the repository root, so that the report names files as a reader sees them.
    paths = [str((EXAMPLES / f).relative_to(ROOT)) for f in FILES]
    os.chdir(ROOT)
    for ext in ("html", "xlsx", "csv"):
        s = build_report(paths, Config(), args.out / f"report.{ext}", jobs=args.jobs)
        print(f"{s.output}: {s.findings} findings ({s.errors} errors, {s.warnings} warnings) in "
              f"{s.documents} documents of {s.files} files")
        for p in s.problems:
            print(f"  not checked: {p}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
