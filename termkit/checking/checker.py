"""Check documents: read, find glossary forms, run the rules, filter and sort the findings."""
from __future__ import annotations

import fnmatch
import re
from pathlib import Path
from typing import Callable, Iterable, Iterator, NamedTuple

from .. import rules as rule_registry
from ..config import Config
from ..glossary import load_matcher
from ..documents import blank_markdown, suppressions
from ..model import APPROVED, Finding, Segment
from ..documents import iter_input_files
from ..rules import Context, Document

SEVERITY_RANK = {"warning": 1, "error": 2}


class Rendering(NamedTuple):
    """An English rendering found in a file and attributed to one concept (for reports)."""

    concept: str  # concept id
    form: str  # the glossary form it matched (a person's name: the form in that style)
    status: str  # preferred, admitted, deprecated, superseded, wrong; a name: dprk, sk, dprk/sk, other
    path: str
    line: int
    column: int
    found: str  # the raw text
    doc: str | None = None


class Checker:
    """A compiled glossary plus options; checks texts and files into sorted findings."""

    def __init__(self, config: Config | None = None, matcher=None):
        self.config = config or Config()
        self.matcher = matcher or load_matcher(self.config.glossary, self.config.bundled)
        self.rules = [r for r in rule_registry.all_rules() if self.config.selects(r.code)]
        self.context = Context(self.matcher, names=self.config.names, romanization=self.config.romanization,
                               mentions=self.config.mentions)

    # Hits kept in memory between the two passes; a larger document is matched again instead.
    CACHE_HITS = 50_000

    def _matched(self, path: str, segments: Iterable[Segment], bilingual: bool) -> Iterator[Document]:
        """One single-segment Document per segment: the source matched first, proving the target's concepts."""
        find = self.matcher.find
        date, first = self.config.as_of, True
        for seg in segments:
            if not bilingual:
                if first:  # a Markdown front matter's date: the document's own date
                    date, first = front_matter_date(seg.target) or date, False
                hits = find(seg.target, seg.path or path, seg.line, seg.number)
                if seg.places is not None and hits:
                    hits = seg.places.relocate(hits)
                yield Document(path, hits, seg.doc, text=seg.target, date=date)
                continue
            source_hits = []
            if seg.source:
                source_hits = find(seg.source, seg.source_path or path, seg.source_line or seg.line, seg.number,
                                   seg.source_column,
                                   side="source", doc=seg.doc, korean_only=True)
            context = frozenset(e.concept for h in source_hits for e in self.matcher.keys[h.key])
            target_hits = find(seg.target, path, seg.line, seg.number, seg.column, context, side="target",
                               doc=seg.doc)
            # A reader that decoded the text (escapes, entities, tags) says where its characters are.
            if seg.places is not None and target_hits:
                target_hits = seg.places.relocate(target_hits)
            if seg.source_places is not None and source_hits:
                source_hits = seg.source_places.relocate(source_hits)
            yield Document(path, target_hits, seg.doc, source_hits, bilingual=True, text=seg.target, date=date)

    def _run(self, path: str, segments: Callable[[], Iterable[Segment]], bilingual: bool,
             suppressed: dict | None = None) -> list[Finding]:
        """Segment rules as segments stream by; document rules count, then report in a second pass if needed.

        Input is usually grouped by document, so a document is closed when the next one begins: its
        state is dropped unless it has something to report. Memory then holds one open document's
        counts, not every document's. A closed document that comes back (interleaved rows) is counted
        again from the start in an extra pass, so its result is the same either way.
        """
        seg_rules = [r for r in self.rules if not r.per_document]
        doc_rules = [r for r in self.rules if r.per_document]
        ctx, view = self.context, rule_registry.view
        states: dict[str | None, list] = {}
        pending: dict[str | None, list] = {}
        closed: set = set()
        reopened: set = set()
        findings: list[Finding] = []
        cache: list[Document] | None = [] if doc_rules else None
        held = 0
        current = _NO_DOC
        for seg in self._matched(path, segments(), bilingual):
            findings.extend(rule_registry.run(seg_rules, seg, self.context))
            if not doc_rules:
                continue
            if seg.doc != current:
                if current in states:
                    self._close(current, states, pending, closed)
                current = seg.doc
                if current in closed:
                    reopened.add(current)
            state = states.get(seg.doc)
            if state is None:
                state = states[seg.doc] = [self._start(r) for r in doc_rules]
            for r in state:
                r.count(view(seg, r.needs, ctx))
            if cache is not None:
                held += len(seg.hits) + len(seg.source_hits)
                cache.append(seg)
                if held > self.CACHE_HITS:
                    cache = None
        for doc in list(states):
            self._close(doc, states, pending, closed)
        if reopened:  # interleaved documents: count them again, whole, before reporting
            for doc in reopened:
                pending.pop(doc, None)
                states[doc] = [self._start(r) for r in doc_rules]
            again = cache if cache is not None else self._matched(path, segments(), bilingual)
            for seg in again:
                if seg.doc in reopened:
                    for r in states[seg.doc]:
                        r.count(view(seg, r.needs, ctx))
            for doc in reopened:
                self._close(doc, states, pending, closed)
        if any(pending.values()):
            again = cache if cache is not None else self._matched(path, segments(), bilingual)
            for seg in again:
                for r in pending.get(seg.doc, ()):
                    findings.extend(r.report(view(seg, r.needs, ctx)))
        sup = suppressed or {}
        return sorted({f for f in findings if not _suppressed(f, sup)}, key=Finding.sort_key)

    def _start(self, r):
        """A document rule's state for one document, knowing which hits it needs."""
        state = r.func(self.context)
        state.needs = r.needs
        return state

    @staticmethod
    def _close(doc, states: dict, pending: dict, closed: set) -> None:
        """End a document's counting: keep the rules that have something to report, drop the rest."""
        ready = [r for r in states.pop(doc) if r.ready()]
        if ready:
            pending[doc] = ready
        closed.add(doc)

    def check_segments(self, path: str, segments: Iterable[Segment] | Callable,
                       suppressed: dict | None = None) -> list[Finding]:
        """English-only segments (a list, or a callable that yields them afresh)."""
        make = segments if callable(segments) else _replay(segments)
        return self._run(path, make, False, suppressed)

    def check_bilingual(self, path: str, segments: Iterable[Segment] | Callable) -> list[Finding]:
        """Aligned segments (a list, or a callable that yields them afresh), grouped by their doc."""
        make = segments if callable(segments) else _replay(segments)
        return self._run(path, make, True)

    def check_text(self, text: str, path: str = "<text>", markdown: bool = True) -> list[Finding]:
        sup = suppressions(text, 1)
        if not markdown:
            return self.check_segments(path, [Segment(path, 1, text, number=1)], sup)
        blanked, _ = blank_markdown(text, False)
        findings = self.check_segments(path, [Segment(path, 1, blanked, number=1)], sup)
        return _raw_found(findings, [(1, text)]) if _maybe_blanked(findings) else findings

    def check_file(self, path: str | Path) -> list[Finding]:
        from ..documents import open_document

        doc = open_document(Path(path), self.config)
        make = lambda: open_document(Path(path), self.config).segments()  # noqa: E731  (a second pass re-reads)
        first = [True]

        def segments():  # the first pass reads `doc`, so its suppressions are collected
            if first[0]:
                first[0] = False
                return doc.segments()
            return make()
        if doc.bilingual:
            return self.check_bilingual(str(path), segments)
        findings = self.check_segments(str(path), segments, doc.suppressions)
        if getattr(doc, "kind", None) == "markdown" and _maybe_blanked(findings):
            raw = open_document(Path(path), self.config)
            raw.kind = "text"  # the same blocks and lines, markup left as it is
            findings = _raw_found(findings, ((s.line, s.target) for s in raw.segments()))
        return findings

    def check_paired(self, source: str | Path, target: str | Path) -> list[Finding]:
        from ..documents import PairedDocument

        return self.check_bilingual(
            str(target), lambda: PairedDocument(Path(source), Path(target), self.config.encoding).segments())

    def renderings(self, path: str | Path) -> Iterator[Rendering]:
        """Every English rendering in a file that stands for one concept, correct or not, in file order.

        A hit counts for the concepts a gloss beside it or (bilingual) the source segment proves;
        without proof, for the one concept it can stand for: a rejected form that is another
        concept's approved rendering, or an ordinary word listed as wrong (needs evidence), counts
        for none, and a form approved for two concepts is left out as ambiguous. Persons' names count
        with their style as status. A form inside a longer name or title, or mentioned rather than
        used, counts for none. Suppression comments do not apply: these are not findings.
        """
        from ..documents import open_document

        doc = open_document(Path(path), self.config)
        for d in self._matched(str(path), doc.segments(), doc.bilingual):
            yield from self.document_renderings(d)

    def document_renderings(self, d: Document) -> Iterator[Rendering]:
        """The renderings among one matched document's hits (a bilingual document's target side)."""
        from ..model import STATUSES
        from ..rules import name_hits

        ctx = self.context
        for hit in d.hits:
            if ctx.entries(hit, "name"):  # a person's name: its style is what varies
                for _, c, style in name_hits(Document(d.path, [hit]), ctx):
                    forms = c.name_forms(style or "dprk") if style != "other" else []
                    yield Rendering(c.id, forms[0] if forms else hit.found, style or "dprk/sk", hit.path,
                                    hit.line, hit.column, hit.found, hit.doc)
                continue
            entries = ctx.entries(hit, "en")  # none for a romanized gloss: not a rendering
            proven = [e for e in entries if ctx.proven(hit, e.concept)]
            if not proven:
                proven = [e for e in entries if not e.needs_evidence and (
                    e.status in APPROVED or not ctx.approved_elsewhere(hit, e.concept))]
            if len({e.concept for e in proven}) == 1:
                e = min(proven, key=lambda e: STATUSES.index(e.status))
                if ctx.not_a_use(d, hit, e.concept, counting=True):
                    continue  # inside a longer name, or mentioned: not a rendering choice
                yield Rendering(ctx.concept(e.concept).id, e.form, e.status, hit.path, hit.line, hit.column,
                                hit.found, hit.doc)

    def files(self, paths: list[str]) -> Iterator[Path]:
        for f in iter_input_files(paths):
            if not any(fnmatch.fnmatch(str(f), pat) or fnmatch.fnmatch(f.name, pat)
                       for pat in self.config.exclude):
                yield f


_NO_DOC = object()  # before the first segment: equal to no document key, not even None
_FRONT_MATTER_DATE = re.compile(r"^date:[ \t]*[\"']?([0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?)", re.M)


def front_matter_date(text: str) -> str | None:
    """The `date:` of a front matter block (YAML between '---' lines) at the top of a text, as YYYY[-MM[-DD]]."""
    if not text.startswith("---"):
        return None
    end = text.find("\n---", 3)
    m = _FRONT_MATTER_DATE.search(text, 3, end if end > 0 else 0)
    return m.group(1) if m else None


def _replay(segments: Iterable[Segment]) -> Callable[[], Iterable[Segment]]:
    items = list(segments)
    return lambda: items


def _maybe_blanked(findings: list[Finding]) -> bool:
    """Whether a finding's text may hold blanked markup: a blanked tag, comment, entity or link target
    inside a span is two spaces or more (a span's ends are word characters, so it holds whole ones)."""
    return any("  " in f.found for f in findings)


def _raw_found(findings: list[Finding], blocks: Iterable[tuple[int, str]]) -> list[Finding]:
    """The findings with `found` taken from the raw text at their line:column…end, not the blanked text.

    blocks: (first line, raw text) in order, as the blanked segments were cut; one pass over them.
    """
    todo = sorted((i for i, f in enumerate(findings) if "  " in f.found), key=lambda i: findings[i].line)
    out = list(findings)
    k = 0
    for first, text in blocks:
        if k == len(todo):
            break
        last = first + text.count("\n", 0, max(len(text) - 1, 0))  # a trailing line break starts no line
        starts = None
        while k < len(todo) and findings[todo[k]].line <= last:
            i = todo[k]
            f = findings[i]
            k += 1
            if f.line < first or f.end_line > last:
                continue
            if starts is None:
                starts = [0] + [m.end() for m in re.finditer("\n", text)]
            s = starts[f.line - first] + f.column - 1
            e = starts[f.end_line - first] + f.end_column - 1
            out[i] = f._replace(found=text[s:e])
    return out


def _suppressed(f: Finding, sup: dict) -> bool:
    if f.line not in sup:
        return False
    codes = sup[f.line]
    return codes is None or any(f.code.startswith(c) for c in codes)


def check_text(text: str, config: Config | None = None, markdown: bool = True) -> list[Finding]:
    """Check one text (Markdown by default) against the bundled glossary; for notebooks and scripts."""
    return Checker(config).check_text(text, markdown=markdown)


def check_paths(paths: list[str], config: Config | None = None) -> list[Finding]:
    checker = Checker(config)
    out = []
    for f in checker.files(paths):
        out.extend(checker.check_file(f))
    return out


def exceeds(findings: Iterable[Finding], fail_on: str) -> bool:
    if fail_on == "never":
        return False
    floor = SEVERITY_RANK[fail_on]
    return any(SEVERITY_RANK.get(f.severity, 0) >= floor for f in findings)
