"""TK401 known misspelled romanizations; TK402 romanization systems mixed; TK403 probable misspellings."""
from __future__ import annotations

from ..matching import FUZZY, MISSPELLING, ROM
from ..model import APPROVED
from .base import approved, finding, label
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

    Not flagged, and why: a misspelling quoted as a mention ('one paper spelled it as
    *Charkyok Kaengsaeng*') or labelled with a system: the text discusses the spelling, it does not
    use it. Correct forms in either system and the glossary's conventional forms are no misspellings.

    Okay: The spirit of self-reliance (*charyŏk kaengsaeng*) was stressed.
    Okay: One paper spelled it as *Charkyok Kaengsaeng*, a garbled form.
    TK401: The spirit of self-reliance (*Charkyok Kaengsaeng*) was stressed.
    """
    for hit in doc.hits:
        seen = set()
        for e in ctx.entries(hit, "misspelling"):
            if e.concept in seen or _mentioned(doc, hit, ctx):
                continue
            seen.add(e.concept)
            c = ctx.concept(e.concept)
            good = [match_case(f, hit.found) for f in (c.mr, c.rr, *c.rom_variants) if f]
            reason = next((m.reason for m in c.misspellings if m.form == e.form), "")
            use = f"; use '{good[0]}'" if good else ""
            yield finding(hit, "TK401", "error",
                          f"'{hit.found}' is a misspelled romanization of {label(c)}: {reason}{use}", c, good)


def _mentioned(doc, hit, ctx) -> bool:
    """A romanized form quoted as a mention ('spelled it as *Charyok*') or labelled with its system."""
    from .base import cited
    from .surroundings import quoted_mention, system_label

    return bool(doc.text) and ctx.mentions != "report" and (
        quoted_mention(doc.text, hit) or system_label(doc.text, hit) or cited(doc, hit) is not None)


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
        if _light_fold(hit.found) in _conventional(ctx, e.concept):
            return c, None  # a word of English (Juche, Pyongyang): no system's choice
        mr, rr = _system_forms(ctx, e.concept)
        found = _fold(hit.found)
        in_mr, in_rr = found in mr, found in rr
        return c, ("mr" if in_mr and not in_rr else "rr" if in_rr and not in_mr else None)
    return None, None


def _light_fold(text: str) -> str:
    """Case, typographic apostrophes, spaces and hyphens folded; breves and aspiration marks kept.

    'Pyongyang' is then the English word, while 'P'yŏngyang' is still McCune–Reischauer.
    """
    from ..matching import nfc

    t = nfc(text).casefold()
    for ch in "\u2019\u2018\u02bc\u02bb`\u00b4":
        t = t.replace(ch, "'")
    return "".join(ch for ch in t if ch.isalnum() or ch in "'\u0306\u030c")


def _conventional(ctx, ci) -> frozenset:
    """A concept's forms that count for no system: its conventional forms and approved English renderings."""
    cache = ctx.memo.setdefault("conventional", {})
    got = cache.get(ci)
    if got is None:
        c = ctx.concept(ci)
        got = cache[ci] = frozenset(_light_fold(f) for f in (*c.conventional, *approved(c)))
    return got


def _rejected_forms(ctx, ci) -> frozenset:
    """A concept's folded wrong, deprecated and misspelled forms: never suggested."""
    cache = ctx.memo.setdefault("rejected_forms", {})
    got = cache.get(ci)
    if got is None:
        c = ctx.concept(ci)
        got = cache[ci] = frozenset(_fold(t.form) for t in (*c.terms, *c.misspellings) if t.status not in APPROVED)
    return got


def suggestion(c, ci, system: str, like: str, ctx) -> str | None:
    """The concept's form in a system, cased like the text; a conventional form instead of a rejected one."""
    good = form_in(c, system)
    if _fold(good) in _rejected_forms(ctx, ci):
        good = next(iter(c.conventional), None)
    return match_case(good, like) if good else None


class _SystemCounter:
    """Counts the terms a document romanizes in each system; the house style, if configured, decides.

    Terms, not occurrences: one word repeated ten times is one choice, made once.
    """

    def __init__(self, ctx):
        self.ctx = ctx
        self.terms = {"mr": set(), "rr": set()}

    @property
    def counts(self) -> dict:
        return {k: len(v) for k, v in self.terms.items()}

    def count(self, seg):
        for hit in seg.hits:
            c, system = romanization_system(hit, self.ctx)
            if system and not self.labelled(seg, hit):
                self.terms[system].add(c.id)

    @staticmethod
    def labelled(seg, hit) -> bool:
        """A form named with its system ('McCune–Reischauer: Chosŏn'), quoted as a mention or in a cited
        source (its title, a reference entry, a URL): no use of a system."""
        from .base import cited
        from .surroundings import quoted_mention, system_label

        return bool(seg.text) and (system_label(seg.text, hit) or quoted_mention(seg.text, hit)
                                   or cited(seg, hit) is not None)

    @property
    def system(self) -> str:
        if self.ctx.romanization:
            return self.ctx.romanization
        counts = self.counts
        return "rr" if counts["rr"] > counts["mr"] else "mr"


def form_in(c, system: str) -> str | None:
    from ..matching import romanize

    if system == "mr":
        return c.mr or romanize(c.ko_nk or c.ko, "mr")
    return c.rr or romanize(c.ko, "rr")


def personal_name(found: str, syllables: frozenset) -> bool:
    """Whether a capitalised stretch has the shape of a Korean personal name, surname and given name.

    A one-syllable surname and a two-syllable given name, hyphenated or not, in either order:
    'Cheong Seong-chang', 'Ri Yong Ho', 'Seong-chang Cheong'. A romanized term of the glossary is written
    as words of its own ('Chongchon River', *Charyok Kaengsaeng*), never in this shape.
    """
    from ..matching import skeleton

    parts = found.split()
    if not 2 <= len(parts) <= 3 or not all(p[:1].isupper() for p in parts):
        return False
    pieces = [p.split("-") for p in parts]
    shape = [len(x) for x in pieces]
    if shape not in ([1, 2], [2, 1], [1, 1, 1]):
        return False
    return all(skeleton(piece) in syllables for x in pieces for piece in x)


# Evidence of a document's dominant system, measured on KCNA's English of August–September 2024 and
# on the project's own sentences: at least two terms in it, and at least twice as many as in the other.
MIN_DOMINANT_TERMS = 2
MIN_MARGIN = 2.0


@rule("TK402", "mixed-romanization", "warning", needs=ROM)
class MixedRomanization(_SystemCounter):
    """McCune–Reischauer and Revised Romanization mixed in one document.

    Why: a reader (and a search engine) takes *chuch'e* and *juche*, or *Chosŏn* and *Joseon*, for
    different words; a paper should keep one system. Each term written in the less used system is
    reported with its form in the document's dominant system. `romanization = "mr"` or `"rr"` in the
    configuration sets a house style instead, and then every form in the other system is reported.

    Not flagged, and why:
    - forms the two systems spell alike (*mallima*), and conventional forms — the glossary's
      `conventional` list and its approved English renderings (Juche, Pyongyang, Rodong Sinmun,
      donju): English uses them as words of their own, so they count for no system and are never
      "corrected";
    - a document without real evidence of a dominant system: it must romanize at least 2 distinct
      terms in one system and at least twice as many as in the other (terms, not occurrences: one word
      repeated is one choice). One word against one other decides nothing. Measured on 345 KCNA
      articles of August–September 2024: once conventional forms count for nothing, 327 romanize no
      term and 18 one term (Paektusan, Amnokgang), so none is reported — before, 81 findings, all
      false (Juche, Pyongyang); on the project's own sentences two terms against one is the
      smallest mix an editor accepts as a house system, three against two is no evidence;
    - a form labelled with its system ('McCune–Reischauer: Chosŏn', 'Joseon (RR)') or quoted as a
      mention ('romanized as "juche"'): it shows a system, it does not use one; nor does a form in a
      cited source (a reference entry, a quoted title, a URL, as for TK101), which keeps the source's
      spelling: it neither counts for a system nor is reported;
    - a suggestion the glossary lists as wrong or deprecated is never made (the conventional form is
      suggested instead, or nothing is reported).

    Okay: Self-reliance (*charyŏk kaengsaeng*) and localization (*kuksanhwa*).
    Okay: The Juche idea and Songun politics (*sŏn'gun chŏngch'i*) were both taught in Pyongyang.
    Okay: Self-reliance (*charyŏk kaengsaeng*) and informatization (*jeongbohwa*).
    Okay: Choson (McCune–Reischauer: *Chosŏn*; Revised Romanization: *Joseon*) names the state.
    TK402: Self-reliance (*charyŏk kaengsaeng*), localization (*kuksanhwa*) and informatization (*jeongbohwa*).
    """

    def ready(self) -> bool:
        counts = self.counts
        if self.ctx.romanization:
            return bool(counts["rr" if self.ctx.romanization == "mr" else "mr"])
        want = self.system
        other = counts["rr" if want == "mr" else "mr"]
        return other > 0 and counts[want] >= MIN_DOMINANT_TERMS and counts[want] >= MIN_MARGIN * other

    def report(self, seg):
        want = self.system
        counts = self.counts
        for hit in seg.hits:
            c, system = romanization_system(hit, self.ctx)
            if not system or system == want or self.labelled(seg, hit):
                continue
            good = suggestion(c, self.ctx.matcher.index[c.id], want, hit.found, self.ctx)
            if good is None:
                continue
            names = {"mr": "McCune–Reischauer", "rr": "Revised Romanization"}
            why = "the house style" if self.ctx.romanization else \
                f"the document's dominant system ({counts[want]} of {sum(counts.values())} terms)"
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

    Not flagged, and why: anything the tolerant comparison accepts (breves, apostrophes, hyphens,
    k/g, t/d, p/b, ch/j, ŏ/eo/o, a missing space); a stretch of fewer than six letters, or part of a
    longer romanization of the glossary (a shortened name); persons' names (TK501 and TK502 judge
    them), and anything shaped like a Korean personal name — a one-syllable surname and a
    two-syllable given name, capitalised, hyphenated or not, in either order ('Cheong Seong-chang',
    'Ri Yong Ho'): a scholar cited by name is not a misspelled river, and a term of the glossary is
    written as words of its own, not in that shape (the cost: a term written one capitalised
    syllable at a time, 'Ma Sik Ryong', is not compared); words that do not look like romanized
    Korean; a form quoted as a mention, labelled with its system or in a cited source (a reference
    entry, a quoted title, a URL). A suggestion the glossary lists as wrong or deprecated is
    replaced by the concept's conventional form.

    Okay: The spirit of self-reliance (*charyok kaengsaeng*) was stressed.
    Okay: The spirit of self-reliance (*jaryeok-gaengsaeng*) was stressed.
    Okay: According to Guk Sen-hwa of a Seoul institute, the reform will stall.
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
                if _mentioned(seg, hit, self.ctx):
                    continue
                c = self.ctx.concept(e.concept)
                if c.type != "person" and personal_name(hit.found, self.ctx.matcher.syllables):
                    continue  # 'Cheong Seong-chang of the Sejong Institute' is a person, not a river
                good = suggestion(c, e.concept, want, hit.found, self.ctx) or match_case(form_in(c, want), hit.found)
                yield finding(hit, "TK403", "warning",
                              f"'{hit.found}' looks like a misspelled romanization of {label(c)}; use '{good}'",
                              c, [good])
