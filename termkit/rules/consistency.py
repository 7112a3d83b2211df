"""TK301: one concept rendered in two or more approved ways in one document."""
from __future__ import annotations

from collections import defaultdict

from . import rule
from .base import finding, label


@rule("TK301", "inconsistent-rendering", "warning")
def inconsistent_rendering(doc, ctx):
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
    uses = defaultdict(list)  # concept -> [(hit, form)]
    for hit in doc.hits:
        ok = [e for e in ctx.entries(hit, "en") if e.status in ("preferred", "admitted")]
        if not ok:
            continue
        proven = [e for e in ok if ctx.proven(hit, e.concept)]
        if proven:
            ok = proven
        elif len({e.concept for e in ok}) > 1:
            continue  # ambiguous without a gloss or a source
        for e in ok[:1]:
            if ctx.concept(e.concept).type != "person":
                uses[e.concept].append((hit, e.form))
    for ci in sorted(uses):
        occ = uses[ci]
        forms = {f.casefold() for _, f in occ}
        if len(forms) < 2:
            continue
        c = ctx.concept(ci)
        order = [t.form.casefold() for t in c.terms]
        counts = defaultdict(int)
        for _, f in occ:
            counts[f.casefold()] += 1
        dominant = min(forms, key=lambda f: (-counts[f], order.index(f) if f in order else len(order)))
        dom_form = next(f for _, f in occ if f.casefold() == dominant)
        dom_lines = sorted({h.line for h, f in occ if f.casefold() == dominant})
        where = ", ".join(str(n) for n in dom_lines[:5]) + (", …" if len(dom_lines) > 5 else "")
        for hit, form in occ:
            if form.casefold() != dominant:
                yield finding(hit, "TK301", "warning",
                              f"'{hit.found}' renders {label(c)}, which this document also renders "
                              f"'{dom_form}' (line {where}); preferred: '{c.preferred}'", c, [dom_form])
