"""TK301: one concept rendered in two or more approved ways in one document."""
from __future__ import annotations

from ..matching import EN_APPROVED
from ..model import APPROVED
from .base import ValueCounts, finding, label
from .registry import rule


def _attribute(hit, ctx):
    """(concept, glossary form) a hit renders, if it is an approved, attributable rendering."""
    if hit.evidence or hit.context:
        return _attribute_uncached(hit, ctx)
    memo = ctx.memo.setdefault("TK301", {})
    got = memo.get(hit.key, memo)
    if got is memo:  # without a gloss or a source, the answer depends on the key alone
        got = memo[hit.key] = _attribute_uncached(hit, ctx)
    return got


def _attribute_uncached(hit, ctx):
    ok = [e for e in ctx.entries(hit, "en") if e.status in APPROVED]
    if not ok:
        return None
    proven = [e for e in ok if ctx.proven(hit, e.concept)]
    if proven:
        ok = proven
    elif len({e.concept for e in ok}) > 1:
        return None  # ambiguous without a gloss or a source
    e = ok[0]
    if ctx.concept(e.concept).type == "person":
        return None
    return e.concept, e.form.casefold()


@rule("TK301", "inconsistent-rendering", "warning", needs=EN_APPROVED)
class InconsistentRendering:
    """One concept rendered two or more ways in one document.

    Why: even where each rendering is acceptable, a reader takes two renderings for two concepts.
    Every occurrence of a less frequent rendering is reported, naming where the dominant one is
    used and the glossary's preferred form (ties go to the preferred form). Persons are left to
    TK502. A rendering counts for a concept when a gloss names the concept, when (in a bilingual
    file) the source segment has the concept, or when it renders no other concept. In bilingual
    files this is "inconsistency in target" at term level.

    Okay: The frontal breakthrough was declared in 2019 and the frontal breakthrough went on.
    TK301: The frontal breakthrough was declared in 2019 and the head-on breakthrough went on.
    """

    def __init__(self, ctx):
        self.ctx = ctx
        self.renderings = ValueCounts(keep_lines=6)  # concept -> glossary form (casefolded)
        self.dominant: dict[int, str] = {}

    def count(self, seg):
        for hit in seg.hits:
            got = _attribute(hit, self.ctx)
            if got:
                self.renderings.add(got[0], got[1], hit.line)

    def ready(self) -> bool:
        for ci, counts in self.renderings.conflicts().items():
            order = [t.form.casefold() for t in self.ctx.concept(ci).terms]
            self.dominant[ci] = min(counts, key=lambda f: (-counts[f], order.index(f) if f in order else len(order)))
        return bool(self.dominant)

    def report(self, seg):
        for hit in seg.hits:
            got = _attribute(hit, self.ctx)
            if not got or got[0] not in self.dominant or got[1] == self.dominant[got[0]]:
                continue
            ci, dom = got[0], self.dominant[got[0]]
            c = self.ctx.concept(ci)
            lines = self.renderings.lines[(ci, dom)]
            where = ", ".join(str(n) for n in lines[:5]) + (", …" if len(lines) > 5 else "")
            dom_form = next((t.form for t in c.terms if t.form.casefold() == dom), dom)
            yield finding(hit, "TK301", "warning",
                          f"'{hit.found}' renders {label(c)}, which this document also renders "
                          f"'{dom_form}' (line {where}); preferred: '{c.preferred}'", c, [dom_form])
