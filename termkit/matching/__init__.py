"""Matching: normalize text and find the glossary's forms in it.

Takes a glossary's Concepts (compiled once into a `Matcher`: Aho–Corasick automata over folded
English, Korean and romanized keys) and raw text; gives located `Hit`s (line, column, the raw span,
the entries it matched, glosses beside it). Also the text folds (`fold_key`), the Korean keys
(`canonical`), the romanizer (`romanize`) and romanized-word recognition used by other stages.
"""
from .._lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    "Matcher": "matcher", "Entry": "matcher", "EN_APPROVED": "matcher", "EN_DEPRECATED": "matcher",
    "EN_WRONG": "matcher", "EVIDENCE": "matcher", "FUZZY": "matcher", "MISSPELLING": "matcher", "NAME": "matcher",
    "ROM": "matcher", "PUNCT": "matcher", "KOREAN": "matcher",
    "fold_key": "normalize", "fold_keep_hyphens": "normalize", "strip_diacritics": "normalize", "nfc": "normalize",
    "canonical": "korean", "is_particle_tail": "korean",
    "romanize": "romanizer", "stored_form_matches": "romanizer", "ROMANIZATION_SYSTEMS": "romanizer:SYSTEMS",
    "skeleton": "romanized",
    "romanization_keys": "variants", "english_keys": "variants", "short_core": "variants",
    "GENERATED": "matcher", "is_capitalised": "names",
    "find_chars": "scan",
})
