"""Rules: the glossary's hits in one document in, findings out — each rule under a stable code.

Takes a `Document` (one segment's hits, or a whole document's in two passes) and a `Context`
(the compiled glossary and the house-style options); gives `Finding`s. Rules run per segment or,
in two passes, per document.

A segment rule is a function (document, context) -> findings over one segment's hits. A document
rule (consistency across a document) is a class: `count(segment)` sees every segment once, `ready()`
says whether anything needs reporting, and `report(segment)` sees them again only then — so memory
holds counts, not a document's hits, and a clean corpus is read once.
"""
from __future__ import annotations

from typing import Iterable

from ..model import Finding
from .base import Context, Document
from .registry import REGISTRY, Rule, rule

__all__ = ["Context", "Document", "REGISTRY", "Rule", "all_rules", "get", "name_hits", "rule", "run", "view"]


VIEW_FROM = 16  # hits: a smaller segment (a bilingual row) is handed whole, as filtering costs more


def view(doc, needs: int | None, ctx):
    """The document with only the hits a rule needs (its `needs` bits), made once per segment and rule kind.

    Rules ignore the other hits anyway; a megabyte holds thousands of hits and most rules want a few.
    """
    if needs is None or len(doc.hits) < VIEW_FROM:
        return doc
    got = doc.views.get(needs)
    if got is None:
        from ..matching import EVIDENCE

        masks = ctx.matcher.key_masks
        if needs & EVIDENCE:
            hits = [h for h in doc.hits if h.evidence or masks[h.key] & needs]
        else:
            hits = [h for h in doc.hits if masks[h.key] & needs]
        got = doc.views[needs] = type(doc)(doc.path, hits, doc.doc, doc.source_hits, doc.bilingual,
                                           text=doc.text, date=doc.date, full=doc.hits)
    return got


def all_rules() -> list[Rule]:
    return [REGISTRY[c] for c in sorted(REGISTRY)]


def get(code: str) -> Rule | None:
    return REGISTRY.get(code.upper())


def run(rules: Iterable[Rule], doc, ctx) -> list[Finding]:
    """Segment rules over one segment's hits."""
    out = []
    for r in rules:
        out.extend(r.func(view(doc, r.needs, ctx), ctx))
    return out


# The rule modules register themselves on import (each @rule adds one code to REGISTRY).
from . import bilingual, consistency, gloss, glossed, names, rendering, romanization, variants  # noqa: E402,F401
from .names import name_hits  # noqa: E402
