"""Where glossary files are: the bundled set, user paths, and a content hash over them."""
from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import GlossaryError

GLOSSARY_SUFFIXES = (".yaml", ".yml", ".csv", ".tsv", ".tbx")


def bundled_glossary_dir() -> Path:
    """The glossary shipped in the wheel, or the repository's glossary/ in a source checkout."""
    package = Path(__file__).parent.parent  # termkit/
    packaged = package / "_glossary"
    return packaged if packaged.is_dir() else package.parent / "glossary"


def glossary_files(path: Path) -> list[Path]:
    """The glossary files a path names: the file itself, or a directory's files, sorted."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix.lower() in GLOSSARY_SUFFIXES and p.is_file())
    if not path.exists():
        raise GlossaryError("no such glossary file or directory", str(path))
    if path.suffix.lower() not in GLOSSARY_SUFFIXES:
        raise GlossaryError("not a glossary file (expected .yaml, .yml, .csv, .tsv or .tbx)", str(path))
    return [path]


def content_hash(files: list[Path]) -> str:
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode())
        h.update(b"\0")
        h.update(f.read_bytes())
        h.update(b"\0")
    return h.hexdigest()
