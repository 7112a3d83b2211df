"""TK401 known misspelled romanizations; TK402 romanization systems mixed; TK403 probable misspellings."""
from __future__ import annotations

from ..matching import FUZZY, MISSPELLING, ROM
from .base import finding, label
from .registry import rule


def match_case(form: str, like: str) -> str:
    """form capitalised as `like` is: every word capitalised, or left as the glossary has it."""
    words = like.split()
    if words and all(w[:1].isupper() for w in words if w[:1].isalpha()):
        return " ".join(w[:1].upper() + w[1:] for w in form.split())
    return form


@rule("TK401", "misspelled-romanization", "error", needs=MISSPELLING)
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


def _fold(text: str) -> str:
    from ..matching import fold_key

    return fold_key(text).replace("'", "").replace(" ", "")


def _system_forms(ctx, ci):
    """The folded MR and RR forms of a concept (stored and generated), computed once per run."""
    cache = ctx.memo.setdefault("system_forms", {})
    if ci not in cache:
        from ..matching import romanize

        c = ctx.concept(ci)
        cache[ci] = ({_fold(x) for x in (c.mr, romanize(c.ko_nk or c.ko, "mr")) if x},
                     {_fold(x) for x in (c.rr, romanize(c.ko, "rr")) if x})
    return cache[ci]


def romanization_system(hit, ctx):
    """(concept, 'mr' | 'rr' | None) for a romanized form found exactly: None when both systems agree."""
    if not ctx.has_kind(hit, "rom"):
        return None, None
    memo = ctx.memo.setdefault("system", {})
    got = memo.get((hit.key, hit.found))
    if got is None:  # depends on the key and the spelling found; asked by TK402 and TK403 alike
        got = memo[(hit.key, hit.found)] = _romanization_system(hit, ctx)
    return got


def _romanization_system(hit, ctx):
    for e in ctx.entries(hit, "rom"):
        c = ctx.concept(e.concept)
        mr, rr = _system_forms(ctx, e.concept)
        found = _fold(hit.found)
        in_mr, in_rr = found in mr, found in rr
        return c, ("mr" if in_mr and not in_rr else "rr" if in_rr and not in_mr else None)
    return None, None


class _SystemCounter:
    """Counts the romanization systems a document uses; the house style, if configured, decides."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.counts = {"mr": 0, "rr": 0}

    def count(self, seg):
        for hit in seg.hits:
            _, system = romanization_system(hit, self.ctx)
            if system:
                self.counts[system] += 1

    @property
    def system(self) -> str:
        if self.ctx.romanization:
            return self.ctx.romanization
        return "rr" if self.counts["rr"] > self.counts["mr"] else "mr"


def form_in(c, system: str) -> str | None:
    from ..matching import romanize

    if system == "mr":
        return c.mr or romanize(c.ko_nk or c.ko, "mr")
    return c.rr or romanize(c.ko, "rr")


@rule("TK402", "mixed-romanization", "warning", needs=ROM)
class MixedRomanization(_SystemCounter):
    """McCune–Reischauer and Revised Romanization mixed in one document.

    Why: a reader (and a search engine) takes *chuch'e* and *juche*, or *Chosŏn* and *Joseon*, for
    different words; a paper should keep one system. Each term written in the less used system is
    reported with its form in the document's dominant system (ties: McCune–Reischauer, the usual
    choice for North Korean terms). `romanization = "mr"` or `"rr"` in the configuration sets a house
    style instead, and then every form in the other system is reported. Forms the two systems spell
    alike, and conventional forms (Juche, Rodong Sinmun), count for neither.

    Okay: Self-reliance (*charyŏk kaengsaeng*) and localization (*kuksanhwa*).
    TK402: Self-reliance (*charyŏk kaengsaeng*), localization (*kuksanhwa*) and informatization (*jeongbohwa*).
    """

    def ready(self) -> bool:
        return bool(self.ctx.romanization and self.counts["rr" if self.ctx.romanization == "mr" else "mr"]) or \
            all(self.counts.values())

    def report(self, seg):
        want = self.system
        for hit in seg.hits:
            c, system = romanization_system(hit, self.ctx)
            if system and system != want:
                good = match_case(form_in(c, want), hit.found)
                names = {"mr": "McCune–Reischauer", "rr": "Revised Romanization"}
                why = "the house style" if self.ctx.romanization else \
                    f"the document's dominant system ({self.counts[want]} of {sum(self.counts.values())})"
                yield finding(hit, "TK402", "warning",
                              f"'{hit.found}' is {names[system]}, but {why} is {names[want]}: use '{good}'",
                              c, [good])


@rule("TK403", "probable-misspelled-romanization", "warning", needs=ROM | FUZZY)
class ProbableMisspelling(_SystemCounter):
    """A romanized-looking word or phrase that matches no glossary romanization but closely resembles one.

    Why: misspellings such as "Charyok Kaengseng" are too many to list; a stretch in italics, in
    parentheses, or a run of capitalised words that look like Korean syllables is compared with
    every romanization of every concept, tolerantly (breves, apostrophes, hyphens, k/g, t/d, p/b,
    ch/j and ŏ/eo/o are not errors), and reported when it is close to one: one edit away on the
    folded forms (a transposition counts as one; rapidfuzz's OSA distance), two for forms of ten
    letters or more, three beyond fifteen. The suggestion is the concept's form in the document's
    own system.

    Okay: The spirit of self-reliance (*charyok kaengsaeng*) was stressed.
    TK403: The spirit of self-reliance (*Charyok Kaengseng*) was stressed.
    """

    def __init__(self, ctx):
        super().__init__(ctx)
        self.fuzzy = 0  # hits with a fuzzy entry: without one the document has nothing to report

    def count(self, seg):
        super().count(seg)
        self.fuzzy += sum(1 for hit in seg.hits if self.ctx.has_kind(hit, "fuzzy"))

    def ready(self) -> bool:
        return self.fuzzy > 0

    def report(self, seg):
        want = self.system
        for hit in seg.hits:
            for e in self.ctx.entries(hit, "fuzzy"):
                c = self.ctx.concept(e.concept)
                good = match_case(form_in(c, want), hit.found)
                yield finding(hit, "TK403", "warning",
                              f"'{hit.found}' looks like a misspelled romanization of {label(c)}; use '{good}'",
                              c, [good])
