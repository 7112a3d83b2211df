"""Text normalization for matching: length-preserving folds plus a whitespace collapse with an offset map."""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

from .scan import char_range, find_chars

# One character in, one character out, so offsets survive: typographic quotes and apostrophes,
# dashes and hyphens (hyphen = space, so 'self-reliance' = 'self reliance'), emphasis markers,
# line breaks and the romanization diacritics (ŏ ŭ with breve or caron, macrons).
_FOLD: dict[int, str] = {}
for ch in "\u2019\u2018\u201b\u2032\u02bc\u02bb`\u00b4":
    _FOLD[ord(ch)] = "'"
for ch in "\u201c\u201d\u201e\u2033\u00ab\u00bb":
    _FOLD[ord(ch)] = '"'
for ch in "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad*_\t\r\n\u00a0\u2009\u200a\u202f\u3000~":
    _FOLD[ord(ch)] = " "
for src, dst in {"ŏŎǒǑōŌóòôöõ": "o", "ŭŬǔǓūŪúùûü": "u", "ăĂǎǍāĀáàâäã": "a", "ĕĔěĚēĒéèêë": "e",
                 "ĭĬǐǏīĪíìîï": "i", "ñ": "n", "ç": "c"}.items():
    for ch in src:
        _FOLD[ord(ch)] = dst
for cp in range(0xFF01, 0xFF5F):  # full-width ASCII
    _FOLD.setdefault(cp, chr(cp - 0xFEE0))
BARRIER = "\x00"  # a blank line: no term may span it
_FOLD_TABLE = str.maketrans(_FOLD)
# The same folds for long texts, several times faster than str.translate on non-ASCII text: the
# ASCII separators by str.replace, the sparse non-ASCII characters where find_chars finds them.
_ASCII_SEPARATORS = "".join(chr(k) for k, v in _FOLD.items() if k < 128 and v == " ")
_NON_ASCII_FOLDED = "".join(chr(k) for k in sorted(_FOLD) if k >= 128)
_NON_ASCII_TO = [_FOLD[ord(c)] for c in _NON_ASCII_FOLDED]


def _fold(text: str) -> str:
    if not text.isascii():  # one for one, so the pieces between the characters found stay put
        pieces, last = [], 0
        for i, s, e in find_chars(text, _NON_ASCII_FOLDED):
            pieces.append(text[last:s])
            pieces.append(_NON_ASCII_TO[i])
            last = e
        if pieces:
            pieces.append(text[last:])
            text = "".join(pieces)
    for ch in _ASCII_SEPARATORS:  # a chain of str.replace: ten times faster than one regex pass
        if ch in text:
            text = text.replace(ch, " ")
    return text


_BLANK_LINES = re.compile(r"\n[ \t\r]*\n[\s]*")
_BLANK_WS_LINES = re.compile(r"\n[ \t\r]+\n")
# Two spaces or more: led by a two-character literal, several times faster than " {2,}".
_SPACES = re.compile("  +")


def fold_same_length(text: str) -> str:
    """The one-for-one folds alone (quotes, dashes, full-width forms): offsets stay valid."""
    return _fold(text)


def fold_key(text: str) -> str:
    """The matching key of a glossary form: folded, lower case, single-spaced."""
    t = unicodedata.normalize("NFC", text).translate(_FOLD_TABLE).lower()
    return " ".join(t.split())


def fold_keep_hyphens(text: str) -> str:
    """Like fold_key but hyphens survive: tells 'Kim Jong-il' from 'Kim Jong Il'."""
    t = unicodedata.normalize("NFC", text).replace("\u2010", "-").replace("\u2011", "-")
    t = t.replace("-", "\x01").translate(_FOLD_TABLE).lower().replace("\x01", "-")
    return " ".join(t.split())


def strip_diacritics(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


class Normalized:
    """A folded, single-spaced copy of a raw text and the map from its offsets back to the raw ones."""

    __slots__ = ("text", "_norm_starts", "_shift")

    def __init__(self, raw: str):
        # Blank lines become barriers: the common "\n\n" by str.replace, lines of spaces or CRLF by regex.
        t = raw
        if _BLANK_WS_LINES.search(t):
            t = _BLANK_LINES.sub(lambda m: BARRIER * len(m.group()), t)
        t = _fold(t.replace("\n\n", BARRIER * 2))
        low = t.lower()
        if len(low) != len(t):  # a few code points lower to two characters (İ); keep offsets
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in t)
        # Collapse runs of spaces; remember, for each run, where it starts and how much it removed.
        starts: list[int] = []
        shift: list[int] = []
        removed = 0
        out = []
        last = 0
        for m in _SPACES.finditer(low):
            s, e = m.span()
            out.append(low[last:s + 1])
            removed += e - s - 1
            starts.append(s + 1 - (removed - (e - s - 1)))
            shift.append(removed)
            last = e
        if starts:
            out.append(low[last:])
            low = "".join(out)
        self.text = low
        self._norm_starts = starts
        self._shift = shift

    def raw_offset(self, i: int) -> int:
        """The raw offset of the character at normalized offset i (or of the end, for i = len)."""
        k = bisect_right(self._norm_starts, i)
        return i + (self._shift[k - 1] if k else 0)

    def raw_end(self, j: int) -> int:
        """The raw offset just after the character at normalized offset j - 1."""
        return self.raw_offset(j - 1) + 1 if j > 0 else 0



_COMPAT_JAMO = re.compile("[\u3131-\u3163]+")
_COMPAT_L = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_COMPAT_T = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"
_COMPAT_V = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"


def _compose_compat(run: str) -> list[tuple[str, int, int]]:
    """Syllables from a run of compatibility jamo (ㅈㅏㄹㅕㄱ → 자력): (text, start, end) pieces."""
    out = []
    i, n = 0, len(run)
    while i < n:
        c = run[i]
        if c in _COMPAT_L and i + 1 < n and run[i + 1] in _COMPAT_V:
            lead, vowel, j = _COMPAT_L.index(c), _COMPAT_V.index(run[i + 1]), i + 2
            tail = 0
            if j < n and run[j] in _COMPAT_T[1:] and not (j + 1 < n and run[j + 1] in _COMPAT_V):
                tail, j = _COMPAT_T.index(run[j]), j + 1
            out.append((chr(0xAC00 + (lead * 21 + vowel) * 28 + tail), i, j))
            i = j
        else:
            out.append((c, i, i + 1))
            i += 1
    return out


# Text without combining marks, conjoining or compatibility jamo is NFC for all practical purposes;
# finding these (find_chars) is several times cheaper than unicodedata.is_normalized or a regex scan.
_DECOMPOSED_CHARS = (char_range("\u0300", "\u036f") + char_range("\u1100", "\u11ff") + char_range("\u3131", "\u318e")
                     + "\u3099\u309a" + char_range("\ua960", "\ua97f") + char_range("\ud7b0", "\ud7ff"))


def _runs(found) -> list[tuple[int, int]]:
    """Runs of adjacent characters, from find_chars' matches."""
    runs: list[list[int]] = []
    for _, s, e in found:
        if runs and runs[-1][1] == s:
            runs[-1][1] = e
        else:
            runs.append([s, e])
    return [(s, e) for s, e in runs]


_SYLLABLE = re.compile("[\u1100-\u1112][\u1161-\u1175][\u11a8-\u11c2]?")
_COMPAT_CHARS = frozenset(map(chr, range(0x3131, 0x318f)))
_MAYBE_DECOMPOSED = re.compile("[\u0300-\u036f\u1100-\u11ff\u3131-\u318e\u3099\u309a\ua960-\ua97f\ud7b0-\ud7ff]")


class OffsetMap:
    """Raw offsets of a recomposed text's characters, kept as breakpoints where the shift changes."""

    __slots__ = ("at", "shift")

    def __init__(self, at: list[int], shift: list[int]):
        self.at, self.shift = at, shift

    def __getitem__(self, i: int) -> int:
        k = bisect_right(self.at, i)
        return i + (self.shift[k - 1] if k else 0)


def nfc_with_map(raw: str, _compat: bool = True):
    """NFC text (compatibility jamo composed) and, if it differs from raw, a map to raw offsets.

    One scan led by a character class finds runs of marks and jamo (an alternation would be several
    times slower); each run is recomposed with its base character, and the rest is copied untouched.
    """
    if raw.isascii():
        return raw, None
    out: list[str] = []
    at: list[int] = []
    shift: list[int] = []
    removed = last = 0
    leftover = False
    for s, e in _runs(find_chars(raw, _DECOMPOSED_CHARS)):
        if any(ch in _COMPAT_CHARS for ch in raw[s:e]):
            if _compat:
                return _nfc_compat(raw)
            continue  # compatibility jamo that compose to nothing (a lone ㄱ) stay as they are
        if not "\u1100" <= raw[s] <= "\u1112" and s > last:
            s -= 1  # marks or a final jamo: recompose with the character they sit on
        # A run of conjoining jamo is a word: recompose it syllable by syllable, so that offsets
        # inside it (a particle after a term) stay exact.
        pieces = [p.span() for p in _SYLLABLE.finditer(raw, s, e)] or [(s, e)]
        for ps, pe in pieces:
            composed = unicodedata.normalize("NFC", raw[ps:pe])
            if composed == raw[ps:pe]:
                continue
            leftover = leftover or bool(_MAYBE_DECOMPOSED.search(composed))
            out.append(raw[last:ps])
            out.append(composed)
            removed += (pe - ps) - len(composed)
            at.append(ps - (shift[-1] if shift else 0) + len(composed))
            shift.append(removed)
            last = pe
    if not out:
        return raw, None
    out.append(raw[last:])
    text = "".join(out)
    if leftover and not unicodedata.is_normalized("NFC", text):  # marks with no precomposed form: rare
        text = unicodedata.normalize("NFC", text)
        return text, [min(round(i * len(raw) / max(len(text), 1)), len(raw)) for i in range(len(text) + 1)]
    return text, OffsetMap(at, shift)


def _nfc_compat(raw: str):
    """nfc_with_map for text with compatibility jamo (ㅈㅏㄹㅕㄱ): compose them first, then NFC."""
    pieces, starts, last = [], [], 0
    for m in _COMPAT_JAMO.finditer(raw):
        pieces.append(raw[last:m.start()])
        starts.extend(range(last, m.start()))
        for text, s, _ in _compose_compat(m.group()):
            pieces.append(text)
            starts.append(m.start() + s)
        last = m.end()
    pieces.append(raw[last:])
    starts.extend(range(last, len(raw) + 1))
    text, inner = nfc_with_map("".join(pieces), _compat=False)
    return text, starts if inner is None else [starts[inner[i]] for i in range(len(text) + 1)]

