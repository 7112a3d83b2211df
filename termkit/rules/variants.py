"""TK103: a name's possessive apostrophe dropped or misplaced (Workers Party of Korea)."""
from __future__ import annotations

from ..matching import PUNCT
from .base import approved, finding, label
from .registry import rule


@rule("TK103", "mispunctuated-rendering", "warning", needs=PUNCT)
def mispunctuated_rendering(doc, ctx):
    """A name written with its possessive apostrophe dropped or misplaced.

    Why: the apostrophe is part of an official English name ('Workers' Party of Korea', 'Korean
    People's Army'); without it, or in the wrong place, the name is misspelled and a search for it
    misses the text. The variants are generated from the glossary's approved names, so no list of
    misspellings is kept.

    Not flagged, and why: a variant that some concept lists as a form of its own (a listed form
    always wins); lower-case terms, where a dropped apostrophe is a variant of the rendering (see
    TK101/TK102: 'peoples economy' is a variant of the deprecated 'people's economy'); a form
    inside a longer name, mentioned rather than used, or in a cited source (see TK101), whose
    spelling the author must keep.

    Okay: The Workers' Party of Korea held its congress.
    Okay: [4] "The Workers Party of Korea and Its Cadres", Seoul, 1990.
    TK103: The Workers Party of Korea held its congress.
    TK103: Units of the Korean Peoples Army took part in the parade.
    """
    for hit in doc.hits:
        entries = ctx.entries(hit, "punct")
        if not entries or ctx.entries(hit, "en"):
            continue
        for ci in sorted({e.concept for e in entries}):
            why = ctx.not_a_use(doc, hit, ci)
            if ctx.skips(why):
                continue
            c = ctx.concept(ci)
            form = next(e.form for e in entries if e.concept == ci)
            good = [form] + [f for f in approved(c) if f != form]
            yield finding(hit, "TK103", "warning",
                          f"'{hit.found}' misplaces or drops the apostrophe of '{form}', {label(c)}; "
                          f"use '{form}'" + (f" ({why})" if why else ""), c, good)
