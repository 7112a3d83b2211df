"""Bilingual tables: TSV (no quoting) and CSV with a header row, read by pandas in chunks."""
from __future__ import annotations

import csv
import re
import warnings
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from .files import FileReader, file_encoding
from ..model import Segment

SOURCE_NAMES = ("ko", "source", "src", "korean")
TARGET_NAMES = ("en", "target", "tgt", "english")
DOC_NAMES = ("doc", "document", "file")
# pandas reads fields of any size; the csv module's pass over the same file (for physical lines)
# must read them too instead of stopping at its default of 131,072 characters.
FIELD_LIMIT = 1 << 30


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


def _raise_field_limit() -> None:
    if csv.field_size_limit() < FIELD_LIMIT:
        csv.field_size_limit(FIELD_LIMIT)


def read_header(path: Path, enc: str, tsv: bool) -> list[str]:
    """The header row's fields (the first physical line)."""
    _raise_field_limit()
    try:
        with open(path, encoding=enc, newline="") as fh:
            first = fh.readline().lstrip("\ufeff").rstrip("\r\n")
        return first.split("\t") if tsv else next(csv.reader([first]), [])
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror}", str(path)) from None
    except UnicodeDecodeError as e:
        raise InputError(f"not valid {enc}: {e.reason}; give --encoding", str(path), 1) from None
    except csv.Error as e:
        raise InputError(f"malformed CSV header: {e}", str(path), 1) from None


def csv_record_lines(path: Path, enc: str) -> Iterator[int]:
    """The physical line on which each CSV record (after the header) starts; quoted fields may span lines."""
    return (line for line, _, _ in csv_records(path, enc))


def csv_records(path: Path, enc: str) -> Iterator[tuple[int, int, str]]:
    """(line, column where it starts, raw text) of each CSV record after the header.

    Lines are counted at '\n', as every reader counts them; the csv module also ends a line at a
    lone '\r', so a record may start inside a line (column > 1).
    """
    _raise_field_limit()
    with open(path, encoding=enc, newline="") as fh:
        raw: list[str] = []

        def lines():  # the physical lines the csv module reads for a record: it reads no further
            for line in fh:
                raw.append(line)
                yield line

        reader = csv.reader(lines())
        line, column = 1, 1

        def advance(text: str) -> None:
            nonlocal line, column
            breaks = text.count("\n")
            line += breaks
            column = column + len(text) if not breaks else len(text) - text.rfind("\n")
        try:
            next(reader, None)
            advance("".join(raw))
            raw.clear()
            for _ in reader:
                record = "".join(raw)
                yield line, column, record
                advance(record)
                raw.clear()
        except csv.Error as e:
            raise InputError(f"malformed CSV: {e}", str(path), reader.line_num or None) from None


def field_starts(record: str) -> list[tuple[int, int]]:
    """(start, end) of each field's content in a raw CSV record: inside its quotes when it is quoted."""
    spans = []
    body = record.rstrip("\r\n")
    i = 0
    while True:
        if body.startswith('"', i):
            j = i + 1
            while True:  # to the closing quote; a doubled quote is one quote of the content
                k = body.find('"', j)
                if k < 0:
                    k = len(body)
                    break
                if not body.startswith('""', k):
                    break
                j = k + 2
            spans.append((i + 1, k))
            comma = body.find(",", k)
        else:
            comma = body.find(",", i)
            spans.append((i, comma if comma >= 0 else len(body)))
        if comma < 0:
            return spans
        i = comma + 1


def _placed(record: str, span: tuple[int, int] | None, value: str, line: int, first: int) -> tuple[str, int, int]:
    """The text to check for a field, and the line and column where it starts in the file.

    A field whose quotes are doubled inside it ('He said ""yes""') is checked as written in the file,
    so that every position found in it is the file's; any other field as pandas read it.
    """
    if span is None:
        return value, line, first
    s, e = span
    content = record[s:e]
    text = value if content == value or content.replace('""', '"') != value else content
    before = record.count("\n", 0, s)
    column = s + first if not before else s - record.rfind("\n", 0, s)
    return text, line + before, column


def _chunks(reader, path: Path, what: str, width: int) -> Iterator:
    """pandas' chunks, with its one silent loss of data made an error.

    Told not to use a first column as the index (index_col=False), pandas still accepts a first data
    row with more fields than the header: it drops the extra ones with a ParserWarning (any later
    row like that is a ParserError already).
    """
    import pandas as pd

    while True:
        with warnings.catch_warnings():
            warnings.simplefilter("error", pd.errors.ParserWarning)
            try:
                chunk = next(reader)
            except StopIteration:
                return
            except pd.errors.ParserWarning:
                raise InputError(f"malformed {what}: the row has more fields than the header's {width}",
                                 str(path), 2) from None
        yield chunk


class TabularDocument(FileReader):
    """TSV (no quoting: a field may start with a quote mark) or CSV with a header, read by pandas in chunks."""

    CHUNK = 50_000

    @property
    def tsv(self) -> bool:
        return self.path.suffix.lower() == ".tsv"

    def segments(self) -> Iterator[Segment]:
        import pandas as pd

        enc = file_encoding(self.path, self.encoding)
        what = "TSV" if self.tsv else "CSV"
        header = read_header(self.path, enc, self.tsv)
        src = pick_column(header, self.config.source_col, SOURCE_NAMES, "source", self.path)
        tgt = pick_column(header, self.config.target_col, TARGET_NAMES, "target", self.path)
        doc_col = pick_column(header, self.config.doc_col, DOC_NAMES, "doc", self.path, required=False)
        records = None if self.tsv else csv_records(self.path, enc)
        try:
            reader = pd.read_csv(self.path, sep="\t" if self.tsv else ",",
                                 quoting=csv.QUOTE_NONE if self.tsv else csv.QUOTE_MINIMAL, dtype=str,
                                 keep_default_na=False, na_filter=False, skip_blank_lines=False,
                                 chunksize=self.CHUNK, encoding=enc, engine="c", header=0, index_col=False)
            number = 0
            physical = 1
            for chunk in _chunks(reader, self.path, what, len(header)):
                if len(chunk.columns) != len(header):
                    raise InputError(f"header has {len(header)} fields, rows have {len(chunk.columns)}",
                                     str(self.path), 1)
                for row in chunk.itertuples(index=False, name=None):
                    if records is None:  # TSV: one line a row, no quoting, so fields sit where their lengths say
                        physical += 1
                        if not any(row):
                            continue
                        number += 1
                        before = sum(len(row[j]) + 1 for j in range(tgt))
                        before_src = sum(len(row[j]) + 1 for j in range(src))
                        yield Segment(str(self.path), physical, row[tgt], row[src], number,
                                      row[doc_col] if doc_col is not None else None, before + 1,
                                      physical, before_src + 1)
                        continue
                    physical, first, record = next(records)
                    if not any(row):
                        continue
                    number += 1
                    spans = field_starts(record)
                    target, line, column = _placed(record, spans[tgt] if tgt < len(spans) else None, row[tgt],
                                                   physical, first)
                    source, src_line, src_column = _placed(record, spans[src] if src < len(spans) else None,
                                                           row[src], physical, first)
                    yield Segment(str(self.path), line, target, source, number,
                                  row[doc_col] if doc_col is not None else None, column, src_line, src_column)
        except (pd.errors.ParserError, ValueError) as e:
            m = re.search(r"line (\d+)", str(e))
            raise InputError(f"malformed {what}: {str(e).strip().splitlines()[-1]}",
                             str(self.path), int(m.group(1)) if m else None) from None
        except UnicodeDecodeError as e:
            raise InputError(f"not valid {enc}: {e.reason}; give --encoding", str(self.path)) from None
