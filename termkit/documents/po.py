"""gettext PO files (polib), checked line by line first: polib reads a broken string without a word."""
from __future__ import annotations

import bisect
import re
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from .files import FileReader, file_encoding
from ..model import Segment

_STRING = r'"[^"\\]*(?:\\.[^"\\]*)*"'  # one complete C string literal, escapes included
_LINE = re.compile(rf"[ \t]*(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[[0-9]+\])?)[ \t]+)?{_STRING}[ \t]*")


def po_structure(path: Path, enc: str) -> list[int]:
    """The lines where each msgstr starts; InputError at the first line that is not well-formed PO.

    polib takes a string's text as the line without its first and last characters, so a missing
    closing quote loses a character and a stray line is skipped: a file that would not read
    completely is refused here, before polib reads it.
    """
    starts = []
    try:
        with open(path, encoding=enc, newline=None) as fh:
            for number, line in enumerate(fh, 1):
                text = line.rstrip("\n").lstrip("\ufeff" if number == 1 else "")
                body = text.lstrip(" \t")
                if not body or body.startswith("#"):
                    continue  # blank, a comment, a flag or an obsolete entry (#~)
                if not _LINE.fullmatch(text):
                    raise InputError("malformed PO: expected a keyword with one complete \"string\", a "
                                     "\"string\" continuing the one before, or a # comment", str(path), number)
                if body.startswith("msgstr"):
                    starts.append(number)
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror}", str(path)) from None
    except UnicodeDecodeError as e:
        raise InputError(f"not valid {enc}: {e.reason}; give --encoding", str(path)) from None
    return starts


class PoDocument(FileReader):
    """gettext PO: msgid is the Korean source, msgstr the English target."""

    def segments(self) -> Iterator[Segment]:
        import polib

        enc = file_encoding(self.path, self.encoding)
        starts = po_structure(self.path, enc)
        try:
            po = polib.pofile(str(self.path), encoding=enc)
        except (OSError, ValueError) as e:
            m = re.search(r"line (\d+)", str(e))
            raise InputError(f"malformed PO: {e}", str(self.path), int(m.group(1)) if m else None) from None
        for number, entry in enumerate((e for e in po if not e.obsolete), 1):
            i = bisect.bisect_left(starts, entry.linenum)  # the entry's msgstr: the first at or after its msgid
            line = starts[i] if i < len(starts) else entry.linenum
            if entry.msgstr:
                yield Segment(str(self.path), line, entry.msgstr, entry.msgid, number, None, 1, entry.linenum, 1)
