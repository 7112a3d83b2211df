"""gettext PO files, read by a small parser of its own: plurals, and every string located in the raw file.

Lax where `msgfmt -c` is lax (a `#Comment` with no space, blank lines inside an entry, an unknown
escape), strict where a file would not read completely (an unterminated string, a stray line): those
are an InputError at their line. Each msgstr (every msgstr[n] of a plural entry) is one segment,
its text decoded with a Places map, so that a finding in a wrapped entry or after a `\\n` escape is
reported at its physical line and column.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from .files import FileReader, file_encoding
from ..model import Segment
from .places import Places

_KEYWORD = re.compile(r"[ \t]*(domain|msgctxt|msgid_plural|msgid|msgstr(?:\[([0-9]+)\])?)(?=[ \t\"]|$)[ \t]*")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f",
            "v": "\v", "?": "?", "'": "'"}
_OCTAL = re.compile(r"[0-7]{1,3}")
_HEX = re.compile(r"x([0-9a-fA-F]{1,8})")
_HANGUL = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_LANGUAGE = re.compile(r"^Language:[ \t]*([^\s]*)", re.M)
_EXPECTED = ("malformed PO: expected a keyword (msgid, msgstr …) with a \"string\", a \"string\" "
             "continuing the one before, or a # comment")


class _String:
    """One keyword's string as it is decoded, line after line: its text parts and their places."""

    __slots__ = ("parts", "places", "line")

    def __init__(self, line: int):
        self.parts: list[str] = []
        self.places = Places()
        self.line = line

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _decode(line: str, at: int, number: int, out: _String, path: Path) -> None:
    """Decode the C string literal starting at line[at] (a quote) into out; nothing but blanks may follow."""
    i = at + 1
    n = len(line)
    parts, places = out.parts, out.places
    while True:
        j = i
        while j < n and line[j] not in '"\\':
            j += 1
        if j > i:
            parts.append(line[i:j])
            places.verbatim(line[i:j], number, i + 1)
        if j >= n:
            raise InputError("malformed PO: unterminated string (no closing quote on this line)",
                             str(path), number, at + 1)
        if line[j] == '"':
            rest = line[j + 1:]
            if rest.strip(" \t"):
                col = j + 2 + len(rest) - len(rest.lstrip(" \t"))
                raise InputError("malformed PO: text after the closing quote", str(path), number, col)
            return
        # A backslash: C escapes; an unknown one keeps its character, as msgfmt's reader does.
        k = j + 1
        if k >= n:
            raise InputError("malformed PO: unterminated string (a backslash ends the line)", str(path), number, j + 1)
        c = line[k]
        if c in _ESCAPES:
            ch, end = _ESCAPES[c], k + 1
        elif m := _OCTAL.match(line, k):
            ch, end = chr(int(m.group(), 8)), m.end()
        elif m := _HEX.match(line, k):
            ch, end = chr(min(int(m.group(1), 16), 0x10FFFF)), m.end()
        else:
            ch, end = c, k + 1
        parts.append(ch)
        places.decoded(1, number, j + 1, end - j)
        i = end


class _Entry:
    __slots__ = ("strings", "obsolete")

    def __init__(self):
        self.strings: dict[str, _String] = {}  # keyword (msgid, msgstr[1] …) -> its string


def parse_po(path: Path, enc: str) -> Iterator[_Entry]:
    """The file's entries in order (obsolete #~ entries are comments); InputError at the first broken line."""
    entry = _Entry()
    current: _String | None = None
    try:
        with open(path, encoding=enc, newline=None) as fh:
            for number, raw in enumerate(fh, 1):
                line = raw.rstrip("\n")
                if number == 1 and line.startswith("\ufeff"):
                    line = line[1:]  # a byte-order mark is no column of the text
                body = line.lstrip(" \t")
                if not body or body.startswith("#"):
                    continue  # blank, a comment (with a space or not), a flag, an obsolete entry
                if body.startswith('"'):
                    if current is None:
                        raise InputError("malformed PO: a \"string\" with no keyword before it", str(path), number)
                    _decode(line, len(line) - len(body), number, current, path)
                    continue
                m = _KEYWORD.match(line)
                # msgfmt lets a keyword's string begin on the next line: a keyword alone is read so.
                if not m or (m.end() < len(line) and line[m.end()] != '"'):
                    raise InputError(_EXPECTED, str(path), number)
                key = m.group(1).replace(" ", "")
                if key == "domain":  # a `domain "name"` directive: msgfmt ignores it, and so does termkit
                    if entry.strings:
                        yield entry
                        entry = _Entry()
                    current = _String(number)
                    if m.end() < len(line):
                        _decode(line, m.end(), number, current, path)
                    continue
                if key == "msgstr":
                    key = "msgstr[0]"
                if key in ("msgctxt", "msgid") and any(k.startswith("msgstr") for k in entry.strings):
                    yield entry  # a new entry begins
                    entry = _Entry()
                current = entry.strings[key] = _String(number)
                if m.end() < len(line):
                    _decode(line, m.end(), number, current, path)
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror}", str(path)) from None
    except UnicodeDecodeError as e:
        raise InputError(f"not valid {enc}: {e.reason}; give --encoding", str(path)) from None
    if entry.strings:
        yield entry


def _direction(path: Path, header: _Entry | None, entries: list[_Entry]) -> None:
    """InputError unless the translations (msgstr) are English: the Language header, else the text itself."""
    if header is not None:
        head = header.strings.get("msgstr[0]")
        m = _LANGUAGE.search(head.text) if head else None
        lang = m.group(1) if m else ""
        if lang and not lang.lower().startswith("en"):
            what = " (an English→Korean file: the Korean is the translation)" if lang.lower().startswith("ko") else ""
            raise InputError(f"termkit checks Korean→English; this PO file's Language is {lang}{what}",
                             str(path), head.line)
    korean_ids = korean_strs = 0
    for e in entries:
        korean_ids += bool(_HANGUL.search(e.strings["msgid"].text)) if "msgid" in e.strings else 0
        korean_strs += any(_HANGUL.search(s.text) for k, s in e.strings.items() if k.startswith("msgstr"))
    # A Korean→English file's msgids are all Korean; an English glossed with Hangul now and then is
    # still English, so only Korean in more msgstrs than msgids says the Korean is the translation.
    if korean_strs > korean_ids:
        raise InputError("termkit checks Korean→English; this PO file's translations (msgstr) are Korean "
                         f"in {korean_strs} entries, its msgids in {korean_ids}", str(path))


class PoDocument(FileReader):
    """gettext PO: msgid (msgid_plural for msgstr[1] and later) is the Korean source, msgstr the English target."""

    def segments(self) -> Iterator[Segment]:
        enc = file_encoding(self.path, self.encoding)
        header, entries = None, []
        for e in parse_po(self.path, enc):
            if "msgid" not in e.strings:
                first = min(s.line for s in e.strings.values())
                raise InputError("malformed PO: an entry with no msgid", str(self.path), first)
            if header is None and not entries and not e.strings["msgid"].text and "msgctxt" not in e.strings:
                header = e
            else:
                entries.append(e)
        _direction(self.path, header, entries)
        path = str(self.path)
        for number, e in enumerate(entries, 1):
            msgid = e.strings["msgid"]
            plural = e.strings.get("msgid_plural", msgid)
            forms = sorted((int(k[7:-1]), s) for k, s in e.strings.items() if k.startswith("msgstr["))
            for n, s in forms:
                text = s.text
                if not text:
                    continue
                src = msgid if n == 0 else plural
                yield Segment(path, s.line, text, src.text, number, None, 1, src.line, 1, places=s.places, source_places=src.places)
