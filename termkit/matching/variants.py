"""The surface variants a glossary form is matched under: plurals, possessives, hyphenation, romanization."""
from __future__ import annotations

import re

from .normalize import fold_key

_VOWELS = "aeiou"


def _plurals(word: str) -> list[str]:
    if not word or not word[-1].isalpha():
        return []
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return [word + "es"]
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return [word[:-1] + "ies"]
    return [word + "s"]


def english_keys(form: str) -> set[str]:
    """Keys for an English rendering: itself, without hyphens, plural and possessive of its last word."""
    bases = {fold_key(form)}
    if "-" in form:
        bases.add(fold_key(form.replace("-", "")))
    keys = set()
    for base in bases:
        keys.add(base)
        head, _, last = base.rpartition(" ")
        prefix = head + " " if head else ""
        for plural in _plurals(last):
            keys.add(prefix + plural)
            keys.add(prefix + plural + "'")
        keys.add(base + "'s")
        if last.endswith("s"):
            keys.add(base + "'")
    return keys


def name_keys(form: str) -> set[str]:
    """Keys for a personal name: itself, in Western order (Jong Un Kim), and their possessives."""
    keys = set()
    words = fold_key(form).split()
    for base in {" ".join(words), " ".join(words[1:] + words[:1])}:
        keys.update({base, base + "'s"})
        if base.endswith("s"):
            keys.add(base + "'")
    return keys


def romanization_keys(form: str) -> set[str]:
    """Keys for a romanized form: diacritics folded, aspiration apostrophes optional, spaces optional."""
    base = fold_key(form)
    keys = {base, base.replace("'", "")}
    for k in list(keys):
        keys.add(k.replace(" ", ""))
    return {k for k in keys if re.search(r"[a-z]", k)}
