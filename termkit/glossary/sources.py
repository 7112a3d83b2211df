"""Where glossary files are: the bundled set, user paths, and a content hash over them."""
from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from ..errors import GlossaryError

GLOSSARY_SUFFIXES = (".yaml", ".yml", ".csv", ".tsv", ".tbx")
# A glossary is text people curate (the bundled one is 0.6 MB): a larger file is a mistake, and
# the YAML parser is pure Python (about a megabyte a second).
MAX_GLOSSARY_BYTES = 50 * 1024 * 1024
_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


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
    _check_stat(path.stat(), path)  # a FIFO or device named .yaml: refused here, never opened
    return [path]


def _check_stat(st: os.stat_result, path: Path) -> None:
    if not stat.S_ISREG(st.st_mode):
        kind = next((name for test, name in _KINDS if test(st.st_mode)), "not a regular file")
        raise GlossaryError(f"not a glossary file: {kind}", str(path))
    if st.st_size > MAX_GLOSSARY_BYTES:
        raise GlossaryError(f"glossary file too large: {st.st_size:,} bytes (limit {MAX_GLOSSARY_BYTES:,})",
                            str(path))


def read_glossary_bytes(path: Path) -> bytes:
    """A glossary file's bytes, refused before reading unless it is a regular file within MAX_GLOSSARY_BYTES.

    A FIFO would block the run and /dev/zero never ends: their type is checked with stat before
    they are opened, and again on the open file (O_NONBLOCK: a FIFO swapped in meanwhile cannot block).
    """
    try:
        _check_stat(os.stat(path), path)
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as e:
        raise GlossaryError(f"cannot read: {e.strerror}", str(path)) from None
    with os.fdopen(fd, "rb", buffering=0) as fh:
        st = os.fstat(fh.fileno())
        _check_stat(st, path)
        try:
            # Sized by fstat (a read of the limit would allocate 50 MB each time); one byte more
            # shows a file that grew meanwhile, read on up to the limit.
            data = fh.read(st.st_size + 1)
            if len(data) > st.st_size:
                data += fh.read(MAX_GLOSSARY_BYTES + 1 - len(data))
        except OSError as e:
            raise GlossaryError(f"cannot read: {e.strerror}", str(path)) from None
    if len(data) > MAX_GLOSSARY_BYTES:
        raise GlossaryError(f"glossary file too large (limit {MAX_GLOSSARY_BYTES:,} bytes)", str(path))
    return data


def content_hash(files: list[Path]) -> str:
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode())
        h.update(b"\0")
        h.update(read_glossary_bytes(f))
        h.update(b"\0")
    return h.hexdigest()
