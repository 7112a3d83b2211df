"""The four records termkit passes between stages: Concept, Segment, Hit and Finding.

Concept (and its Term and Spec) is a frozen dataclass. Segment, Hit and Finding are NamedTuples,
as immutable, but made by the thousand per megabyte (or per bilingual file's rows) and sent between
processes: a frozen dataclass takes about five times as long to build, to pickle and to import.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

APPROVED = ("preferred", "admitted")
REJECTED = ("deprecated", "superseded", "wrong")
STATUSES = APPROVED + REJECTED


@dataclass(frozen=True)
class Term:
    """One English rendering of a concept with its status (TBX administrativeStatus, plus 'wrong')."""

    form: str
    status: str
    reason: str | None = None
    needs_evidence: bool = False
    since: str | None = None  # deprecated/superseded: the date (YYYY[-MM[-DD]]) from which the status holds
    seen_in: str | None = None  # a public source that printed this (wrong or deprecated) form
    other_state: str | None = None  # the state whose institution the form names (China, South Korea)


@dataclass(frozen=True)
class Spec:
    """A self-test: a text and the exact codes checking it must produce."""

    text: str
    expect: tuple[str, ...]


@dataclass(frozen=True)
class Concept:
    """A glossary entry: Korean forms, romanizations and statused English renderings."""

    id: str
    domain: str
    ko: str
    terms: tuple[Term, ...]
    confidence: str
    type: str = "term"
    ko_nk: str | None = None
    ko_variants: tuple[str, ...] = ()
    hanja: str | None = None
    mr: str | None = None
    rr: str | None = None
    rom_variants: tuple[str, ...] = ()
    misspellings: tuple[Term, ...] = ()
    names: tuple[tuple[str, str], ...] = ()  # (style, form): dprk, sk, other
    definition: str | None = None
    note: str | None = None
    sources: tuple[str, ...] = ()
    # Precision data (rules read these; they carry no term lists of their own):
    conventional: tuple[str, ...] = ()  # forms English uses as words of their own (Juche): no romanization system
    short_forms: tuple[str, ...] = ()  # approved forms that are established short forms of the full name
    blocking_contexts: tuple[str, ...] = ()  # longer names containing a form that are not this concept
    context_cues: tuple[str, ...] = ()  # words that, in the same sentence, are evidence of this concept
    specs: tuple[Spec, ...] = ()
    origin: str = ""  # "path:line" of the entry
    extra_ko: tuple[str, ...] = field(default=(), compare=False)

    def forms(self, *statuses: str) -> list[str]:
        return [t.form for t in self.terms if t.status in statuses]

    @property
    def preferred(self) -> str:
        return self.forms("preferred")[0]

    def name_forms(self, style: str) -> list[str]:
        return [f for s, f in self.names if s == style]

    def korean_forms(self) -> list[str]:
        out = [self.ko]
        if self.ko_nk:
            out.append(self.ko_nk)
        out.extend(self.ko_variants)
        return out

    def to_lookup(self) -> dict:
        """The stable JSON shape of `termkit glossary lookup --format json`."""
        return {
            "id": self.id,
            "domain": self.domain,
            "type": self.type,
            "ko": self.ko,
            "ko_nk": self.ko_nk,
            "ko_variants": list(self.ko_variants),
            "hanja": self.hanja,
            "romanization": {"mr": self.mr, "rr": self.rr, "variants": list(self.rom_variants)},
            "misspellings": [m.form for m in self.misspellings],
            "en": {s: self.forms(s) for s in STATUSES},
            "reasons": {t.form: t.reason for t in self.terms if t.reason},
            "names": {s: [f for st, f in self.names if st == s] for s in ("dprk", "sk", "other")}
            if self.names else None,
            "since": {t.form: t.since for t in self.terms if t.since},
            "other_state": {t.form: t.other_state for t in self.terms if t.other_state},
            "conventional": list(self.conventional),
            "short_forms": list(self.short_forms),
            "blocking_contexts": list(self.blocking_contexts),
            "context_cues": list(self.context_cues),
            "definition": self.definition,
            "note": self.note,
            "confidence": self.confidence,
            "origin": self.origin,
        }


class Segment(NamedTuple):
    """A unit of text to check: a block of a document (monolingual) or an aligned pair."""

    path: str
    line: int  # 1-based line of the target text's first character
    target: str
    source: str | None = None
    number: int = 0  # 1-based segment (data row, unit) number; block number for monolingual text
    doc: str | None = None
    column: int = 1  # column of the target text's first character on its first line
    source_line: int | None = None
    source_column: int = 1
    source_path: str | None = None  # where the source is a file of its own (a line-aligned pair): its path
    places: object | None = None  # documents.places.Places: where each target character is in the file
    source_places: object | None = None  # the same for the source, when the reader decoded it


class Hit(NamedTuple):
    """A glossary form found in a text, located in the raw file."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    found: str
    key: int  # index into the matcher's key table
    start: int = 0  # offsets in the segment's raw text
    end: int = 0
    evidence: frozenset = frozenset()  # indexes of concepts glossed beside this hit
    gloss: str | None = None  # the raw text of the gloss beside it, if any
    segment: int = 0
    context: frozenset = frozenset()  # bilingual: indexes of the concepts in the source segment
    side: str | None = None  # bilingual: source or target
    doc: str | None = None


class Finding(NamedTuple):
    """One problem to report."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    severity: str
    message: str
    found: str
    concept: str | None = None
    ko: str | None = None
    suggestions: tuple[str, ...] = ()
    segment: int | None = None
    doc: str | None = None
    side: str | None = None

    def sort_key(self):
        return (self.path, self.doc or "", self.line, self.column, self.code, self.concept or "", self.message)

    def to_dict(self) -> dict:
        d = self._asdict()
        d["suggestions"] = list(self.suggestions)
        return d
