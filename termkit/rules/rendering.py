"""TK101 wrong renderings and TK102 deprecated or superseded renderings."""
from __future__ import annotations

from ..matching import EN_DEPRECATED, EN_WRONG
from .base import approved, finding, label
from .registry import rule


def _rejected(doc, ctx, statuses, code, severity):
    memo = ctx.memo.setdefault(code, {})
    for hit in doc.hits:
        flagged = memo.get(hit.key)
        if flagged is None:  # most hits are approved forms: skip them by key
            flagged = memo[hit.key] = any(e.status in statuses for e in ctx.entries(hit, "en"))
        if not flagged:
            continue
        seen = set()
        for e in ctx.entries(hit, "en"):
            if e.status not in statuses or e.concept in seen:
                continue
            # A form that is another concept's correct rendering is wrong here only with evidence.
            if ctx.proven(hit, e.concept) or (not e.needs_evidence and not ctx.approved_elsewhere(hit, e.concept)):
                seen.add(e.concept)
                c = ctx.concept(e.concept)
                reason = next((t.reason for t in c.terms if t.form == e.form and t.status == e.status), "")
                good = approved(c)
                yield finding(hit, code, severity,
                              f"'{hit.found}' is a {e.status} rendering of {label(c)}: {reason}; "
                              f"use '{good[0]}'", c, good)


@rule("TK101", "wrong-rendering", "error", needs=EN_WRONG)
def wrong_rendering(doc, ctx):
    """A rendering the glossary lists as wrong for the concept.

    Why: a wrong rendering misleads the reader, often because it is another concept's rendering
    ('localization' renders 국산화, not 주체화) or a calque no English-language source uses. A form
    that is another concept's correct rendering is flagged only where a gloss beside it (Hangul,
    hanja or romanization, in parentheses before or after) or, in a bilingual file, the Korean
    source segment shows which concept is meant; other wrong forms are flagged wherever they appear.

    Okay: The plenary meeting called for localization (국산화) of raw materials.
    TK101: The plenary meeting called for localization (주체화) of raw materials.
    TK101: The paper speaks of the subjectivization of industry.
    """
    return _rejected(doc, ctx, ("wrong",), "TK101", "error")


@rule("TK102", "deprecated-rendering", "warning", needs=EN_DEPRECATED)
def deprecated_rendering(doc, ctx):
    """A rendering the glossary lists as deprecated or superseded for the concept.

    Why: deprecated renderings are understandable but not the house term (an outdated official
    name, a South Korean usage applied to a North Korean institution); the reason says which.
    Evidence is needed as for TK101 when the form is another concept's correct rendering.

    Okay: The Premier (내각총리) inspected the plant.
    TK102: The Prime Minister (내각총리) inspected the plant.
    """
    return _rejected(doc, ctx, ("deprecated", "superseded"), "TK102", "warning")
