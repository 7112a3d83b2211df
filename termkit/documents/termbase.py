"""A TBX termbase read by `termkit check` as a bilingual file: each English term against its entry's Korean terms.

Both layouts: TBX 2019 (conceptEntry/langSec/termSec/term) and the 2008 martif one
(termEntry/langSet/tig or ntig/termGrp/term). This reads a termbase to check its English terms; the
glossary import of a TBX file is glossary.tbx's business, not this.
"""
from __future__ import annotations

from typing import Iterator

from ..errors import InputError
from .exchange import SUB_BARRIER, XML_LANG, LazyPlaces, _Located, _Unit, _iterparse, _local, plain
from .files import FileReader
from ..model import Segment
from .places import Places


def _no_korean(path: str) -> None:
    raise InputError("termkit checks Korean→English; this termbase has English terms but no Korean (ko) ones", path)


def _lang(el) -> str:
    return (el.get(XML_LANG) or el.get("lang") or "").lower()


class TbxDocument(FileReader):
    """One segment per English term; its source, the Korean terms of the same entry (behind barriers)."""

    def segments(self) -> Iterator[Segment]:
        keys: dict = {}
        located = self.located = _Located(self.path, keys)
        path = str(self.path)
        number = 0
        korean_seen = english_seen = False
        for event, el in _iterparse(self.path, {"conceptEntry", "termEntry"}, keys, {"term"}):
            if event != "end":
                continue
            number += 1
            by_lang: dict[str, list] = {"ko": [], "en": []}
            for section in el:
                if _local(section.tag) not in ("langSec", "langSet"):
                    continue
                lang = _lang(section)[:2]
                if lang in by_lang:
                    by_lang[lang].extend(t for t in section.iter() if _local(t.tag) == "term")
            korean_seen |= bool(by_lang["ko"])
            english_seen |= bool(by_lang["en"])
            if by_lang["en"]:
                unit = _Unit(located, by_lang["ko"] + by_lang["en"])
                source, src_places, src_line = self._korean(by_lang["ko"], unit, located)
                for term in by_lang["en"]:
                    text = plain(term)
                    if text.strip():
                        yield Segment(path, term.sourceline, text, source, number, None, 1, src_line, 1,
                                      places=located.lazy(unit, term, text), source_places=src_places)
            located.forget()
            el.clear()
        if english_seen and not korean_seen:
            _no_korean(path)

    @staticmethod
    def _korean(terms: list, unit: _Unit, located: _Located):
        """The entry's Korean terms as one source text, a barrier between terms; placed if every term is."""
        if not terms:
            return None, None, None
        texts = [plain(t) for t in terms]
        lazies = [located.lazy(unit, t, x) for t, x in zip(terms, texts)]

        def build():
            places = Places()
            for i, lazy in enumerate(lazies):
                p = lazy.get() if lazy is not None else None
                if p is None and texts[i]:
                    return None
                if i:
                    places.barrier(len(SUB_BARRIER))
                if p is not None:
                    places.extend(p)
            return places
        return SUB_BARRIER.join(texts), LazyPlaces(build), terms[0].sourceline
