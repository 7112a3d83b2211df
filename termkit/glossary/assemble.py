"""Assemble the glossary from the bundled files and the user's, and compile it (cached by content hash)."""
from __future__ import annotations

import gc
import hashlib
from pathlib import Path

from .._version import __version__
from ..errors import GlossaryError
from .cache import read_cache
from .sources import bundled_glossary_dir, content_hash, glossary_files

# The modules whose code decides what a compiled Matcher holds: their bytes are part of the cache key.
_COMPILER_MODULES = ("matching/matcher.py", "matching/korean.py", "matching/variants.py", "matching/normalize.py",
                     "model.py", "glossary/loader.py", "glossary/sources.py", "matching/romanizer.py",
                     "matching/romanized.py", "glossary/cache.py", "matching/names.py",
                     "matching/data/name_syllables.tsv")


def _compiler_hash() -> str:
    h = hashlib.sha256()
    package = Path(__file__).parent.parent  # termkit/
    for name in _COMPILER_MODULES:
        h.update((package / name).read_bytes())
    return h.hexdigest()


def source_files(paths: list[str | Path] = (), bundled: bool = True) -> list[list[Path]]:
    """The glossary files, one list per source: the bundled set first, then each --glossary path."""
    sources = []
    if bundled:
        sources.append(glossary_files(bundled_glossary_dir()))
    for p in paths:
        files = glossary_files(Path(p))
        if not files:
            raise GlossaryError("directory holds no glossary files (.yaml, .yml, .csv, .tsv)", str(p))
        sources.append(files)
    return sources


def load_concepts(paths: list[str | Path] = (), bundled: bool = True) -> list:
    """All concepts; a later source's concept replaces an earlier one with the same id."""
    from .loader import load_files  # YAML and schema libraries: only when the cache misses

    merged = {}
    for files in source_files(paths, bundled):
        for c in load_files(files):
            merged[c.id] = c
    if not merged:
        raise GlossaryError("no glossary: --no-bundled needs at least one --glossary")
    return [merged[k] for k in sorted(merged)]


def glossary_hash(paths: list[str | Path] = (), bundled: bool = True) -> str:
    files = [f for src in source_files(paths, bundled) for f in src]
    return content_hash(files)


def _from_cache(matcher_class, path: Path, key: str, ghash: str):
    """The cached Matcher, or None if the file is missing or fails any check (then it is rebuilt and rewritten).

    The cyclic garbage collector is paused meanwhile: decoding allocates tens of thousands of
    tuples and no cycles, and the collections they would trigger (about 6 % of the load's
    instructions, measured with callgrind) would find nothing to free.
    """
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        plain = read_cache(path, key, ghash)
        return None if plain is None else matcher_class.from_plain(plain)
    except (ValueError, TypeError, KeyError, IndexError):  # a payload of another shape
        return None
    finally:
        if gc_was_enabled:
            gc.enable()


def load_matcher(paths: list[str | Path] = (), bundled: bool = True, use_cache: bool = True):
    """The compiled Matcher for these glossary sources, from the cache when the content is unchanged."""
    from ..matching import Matcher
    from .cache import PYTHON, cache_path, write_cache

    ghash = glossary_hash(paths, bundled)
    if not use_cache:
        return Matcher(load_concepts(paths, bundled), ghash)
    key = hashlib.sha256(f"{__version__}|{PYTHON}|{_compiler_hash()}|{ghash}".encode()).hexdigest()[:32]
    path = cache_path(key)
    matcher = _from_cache(Matcher, path, key, ghash)
    if matcher is not None:
        return matcher
    matcher = Matcher(load_concepts(paths, bundled), ghash)
    write_cache(path, key, ghash, matcher.to_plain())
    return matcher
