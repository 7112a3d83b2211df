"""TK501 names outside the house style or in no recognised style; TK502 name styles mixed in a document."""
from __future__ import annotations

from ..matching import GENERATED, NAME, fold_keep_hyphens, is_capitalised
from .base import cited, finding
from .registry import rule

STYLE_NAMES = {"dprk": "DPRK style", "sk": "South Korean media style", "other": "a non-standard form"}
# Surname first is the only order either standard style uses; "Jong Un Kim" is matched but non-standard.


def _base(found: str) -> str:
    s = fold_keep_hyphens(found)
    for suffix in ("'s", "'"):
        if s.endswith(suffix):
            return s[: -len(suffix)]
    return s


def name_hits(doc, ctx):
    """(hit, concept, style) for each person's name; style is dprk, sk, other or None (same in both)."""
    memo = ctx.memo.setdefault("names", {})
    for hit in doc.hits:
        if not ctx.has_kind(hit, "name"):
            continue
        got = memo.get((hit.key, hit.found))
        if got is None:  # depends on the key and the spelling found
            got = memo[(hit.key, hit.found)] = _style(hit, ctx)
        if got[1] == "other" and _generated_only(hit, ctx) and not _one_person(hit, ctx, hit.found):
            continue
        yield (hit, *got)


def _generated_only(hit, ctx) -> bool:
    return all(e.status == GENERATED for e in ctx.entries(hit, "name"))


def _one_person(hit, ctx, found: str) -> bool:
    """Whether a spelling only the generator knows names one person, written as a name: capitalised
    ('kim yong nam' in lower case is none) and generated for one person only (Kim Yong Nam spells
    김영남 and 김용남 alike: without a listed form, it is neither)."""
    return is_capitalised(found) and len({e.concept for e in ctx.entries(hit, "name")}) == 1


def _style(hit, ctx):
    """(concept, style) of a name hit."""
    c = ctx.concept(ctx.entries(hit, "name")[0].concept)
    found = _base(hit.found)
    styles = {style for style, form in c.names if fold_keep_hyphens(form) == found}
    if {"dprk", "sk"} <= styles:
        return c, None
    if styles:
        return c, sorted(styles)[0]
    return c, "other"  # right letters, wrong hyphenation


def conventional(hit, c) -> bool:
    """Whether a name is written in one of the person's conventional forms (the glossary's `conventional`)."""
    return bool(c.conventional) and _base(hit.found) in {fold_keep_hyphens(f) for f in c.conventional}


def _suggest(c, styles):
    return [f for s in styles for f in c.name_forms(s)]


@rule("TK501", "name-style", "warning", needs=NAME)
def name_style(doc, ctx):
    """A person's name in a non-standard form, or outside the configured house style.

    Why: the DPRK's own style (Kim Jong Un) and the South Korean media style (Kim Jong-un) are both
    standard; forms such as "Kim Jong-eun" are neither and cannot be searched for. With
    `names = "dprk"` or `names = "sk"` in the configuration, the other style is reported too.

    Not flagged, and why: either standard style when no house style is set; a name the glossary
    lists as `conventional` for the person (Kim Il Sung), even against a house style, because
    English writes it so whatever its convention for other names (Kim Il Sung University, Kim Il
    Sung Square); a name in a cited source — a reference entry, a quoted title, a URL (see TK101) —
    since a citation must keep the source's spelling ('Kim-Jong-Un' in a web address).

    Okay: Kim Jong Un chaired the meeting.
    Okay: Kim Jong-un chaired the meeting.
    Okay: The feature "Kim Jong-eun and His Generals" ran in 2011.
    TK501: Kim Jong-eun chaired the meeting.
    """
    for hit, c, style in name_hits(doc, ctx):
        if conventional(hit, c) and (style != "other" or _generated_only(hit, ctx)):
            continue  # Kim Il Sung: English uses it whatever the house style (Tae Yong-ho: the generator's too)
        if style == "other" or (ctx.names and style and style != ctx.names):
            why = cited(doc, hit)
            if why and ctx.mentions != "report":
                continue  # a cited title or URL keeps the source's spelling ('Kim Jong Eun's …', a link)
            wanted = [ctx.names] if ctx.names else ["dprk", "sk"]
            good = _suggest(c, wanted)
            yield finding(hit, "TK501", "warning",
                          f"'{hit.found}' is {STYLE_NAMES[style]} of the name of {c.ko}; use "
                          + " or ".join(f"'{g}'" for g in good) + (f" ({why})" if why else ""), c, good)


@rule("TK502", "mixed-name-styles", "warning", needs=NAME)
class MixedNameStyles:
    """Personal names written in two styles in one document.

    Why: "Kim Jong-il" beside "Kim Jong Un" looks like two conventions (or two translators). Each
    name in the less used style is reported with the form in the document's dominant style (ties:
    DPRK style). With a house style configured, TK501 reports these instead.

    Not flagged, and why: a person's conventional form (Kim Il Sung) counts for no style, since a
    text in South Korean style commonly keeps it, unless the same person is also written in another
    style in the document (then the two forms of one name are inconsistent); names in one style;
    a name in a cited source — a reference entry, a quoted title, a URL (see TK101) — which keeps
    the source's spelling and counts for neither style (a paper in South Korean style citing
    "… Kim Jong Un Guides …" from KCNA).

    Okay: Kim Jong Il and Kim Jong Un both visited the site.
    Okay: Kim Il Sung founded the state; Kim Jong-il and Kim Jong-un inherited it.
    Okay: Kim Jong-un sang "Song of General Kim Jong Il" at the rally.
    TK502: Kim Jong-il and Kim Jong Un both visited the site.
    """

    def __init__(self, ctx):
        self.ctx = ctx
        self.counts = {"dprk": 0, "sk": 0}
        self.styles: dict[str, set] = {}  # person -> styles written in, outside conventional forms
        self.usual: dict[str, dict] = {}  # person -> {style of the conventional form: occurrences}
        self.mixed: set = set()  # persons whose conventional form stands beside another style

    def count(self, seg):
        for hit, c, style in name_hits(seg, self.ctx):
            if style not in self.counts or cited(seg, hit):
                continue  # a cited source's spelling is not the document's style
            if conventional(hit, c):
                usual = self.usual.setdefault(c.id, {})
                usual[style] = usual.get(style, 0) + 1
            else:
                self.counts[style] += 1
                self.styles.setdefault(c.id, set()).add(style)

    def ready(self) -> bool:
        # A conventional form counts only where the same person is also written in another style.
        for person, usual in self.usual.items():
            for style, n in usual.items():
                if self.styles.get(person, set()) - {style}:
                    self.mixed.add(person)
                    self.counts[style] += n
        self.dominant = "dprk" if self.counts["dprk"] >= self.counts["sk"] else "sk"
        return not self.ctx.names and all(self.counts.values())

    def report(self, seg):
        total = sum(self.counts.values())
        for hit, c, style in name_hits(seg, self.ctx):
            if style not in self.counts or style == self.dominant:
                continue
            if conventional(hit, c) and c.id not in self.mixed:
                continue
            why = cited(seg, hit)
            if why and self.ctx.mentions != "report":
                continue
            good = _suggest(c, [self.dominant])
            yield finding(hit, "TK502", "warning",
                          f"'{hit.found}' is in {STYLE_NAMES[style]}, but this document writes names "
                          f"in {STYLE_NAMES[self.dominant]} ({self.counts[self.dominant]} of {total}); "
                          f"use '{good[0]}'" + (f" ({why})" if why else ""), c, good)
