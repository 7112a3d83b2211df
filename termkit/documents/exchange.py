"""Bilingual XML exchange files: TMX and XLIFF 1.2/2.x, parsed incrementally and safely (lxml iterparse)."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..errors import InputError
from .files import FileReader, regular_file
from ..model import Segment

# Inline elements whose content is native markup, not translatable text (TMX, XLIFF 1.2 and 2.x).
CODE_TAGS = {"ph", "bpt", "ept", "it", "ut", "sc", "ec", "sm", "em", "cp"}


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

    regular_file(path)
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


class TmxDocument(FileReader):
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


class XliffDocument(FileReader):
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
