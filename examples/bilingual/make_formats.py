"""Generate analysis.xlf (XLIFF 1.2) and analysis.tmx (TMX 1.4) from analysis.tsv.

    python examples/bilingual/make_formats.py [OUTDIR]

The TSV (header `doc<TAB>ko<TAB>en`, no quoting) is the one source of the example; the XLIFF and
TMX files are derived from it and committed. OUTDIR defaults to this script's directory; the tests
write into a temporary directory and compare byte for byte, so edit the TSV, re-run this script and
commit all three files together.

XLIFF: one <file original="DOC"> per document (in order of first appearance), one <trans-unit> per
row. TMX has no document grouping: all rows are <tu>s of one <body>, in TSV order, each with a
<prop type="x-doc"> naming its document (termkit's TMX reader ignores props, so a TMX file is
checked as one document). Trans-unit ids and tuids are the row numbers 1..N of the TSV.
"""
from __future__ import annotations

import sys
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

HERE = Path(__file__).resolve().parent
TSV = HERE / "analysis.tsv"
HEADER = ["doc", "ko", "en"]


def read_rows(path: Path = TSV) -> list[tuple[str, str, str]]:
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0].split("\t") != HEADER:
        raise SystemExit(f"{path}:1: header must be {HEADER}")
    rows = []
    for n, line in enumerate(lines[1:], 2):
        fields = line.split("\t")
        if len(fields) != 3 or not all(fields) or "\r" in line:
            raise SystemExit(f"{path}:{n}: expected 3 non-empty tab-separated fields")
        rows.append((fields[0], fields[1], fields[2]))
    return rows


def xliff(rows) -> str:
    docs: dict[str, list[tuple[int, str, str]]] = {}
    for number, (doc, ko, en) in enumerate(rows, 1):
        docs.setdefault(doc, []).append((number, ko, en))
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">']
    for doc, units in docs.items():
        out.append(f'  <file original={quoteattr(doc)} source-language="ko" target-language="en" '
                   f'datatype="plaintext">')
        out.append("    <body>")
        for number, ko, en in units:
            out.append(f'      <trans-unit id="{number}">')
            out.append(f"        <source>{escape(ko)}</source>")
            out.append(f"        <target>{escape(en)}</target>")
            out.append("      </trans-unit>")
        out.append("    </body>")
        out.append("  </file>")
    out.append("</xliff>")
    return "\n".join(out) + "\n"


def tmx(rows) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<tmx version="1.4">',
           '  <header creationtool="termkit-examples-make_formats" creationtoolversion="1" '
           'segtype="sentence" o-tmf="tsv" adminlang="en" srclang="ko" datatype="plaintext"/>',
           "  <body>"]
    for number, (doc, ko, en) in enumerate(rows, 1):
        out.append(f'    <tu tuid="{number}">')
        out.append(f'      <prop type="x-doc">{escape(doc)}</prop>')
        out.append(f'      <tuv xml:lang="ko"><seg>{escape(ko)}</seg></tuv>')
        out.append(f'      <tuv xml:lang="en"><seg>{escape(en)}</seg></tuv>')
        out.append("    </tu>")
    out.append("  </body>")
    out.append("</tmx>")
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> int:
    outdir = Path(argv[0]) if argv else HERE
    outdir.mkdir(parents=True, exist_ok=True)
    rows = read_rows()
    for name, text in (("analysis.xlf", xliff(rows)), ("analysis.tmx", tmx(rows))):
        with open(outdir / name, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
