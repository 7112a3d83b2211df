"""TK103: a name's possessive apostrophe dropped or misplaced (Workers Party of Korea)."""
from __future__ import annotations

import re

from ..matching import PUNCT, is_capitalised
from .base import approved, finding, label
from .rendering import abroad
from .registry import rule


@rule("TK103", "mispunctuated-rendering", "warning", needs=PUNCT)
def mispunctuated_rendering(doc, ctx):
    """A name written with its possessive apostrophe dropped or misplaced.

    Why: the apostrophe is part of an official English name ('Workers' Party of Korea', 'Korean
    People's Army'); without it, or in the wrong place, the name is misspelled and a search for it
    misses the text. The variants are generated from the glossary's approved names, so no list of
    misspellings is kept.

    The short name inside such a name ('Workers Party' for "Workers' Party" in "Workers' Party of
    Korea", 'Peoples Army' in "Korean People's Army") is common English for other countries' parties
    and armies too, so it is reported only where the document names the concept otherwise (any form
    of it, its Hangul or a romanization), the short name is capitalised, its sentence is not about
    another state only ('In Brazil the Workers Party …') and no 'of …' name follows it ('the Workers
    Party of Ireland').

    Not flagged, and why: a variant that some concept lists as a form of its own (a listed form
    always wins); lower-case terms, where a dropped apostrophe is a variant of the rendering (see
    TK101/TK102: 'peoples economy' is a variant of the deprecated 'people's economy'); a form
    inside a longer name, mentioned rather than used, or in a cited source (see TK101), whose
    spelling the author must keep; a short name without the evidence above.

    Okay: The Workers' Party of Korea held its congress.
    Okay: [4] "The Workers Party of Korea and Its Cadres", Seoul, 1990.
    TK103: The Workers Party of Korea held its congress.
    TK103: Units of the Korean Peoples Army took part in the parade.
    Okay: In 2002 the Workers Party won the election in Brazil.
    TK103: The Workers' Party of Korea met; the Workers Party elected a new Central Committee.
    """
    for hit in doc.hits:
        entries = ctx.entries(hit, "punct")
        if not entries or ctx.entries(hit, "en"):
            continue
        for ci in sorted({e.concept for e in entries}):
            e = next(e for e in entries if e.concept == ci)
            if e.needs_evidence and not (is_capitalised(hit.found) and not _longer_name(doc, hit)
                                         and named_elsewhere(doc, hit, ci, ctx) and not abroad(doc, hit)):
                continue  # a short name ('Workers Party'): another country's party, unless the text names ours
            why = ctx.not_a_use(doc, hit, ci)
            if ctx.skips(why):
                continue
            c = ctx.concept(ci)
            if e.needs_evidence:
                from ..matching import short_core  # only for the short names, seldom met

                form = short_core(e.form)
            else:
                form = e.form
            good = [form] + [f for f in approved(c) if f != form]
            whose = f"'{form}' (short for '{e.form}')" if form != e.form else f"'{form}'"
            yield finding(hit, "TK103", "warning",
                          f"'{hit.found}' misplaces or drops the apostrophe of {whose}, {label(c)}; "
                          f"use '{form}'" + (f" ({why})" if why else ""), c, good)


_OF_NAME = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z]")


def _longer_name(doc, hit) -> bool:
    """A short name followed by 'of' and a capitalised word is another full name ('Workers Party of Ireland')."""
    return bool(doc.text) and bool(_OF_NAME.match(doc.text, hit.end))


def named_elsewhere(doc, hit, concept: int, ctx) -> bool:
    """Whether the document names the concept outside this hit: any English form of it (a wrong one too),
    its Hangul, hanja or romanization, or its full name mispunctuated. Evidence that a short name such
    as 'Peoples Army' means this concept and not another country's."""
    memo = doc.views.setdefault("named", {})
    named = memo.get(concept)
    if named is None:
        named = memo[concept] = [h.start for h in doc.all_hits
                                 if any(e.concept == concept and not (e.kind == "punct" and e.needs_evidence)
                                        and e.kind not in ("block", "fuzzy")
                                        for e in ctx.matcher.keys[h.key])]
    return any(s != hit.start for s in named)
