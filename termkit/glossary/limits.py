"""Limits every glossary loader applies to the concepts it builds: form length, and text that is Unicode."""
from __future__ import annotations

import dataclasses
import re

from ..errors import GlossaryError
from ..model import Concept

MAX_FORM_CHARS = 1000  # a form is a term or a name; the longest bundled one has under 100 characters
SURROGATE = re.compile("[\ud800-\udfff]")


def _strings(value, name: str):
    """(field, text) for every string a concept holds, nested Terms, Specs and tuples included."""
    if isinstance(value, str):
        yield name, value
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _strings(item, f"{name}[{i}]")
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from _strings(getattr(value, f.name), f"{name}.{f.name}" if name else f.name)


def _forms(c: Concept):
    """(field, form) for every form the matcher turns into keys."""
    for field in ("ko", "ko_nk", "hanja", "mr", "rr"):
        if getattr(c, field):
            yield field, getattr(c, field)
    for field in ("ko_variants", "rom_variants"):
        yield from ((f"{field}[{i}]", form) for i, form in enumerate(getattr(c, field)))
    yield from ((f"en {t.status}", t.form) for t in c.terms)
    yield from (("misspellings", m.form) for m in c.misspellings)
    yield from ((f"names {style}", form) for style, form in c.names)


def checked(concepts: list[Concept]) -> list[Concept]:
    """Concepts from any loader, refused with the concept's place if a form is too long or a text is not Unicode.

    A lone surrogate (from a YAML or JSON escape such as \\ud800) is no character: every output
    that encodes it fails later. An overlong form is a mistake and costs the automata dearly.
    """
    for c in concepts:
        path, _, line = c.origin.rpartition(":")
        where = (path, int(line)) if line.isdigit() else (c.origin or None, None)
        for field, form in _forms(c):
            if len(form) > MAX_FORM_CHARS:
                raise GlossaryError(f"concept {c.id[:80]!r}: {field} form has {len(form):,} characters "
                                    f"(limit {MAX_FORM_CHARS:,})", *where)
        for field, text in _strings(c, ""):
            m = SURROGATE.search(text)
            if m:
                raise GlossaryError(f"concept {c.id[:80]!r}: {field} holds a lone surrogate "
                                    f"U+{ord(m.group()):04X} (not a character)", *where)
    return concepts
