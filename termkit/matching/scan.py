"""Find sparse characters fast: a Rust Aho–Corasick automaton over single characters.

Python's re scans text that is not pure ASCII at a few nanoseconds a character whatever the
pattern; ahocorasick_rs finds a handful of rare characters in a fraction of that time. Callers then
match their patterns anchored at the positions found (re's match, which does not scan).
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=None)
def _finder(chars: str):
    import ahocorasick_rs as ars

    return ars.AhoCorasick(list(chars), implementation=ars.Implementation.ContiguousNFA)


# Up to this many characters, one str.find loop per character beats the automaton: str.find runs at
# memory speed on any string, while the automaton first encodes a non-ASCII text to UTF-8 and maps
# every byte offset found back to a character offset (measured: 15 times slower on English with dashes).
FEW_CHARS = 8


def find_chars(text: str, chars: str) -> list[tuple[int, int, int]]:
    """(index in chars, start, end) of every occurrence of any of `chars` in text, in order."""
    if not text:
        return []
    if len(chars) > FEW_CHARS:
        return _finder(chars).find_matches_as_indexes(text)
    found = []
    find, add = text.find, found.append
    for k, ch in enumerate(chars):
        i = find(ch)
        while i >= 0:
            add((i, k))
            i = find(ch, i + 1)
    found.sort()
    return [(k, i, i + 1) for i, k in found]


def utf8_leads(*ranges: tuple[int, int]) -> bytes:
    """The UTF-8 lead bytes of every code point in the inclusive ranges given (a lead byte names a block
    of code points: E1 is U+1000–U+1FFF), for may_hold."""
    out = set()
    for first, last in ranges:
        # A lead byte covers 64 code points or a multiple of 64, so a step of 64 meets every one.
        for cp in (*range(first, last + 1, 64), last):
            out.add(chr(cp).encode("utf-8", "surrogatepass")[0])
    return bytes(sorted(out))


@lru_cache(maxsize=None)
def _all_but(leads: bytes) -> bytes:
    return bytes(b for b in range(256) if b not in leads)


_ASCII_BYTES = bytes(range(128))
# The last two texts non_ascii() was asked about and their answers, as one tuple replaced in one step,
# so threads sharing a matcher never see one text's answer paired with another text. Two, because
# the matcher alternates between a segment and its copy with blank lines marked.
_LAST: list = [((None, ""), (None, ""))]


def non_ascii(text: str) -> str:
    """The text's non-ASCII characters, in order (English with dashes and quotes: a handful).

    Found in C (encode, drop the ASCII bytes, decode); the last two answers are kept, as the
    matcher asks about one text several times (the NFC test, the folds, the Hangul test).
    """
    newer, older = _LAST[0]
    if newer[0] is text:  # the cache holds the text, so no other text can have its identity meanwhile
        return newer[1]
    if older[0] is text:
        return older[1]
    got = "" if text.isascii() else (
        text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass"))
    _LAST[0] = ((text, got), newer)
    return got


def may_hold(text: str, leads: bytes) -> bool:
    """Whether text may hold a character whose UTF-8 form begins with one of `leads` (False: surely not).

    A pre-test at memory speed: English text with dashes and quotes then skips a search for Hangul
    or decomposed characters, which costs several times more.
    """
    rest = non_ascii(text)
    return bool(rest) and bool(rest.encode("utf-8", "surrogatepass").translate(None, _all_but(leads)))


def char_range(first: str, last: str) -> str:
    return "".join(map(chr, range(ord(first), ord(last) + 1)))
