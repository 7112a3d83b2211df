"""Open documents safely: regular files only, and a text encoding that is validated or detected."""
from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from .encoding import SAMPLE, detect
from ..errors import InputError

_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory"))


def regular_file(path: str | Path) -> None:
    """InputError unless path is a regular file (through symlinks).

    Checked before opening: a FIFO blocks the open itself until a writer comes, and a device such as
    /dev/zero never ends, so neither may reach a reader.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror}", str(path)) from None
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
        raise InputError(f"{kind}, not a regular file: termkit reads regular files only", str(path))


def text_encoding(name: str, path: str | Path | None = None) -> str:
    """The codec's canonical name if `name` is a text encoding; InputError naming it otherwise.

    The one check every reader applies to --encoding (or a configured encoding): 'rot13', 'hex' or
    'zlib' are codecs Python knows, but they map bytes to bytes or str to str, not bytes to text.
    """
    try:
        info = codecs.lookup(name)
    except (LookupError, TypeError, ValueError):
        raise InputError(f"unknown encoding {name!r}", str(path) if path else None) from None
    if not getattr(info, "_is_text_encoding", True):
        raise InputError(f"{name!r} is not a text encoding (it is a {info.name} codec); give a text "
                         "encoding such as utf-8 or cp949", str(path) if path else None)
    return info.name


_BOM_FIRST = {"utf-16": (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE), "utf-32": (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)}


def given_encoding(name: str, start: bytes, path: str | Path) -> str:
    """A given encoding validated (text_encoding) and fit for a file that starts with `start`.

    'utf-16' and 'utf-32' without an order read the byte-order mark to learn it: a file without one
    cannot be read with them (Python's decoders raise a bare UnicodeError, or guess the machine's
    order), so the user is asked for the order instead.
    """
    codec = text_encoding(name, path)
    boms = _BOM_FIRST.get(codec)
    if boms and start and not start.startswith(boms):
        raise InputError(f"{name!r} needs a byte-order mark, which this file does not start with; give "
                         f"{codec}-le or {codec}-be", str(path), 1)
    return codec


def file_encoding(path: str | Path, given: str | None) -> str:
    """The encoding to read a regular file with: `given` once validated, else detected from its start."""
    regular_file(path)
    try:
        with open(path, "rb") as fh:
            start = fh.read(SAMPLE)
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror}", str(path)) from None
    return given_encoding(given, start, path) if given else detect(start, str(path))


class FileReader:
    """What every reader of a file shares: its path, the options, and the suppressions it collects."""

    bilingual = True

    def __init__(self, path: Path, config=None):
        self.path, self.config = Path(path), config
        self.suppressions: dict = {}

    @property
    def encoding(self) -> str | None:
        return getattr(self.config, "encoding", None)
