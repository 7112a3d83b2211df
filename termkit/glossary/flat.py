"""The flat, spreadsheet form of the glossary: one English term (or misspelling) per row, CSV, TSV or XLSX."""
from __future__ import annotations

import csv
import json
from pathlib import Path

from .loader import FLAT_EXTRA, FLAT_OPTIONAL, FLAT_PRECISION, FLAT_REQUIRED, LIST_SEP, PRECISION_FIELDS
from ..model import Concept

COLUMNS = FLAT_REQUIRED + FLAT_OPTIONAL + FLAT_EXTRA + FLAT_PRECISION


def flat_rows(concepts: list[Concept]) -> list[dict]:
    """Rows with every column; concept-level fields on each concept's first row only."""
    rows = []
    for c in concepts:
        first = {
            "ko_nk": c.ko_nk or "", "hanja": c.hanja or "", "mr": c.mr or "", "rr": c.rr or "",
            "domain": c.domain, "note": c.note or "", "type": c.type,
            "ko_variants": LIST_SEP.join(c.ko_variants), "rom_variants": LIST_SEP.join(c.rom_variants),
            "definition": c.definition or "", "confidence": c.confidence, "sources": LIST_SEP.join(c.sources),
            "names_dprk": LIST_SEP.join(c.name_forms("dprk")), "names_sk": LIST_SEP.join(c.name_forms("sk")),
            "names_other": LIST_SEP.join(c.name_forms("other")),
            "specs": json.dumps([{"text": s.text, "expect": list(s.expect)} for s in c.specs], ensure_ascii=False),
            **{k: LIST_SEP.join(getattr(c, k)) for k in PRECISION_FIELDS},
        }
        for i, t in enumerate([*c.terms, *c.misspellings]):
            row = {k: "" for k in COLUMNS}
            row.update(concept=c.id, ko=c.ko, en=t.form, status=t.status, reason=t.reason or "",
                       needs_evidence="yes" if t.needs_evidence else "", since=t.since or "", seen_in=t.seen_in or "",
                       other_state=t.other_state or "")
            if i == 0:
                row.update(first)
            rows.append(row)
    return rows


def export_flat(concepts: list[Concept], path: Path) -> None:
    """CSV (quoted as needed) or TSV (no quoting: tabs and line breaks in cells become spaces)."""
    rows = flat_rows(concepts)
    if path.suffix.lower() == ".xlsx":
        import pandas as pd

        pd.DataFrame(rows, columns=list(COLUMNS)).to_excel(path, index=False, sheet_name="glossary")
        return
    tsv = path.suffix.lower() == ".tsv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        if tsv:
            fh.write("\t".join(COLUMNS) + "\n")
            for row in rows:
                fh.write("\t".join(" ".join(str(row[k]).split()) if k != "specs" else row[k] for k in COLUMNS) + "\n")
        else:
            writer = csv.DictWriter(fh, fieldnames=list(COLUMNS), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
