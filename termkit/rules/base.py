"""What rules see: the document's hits and the context (compiled glossary, options) they are judged in."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from ..matching import Entry, Matcher, fold_key
from ..model import Concept, Finding, Hit


@dataclass
class Document:
    """One document's hits; a bilingual document also has its source hits, by segment."""

    path: str
    hits: list[Hit]
    doc: str | None = None
    source_hits: list[Hit] = field(default_factory=list)
    bilingual: bool = False
    views: dict = field(default_factory=dict, repr=False, compare=False)  # rules.view's cache
    text: str = ""  # the segment's raw target text, which the hits' start and end index (one-segment documents)
    date: str | None = None  # the document's date (front matter or --as-of), YYYY[-MM[-DD]]
    full: list | None = field(default=None, repr=False, compare=False)  # a view's: the segment's every hit

    @property
    def all_hits(self) -> list[Hit]:
        """Every hit of the segment, also in a rule's view (which holds only the hits the rule needs)."""
        return self.hits if self.full is None else self.full


def hits_from(doc, lo: int, hi: int) -> list[Hit]:
    """The segment's hits (all_hits) that start in [lo, hi), by bisection over their starts.

    Rules ask this per hit; scanning every hit instead made a segment quadratic in its hits (a
    megabyte of dense text holds thousands). Hits come sorted by start; if a reader's were not,
    the answer is the same, found by a scan.
    """
    hits = doc.all_hits
    cached = doc.views.get("_starts")
    if cached is None or cached[0] is not hits or cached[1] != len(hits):
        starts = [h.start for h in hits]
        if any(a > b for a, b in zip(starts, starts[1:])):
            starts = None
        cached = doc.views["_starts"] = (hits, len(hits), starts)
    starts = cached[2]
    if starts is None:
        return [h for h in hits if lo <= h.start < hi]
    return hits[bisect_left(starts, lo):bisect_left(starts, hi)]


def starts_in(spans_starts: list[int], lo: int, hi: int) -> bool:
    """Whether a sorted list of offsets holds one in [lo, hi)."""
    i = bisect_left(spans_starts, lo)
    return i < len(spans_starts) and spans_starts[i] < hi


@dataclass
class Context:
    matcher: Matcher
    names: str | None = None  # house style for persons: dprk | sk | None (any one style)
    romanization: str | None = None  # house style for romanized terms: mr | rr | None (the dominant one)
    mentions: str = "ignore"  # forms mentioned rather than used ('translated as "X"'): ignore | report
    options: dict = field(default_factory=dict)
    _by_kind: dict = field(default_factory=dict, repr=False)
    # Per-key answers that do not depend on the hit's surroundings, remembered for the whole run:
    # a megabyte holds thousands of hits but only a few hundred distinct keys.
    memo: dict = field(default_factory=dict, repr=False)

    def entries(self, hit: Hit, kind: str) -> tuple[Entry, ...]:
        """A hit's entries of one kind; grouped once per key and remembered, as rules ask often."""
        kinds = self._by_kind.get(hit.key)
        if kinds is None:
            kinds = {}
            for e in self.matcher.keys[hit.key]:
                kinds.setdefault(e.kind, []).append(e)
            kinds = self._by_kind[hit.key] = {k: tuple(v) for k, v in kinds.items()}
        return kinds.get(kind, ())

    def has_kind(self, hit: Hit, kind: str) -> bool:
        kinds = self._by_kind.get(hit.key)
        if kinds is None:
            return bool(self.entries(hit, kind))
        return kind in kinds

    def concept(self, index: int) -> Concept:
        return self.matcher.concepts[index]

    def proven(self, hit: Hit, concept: int) -> bool:
        """Whether a gloss beside the hit, or the bilingual segment's source, shows the concept.

        The source proves nothing when it also holds a concept this form is a correct rendering of:
        '허위보고 … 양생원' with 'false reporting' in the target may be right for the first.
        """
        if concept in hit.evidence:
            return True
        if concept not in hit.context:
            return False
        return not (self.matcher.approved_owners(hit.key) - {concept}) & hit.context

    def cued(self, doc, hit: Hit, concept: int) -> bool:
        """Whether one of the concept's context cues stands in the hit's sentence: evidence, as a gloss is."""
        from .surroundings import cue_in_sentence

        cues = self.concept(concept).context_cues
        return bool(cues) and cue_in_sentence(doc.text, hit, cues) is not None

    def evidenced(self, doc, hit: Hit, concept: int) -> bool:
        """proven(), or a context cue of the concept in the same sentence."""
        return self.proven(hit, concept) or self.cued(doc, hit, concept)

    def headed(self, doc, hit: Hit, concept: int) -> bool:
        """Whether the document makes the concept plain: a Markdown heading names it (a rendering or its
        gloss), or the hit's sentence or the next one glosses it (Hangul, hanja or romanization).

        A title such as '# Markets (장마당) and the State' says what the paper's 'black market' renders,
        as a gloss beside it would. Bilingual files have their source segments instead.
        """
        if doc.bilingual or not doc.text:
            return False
        named = doc.views.get("headed")
        if named is None:
            named = doc.views["headed"] = self._heading_concepts(doc)
        if concept in named:
            return True
        from .surroundings import next_sentence_end

        end = next_sentence_end(doc.text, hit.end)
        m = self.matcher
        return any(m.is_gloss(h.key) and concept in m.gloss_concepts(h.key) for h in hits_from(doc, hit.end, end))

    def _heading_concepts(self, doc) -> frozenset:
        """The concepts named in the segment's Markdown headings, by an approved rendering or a gloss."""
        spans = [(mt.start(), mt.end()) for mt in _HEADING.finditer(doc.text)] if "#" in doc.text else []
        if not spans:
            return frozenset()
        out = set()
        for start, end in spans:
            for h in hits_from(doc, start, end):
                for e in self.matcher.keys[h.key]:
                    if (e.kind == "en" and e.status in ("preferred", "admitted")) or e.kind in ("ko", "hanja", "rom"):
                        out.add(e.concept)
        return frozenset(out)

    def not_a_use(self, doc, hit: Hit, concept: int, counting: bool = False) -> str | None:
        """Why an English form here is not a use of the concept, if it is not: inside a longer name or title,
        mentioned (quoted after 'translated as', 'called' …, or a parenthetical alias of another rendering),
        or a cited source's spelling (a quoted title, a reference entry, a URL).

        `counting` (TK301, reports) asks whether the form is a rendering *choice*: any fixed longer name
        holding it is none ('General Staff College', a law's title), nor is a quotation of someone's
        words. A rejected form that merely modifies a longer name ('KWP Central Committee') is still the
        rejected name, so for findings a capitalised run ends only a title. Reads the text around the
        hit: rules ask it only for hits they would report or count.
        """
        from .surroundings import (capitalised_name, described_mention, extended_name, named_alias,
                                   parenthetical_alias, prefixed_title, quoted_mention, quoted_passage)

        if not doc.text:
            return None
        c = self.concept(concept)
        if c.type not in UNNAMED_TYPES and prefixed_title(doc.text, hit):
            return "part of a longer title"
        if (counting or c.type in TITLE_TYPES) and extended_name(doc.text, hit, self.matcher.title_heads):
            return "part of a longer name"
        if counting and c.preferred[:1].islower() and capitalised_name(doc.text, hit):
            return "part of a longer name"
        if quoted_mention(doc.text, hit) or described_mention(doc.text, hit):
            return MENTION
        forms = lambda: [fold_key(f) for f in approved(c)] + [fold_key(f) for _, f in c.names]  # noqa: E731
        if parenthetical_alias(doc.text, hit, forms):
            return MENTION
        if counting and named_alias(doc.text, hit, forms):
            return MENTION  # the names a thing goes by, listed: no choice to count (a finding still stands)
        why = cited(doc, hit)
        if why is None and counting and quoted_passage(doc.text, hit):
            return QUOTED  # the quoted source's words: a finding may still correct them, a count not
        return why

    def skips(self, why: str | None) -> bool:
        """Whether a hit that is not a use (why) goes unreported: always, but a mention (a cited source's
        spelling included) with mentions = "report"."""
        return why is not None and not (why in MENTIONS and self.mentions == "report")

    def approved_elsewhere(self, hit: Hit, concept: int) -> bool:
        """Whether the matched form is another concept's preferred or admitted rendering."""
        return bool(self.matcher.approved_owners(hit.key) - {concept})


_LINE_BREAK = re.compile(r"[ \t]*\r?\n[ \t]*")
_HEADING = re.compile(r"(?m)^[ ]{0,3}#{1,6}[ \t][^\n]*")
UNNAMED_TYPES = frozenset({"term", "slogan", "campaign"})  # no titles or names: vice-, deputy … do not apply
TITLE_TYPES = frozenset({"office"})  # a capitalised run after a title makes another title
MENTION = "mentioned, not used"
QUOTED = "inside a quotation"
CITED = "in a cited source's {}"  # its title, reference entry or URL: the source's spelling, not a choice
MENTIONS = frozenset({MENTION, *(CITED.format(w) for w in ("title", "reference", "URL"))})


def cited(doc, hit) -> str | None:
    """Why a hit is a cited source's spelling (its title, a reference entry, a URL), if it is one."""
    from .surroundings import cited_source

    where = cited_source(doc.text, hit) if doc.text else None
    return CITED.format(where) if where else None


def label(c: Concept) -> str:
    """How a message names a concept: Hangul and a romanization."""
    rom = c.mr or c.rr
    return f"{c.ko} ({rom})" if rom else c.ko


def approved(c: Concept) -> list[str]:
    return c.forms("preferred") + c.forms("admitted")


def finding(hit: Hit, code: str, severity: str, message: str, c: Concept | None,
            suggestions=()) -> Finding:
    if "\n" in message:  # a term wrapped over two lines is quoted on one
        message = _LINE_BREAK.sub(" ", message)
    return Finding(hit.path, hit.line, hit.column, hit.end_line, hit.end_column, code, severity, message,
                   hit.found, c.id if c else None, c.ko if c else None, tuple(suggestions),
                   segment=hit.segment if hit.side else None, doc=hit.doc, side=hit.side)


class ValueCounts:
    """How often each value occurs per key, with the first lines of each: compact while a key has one value.

    Document rules keep this until their document ends, and a key almost always has one value (a
    concept rendered one way), so that case costs one small tuple, not a Counter and a list.
    """

    def __init__(self, keep_lines: int = 5):
        from collections import Counter

        self._counter = Counter
        self.keep_lines = keep_lines
        self.single: dict = {}  # key -> (value, count, first lines as a tuple)
        self.multi: dict = {}  # key -> Counter(value -> count), once a second value appears
        self.lines: dict = {}  # (key, value) -> first lines, for keys in multi

    def add(self, key, value, line: int) -> None:
        if key in self.multi:
            self.multi[key][value] += 1
            lines = self.lines.setdefault((key, value), [])
            if len(lines) < self.keep_lines and (not lines or lines[-1] != line):
                lines.append(line)
        elif key in self.single:
            first, n, first_lines = self.single[key]
            if first == value:
                if len(first_lines) < self.keep_lines and first_lines[-1] != line:
                    first_lines += (line,)
                self.single[key] = (first, n + 1, first_lines)
            else:
                del self.single[key]
                self.multi[key] = self._counter({first: n, value: 1})
                self.lines[(key, first)], self.lines[(key, value)] = list(first_lines), [line]
        else:
            self.single[key] = (value, 1, (line,))

    def conflicts(self) -> dict:
        """Keys with two or more values; the one-value keys are dropped (nothing to report for them)."""
        self.single = {}
        return self.multi
