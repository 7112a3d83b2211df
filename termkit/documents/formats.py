"""Open any supported document as a stream of Segments: text, Markdown, tabular, TMX, XLIFF, TBX, PO, docx, HTML, PDF."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..errors import InputError
from .files import text_encoding
from ..model import Segment
from .text import TextDocument

TABULAR = {".tsv", ".csv"}
XML_FORMATS = {".tmx": "tmx", ".xlf": "xliff", ".xliff": "xliff", ".xlf2": "xliff", ".sdlxliff": "xliff",
               ".mqxliff": "xliff", ".tbx": "tbx"}
MONOLINGUAL = {".docx", ".html", ".htm", ".pdf"}
WALKED_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".po", *XML_FORMATS, *MONOLINGUAL}


def open_document(path: Path, config):
    """The reader for a file, chosen by its suffix (plain text when unknown); nothing is read yet.

    A configured encoding is validated here, for every format, so that a bad --encoding is one clear
    error even for the formats that declare their own.
    """
    if getattr(config, "encoding", None):
        text_encoding(config.encoding, path)
    suffix = Path(path).suffix.lower()
    if suffix in TABULAR:
        from .tabular import TabularDocument

        return TabularDocument(path, config)
    if suffix in XML_FORMATS:
        kind = XML_FORMATS[suffix]
        if kind == "tbx":
            from .termbase import TbxDocument

            return TbxDocument(path, config)
        from .exchange import TmxDocument, XliffDocument

        return (TmxDocument if kind == "tmx" else XliffDocument)(path, config)
    if suffix == ".po":
        from .po import PoDocument

        return PoDocument(path, config)
    if suffix in MONOLINGUAL:
        from .office import DocxDocument, HtmlDocument, PdfDocument

        return {".docx": DocxDocument, ".pdf": PdfDocument}.get(suffix, HtmlDocument)(path, config)
    doc = TextDocument(path, getattr(config, "encoding", None))
    doc.bilingual = False
    return doc


class PairedDocument:
    """Two line-aligned plain files: line N of the source is the Korean of line N of the target."""

    bilingual = True

    def __init__(self, source: Path, target: Path, encoding: str | None = None):
        self.source, self.target, self.encoding = source, target, encoding
        self.path = target
        self.suppressions: dict = {}

    def segments(self) -> Iterator[Segment]:
        src_doc = TextDocument(self.source, self.encoding, kind="text")
        tgt_doc = TextDocument(self.target, self.encoding, kind="text")
        src_lines = _lines(src_doc)
        number = 0
        for number, line in enumerate(_lines(tgt_doc), 1):
            source = next(src_lines, None)
            if source is None:
                raise InputError(f"has more lines than the source {self.source} ({number - 1})",
                                 str(self.target), number)
            yield Segment(str(self.target), number, line, source, number, None, 1, number, 1, str(self.source))
        if next(src_lines, None) is not None:
            raise InputError(f"has {number} lines but the source {self.source} has more", str(self.target))


def _lines(doc: TextDocument) -> Iterator[str]:
    """The document's lines; a line longer than a block is joined once, not re-split per block.

    U+FEFF is dropped where the text readers drop it, at the start of the file only: elsewhere it is
    text (a zero-width no-break space) and dropping it would move every column after it.
    """
    pending: list[str] = []
    first_line = True
    for block in doc._blocks():
        if "\n" not in block:
            pending.append(block)
            continue
        first, *full, last = block.split("\n")
        for line in ("".join(pending) + first, *full):
            if first_line:
                line, first_line = line.lstrip("\ufeff"), False
            yield line.rstrip("\r")
        pending = [last]
    rest = "".join(pending)
    if first_line:
        rest = rest.lstrip("\ufeff")
    if rest:
        yield rest.rstrip("\r")
