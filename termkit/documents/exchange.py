"""Bilingual XML exchange files: TMX, XLIFF 1.2/2.x, Trados .sdlxliff and memoQ .mqxliff (lxml iterparse).

Parsed incrementally and safely (no DTD, no network, no entity expansion). What is text: character
data and CDATA, inside text-bearing inline elements (g, mrk, pc, hi …); what is not: the native code
inside inline codes (ph, bpt, ept, it, ut, sc, ec …), comments and processing instructions. A `<sub>`
inside an inline code is translatable text of its own (an alt text, a tooltip): it is checked, after
the segment's text and a blank-line barrier, so no term runs across into it.

Segments: one per <tu> (TMX), per <trans-unit> (XLIFF 1.2) or per <segment> (XLIFF 2.x); an XLIFF
1.2 unit segmented with `<mrk mtype="seg">` (Trados, Okapi) gives one segment per mark, its source the
<seg-source> mark of the same mid. Not checked: a unit with translate="no"; a Trados segment whose
confirmation (`sdl:seg conf`) is absent, Draft or Rejected…; a memoQ unit whose `mq:status` is one of
the unconfirmed states (NotStarted, PreTranslated, PartiallyEdited, MachineTranslated,
AssembledFromFragments, Rejected): the translator has not yet made it their translation. Any other or
unknown state is checked.

A segment with a hit is also read from the raw file (rawxml, lazily: most segments have none) so
that findings are located by line and column in the file as written, entities and tags counted;
where the two readings disagree, the segment keeps lxml's text and its line, without columns.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..errors import InputError
from .files import FileReader, regular_file
from ..model import Segment
from .places import Places
from .rawxml import RawEl, RawXml

# Inline elements whose content is native markup, not translatable text (TMX, XLIFF 1.2 and 2.x).
CODE_TAGS = {"ph", "bpt", "ept", "it", "ut", "sc", "ec", "sm", "em", "cp"}
SUB_BARRIER = "\n\n"  # a blank line: no term may span it
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TRADOS_UNCONFIRMED = {"", "draft", "rejectedtranslation", "rejectedsignoff", "unspecified", "nottranslated"}
MEMOQ_UNCONFIRMED = {"notstarted", "pretranslated", "partiallyedited", "machinetranslated",
                     "assembledfromfragments", "rejected"}


_LOCAL: dict = {}


def _local(tag) -> str:
    """A tag's local name (memoized: a file has few tags, met thousands of times)."""
    name = _LOCAL.get(tag)
    if name is None:
        name = _LOCAL[tag] = tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
    return name


# -- the text of an element, from lxml's tree or the raw one, by the same rules -----------------

def _tag(node) -> str:
    return node.tag if isinstance(node, RawEl) else _local(node.tag)


def _items(node) -> list:
    """An element's content in order: child elements, and text pieces ('s', str) or raw ('t'|'c', a, b)."""
    if isinstance(node, RawEl):
        return node.items
    out: list = [("s", node.text)] if node.text else []
    for child in node:
        tag = child.tag
        if isinstance(tag, str):
            out.append(child)
        elif tag is _entity():  # not expanded: its reference, as the raw reading keeps it
            out.append(("s", child.text))
        if child.tail:  # comments and processing instructions leave only their tail
            out.append(("s", child.tail))
    return out


def _entity():
    from lxml import etree  # lxml loads with the first XML file, not with termkit

    return etree.Entity


class _Text:
    """Text being collected, with its places when it comes from the raw file."""

    __slots__ = ("parts", "places", "raw")

    def __init__(self, raw: RawXml | None):
        self.raw = raw
        self.parts: list[str] = []
        self.places = Places() if raw is not None else None

    def flow(self, node, subs: list) -> None:
        for it in _items(node):
            if isinstance(it, tuple):
                if it[0] == "s":
                    self.parts.append(it[1])
                else:
                    self.raw.add(it, self.parts, self.places)
            elif _tag(it) in CODE_TAGS:
                self.code(it, subs)
            else:
                self.flow(it, subs)

    def code(self, node, subs: list) -> None:
        """An inline code: only its <sub> elements hold text, each collected on its own."""
        for it in _items(node):
            if isinstance(it, tuple):
                continue
            if _tag(it) == "sub":
                sub = _Text(self.raw)
                sub.flow(it, subs)
                subs.append(sub)
            else:
                self.code(it, subs)

    def text(self) -> str:
        return "".join(self.parts)


def element_text(node, raw: RawXml | None) -> tuple[str, Places | None]:
    """An element's translatable text (its <sub> texts after it, behind barriers) and, from raw, its places."""
    main = _Text(raw)
    subs: list[_Text] = []
    main.flow(node, subs)
    for sub in subs:
        main.parts.append(SUB_BARRIER)
        main.parts.extend(sub.parts)
        if main.places is not None:
            main.places.barrier(len(SUB_BARRIER))
            main.places.extend(sub.places)
    return main.text(), main.places


def _seg_marks(node) -> list:
    """The <mrk mtype="seg"> elements of a segmented XLIFF 1.2 text (at any depth outside inline codes)."""
    if not isinstance(node, RawEl) and next(node.iter("{*}mrk", "mrk"), None) is None:
        return []  # no mark at all (most units): lxml says so without a walk in Python
    out = []
    for it in _items(node):
        if isinstance(it, tuple):
            continue
        tag = _tag(it)
        if tag == "mrk" and it.get("mtype") == "seg":
            out.append(it)
        elif tag not in CODE_TAGS:
            out.extend(_seg_marks(it))
    return out


# -- parsing ---------------------------------------------------------------------------------------

def _iterparse(path: Path, tags: set[str], keys: dict, keyed: set[str]):
    """lxml's events for `tags`; each `keyed` element's (line, k) recorded in keys, k counting the start
    tags before it that end on the same line (how rawxml finds it again)."""
    from lxml import etree

    regular_file(path)
    line, k = 0, 0
    try:
        # Safe parsing: no DTD loading, no network, no entity substitution (no expansion bombs).
        for event, el in etree.iterparse(str(path), events=("start", "end"), resolve_entities=False,
                                         no_network=True, load_dtd=False, huge_tree=False,
                                         remove_comments=True, remove_pis=True):
            local = _local(el.tag)
            if event == "start":
                at = el.sourceline
                k = k + 1 if at == line else 0
                line = at
                if local in keyed:
                    keys[el] = (at, k)
            if local in tags:
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


def _korean_source(srclang: str | None, path: Path):
    """A TMX's srclang: Korean, or *all* (any tuv may be the source), or not given."""
    if srclang and srclang.lower() != "*all*" and not srclang.lower().startswith("ko"):
        raise InputError(f"termkit checks Korean→English; this TMX's srclang is {srclang}", str(path))


class LazyPlaces:
    """A Places map built only when a hit needs it: most segments have none, and reading the raw file
    costs more than parsing it. Built while the reader waits at its segment (the raw reader goes forward)."""

    __slots__ = ("_build", "_value")

    def __init__(self, build):
        self._build, self._value = build, None

    def get(self) -> Places | None:
        if self._build is not None:
            self._value, self._build = self._build(), None
        return self._value

    def relocate(self, hits: list) -> list:
        places = self.get()
        return places.relocate(hits) if places is not None else hits


class _Unit:
    """One unit's raw elements, looked up together, in file order, the first time one is needed."""

    __slots__ = ("located", "wanted", "found", "marks")

    def __init__(self, located: "_Located", elements: list):
        self.located = located
        keys = located.keys
        self.wanted = sorted(keys[e] + (_local(e.tag),) for e in elements if e is not None and e in keys)
        self.found: dict | None = None
        self.marks: dict = {}

    def raw(self, key) -> RawEl | None:
        if self.found is None:
            self.found = self.located.lookup(self.wanted)
        return self.found.get(key)

    def seg_marks(self, key) -> list | None:
        if key not in self.marks:
            el = self.raw(key)
            self.marks[key] = _seg_marks(el) if el is not None else None
        return self.marks[key]


class _Located:
    """The raw file beside the parse: texts with places where both readings agree."""

    def __init__(self, path: Path, keys: dict):
        self.raw = RawXml.open(path)
        self.keys = keys
        self.placed = self.unplaced = 0  # texts located by column, and texts left at their line (benchmarks)

    def lookup(self, wanted: list) -> dict:
        """(line, k) -> RawEl for each (line, k, tag) wanted, in file order (the raw reader reads forward)."""
        out = {}
        if self.raw is None:
            return out
        for line, k, tag in wanted:
            try:
                found = self.raw.element(line, k)
            except (ValueError, IndexError):
                found = None
            if found is not None and found.tag == tag:
                out[(line, k)] = found
        return out

    def places(self, raw_el: RawEl | None, text: str) -> Places | None:
        """The raw element's places if its text, read by the same rules, is lxml's text."""
        if raw_el is not None and self.raw is not None:
            raw_text, places = element_text(raw_el, self.raw)
            if raw_text == text:
                self.placed += 1
                return places
        self.unplaced += 1
        return None

    def lazy(self, unit: _Unit, el, text: str | None) -> LazyPlaces | None:
        key = self.keys.get(el) if el is not None else None
        if not text or key is None or self.raw is None:
            if text:
                self.unplaced += 1
            return None
        return LazyPlaces(lambda: self.places(unit.raw(key), text))

    def lazy_mark(self, unit: _Unit, root, i: int, n: int, text: str) -> LazyPlaces | None:
        """Places of the i-th of n seg marks in root (by position: the raw tree has the same marks)."""
        key = self.keys.get(root) if root is not None else None
        if not text or key is None or self.raw is None:
            return None

        def build():
            marks = unit.seg_marks(key)
            return self.places(marks[i] if marks is not None and len(marks) == n else None, text)
        return LazyPlaces(build)

    def forget(self) -> None:
        """A unit is done: its keys go (its segments' lazy maps hold what they need)."""
        self.keys.clear()


def plain(el) -> str:
    """lxml's reading of an element's text."""
    return element_text(el, None)[0]


class TmxDocument(FileReader):
    """TMX 1.4: one segment per <tu>, the Korean <tuv> as source and the English one as target."""

    def segments(self) -> Iterator[Segment]:
        keys: dict = {}
        located = self.located = _Located(self.path, keys)
        number = 0
        path = str(self.path)
        for event, el in _iterparse(self.path, {"header", "tu"}, keys, {"seg"}):
            if _local(el.tag) == "header" and event == "start":
                _korean_source(el.get("srclang"), self.path)
            if event != "end" or _local(el.tag) != "tu":
                continue
            number += 1
            by_lang = {}
            for tuv in el:
                if _local(tuv.tag) != "tuv":
                    continue
                lang = (tuv.get(XML_LANG) or tuv.get("lang") or "").lower()
                seg = next((c for c in tuv if _local(c.tag) == "seg"), None)
                if seg is not None:
                    by_lang.setdefault(lang, seg)
            ko = next((v for k, v in by_lang.items() if k.startswith("ko")), None)
            en = next((v for k, v in by_lang.items() if k.startswith("en")), None)
            if en is not None:
                unit = _Unit(located, [ko, en])
                target, source = plain(en), plain(ko) if ko is not None else None
                yield Segment(path, en.sourceline, target, source, number, None, 1,
                              ko.sourceline if ko is not None else None, 1, places=located.lazy(unit, en, target),
                              source_places=located.lazy(unit, ko, source))
            located.forget()
            el.clear()


def _memoq_status(unit) -> str | None:
    for name, value in unit.attrib.items():
        if name.endswith("}status") and "mqxliff" in name.lower():
            return value
    return None


def _trados_confirmations(unit) -> dict | None:
    """mid -> conf of a Trados unit's <sdl:seg-defs>; None when the unit has none (not Trados)."""
    defs = next((c for c in unit if _local(c.tag) == "seg-defs"), None)
    if defs is None:
        return None
    return {s.get("id"): s.get("conf") or "" for s in defs if _local(s.tag) == "seg"}


class XliffDocument(FileReader):
    """XLIFF 1.2 (<trans-unit>) and 2.x (<unit>/<segment>), Trados and memoQ flavours; <file original> as doc."""

    def segments(self) -> Iterator[Segment]:
        keys: dict = {}
        located = self.located = _Located(self.path, keys)
        doc = None
        number = 0
        path = str(self.path)
        for event, el in _iterparse(self.path, {"xliff", "file", "trans-unit", "segment"}, keys,
                                    {"source", "target", "seg-source"}):
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
            unit = el if tag == "trans-unit" else el.getparent()
            children = {}
            for c in el:
                children.setdefault(_local(c.tag), c)
            source, target, seg_source = children.get("source"), children.get("target"), children.get("seg-source")
            if target is not None and self._wanted(unit):
                yield from self._unit(path, number, doc, source, target, seg_source, el, located)
            located.forget()
            el.clear()

    @staticmethod
    def _wanted(unit) -> bool:
        if unit is None:
            return True
        if unit.get("translate") == "no":
            return False
        status = _memoq_status(unit)
        return status is None or status.lower() not in MEMOQ_UNCONFIRMED

    def _unit(self, path, number, doc, source, target, seg_source, unit_el, located) -> Iterator[Segment]:
        unit = _Unit(located, [source, seg_source, target])
        marks = _seg_marks(target)
        if not marks:
            text, src = plain(target), plain(source) if source is not None else None
            yield Segment(path, target.sourceline, text, src, number, doc, 1,
                          source.sourceline if source is not None else None, 1,
                          places=located.lazy(unit, target, text), source_places=located.lazy(unit, source, src))
            return
        # Segmented: one segment per target mark, its source the seg-source mark of the same mid.
        confirmations = _trados_confirmations(unit_el)
        src_root = seg_source if seg_source is not None else source
        src_marks = _seg_marks(src_root) if src_root is not None else []
        by_mid = {m.get("mid"): (j, m) for j, m in enumerate(src_marks)}
        for i, mark in enumerate(marks):
            mid = mark.get("mid")
            if confirmations is not None and (confirmations.get(mid) or "").lower() in TRADOS_UNCONFIRMED:
                continue  # Trados: not translated, a draft, or rejected
            text = plain(mark)
            places = located.lazy_mark(unit, target, i, len(marks), text)
            if mid in by_mid:
                j, src_mark = by_mid[mid]
                src = plain(src_mark)
                src_places, src_line = located.lazy_mark(unit, src_root, j, len(src_marks), src), src_mark.sourceline
            elif source is not None:  # marks that do not pair by mid: the whole source as context
                src = plain(source)
                src_places, src_line = located.lazy(unit, source, src), source.sourceline
            else:
                src, src_places, src_line = None, None, None
            yield Segment(path, mark.sourceline, text, src, number, doc, 1, src_line, 1, places=places, source_places=src_places)
