"""The raw characters of an XML file beside lxml's parse: an element's text mapped to the file's line:column.

lxml gives an element's line (the line its start tag ends on) but no column, and its text comes with
tags removed and entities decoded. This reads the same file as text and finds the k-th start tag that
ends on that line, then tokenizes the element (tags, comments, processing instructions, CDATA, entity
and character references) into a small tree whose text pieces keep their raw offsets. The reader
builds the element's text from both trees by the same rules and uses the raw one's places only when
the two texts agree, so a construct this scanner does not know costs a column, never a wrong text.
"""
from __future__ import annotations

import codecs
import re
from bisect import bisect_right
from pathlib import Path

from .places import Places

# One markup construct at a '<': comment, processing instruction, CDATA (group 1: its text), a
# declaration, an end tag, or a start tag (group 2: its name; attribute values may hold '>').
_TOKEN = re.compile(r"""<(?:!--.*?-->|\?.*?\?>|!\[CDATA\[(.*?)\]\]>|![^>]*>|/[^>]*>|"""
                    r"""([^\s/>!?"'=<]+)(?:[^>"']|"[^"]*"|'[^']*')*>)""", re.S)
_ATTR = re.compile(r"""([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_REF = re.compile(r"&(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z_][\w.-]*);")
_PREDEFINED = {"lt": "<", "gt": ">", "amp": "&", "apos": "'", "quot": '"'}
_DECLARED = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def decode_xml_bytes(data: bytes) -> str | None:
    """The file's text as an XML parser decodes it (BOM, then the declaration, else UTF-8); None if it cannot."""
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            break
    else:
        m = _DECLARED.match(data[:200])
        enc = m.group(1).decode("ascii") if m else "utf-8"
    try:
        return data.decode(enc)
    except (LookupError, UnicodeDecodeError):
        return None


class RawEl:
    """An element as written: its local name, attributes (by local name) and items, in order.

    An item is a RawEl, or a text piece (kind, start, end) over the raw text: 't' character data
    (references still in it), 'c' CDATA content (as it is).
    """

    __slots__ = ("tag", "attrs", "items")

    def __init__(self, tag: str, attrs: dict, items: list):
        self.tag, self.attrs, self.items = tag, attrs, items

    def get(self, name: str):
        return self.attrs.get(name)


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1]


def _attrs(tag_text: str) -> dict:
    return {_local(m.group(1)): m.group(2) if m.group(2) is not None else m.group(3)
            for m in _ATTR.finditer(tag_text)}


class RawXml:
    """A whole XML file's text, found element by element in step with lxml's (line, k) of each start tag."""

    def __init__(self, text: str):
        self.text = text
        self.nl = [m.start() for m in re.finditer("\n", text)]
        self._anchor = (0, 0, -1)  # after the last start tag found: (offset, its line, its k)

    @classmethod
    def open(cls, path: Path) -> "RawXml | None":
        try:
            data = Path(path).read_bytes()
        except OSError:
            return None
        text = decode_xml_bytes(data)
        return cls(text) if text is not None else None

    def line_of(self, offset: int) -> int:
        return bisect_right(self.nl, offset - 1) + 1

    def line_col(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self.nl, offset - 1)
        return i + 1, offset - (self.nl[i - 1] if i else -1)

    def element(self, line: int, k: int) -> RawEl | None:
        """The element whose start tag is the k-th (0-based) to end on `line`, parsed; None if not found.

        Requests come in file order, so the scan goes on from the last start tag found: every start
        tag after it is seen, those that began on an earlier line included (attributes over lines).
        """
        text = self.text
        pos, last_line, last_k = self._anchor
        count = last_k + 1 if last_line == line else 0
        if last_line > line or k < count:
            return None  # behind the scan: not in file order
        while True:
            lt = text.find("<", pos)
            if lt < 0:
                return None
            m = _TOKEN.match(text, lt)
            if m is None:
                return None
            pos = m.end()
            if m.group(2) is None:
                continue
            ends_on = self.line_of(pos - 1)
            if ends_on < line:
                continue
            if ends_on > line:
                return None
            if count == k:
                self._anchor = (pos, line, k)
                return self._parse(m)
            count += 1

    def _parse(self, start: re.Match) -> RawEl:
        """The element a start tag opens, to its matching end tag, as a RawEl tree."""
        text = self.text
        root = RawEl(_local(start.group(2)), _attrs(start.group()), [])
        if start.group().endswith("/>"):
            return root
        stack = [root]
        pos = start.end()
        while stack:
            lt = text.find("<", pos)
            if lt < 0:
                raise ValueError("unclosed element")
            if lt > pos:
                stack[-1].items.append(("t", pos, lt))
            m = _TOKEN.match(text, lt)
            if m is None:
                raise ValueError("unreadable markup")
            pos = m.end()
            tok = m.group()
            if m.group(2) is not None:
                el = RawEl(_local(m.group(2)), _attrs(tok), [])
                stack[-1].items.append(el)
                if not tok.endswith("/>"):
                    stack.append(el)
            elif m.group(1) is not None:
                stack[-1].items.append(("c", m.start(1), m.end(1)))
            elif tok.startswith("</"):
                stack.pop()
            # comments, processing instructions and declarations: nothing
        return root

    def add(self, item: tuple, parts: list[str], places: Places) -> None:
        """Decode one text piece into parts, its places recorded (line breaks as XML normalizes them)."""
        kind, a, b = item
        text = self.text
        line, col = self.line_col(a)
        if text.find("\r", a, b) < 0 and (kind == "c" or text.find("&", a, b) < 0):
            piece = text[a:b]  # the common case: nothing to decode
            parts.append(piece)
            places.verbatim(piece, line, col)
            return
        pos = a
        while pos < b:
            # The next character that is not copied as it is: a reference, or a carriage return.
            amp = text.find("&", pos, b) if kind == "t" else -1
            cr = text.find("\r", pos, b)
            stop = min(x for x in (amp, cr, b) if x >= 0)
            if stop > pos:
                piece = text[pos:stop]
                parts.append(piece)
                places.verbatim(piece, line, col)
                nls = piece.count("\n")
                if nls:
                    line, col = line + nls, len(piece) - piece.rfind("\n")
                else:
                    col += len(piece)
                pos = stop
            if pos >= b:
                break
            if text[pos] == "\r":
                width = 2 if pos + 1 < b and text[pos + 1] == "\n" else 1
                parts.append("\n")
                places.decoded(1, line, col, width)
                line, col, pos = line + 1, 1, pos + width
                continue
            m = _REF.match(text, pos, b)
            if m is None:  # a bare '&' (not well-formed; lxml would have refused): as it is
                parts.append("&")
                places.verbatim("&", line, col)
                col, pos = col + 1, pos + 1
                continue
            name = m.group(1)
            if name.startswith("#x"):
                ch = chr(int(name[2:], 16))
            elif name.startswith("#"):
                ch = chr(int(name[1:]))
            else:
                ch = _PREDEFINED.get(name, m.group())  # an entity termkit does not expand: its reference
            parts.append(ch)
            places.decoded(len(ch), line, col, m.end() - pos)
            col, pos = col + m.end() - pos, m.end()
