"""The rule registry: each rule is a function (document, context) -> findings with a stable code."""
from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Callable, Iterable

from ..model import Finding


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str  # error | warning
    func: Callable
    doc: str

    @property
    def summary(self) -> str:
        return self.doc.splitlines()[0] if self.doc else ""

    def examples(self) -> list[tuple[str, str]]:
        """(expected, text) pairs from the docstring's `Okay:` and `TKnnn:` lines (bilingual: `KO => EN`, segments joined by ` || `)."""
        out = []
        for line in self.doc.splitlines():
            label, sep, text = line.strip(" ").partition(": ")
            if sep and (label == "Okay" or (label.startswith("TK") and label[2:].isdigit())):
                out.append((label, text))
        return out


REGISTRY: dict[str, Rule] = {}


def rule(code: str, name: str, severity: str):
    def register(func):
        REGISTRY[code] = Rule(code, name, severity, func, inspect.cleandoc(func.__doc__ or ""))
        return func
    return register


def all_rules() -> list[Rule]:
    _load()
    return [REGISTRY[c] for c in sorted(REGISTRY)]


def get(code: str) -> Rule | None:
    _load()
    return REGISTRY.get(code.upper())


def _load():
    from . import bilingual, consistency, gloss, names, rendering, romanization  # noqa: F401  (registers)


def run(rules: Iterable[Rule], doc, ctx) -> list[Finding]:
    out = []
    for r in rules:
        out.extend(r.func(doc, ctx))
    return out
