"""Read documents into Segments: plain text and Markdown, streamed in blocks cut at blank lines."""
from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Iterator

from .encoding import SAMPLE, detect
from ..errors import InputError
from .files import given_encoding, regular_file
from .markup import blank_markdown, suppressions
from ..model import Segment

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown"}
BLOCK = 1 << 20
_LAST_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")


def kind_of(path: Path) -> str | None:
    return TEXT_SUFFIXES.get(path.suffix.lower())


class TextDocument:
    """An English-only document; `segments()` streams it, `suppressions` fills in as it goes."""

    def __init__(self, path: str | Path, encoding: str | None = None, kind: str | None = None):
        self.path = str(path)
        self.kind = kind or kind_of(Path(path)) or "text"
        self.encoding = encoding
        self.suppressions: dict[int, frozenset[str] | None] = {}

    def _blocks(self) -> Iterator[str]:
        regular_file(self.path)
        try:
            fh = open(self.path, "rb")
        except OSError as e:
            raise InputError(f"cannot read: {e.strerror}", self.path) from None
        with fh:
            try:
                first = fh.read(SAMPLE)
            except OSError as e:
                raise InputError(f"cannot read: {e.strerror}", self.path) from None
            encoding = given_encoding(self.encoding, first, self.path) if self.encoding else detect(first, self.path)
            decoder = codecs.getincrementaldecoder(encoding)("strict")
            data, line = first, 1
            while True:
                final = len(data) == 0
                try:
                    text = decoder.decode(data, final=final)
                except UnicodeError as e:  # a decoder may raise the base class (UTF-16 without its mark)
                    where = f", byte {e.start} of a block" if isinstance(e, UnicodeDecodeError) else ""
                    raise InputError(f"not valid {encoding} (near line {line}{where}); "
                                     "give --encoding", self.path, line) from None
                if text:
                    line += text.count("\n")
                    yield text
                if final:
                    return
                data = fh.read(BLOCK)

    def segments(self) -> Iterator[Segment]:
        """Blocks of whole paragraphs (cut at blank lines), each with its first line number."""
        pending = ""
        line = 1
        in_fence = False
        number = 0
        first = True
        for text in self._blocks():
            if first:
                text = text.lstrip("\ufeff")
                first = False
            pending += text
            if len(pending) < BLOCK:
                continue
            cut = None
            for m in _LAST_BLANK_LINE.finditer(pending, max(0, len(pending) - BLOCK // 2)):
                cut = m.end()
            if cut is None:
                continue
            block, pending = pending[:cut], pending[cut:]
            number += 1
            seg, in_fence = self._segment(block, line, number, in_fence)
            yield seg
            line += block.count("\n")
        if pending:
            number += 1
            seg, in_fence = self._segment(pending, line, number, in_fence)
            yield seg

    def _segment(self, block: str, line: int, number: int, in_fence: bool):
        self.suppressions.update(suppressions(block, line))
        if self.kind == "markdown":
            block, in_fence = blank_markdown(block, in_fence)
        return Segment(self.path, line, block, number=number), in_fence
