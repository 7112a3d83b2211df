"""Recognise romanized Korean in English text: tolerant skeletons, system labels, fuzzy misspellings."""
from __future__ import annotations

import re
from functools import lru_cache

from .normalize import joined_after, joined_before, strip_diacritics

# English words that never occur inside a romanized term: a candidate holding one is prose.
STOPWORDS = frozenset("""a an the of and or in on at to for from by with as is are was were be been this that these
those it its his her their our we they he she you see also not no but if then than so such which who whom
what when where why how all any each more most other some into over under after before between about
e g i e cf et al ibid op cit p pp vol no ed eds trans""".split())
_WORD = re.compile(r"[A-Za-zŎŏŬŭËëÉé'’ʼ-]+")
# Emphasis: a marker, 2–80 characters on one line with no marker inside, the same marker again.
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)([^\n*_]{2,80})(?<=\S)\1")
_PAREN = re.compile(r"\(([^()\n]{2,120})\)")
_CAPS = re.compile(r"[A-Z][a-zŏŭë'’-]+(?:[ -][A-Z][a-zŏŭë'’-]+){1,4}")
MIN_LETTERS = 6
FUZZY_CUTOFF = 1  # a candidate's shape is enough to look further (see max_edits for how far)
FUZZY_CUTOFF_UNSHAPED = 1


def max_edits(skeleton_: str) -> int:
    """How many edits (OSA distance: a transposition is one) a misspelling may be from a known form.

    One for short forms, where two edits turn Vietnamese and Chinese romanizations (Da Nang) into
    Korean ones; more for long phrases. Every candidate is compared only with forms that share its
    first letter and roughly its length (see Matcher.rom_blocks).
    """
    n = len(skeleton_)
    return 1 if n <= 9 else 2 if n <= 15 else 3


def skeleton(text: str) -> str:
    """A romanization folded past every system difference: breves, apostrophes, eo/ŏ, k/g, t/d, p/b, ch/j."""
    t = strip_diacritics(text).lower()
    t = re.sub(r"[^a-z]", "", t)
    t = t.replace("eo", "o").replace("eu", "u").replace("wo", "o")
    t = t.replace("ch", "c").replace("j", "c").replace("sh", "s")
    t = t.translate(str.maketrans("gdb", "ktp"))
    return re.sub(r"(.)\1+", r"\1", t)  # tense doubles and their absence are one spelling here


@lru_cache(maxsize=1)
def syllable_inventory() -> frozenset[str]:
    """Skeletons of every Hangul syllable in MR and RR: what a romanized word is built of.

    22,000 romanizations: the Matcher computes this once and keeps it in its cached pickle.
    """
    from .romanizer import romanize

    out = set()
    for code in range(0xAC00, 0xD7A4):
        for system in ("mr", "rr"):
            out.add(skeleton(romanize(chr(code), system)))
    out.discard("")
    return frozenset(out)


@lru_cache(maxsize=4096)
def looks_romanized(word: str, syll: frozenset[str] | None = None) -> bool:
    """Whether a word splits entirely into romanized Korean syllables (tolerantly)."""
    s = skeleton(word)
    if not s:
        return False
    syll = syll or syllable_inventory()
    ok = [True] + [False] * len(s)
    for i in range(1, len(s) + 1):
        ok[i] = any(ok[j] and s[j:i] in syll for j in range(max(0, i - 6), i))
    return ok[-1]


@lru_cache(maxsize=8)
def _caps(initials: str) -> re.Pattern:
    """_CAPS for runs that begin with one of these capitals (all of them: _CAPS itself)."""
    if initials == "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        return _CAPS
    return re.compile("[" + initials + "]" + _CAPS.pattern[len("[A-Z]"):])


def candidates(text: str, initials: str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ") -> list[tuple[int, int, str]]:
    """(start, end, kind) of stretches that may be romanized Korean: italics, parentheses, capitalised runs.

    The same stretches as scanning the text with _EMPHASIS and _PAREN, but those patterns are tried
    only where find_chars finds their first character (a fraction of the cost of two regex scans);
    capitalised runs are a plain scan, as they begin at any capital letter (or at one of `initials`:
    the only first letters that can lead to a known romanization).
    """
    from .scan import find_chars

    out = []
    emphasis_end = paren_end = 0
    for _, p, _ in find_chars(text, "*_("):
        if text[p] == "(":
            if p >= paren_end and (m := _PAREN.match(text, p)):
                paren_end = m.end()
                start = m.start(1)
                for part in re.finditer(r"[^,;]+", m.group(1)):
                    s = start + part.start() + len(part.group()) - len(part.group().lstrip())
                    e = start + part.end() - (len(part.group()) - len(part.group().rstrip()))
                    if e > s:
                        out.append((s, e, "paren"))
        elif p >= emphasis_end and (m := _EMPHASIS.match(text, p)):
            emphasis_end = m.end()
            out.append((m.start(2), m.end(2), "italic"))
    out.sort(key=lambda c: c[2] != "italic")  # italics first, then parentheses, as before
    for m in _caps(initials).finditer(text) if initials else ():
        s, e = m.span()
        if joined_before(text, s) or joined_after(text, e, len(text)):
            continue  # inside a longer word (McDonald)
        out.append((s, e, "caps"))
    return out


def cutoff(text: str, kind: str, syll: frozenset[str] | None = None) -> int | None:
    """The fuzzy score a candidate needs, or None when it cannot be romanized Korean at all.

    Cheap filters come first: letters only, no English function words, the shape of Korean syllables.
    """
    words = text.replace("*", " ").replace("_", " ").split()
    if not 1 <= len(words) <= 5 or not all(_WORD.fullmatch(w) for w in words):
        return None
    if sum(c.isalpha() for c in text) < MIN_LETTERS:
        return None
    if any(w.lower().strip("'’-") in STOPWORDS for w in words):
        return None
    shaped = sum(looks_romanized(w, syll) for w in words)
    if kind == "caps":  # capitalised prose (North Korea, Supreme Court) fails somewhere
        return FUZZY_CUTOFF if shaped == len(words) else None
    if shaped:
        return FUZZY_CUTOFF
    return FUZZY_CUTOFF_UNSHAPED if len(words) == 1 else None
