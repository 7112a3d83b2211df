"""Text normalization for matching: length-preserving folds plus a whitespace collapse with an offset map."""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

from .scan import char_range, find_chars, may_hold, non_ascii

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
_NON_ASCII_FOLD = {c: _FOLD[ord(c)] for c in _NON_ASCII_FOLDED}
_NON_ASCII_FOLD_CHARS = frozenset(_NON_ASCII_FOLD)


def _fold(text: str) -> str:
    return _fold_ascii(_fold_non_ascii(text))


def _fold_non_ascii(text: str) -> str:
    """The non-ASCII folds alone (they never make a line break): English text comes out ASCII.

    The distinct non-ASCII characters are found in C (scan.non_ascii); each one that folds is then
    replaced in one str.replace pass. English holds a few kinds (dashes,
    quotes), so this is a few fast passes instead of a pass that visits every character found.
    """
    if text.isascii():
        return text
    for ch in sorted(set(non_ascii(text)) & _NON_ASCII_FOLD_CHARS):
        text = text.replace(ch, _NON_ASCII_FOLD[ch])
    return text


def _fold_ascii(text: str) -> str:
    """The ASCII separators folded to spaces."""
    for ch in _ASCII_SEPARATORS:  # a chain of str.replace: ten times faster than one regex pass
        if ch in text:
            text = text.replace(ch, " ")
    return text


_BLANK_LINES = re.compile(r"\n[ \t\r]*\n[\s]*")
_BLANK_WS_LINES = re.compile(r"\n[ \t\r]+\n")
# Two spaces or more: led by a two-character literal, several times faster than " {2,}".
_SPACES = re.compile("  +")


# CPython puts combining marks in canonical order by insertion, so a long run of marks out of order
# (a base character with thousands of alternating accents below and above) takes time quadratic in
# its length: 30,000 marks took seconds. Past this many marks in a row, termkit orders them itself.
_MARKS_MAX = 30
_MARK_RUN: list = []  # the compiled pattern of a long run of combining marks, built when first needed


def _long_mark_run(text: str) -> bool:
    # More than _MARKS_MAX marks need as many non-ASCII characters, each at least one extra UTF-8
    # byte: a cheap count that spares most texts (a glossary form with one breve) the pattern's build.
    if len(text.encode("utf-8", "surrogatepass")) - len(text) <= _MARKS_MAX:
        return False
    if not _MARK_RUN:  # every code point with a combining class (about ten milliseconds, once)
        marks = "".join(chr(cp) for cp in range(0x300, 0x1F000) if unicodedata.combining(chr(cp)))
        _MARK_RUN.append(re.compile(f"[{re.escape(marks)}]{{{_MARKS_MAX + 1},}}"))
    return _MARK_RUN[0].search(text) is not None


def _canonically_ordered(text: str) -> str:
    """NFD in linear time: each character decomposed alone, then each run of marks sorted by class.

    That is NFD's definition (full decomposition, then a stable sort of every run of non-starters by
    combining class); sorted() does the sort in n log n where CPython's own loop takes n².
    """
    combining = unicodedata.combining
    out: list[str] = []
    run: list[str] = []
    for ch in text:
        for c in unicodedata.normalize("NFD", ch):
            if combining(c):
                run.append(c)
                continue
            if run:
                out.extend(sorted(run, key=combining))
                run = []
            out.append(c)
    out.extend(sorted(run, key=combining))
    return "".join(out)


def nfc(text: str) -> str:
    """unicodedata's NFC, in linear time however many combining marks follow one another."""
    if len(text) > _MARKS_MAX and not text.isascii() and _long_mark_run(text):
        text = _canonically_ordered(text)
    return unicodedata.normalize("NFC", text)


def nfd(text: str) -> str:
    """unicodedata's NFD, in linear time however many combining marks follow one another."""
    if len(text) > _MARKS_MAX and not text.isascii() and _long_mark_run(text):
        return _canonically_ordered(text)
    return unicodedata.normalize("NFD", text)


def fold_same_length(text: str) -> str:
    """The one-for-one folds alone (quotes, dashes, full-width forms): offsets stay valid."""
    return _fold(text)


def fold_key(text: str) -> str:
    """The matching key of a glossary form: folded, lower case, single-spaced."""
    t = nfc(text).translate(_FOLD_TABLE).lower()
    return " ".join(t.split())


def fold_keep_hyphens(text: str) -> str:
    """Like fold_key but hyphens survive: tells 'Kim Jong-il' from 'Kim Jong Il'."""
    t = nfc(text).replace("\u2010", "-").replace("\u2011", "-")
    t = t.replace("-", "\x01").translate(_FOLD_TABLE).lower().replace("\x01", "-")
    return " ".join(t.split())


def strip_diacritics(text: str) -> str:
    return "".join(c for c in nfd(text) if not unicodedata.combining(c))


class Normalized:
    """A folded, single-spaced copy of a raw text and the map from its offsets back to the raw ones."""

    __slots__ = ("text", "_norm_starts", "_shift")

    def __init__(self, raw: str):
        # Blank lines become barriers: the common "\n\n" by str.replace, lines of spaces or CRLF by regex.
        t = raw
        if _BLANK_WS_LINES.search(t):
            t = _BLANK_LINES.sub(lambda m: BARRIER * len(m.group()), t)
        # Non-ASCII first: English text is then ASCII, where str.replace runs several times faster.
        t = _fold_ascii(_fold_non_ascii(t).replace("\n\n", BARRIER * 2))
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


# Text without combining marks, conjoining or compatibility jamo and CJK compatibility ideographs is
# NFC for all practical purposes; finding these (find_chars) is several times cheaper than
# unicodedata.is_normalized or a regex scan.
_DECOMPOSED_CHARS = (char_range("\u0300", "\u036f") + char_range("\u1100", "\u11ff") + char_range("\u3131", "\u318e")
                     + "\u3099\u309a" + char_range("\ua960", "\ua97f") + char_range("\ud7b0", "\ud7ff")
                     + char_range("\uf900", "\ufaff") + char_range("\U0002f800", "\U0002fa1f"))
_DECOMPOSED_LEADS = bytes(sorted(set(_DECOMPOSED_CHARS.encode("utf-8").translate(None, bytes(range(0xC0))))))
_COMPAT_FIRST = _DECOMPOSED_CHARS.index("\u3131")  # compatibility jamo, as indexes in _DECOMPOSED_CHARS
_COMPAT_END = _DECOMPOSED_CHARS.index("\u3163") + 1  # the ones _COMPAT_JAMO composes
_RUN = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in (
    (0x300, 0x36F), (0x1100, 0x11FF), (0x3131, 0x318E), (0x3099, 0x309A), (0xA960, 0xA97F), (0xD7B0, 0xD7FF),
    (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))) + "]+")
# A cluster: a character and the marks or vowel and final jamo that follow it. NFC never composes or
# reorders across a starter that does not compose backward, so clusters normalize independently; a
# region of found characters holds only the characters above plus the base before them.
_JOINING = "\u0300-\u034e\u0350-\u036f\u1160-\u11ff\ud7b0-\ud7ff\u3099\u309a"
_CLUSTER = re.compile(f"[^{_JOINING}][{_JOINING}]*|[{_JOINING}]+", re.S)
_JOINING_CHARS = frozenset(c for c in _DECOMPOSED_CHARS if re.match(f"[{_JOINING}]", c))


def _runs(found) -> list[tuple[int, int]]:
    """Runs of adjacent characters, from find_chars' matches."""
    runs: list[list[int]] = []
    for _, s, e in found:
        if runs and runs[-1][1] == s:
            runs[-1][1] = e
        else:
            runs.append([s, e])
    return [(s, e) for s, e in runs]


class OffsetMap:
    """Raw offsets of a normalized text: exact per changed cluster, a constant shift between them.

    Cluster k covers text[out_start[k]:out_end[k]] and raw[raw_start[k]:raw_end[k]]; a span that
    starts or ends inside a cluster widens to the whole cluster, so a raw span never splits a
    character from its marks and always holds what was matched.
    """

    __slots__ = ("out_start", "out_end", "raw_start", "raw_end")

    def __init__(self):
        self.out_start: list[int] = []
        self.out_end: list[int] = []
        self.raw_start: list[int] = []
        self.raw_end: list[int] = []

    def add(self, out_start: int, out_end: int, raw_start: int, raw_end: int) -> None:
        self.out_start.append(out_start)
        self.out_end.append(out_end)
        self.raw_start.append(raw_start)
        self.raw_end.append(raw_end)

    def start(self, i: int) -> int:
        """The raw offset where the character at text offset i begins (i = len(text): the raw end)."""
        k = bisect_right(self.out_start, i) - 1
        if k < 0:
            return i
        if i < self.out_end[k]:
            return self.raw_start[k]
        return i + self.raw_end[k] - self.out_end[k]

    def end(self, j: int) -> int:
        """The raw offset just after the character at text offset j - 1."""
        if j <= 0:
            return 0
        k = bisect_right(self.out_start, j - 1) - 1
        if k < 0:
            return j
        if j - 1 < self.out_end[k]:
            return self.raw_end[k]
        return j + self.raw_end[k] - self.out_end[k]

    __getitem__ = start


class _Chained:
    """Two offset maps in a row: text -> middle (second), middle -> raw (first)."""

    __slots__ = ("first", "second")

    def __init__(self, first: OffsetMap, second: OffsetMap):
        self.first, self.second = first, second

    def start(self, i: int) -> int:
        return self.first.start(self.second.start(i))

    def end(self, j: int) -> int:
        return self.first.end(self.second.end(j))

    __getitem__ = start


def nfc_with_map(raw: str, _compat: bool = True):
    """NFC text (compatibility jamo composed) and, if it differs from raw, a map to raw offsets.

    One scan led by a character class finds runs of marks, jamo and compatibility ideographs (an
    alternation would be several times slower); each run is recomposed with its base character,
    cluster by cluster, so that every offset maps back exactly (a particle after a decomposed term,
    a hanja before an uncomposable mark), and the rest is copied untouched.
    """
    if not may_hold(raw, _DECOMPOSED_LEADS):  # ASCII, or English with dashes and quotes: NFC already
        return raw, None
    out: list[str] = []
    cmap = OffsetMap()
    delta = last = 0  # raw offset - text offset after the last changed cluster; raw copied up to last
    found = find_chars(raw, _DECOMPOSED_CHARS)
    # Dense (decomposed Hangul pasted from macOS): regex passes beat a loop over the characters found.
    dense = len(found) > len(raw) >> 4
    if _compat and (_COMPAT_JAMO.search(raw) if dense else any(_COMPAT_FIRST <= i < _COMPAT_END for i, _, _ in found)):
        return _nfc_compat(raw)
    runs = [m.span() for m in _RUN.finditer(raw)] if dense else _runs(found)
    add_out_start, add_out_end = cmap.out_start.append, cmap.out_end.append
    add_raw_start, add_raw_end = cmap.raw_start.append, cmap.raw_end.append
    for s, e in runs:
        if s > last and raw[s] in _JOINING_CHARS:
            s -= 1  # marks or vowel and final jamo: recompose with the character they sit on
        region = raw[s:e]
        composed = nfc(region)
        if composed == region:
            continue
        out.append(raw[last:s])
        out.append(composed)
        clusters = _CLUSTER.findall(region)
        if len(clusters) == len(composed):  # one character from each cluster (decomposed Hangul, é)
            at = s - delta  # where the region starts in the text
            for i, n in enumerate(map(len, clusters)):
                if n != 1:  # a one-for-one cluster keeps the shift: no entry needed (cmap.add, inlined)
                    add_out_start(at + i)
                    add_out_end(at + i + 1)
                    add_raw_start(s)
                    add_raw_end(s + n)
                    delta += n - 1
                s += n
        else:  # a cluster keeps marks no precomposed character takes: normalize each on its own
            for cluster in clusters:
                done = nfc(cluster)
                n, m = len(cluster), len(done)
                if done != cluster and (n, m) != (1, 1):  # reordered or expanded (U+0344): maps as a whole
                    cmap.add(s - delta, s - delta + m, s, s + n)
                    delta += n - m
                s += n
        last = e
    if not out:
        return raw, None
    out.append(raw[last:])
    return "".join(out), cmap


def _nfc_compat(raw: str):
    """nfc_with_map for text with compatibility jamo (ㅈㅏㄹㅕㄱ): compose them first, then NFC."""
    pieces: list[str] = []
    first = OffsetMap()
    delta = last = 0
    for m in _COMPAT_JAMO.finditer(raw):
        for syllable, s, e in _compose_compat(m.group()):
            if e - s == 1:
                continue  # a lone jamo stays as it is
            s, e = m.start() + s, m.start() + e
            pieces.append(raw[last:s])
            pieces.append(syllable)
            first.add(s - delta, s - delta + 1, s, e)
            delta += e - s - 1
            last = e
    pieces.append(raw[last:])
    text, second = nfc_with_map("".join(pieces), _compat=False)
    if second is None:
        return text, first if first.out_start else None
    return text, second if not first.out_start else _Chained(first, second)


def joined_before(t: str, i: int) -> bool:
    """Whether the text before offset i continues a word: a letter or digit, through underscores.

    An underscore joins words (search_by_text is one identifier, not 'text'), but one that opens
    an emphasis (_Juche_) has no word before it, so the term inside still stands alone.
    """
    j = i - 1
    while j >= 0 and t[j] == "_":
        j -= 1
    return j >= 0 and t[j].isalnum()


def joined_after(t: str, i: int, n: int) -> bool:
    """Whether the text from offset i continues a word: a letter or digit, through underscores."""
    while i < n and t[i] == "_":
        i += 1
    return i < n and t[i].isalnum()
