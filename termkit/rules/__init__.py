"""The rule registry: rules with stable codes, run per segment or, in two passes, per document.

A segment rule is a function (document, context) -> findings over one segment's hits. A document
rule (consistency across a document) is a class: `count(segment)` sees every segment once, `ready()`
says whether anything needs reporting, and `report(segment)` sees them again only then — so memory
holds counts, not a document's hits, and a clean corpus is read once.
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Callable, Iterable

from ..model import Finding


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str  # error | warning
    func: Callable  # a segment rule's function, or a document rule's class
    doc: str
    needs: int | None = None  # the hits it looks at, as matcher.EN_APPROVED… bits; None: every hit

    @property
    def per_document(self) -> bool:
        return isinstance(self.func, type)

    @property
    def summary(self) -> str:
        return self.doc.splitlines()[0] if self.doc else ""

    def examples(self) -> list[tuple[str, str]]:
        """(expected, text) pairs from the docstring's `Okay:` and `TKnnn:` lines (bilingual: `KO => EN`, segments joined by ` || `)."""
        out = []
        for line in self.doc.splitlines():
            label, sep, text = line.strip(" ").partition(": ")
            if sep and (label == "Okay" or (label.startswith("TK") and label[2:].isdigit())):
                out.append((label, text))
        return out


REGISTRY: dict[str, Rule] = {}


def rule(code: str, name: str, severity: str, needs: int | None = None):
    def register(func):
        REGISTRY[code] = Rule(code, name, severity, func, inspect.cleandoc(func.__doc__ or ""), needs)
        return func
    return register


VIEW_FROM = 16  # hits: a smaller segment (a bilingual row) is handed whole, as filtering costs more


def view(doc, needs: int | None, ctx):
    """The document with only the hits a rule needs (its `needs` bits), made once per segment and rule kind.

    Rules ignore the other hits anyway; a megabyte holds thousands of hits and most rules want a few.
    """
    if needs is None or len(doc.hits) < VIEW_FROM:
        return doc
    got = doc.views.get(needs)
    if got is None:
        from ..matching.matcher import EVIDENCE

        masks = ctx.matcher.key_masks
        if needs & EVIDENCE:
            hits = [h for h in doc.hits if h.evidence or masks[h.key] & needs]
        else:
            hits = [h for h in doc.hits if masks[h.key] & needs]
        got = doc.views[needs] = type(doc)(doc.path, hits, doc.doc, doc.source_hits, doc.bilingual)
    return got


def all_rules() -> list[Rule]:
    _load()
    return [REGISTRY[c] for c in sorted(REGISTRY)]


def get(code: str) -> Rule | None:
    _load()
    return REGISTRY.get(code.upper())


def _load():
    from . import bilingual, consistency, gloss, names, rendering, romanization  # noqa: F401  (registers)


def run(rules: Iterable[Rule], doc, ctx) -> list[Finding]:
    """Segment rules over one segment's hits."""
    out = []
    for r in rules:
        out.extend(r.func(view(doc, r.needs, ctx), ctx))
    return out
