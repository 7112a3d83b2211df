"""Run the glossary's self-tests: each concept's spec texts against the whole glossary."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Concept, Finding


@dataclass(frozen=True)
class SpecResult:
    concept: Concept
    number: int  # 1-based among the concept's specs
    text: str
    expected: tuple[str, ...]
    findings: tuple[Finding, ...]

    @property
    def got(self) -> tuple[str, ...]:
        return tuple(sorted(f.code for f in self.findings))

    @property
    def ok(self) -> bool:
        return self.got == tuple(sorted(self.expected))


def run_specs(checker) -> list[SpecResult]:
    """Every spec of every concept, checked as a Markdown document with the checker's glossary."""
    results = []
    for c in checker.matcher.concepts:
        for i, spec in enumerate(c.specs, 1):
            findings = checker.check_text(spec.text, path=f"<spec {c.id}#{i}>")
            results.append(SpecResult(c, i, spec.text, spec.expect, tuple(findings)))
    return results
