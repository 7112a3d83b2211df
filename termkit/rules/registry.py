"""The rule registry: one table of stable codes, and the decorator that binds each code to its rule."""
from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Callable

# Every code termkit has ever published, with its name: a code is never reused or renamed (as ruff
# keeps its codes in one table), so a rule module cannot claim a code by accident.
CODES = {
    "TK101": "wrong-rendering",
    "TK102": "deprecated-rendering",
    "TK103": "mispunctuated-rendering",
    "TK201": "gloss-mismatch",
    "TK203": "unlisted-glossed-rendering",
    "TK301": "inconsistent-rendering",
    "TK401": "misspelled-romanization",
    "TK402": "mixed-romanization",
    "TK403": "probable-misspelled-romanization",
    "TK501": "name-style",
    "TK502": "mixed-name-styles",
    "TK601": "missing-rendering",
    "TK602": "inconsistent-source",
}
SEVERITIES = ("error", "warning")


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str  # error | warning
    func: Callable  # a segment rule's function, or a document rule's class
    doc: str
    needs: int | None = None  # the hits it looks at, as matcher.EN_APPROVED… bits; None: every hit

    @property
    def per_document(self) -> bool:
        return isinstance(self.func, type)

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


def rule(code: str, name: str, severity: str, needs: int | None = None):
    """Register a rule under its code; a code outside CODES, a wrong name or a second rule for a code is refused."""
    if CODES.get(code) != name:
        raise ValueError(f"rule code {code} with name {name!r} is not in the code table (registry.CODES)")
    if severity not in SEVERITIES:
        raise ValueError(f"rule {code}: severity {severity!r} is not one of {SEVERITIES}")

    def register(func):
        if code in REGISTRY:
            raise ValueError(f"rule code {code} is already registered by {REGISTRY[code].func.__module__}."
                             f"{REGISTRY[code].func.__qualname__}")
        REGISTRY[code] = Rule(code, name, severity, func, inspect.cleandoc(func.__doc__ or ""), needs)
        return func
    return register
