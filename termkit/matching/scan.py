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


def find_chars(text: str, chars: str) -> list[tuple[int, int, int]]:
    """(index in chars, start, end) of every occurrence of any of `chars` in text, in order."""
    if not text:
        return []
    return _finder(chars).find_matches_as_indexes(text)


def char_range(first: str, last: str) -> str:
    return "".join(map(chr, range(ord(first), ord(last) + 1)))
