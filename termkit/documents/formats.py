"""Open any supported document as a stream of Segments: text, Markdown, tabular, TMX, XLIFF, PO, docx, HTML, PDF."""
from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Iterator

from .encoding import SAMPLE, detect
from ..errors import InputError
from ..model import Segment
from .text import TextDocument

TABULAR = {".tsv", ".csv"}
XML_FORMATS = {".tmx": "tmx", ".xlf": "xliff", ".xliff": "xliff", ".xlf2": "xliff"}
MONOLINGUAL = {".docx", ".html", ".htm", ".pdf"}
WALKED_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".po", *XML_FORMATS, *MONOLINGUAL}
SOURCE_NAMES = ("ko", "source", "src", "korean")
TARGET_NAMES = ("en", "target", "tgt", "english")
DOC_NAMES = ("doc", "document", "file")
# Inline elements whose content is native markup, not translatable text (TMX, XLIFF 1.2 and 2.x).
CODE_TAGS = {"ph", "bpt", "ept", "it", "ut", "sc", "ec", "sm", "em", "cp"}


class _Reader:
    """What every reader shares: its path, the options, and (for text) the suppressions it collects."""

    bilingual = True

    def __init__(self, path: Path, config=None):
        self.path, self.config = path, config
        self.suppressions: dict = {}


def open_document(path: Path, config):
    suffix = path.suffix.lower()
    if suffix in TABULAR:
        return TabularDocument(path, config)
    if suffix in XML_FORMATS:
        return (TmxDocument if XML_FORMATS[suffix] == "tmx" else XliffDocument)(path, config)
    if suffix == ".po":
        return PoDocument(path, config)
    if suffix == ".docx":
        return DocxDocument(path, config)
    if suffix in (".html", ".htm"):
        return HtmlDocument(path, config)
    if suffix == ".pdf":
        return PdfDocument(path, config)
    doc = TextDocument(path, config.encoding)
    doc.bilingual = False
    return doc


def file_encoding(path: Path, given: str | None) -> str:
    if given:
        return given
    try:
        with open(path, "rb") as fh:
            return detect(fh.read(SAMPLE), str(path))
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror}", str(path)) from None


def pick_column(header: list[str], given: str | None, names: tuple[str, ...], what: str, path: Path,
          required: bool = True) -> int | None:
    lowered = [h.strip().lower() for h in header]
    if given:
        if given.lower() not in lowered:
            raise InputError(f"no {what} column {given!r} (columns: {', '.join(header)})", str(path), 1)
        return lowered.index(given.lower())
    for name in names:
        if name in lowered:
            return lowered.index(name)
    if required:
        raise InputError(f"cannot tell the {what} column (name it {'/'.join(names)}, or give "
                         f"--{what}-col); columns: {', '.join(header)}", str(path), 1)
    return None


class TabularDocument(_Reader):
    """TSV (no quoting: a field may start with a quote mark) or CSV with a header, read by pandas in chunks."""

    CHUNK = 50_000

    @property
    def tsv(self) -> bool:
        return self.path.suffix.lower() == ".tsv"

    def segments(self) -> Iterator[Segment]:
        import pandas as pd

        enc = file_encoding(self.path, self.config.encoding)
        sep = "\t" if self.tsv else ","
        quoting = csv.QUOTE_NONE if self.tsv else csv.QUOTE_MINIMAL
        with open(self.path, encoding=enc, newline="") as fh:
            first = fh.readline().lstrip("\ufeff").rstrip("\r\n")
        header = first.split("\t") if self.tsv else next(csv.reader([first]))
        src = pick_column(header, self.config.source_col, SOURCE_NAMES, "source", self.path)
        tgt = pick_column(header, self.config.target_col, TARGET_NAMES, "target", self.path)
        doc_col = pick_column(header, self.config.doc_col, DOC_NAMES, "doc", self.path, required=False)
        lines = None if self.tsv else csv_record_lines(self.path, enc)
        try:
            reader = pd.read_csv(self.path, sep=sep, quoting=quoting, dtype=str, keep_default_na=False,
                                 na_filter=False, skip_blank_lines=False, chunksize=self.CHUNK, encoding=enc,
                                 engine="c", header=0)
            number = 0
            physical = 1
            for chunk in reader:
                if len(chunk.columns) != len(header):
                    raise InputError(f"header has {len(header)} fields, rows have {len(chunk.columns)}",
                                     str(self.path), 1)
                for row in chunk.itertuples(index=False, name=None):
                    physical = next(lines) if lines is not None else physical + 1
                    if not any(row):
                        continue
                    number += 1
                    before = sum(len(row[j]) + 1 for j in range(tgt))
                    before_src = sum(len(row[j]) + 1 for j in range(src))
                    yield Segment(str(self.path), physical, row[tgt], row[src], number,
                                  row[doc_col] if doc_col is not None else None, before + 1,
                                  physical, before_src + 1)
        except (pd.errors.ParserError, ValueError) as e:
            m = re.search(r"line (\d+)", str(e))
            raise InputError(f"malformed {'TSV' if self.tsv else 'CSV'}: {str(e).strip().splitlines()[-1]}",
                             str(self.path), int(m.group(1)) if m else None) from None
        except UnicodeDecodeError as e:
            raise InputError(f"not valid {enc}: {e.reason}; give --encoding", str(self.path)) from None


def csv_record_lines(path: Path, enc: str) -> Iterator[int]:
    """The physical line on which each CSV record (after the header) starts; quoted fields may span lines."""
    with open(path, encoding=enc, newline="") as fh:
        reader = csv.reader(fh)
        next(reader, None)
        start = reader.line_num + 1
        for _ in reader:
            yield start
            start = reader.line_num + 1


# -- XML: TMX and XLIFF ------------------------------------------------------------------------

def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(el) -> str:
    """Translatable text of an element: inline codes' content left out, their tails kept."""
    parts = [el.text or ""]
    for child in el:
        if _local(child.tag) not in CODE_TAGS:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _iterparse(path: Path, tags: set[str]):
    from lxml import etree

    try:
        # Safe parsing: no DTD loading, no network, no entity substitution (no expansion bombs).
        for event, el in etree.iterparse(str(path), events=("start", "end"), resolve_entities=False,
                                         no_network=True, load_dtd=False, huge_tree=False,
                                         remove_comments=True):
            if _local(el.tag) in tags:
                yield event, el
    except etree.XMLSyntaxError as e:
        line, col = (e.position if e.position else (e.lineno, None))
        raise InputError(f"malformed XML: {e.msg}", str(path), line, col) from None
    except OSError as e:
        raise InputError(f"cannot read: {e}", str(path)) from None


def _korean_english(src: str | None, tgt: str | None, path: Path):
    s, t = (src or "").lower(), (tgt or "").lower()
    if s.startswith("ko") and (not t or t.startswith("en")):
        return
    raise InputError(f"termkit checks Korean→English; this file is {src or '?'}→{tgt or '?'}", str(path))


class TmxDocument(_Reader):
    """TMX 1.4: one segment per <tu>, the Korean <tuv> as source and the English one as target."""


    def segments(self) -> Iterator[Segment]:
        XML = "{http://www.w3.org/XML/1998/namespace}lang"
        srclang = None
        number = 0
        for event, el in _iterparse(self.path, {"header", "tu"}):
            if _local(el.tag) == "header" and event == "start":
                srclang = el.get("srclang")
            if event != "end" or _local(el.tag) != "tu":
                continue
            number += 1
            by_lang = {}
            for tuv in el:
                if _local(tuv.tag) != "tuv":
                    continue
                lang = (tuv.get(XML) or tuv.get("lang") or "").lower()
                seg = next((c for c in tuv if _local(c.tag) == "seg"), None)
                if seg is not None:
                    by_lang[lang] = (_text(seg), seg.sourceline)
            ko = next((v for k, v in by_lang.items() if k.startswith("ko")), None)
            en = next((v for k, v in by_lang.items() if k.startswith("en")), None)
            if srclang and srclang.lower() not in ("*all*",) and not srclang.lower().startswith("ko"):
                raise InputError(f"termkit checks Korean→English; this TMX's srclang is {srclang}", str(self.path))
            if en is not None:
                yield Segment(str(self.path), en[1], en[0], ko[0] if ko else None, number, None, 1,
                              ko[1] if ko else None, 1)
            el.clear()


class XliffDocument(_Reader):
    """XLIFF 1.2 (<trans-unit>) and 2.x (<unit>/<segment>); languages from the file, <file original> as doc."""


    def segments(self) -> Iterator[Segment]:
        doc = None
        number = 0
        for event, el in _iterparse(self.path, {"xliff", "file", "trans-unit", "segment"}):
            tag = _local(el.tag)
            if event == "start":
                if tag == "xliff" and el.get("srcLang"):
                    _korean_english(el.get("srcLang"), el.get("trgLang"), self.path)
                elif tag == "file":
                    if el.get("source-language"):
                        _korean_english(el.get("source-language"), el.get("target-language"), self.path)
                    doc = el.get("original")
                continue
            if tag not in ("trans-unit", "segment"):
                continue
            number += 1
            source = next((c for c in el if _local(c.tag) == "source"), None)
            target = next((c for c in el if _local(c.tag) == "target"), None)
            if target is not None:
                yield Segment(str(self.path), target.sourceline, _text(target),
                              _text(source) if source is not None else None, number, doc, 1,
                              source.sourceline if source is not None else None, 1)
            el.clear()


class PoDocument(_Reader):
    """gettext PO: msgid is the Korean source, msgstr the English target."""


    def segments(self) -> Iterator[Segment]:
        import polib

        enc = file_encoding(self.path, self.config.encoding)
        try:
            po = polib.pofile(str(self.path), encoding=enc)
        except (OSError, ValueError) as e:
            m = re.search(r"line (\d+)", str(e))
            raise InputError(f"malformed PO: {e}", str(self.path), int(m.group(1)) if m else None) from None
        with open(self.path, encoding=enc) as fh:
            starts = [i for i, line in enumerate(fh, 1) if line.startswith("msgstr")]
        for number, entry in enumerate((e for e in po if not e.obsolete), 1):
            line = next((s for s in starts if s >= entry.linenum), entry.linenum)
            if entry.msgstr:
                yield Segment(str(self.path), line, entry.msgstr, entry.msgid, number, None, 1, entry.linenum, 1)


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
            yield Segment(str(self.target), number, line, source, number, None, 1, number, 1)
        if next(src_lines, None) is not None:
            raise InputError(f"has {number} lines but the source {self.source} has more", str(self.target))


def _lines(doc: TextDocument) -> Iterator[str]:
    pending = ""
    for block in doc._blocks():
        pending += block
        *full, pending = pending.split("\n")
        for line in full:
            yield line.rstrip("\r").lstrip("\ufeff")
    if pending:
        yield pending.rstrip("\r")


# -- English-only documents in other formats -----------------------------------------------------

class DocxDocument(_Reader):
    """A Word document: one segment per paragraph (tables included); line = paragraph number."""

    bilingual = False

    def segments(self) -> Iterator[Segment]:
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


class HtmlDocument(_Reader):
    """An HTML page: one segment per block element, located by the element's source line."""

    bilingual = False

    def segments(self) -> Iterator[Segment]:
        from lxml import etree, html

        enc = file_encoding(self.path, self.config.encoding)
        parser = html.HTMLParser(encoding=enc, no_network=True, remove_comments=False)
        try:
            root = html.parse(str(self.path), parser).getroot()
        except (etree.ParserError, OSError) as e:
            raise InputError(f"not readable HTML: {e}", str(self.path)) from None
        if root is None:
            return
        for el in root.iter(*_BLOCKS):
            if any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in el.iterdescendants()):
                continue  # the inner blocks are segments of their own
            text = "".join(t for t in el.itertext() if t is not None)
            if text.strip():
                yield Segment(str(self.path), el.sourceline or 1, text)


class PdfDocument(_Reader):
    """A PDF: text per page (pypdf); findings are located as FILE#page=N with the line on that page."""

    bilingual = False

    def segments(self) -> Iterator[Segment]:
        try:
            from pypdf import PdfReader

            reader = PdfReader(str(self.path))
            pages = list(reader.pages)
        except Exception as e:  # pypdf raises its own and zlib/struct errors for damaged files
            raise InputError(f"not a readable PDF ({type(e).__name__}: {e})", str(self.path)) from None
        for number, page in enumerate(pages, 1):
            try:
                text = page.extract_text() or ""
            except Exception as e:
                raise InputError(f"cannot extract text from page {number} ({type(e).__name__})",
                                 str(self.path)) from None
            if text.strip():
                yield Segment(f"{self.path}#page={number}", 1, text, number=number)
