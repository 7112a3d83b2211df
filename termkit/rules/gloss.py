"""TK201: an English rendering beside a gloss of a different concept."""
from __future__ import annotations

from ..matching import EVIDENCE, fold_key
from ..model import APPROVED
from .base import approved, finding, label
from .registry import rule


@rule("TK201", "gloss-mismatch", "error", needs=EVIDENCE)
def gloss_mismatch(doc, ctx):
    """An English rendering glossed with the Korean of a different concept.

    Why: a gloss tells the reader which Korean term the English renders; when the English belongs
    to another concept ('false reporting' renders 허위보고) but the gloss names a third one, one of
    the two is wrong. Checked in both orders: "rendering (gloss)" and "gloss (rendering)".

    Not flagged, and why: a gloss of the concept the English form belongs to, whatever its status
    (TK101 and TK102 judge the status); an English phrase that renders no glossary concept (nothing
    to compare the gloss with); a form approved for no concept at all, such as a wrong rendering of a
    third concept (its own rules report it); a "gloss" written exactly as an English rendering or
    conventional form of its concept ('Rason (Rason Special Economic Zone)') is an English name
    beside another, not a gloss; a longer name that holds a rendering of the glossed concept
    ('the Monument to the Three Charters for National Reunification (조국통일 3대헌장)'): the gloss
    names the part the longer name is about.

    Okay: The Cabinet (*naegak*) met in Pyongyang.
    Okay: Traders sold rice in the market (*changmadang*) of the county town.
    Okay: Trade grew in Rason (Rason Special Economic Zone) after 2010.
    Okay: The Monument to the Three Charters for National Reunification (조국통일 3대헌장) stood there.
    TK201: The Cabinet (*kuksanhwa*) met in Pyongyang.
    """
    for hit in doc.hits:
        if not hit.evidence:
            continue
        entries = ctx.entries(hit, "en")
        if not entries or hit.evidence & {e.concept for e in entries}:
            continue  # no English here, or the gloss matches (TK101/TK102 judge its status)
        owners = sorted({e.concept for e in entries if e.status in APPROVED})
        if not owners:
            continue
        owner = ctx.concept(owners[0])
        for ci in sorted(hit.evidence):
            c = ctx.concept(ci)
            good = approved(c)
            if hit.gloss in good or hit.gloss in c.conventional:
                continue  # 'Rason (Rason Special Economic Zone)': an English name beside another, no gloss
            if _holds_rendering(hit.found, good):
                continue  # the gloss names the part of a longer name that the name is about
            yield finding(hit, "TK201", "error",
                          f"'{hit.found}' renders {label(owner)}, but its gloss '{hit.gloss}' is "
                          f"{label(c)}: use '{good[0]}', or correct the gloss", c, good)


def _holds_rendering(found: str, renderings: list[str]) -> bool:
    """Whether the found text holds one of the renderings as whole words (folded as matching folds)."""
    padded = f" {fold_key(found)} "
    return any(f" {fold_key(r)} " in padded for r in renderings)
