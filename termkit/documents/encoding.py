"""Detect a document's text encoding: BOMs, UTF-8, the legacy Korean CP949/EUC-KR, else a guess."""
from __future__ import annotations

import codecs

from ..errors import InputError

SAMPLE = 1 << 16
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _valid(sample: bytes, encoding: str) -> bool:
    dec = codecs.getincrementaldecoder(encoding)("strict")
    try:
        dec.decode(sample, final=False)  # a multi-byte character cut at the sample's end is fine
        return True
    except UnicodeDecodeError:
        return False


def detect(sample: bytes, path: str) -> str:
    """The encoding of a file from its first bytes; InputError for binary files."""
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name
    if b"\0" in sample:
        raise InputError("binary file (NUL bytes, no UTF-16 byte-order mark); give --encoding if it is text",
                         path)
    if _valid(sample, "utf-8"):
        return "utf-8"
    if _valid(sample, "cp949"):  # CP949 is a superset of EUC-KR: files from Korean offices
        return "cp949"
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is None:
        raise InputError("cannot tell the text encoding; give --encoding", path)
    return best.encoding
