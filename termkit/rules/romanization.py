"""TK401: a known misspelled romanization."""
from __future__ import annotations

from . import rule
from .base import finding, label


def match_case(form: str, like: str) -> str:
    """form capitalised as `like` is: every word capitalised, or left as the glossary has it."""
    words = like.split()
    if words and all(w[:1].isupper() for w in words if w[:1].isalpha()):
        return " ".join(w[:1].upper() + w[1:] for w in form.split())
    return form


@rule("TK401", "misspelled-romanization", "error")
def misspelled_romanization(doc, ctx):
    """A romanization the glossary lists as a known misspelling.

    Why: a garbled romanization ("Charkyok Kaengsaeng" for 자력갱생) makes the term impossible to
    look up and shows the reader that the text was not edited. The suggestion gives the
    McCune–Reischauer form (with breves) and the Revised Romanization.

    Okay: The spirit of self-reliance (*charyŏk kaengsaeng*) was stressed.
    TK401: The spirit of self-reliance (*Charkyok Kaengsaeng*) was stressed.
    """
    for hit in doc.hits:
        seen = set()
        for e in ctx.entries(hit, "misspelling"):
            if e.concept in seen:
                continue
            seen.add(e.concept)
            c = ctx.concept(e.concept)
            good = [match_case(f, hit.found) for f in (c.mr, c.rr, *c.rom_variants) if f]
            reason = next((m.reason for m in c.misspellings if m.form == e.form), "")
            use = f"; use '{good[0]}'" if good else ""
            yield finding(hit, "TK401", "error",
                          f"'{hit.found}' is a misspelled romanization of {label(c)}: {reason}{use}", c, good)
