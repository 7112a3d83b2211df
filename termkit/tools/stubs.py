"""Glossary stubs for review: `extract`'s candidates written as a YAML review file.

The file is **not a glossary file**. The glossary schema requires at least one spec per concept
(`specs`, minItems 1) and allows no other keys, and a stub cannot have a spec that anybody has
checked. So the review file holds, under `candidates`, one mapping per candidate made of

* the glossary fields that the corpus itself supports — `id` (from the Revised Romanization of
  the Korean, made unique against the glossary), `ko`, `en.preferred` (the first rendering) and
  `confidence: low` — and nothing invented: no hanja, romanization fields, definition or note;
* a `review` block with the evidence: rank, score, C-value, counts, surface forms, sentencepiece
  pieces, the English renderings with their Dice and log-likelihood, and example segments.

To adopt a candidate, check its rendering against the examples, delete `review`, add specs (and
whatever else you can verify), and move it into a domain file under `glossary/`; `termkit glossary
validate` then checks it like any other concept.
"""
from __future__ import annotations

import io
import re
from pathlib import Path

from .._version import __version__
from .extract import Candidate, ExtractResult

HEADER = """\
# termkit extract: candidate terms for review. NOT a glossary file: the stubs have no specs, which
# the glossary schema requires, and each carries a `review` block that the schema does not allow.
# To adopt a candidate: check `en.preferred` against the examples, delete `review`, add specs and
# what you can verify (hanja, mr, rr, note), and move it into a domain file under glossary/.
"""


def stub_id(ko: str, taken: set[str]) -> str:
    """A concept id from the Revised Romanization of the Korean: ASCII, hyphenated by word, unique."""
    from ..matching import romanize

    base = re.sub(r"[^a-z0-9]+", "-", romanize(ko, "rr").replace("×", "x").lower()).strip("-") or "term"
    out, n = base, 2
    while out in taken:
        out, n = f"{base}-{n}", n + 1
    taken.add(out)
    return out


def stub(c: Candidate, concept_id: str) -> dict:
    """One candidate as a glossary concept stub plus its `review` evidence."""
    d: dict = {"id": concept_id, "ko": c.ko}
    if c.rendering:
        d["en"] = {"preferred": [c.rendering]}
    d["confidence"] = "low"
    d["review"] = {
        "rank": c.rank,
        "score": c.score,
        "c_value": c.c_value,
        "occurrences": c.occurrences,
        "segments": c.segments,
        "forms": {form: n for form, n in c.forms},
        "pieces": list(c.pieces),
        "renderings": [{"form": r.form, "segments": r.segments, "together": r.together, "dice": r.dice,
                        "llr": r.llr} for r in c.renderings],
        "examples": [{"at": f"{e.path}:{e.line}", "ko": e.source, "en": e.target} for e in c.examples],
    }
    return d


def review_document(result: ExtractResult) -> dict:
    taken = set(result.glossary_ids)
    return {
        "termkit": __version__,
        "signature": result.signature,
        "corpus": {"files": list(result.files), "segments": result.segments},
        "sentencepiece": dict(result.spm),
        "candidates": [stub(c, stub_id(c.ko, taken)) for c in result.candidates],
    }


def review_yaml(result: ExtractResult) -> str:
    """The review file's text: deterministic for a given corpus, glossary and options."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    def convert(value, key=None):
        if isinstance(value, dict):
            m = CommentedMap()
            for k, v in value.items():
                m[k] = convert(v, k)
            if key in ("renderings_item", "sentencepiece_flow"):
                m.fa.set_flow_style()
            return m
        if isinstance(value, list):
            seq = CommentedSeq([convert(v, "renderings_item" if key == "renderings" else None) for v in value])
            if key in ("preferred", "pieces", "files"):
                seq.fa.set_flow_style()
            return seq
        return value

    y = YAML(typ="rt")
    y.width = 4096
    y.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    y.dump(convert(review_document(result)), out)
    return HEADER + out.getvalue()


def write_review(result: ExtractResult, path: str | Path) -> Path:
    path = Path(path)
    path.write_text(review_yaml(result), encoding="utf-8", newline="\n")
    return path
