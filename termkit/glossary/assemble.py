"""Assemble the glossary from the bundled files and the user's, and compile it (cached by content hash)."""
from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from .._version import __version__
from ..errors import GlossaryError
from .sources import bundled_glossary_dir, content_hash, glossary_files

# The modules whose code decides what a compiled Matcher holds: their bytes are part of the cache key.
_COMPILER_MODULES = ("matching/matcher.py", "matching/korean.py", "matching/variants.py", "matching/normalize.py",
                     "model.py", "glossary/loader.py", "glossary/sources.py", "matching/romanizer.py",
                     "matching/romanized.py")


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


def _cache_dir() -> Path:
    env = os.environ.get("TERMKIT_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "termkit"


def load_matcher(paths: list[str | Path] = (), bundled: bool = True, use_cache: bool = True):
    """The compiled Matcher for these glossary sources, from the cache when the content is unchanged."""
    from ..matching import Matcher

    ghash = glossary_hash(paths, bundled)
    key = hashlib.sha256(f"{__version__}|{_compiler_hash()}|{ghash}".encode()).hexdigest()[:32]
    cache = _cache_dir() / f"matcher-{key}.pickle"
    if use_cache and cache.is_file():
        try:
            with open(cache, "rb") as fh:
                return pickle.load(fh)
        except Exception:  # a corrupt or foreign cache file is rebuilt, never trusted
            pass
    matcher = Matcher(load_concepts(paths, bundled), ghash)
    if use_cache:
        import tempfile

        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=cache.parent, prefix=".matcher-")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(matcher, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, cache)
        except OSError:  # a read-only home is no reason to fail a check
            pass
    return matcher
