"""Check documents: read, find glossary forms, run the rules, filter and sort the findings."""
from __future__ import annotations

import fnmatch
from pathlib import Path
from typing import Iterable, Iterator

from . import rules as rule_registry
from .config import Config
from .glossary import load_matcher
from .markup import blank_markdown, suppressions
from .model import Finding, Segment
from .readers import iter_input_files
from .rules.base import Context, Document

SEVERITY_RANK = {"warning": 1, "error": 2}


class Checker:
    """A compiled glossary plus options; checks texts and files into sorted findings."""

    def __init__(self, config: Config | None = None, matcher=None):
        self.config = config or Config()
        self.matcher = matcher or load_matcher(self.config.glossary, self.config.bundled)
        self.rules = [r for r in rule_registry.all_rules() if self.config.selects(r.code)]
        self.context = Context(self.matcher, names=self.config.names)

    def check_segments(self, path: str, segments: Iterable[Segment],
                       suppressed: dict | None = None) -> list[Finding]:
        hits = []
        for seg in segments:
            hits.extend(self.matcher.find(seg.target, seg.path or path, seg.line, seg.number))
        doc = Document(path, hits)
        findings = rule_registry.run(self.rules, doc, self.context)
        sup = suppressed or {}
        kept = [f for f in findings if not _suppressed(f, sup)]
        return sorted(set(kept), key=Finding.sort_key)

    def check_bilingual(self, path: str, segments: Iterable[Segment]) -> list[Finding]:
        """Aligned segments: source terms are matched first and prove concepts for the target side."""
        docs: dict[str | None, Document] = {}
        for seg in segments:
            doc = docs.get(seg.doc)
            if doc is None:
                doc = docs[seg.doc] = Document(path, [], seg.doc, [], bilingual=True)
            source_hits = []
            if seg.source:
                source_hits = self.matcher.find(seg.source, path, seg.source_line or seg.line, seg.number,
                                                seg.source_column, side="source", doc=seg.doc, korean_only=True)
            context = frozenset(e.concept for h in source_hits for e in self.matcher.keys[h.key])
            doc.source_hits.extend(source_hits)
            doc.hits.extend(self.matcher.find(seg.target, path, seg.line, seg.number, seg.column, context,
                                              side="target", doc=seg.doc))
        findings = []
        for key in sorted(docs, key=lambda d: (d is not None, d or "")):
            findings.extend(rule_registry.run(self.rules, docs[key], self.context))
        return sorted(set(findings), key=Finding.sort_key)

    def check_pair(self, source: str, target: str, path: str = "<pair>") -> list[Finding]:
        """One Korean source and its English translation, as a one-segment bilingual document."""
        return self.check_bilingual(path, [Segment(path, 1, target, source, number=1, source_line=1)])

    def check_text(self, text: str, path: str = "<text>", markdown: bool = True) -> list[Finding]:
        sup = suppressions(text, 1)
        if markdown:
            text, _ = blank_markdown(text, False)
        return self.check_segments(path, [Segment(path, 1, text, number=1)], sup)

    def check_file(self, path: str | Path) -> list[Finding]:
        from .formats import open_document

        doc = open_document(Path(path), self.config)
        if doc.bilingual:
            return self.check_bilingual(str(path), doc.segments())
        return self.check_segments(str(path), doc.segments(), doc.suppressions)

    def check_paired(self, source: str | Path, target: str | Path) -> list[Finding]:
        from .formats import PairedDocument

        doc = PairedDocument(Path(source), Path(target), self.config.encoding)
        return self.check_bilingual(str(target), doc.segments())

    def files(self, paths: list[str]) -> Iterator[Path]:
        for f in iter_input_files(paths):
            if not any(fnmatch.fnmatch(str(f), pat) or fnmatch.fnmatch(f.name, pat)
                       for pat in self.config.exclude):
                yield f


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
