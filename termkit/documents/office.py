"""English-only documents in other formats: Word (.docx), HTML and PDF, each read completely or refused."""
from __future__ import annotations

import logging
import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from .files import FileReader, file_encoding, regular_file
from ..model import Segment


class DocxDocument(FileReader):
    """A Word document: one segment per paragraph (tables included); line = paragraph number."""

    bilingual = False

    def segments(self) -> Iterator[Segment]:
        regular_file(self.path)
        try:
            import docx

            document = docx.Document(str(self.path))
        except Exception as e:  # python-docx raises zipfile, KeyError and lxml errors for bad files
            raise InputError(f"not a readable .docx file ({type(e).__name__})", str(self.path)) from None
        paragraphs = list(document.paragraphs)
        for table in document.tables:
            for row in table.rows:
                for cell in row.cells:
                    paragraphs.extend(cell.paragraphs)
        for number, p in enumerate(paragraphs, 1):
            if p.text.strip():
                yield Segment(str(self.path), number, p.text, number=number)


_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "blockquote", "dd", "dt", "figcaption",
           "caption", "title"}


def parse_html(path: Path, given: str | None):
    """The root element of an HTML file (None when empty); InputError if any of it would be lost.

    The bytes are decoded here, with the detected or validated Python codec, and handed to libxml2
    as UTF-8: libxml2 knows neither Python's codec names ('utf-8-sig', 'cp949' aliases) nor strict
    decoding. huge_tree lifts libxml2's limits (256 levels of nesting, 10 MB text nodes), and a
    fatal error it still reports (nesting past 2,048 levels) means a truncated tree, so it is one.
    The HTML parser expands no DTD entities, so huge_tree opens no entity bomb.
    """
    from lxml import etree, html

    enc = file_encoding(path, given)
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror}", str(path)) from None
    try:
        text = data.decode(enc)
    except UnicodeDecodeError as e:
        raise InputError(f"not valid {enc} (byte {e.start}); give --encoding", str(path),
                         data.count(b"\n", 0, e.start) + 1) from None
    if text.startswith("\ufeff"):  # a BOM the codec kept (utf-8 given for a utf-8-sig file)
        text = text[1:]
    parser = html.HTMLParser(encoding="utf-8", no_network=True, remove_comments=False, huge_tree=True)
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except (etree.ParserError, etree.XMLSyntaxError) as e:
        raise InputError(f"not readable HTML: {e}", str(path)) from None
    fatal = [e for e in parser.error_log if e.level >= etree.ErrorLevels.FATAL]
    if fatal:
        raise InputError(f"HTML that cannot be read completely: {fatal[0].message}", str(path),
                         fatal[0].line or None)
    return root


class HtmlDocument(FileReader):
    """An HTML page: one segment per block element, located by the element's source line."""

    bilingual = False

    def segments(self) -> Iterator[Segment]:
        root = parse_html(self.path, self.encoding)
        if root is None:
            return
        for el in root.iter(*_BLOCKS):
            if any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in el.iterdescendants()):
                continue  # the inner blocks are segments of their own
            text = "".join(t for t in el.itertext() if t is not None)
            if text.strip():
                yield Segment(str(self.path), el.sourceline or 1, text)


# pypdf's notes on fonts (widths, glyph names, character maps): the text is all there, a character
# may map imperfectly. Its other warnings tell of data skipped or not decoded.
_FONT_LOGGERS = ("pypdf._cmap", "pypdf.generic._font", "pypdf._codecs")


class _Complaints(logging.Handler):
    """Collects what pypdf logs about data it skipped or could not decode."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if not record.name.startswith(_FONT_LOGGERS):
            self.messages.append(record.getMessage())


@contextmanager
def _pypdf_complaints():
    logger = logging.getLogger("pypdf")
    handler, level = _Complaints(), logger.level
    logger.addHandler(handler)
    if logger.getEffectiveLevel() > logging.WARNING:
        logger.setLevel(logging.WARNING)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def _cut_flate_stream(page) -> bool:
    """Whether a Flate-compressed content stream of the page ends before its compressed data does.

    pypdf decodes such a stream to the part before the cut without a word, so a page whose text
    stops mid-way would read as complete.
    """
    from pypdf.generic import ArrayObject

    contents = page.get("/Contents")
    contents = contents.get_object() if contents is not None else None
    streams = list(contents) if isinstance(contents, ArrayObject) else [contents]
    for ref in streams:
        stream = ref.get_object() if ref is not None else None
        raw = getattr(stream, "_data", None)  # the encoded bytes (no public accessor in pypdf)
        filters = stream.get("/Filter") if hasattr(stream, "get") else None
        if raw is None or filters is None:
            continue
        first = filters[0] if isinstance(filters, ArrayObject) and filters else filters
        if first not in ("/FlateDecode", "/Fl"):
            continue
        decompressor = zlib.decompressobj()
        try:
            while raw and not decompressor.eof:
                decompressor.decompress(raw, 1 << 20)
                raw = decompressor.unconsumed_tail
        except zlib.error:
            return True
        if not decompressor.eof:
            return True
    return False


class PdfDocument(FileReader):
    """A PDF: text per page (pypdf); findings are located as FILE#page=N with the line on that page.

    A page pypdf reads only with complaints (a stream it cannot decode, objects it skips; its notes
    on fonts aside) or whose compressed content is cut short is an error: partial text would be
    checked as if it were whole.
    """

    bilingual = False

    def segments(self) -> Iterator[Segment]:
        regular_file(self.path)
        try:
            from pypdf import PdfReader

            reader = PdfReader(str(self.path))
            pages = list(reader.pages)
        except Exception as e:  # pypdf raises its own and zlib/struct errors for damaged files
            raise InputError(f"not a readable PDF ({type(e).__name__}: {e})", str(self.path)) from None
        for number, page in enumerate(pages, 1):
            text = self._page_text(page, number)
            if text.strip():
                yield Segment(f"{self.path}#page={number}", 1, text, number=number)

    def _page_text(self, page, number: int) -> str:
        with _pypdf_complaints() as complaints:
            try:
                text = page.extract_text() or ""
                cut = _cut_flate_stream(page)
            except Exception as e:
                raise InputError(f"cannot extract text from page {number} ({type(e).__name__})",
                                 str(self.path)) from None
        if complaints:
            raise InputError(f"cannot read page {number} completely: {complaints[0]}", str(self.path))
        if cut:
            raise InputError(f"cannot read page {number} completely: its compressed content stream is "
                             "damaged or cut short", str(self.path))
        return text
