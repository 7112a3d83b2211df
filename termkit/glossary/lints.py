"""Data lints that keep a large glossary sound: order, duplicates, conflicts, exercised wrong forms."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ..matching import canonical
from ..model import APPROVED, Concept
from ..matching import fold_key
from .specs import SpecResult
from ..matching import romanization_keys

LINT_CODES = {
    "GL001": "concepts not sorted by id within a file",
    "GL002": "the same form listed twice",
    "GL003": "a form wrong in one concept and correct in another without a note naming the other",
    "GL004": "a wrong, deprecated or misspelled form that no spec exercises",
    "GL005": "a person's preferred rendering differs from the DPRK-style name",
    "GL006": "a known misspelling that is another concept's romanization",
    "GL007": "a stored romanization that differs from the generated one, with no note on romanization",
    "GL008": "a short form that is no approved form of its concept, or a blocking context holding none of its forms",
}
def romanization_lints(concepts: list[Concept]) -> list[Lint]:
    """GL007: stored MR (of the North Korean spelling, where one exists) and RR against the romanizer."""
    from ..matching import romanize, stored_form_matches

    out = []
    for c in concepts:
        if (c.note and "romaniz" in c.note.lower()) or re.search("[0-9]", c.ko):
            continue  # a conventional or disputed form, explained; numerals are read aloud in the stored form
        for system, stored in (("mr", c.mr), ("rr", c.rr)):
            ko = (c.ko_nk or c.ko) if system == "mr" else c.ko
            if stored and not stored_form_matches(ko, stored, system):
                out.append(Lint(c.origin, "GL007", f"{system} '{stored}' differs from the generated "
                                f"'{romanize(ko, system)}'; fix it or explain it in the note", c.id))
    return out


def precision_lints(concepts: list[Concept]) -> list[Lint]:
    """GL008: short forms must be approved forms of the concept; a blocking context must hold one of its forms."""
    out = []
    for c in concepts:
        ok = {fold_key(t.form) for t in c.terms if t.status in APPROVED}
        for f in c.short_forms:
            if fold_key(f) not in ok:
                out.append(Lint(c.origin, "GL008", f"short form '{f}' is not a preferred or admitted form", c.id))
        forms = [fold_key(t.form) for t in c.terms] + [fold_key(f) for _, f in c.names]
        for b in c.blocking_contexts:
            if not any(f" {f} " in f" {fold_key(b)} " or f" {f}s " in f" {fold_key(b)} " for f in forms):
                out.append(Lint(c.origin, "GL008", f"blocking context '{b}' contains none of the concept's forms", c.id))
    return out


@dataclass(frozen=True)
class Lint:
    origin: str
    code: str
    message: str
    concept: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.code} {self.message} [{self.concept}]"


def lint(concepts: list[Concept], spec_results: list[SpecResult] | None = None) -> list[Lint]:
    out: list[Lint] = []
    by_file = defaultdict(list)
    for c in concepts:
        by_file[c.origin.rpartition(":")[0]].append(c)
    for file_concepts in by_file.values():
        ordered = sorted(file_concepts, key=lambda c: int(c.origin.rpartition(":")[2] or 0))
        for a, b in zip(ordered, ordered[1:]):
            if b.id < a.id:
                out.append(Lint(b.origin, "GL001", f"'{b.id}' comes after '{a.id}'", b.id))
    # GL002: one English form twice in a concept; one Korean form in two concepts.
    korean_owner: dict[str, Concept] = {}
    for c in concepts:
        seen = {}
        for t in c.terms:
            k = fold_key(t.form)
            if k in seen:
                out.append(Lint(c.origin, "GL002", f"'{t.form}' is listed as {seen[k]} and as {t.status}", c.id))
            seen[k] = t.status
        for form in dict.fromkeys(c.korean_forms()):
            k = canonical(form)
            other = korean_owner.get(k)
            if other is not None and other.id != c.id:
                out.append(Lint(c.origin, "GL002", f"Korean form '{form}' is also a form of '{other.id}'", c.id))
            korean_owner.setdefault(k, c)
    # GL003: a rejected form that is another concept's approved one must name that concept.
    approved = defaultdict(list)
    for c in concepts:
        for t in c.terms:
            if t.status in APPROVED:
                approved[fold_key(t.form)].append(c)
    for c in concepts:
        for t in c.terms:
            if t.status in APPROVED:
                continue
            for other in approved.get(fold_key(t.form), ()):
                if other.id == c.id:
                    continue
                text = " ".join(filter(None, [t.reason, c.note]))
                names = [x for x in (other.ko, other.ko_nk, other.id) if x]
                if not any(n in text for n in names):
                    out.append(Lint(c.origin, "GL003", f"'{t.form}' is {t.status} here but approved for "
                                    f"'{other.id}' ({other.ko}); say so in its reason", c.id))
    # GL005: persons.
    for c in concepts:
        if c.names:
            dprk = c.name_forms("dprk")
            if dprk and c.preferred != dprk[0]:
                out.append(Lint(c.origin, "GL005", f"preferred '{c.preferred}' is not names.dprk '{dprk[0]}'", c.id))
    # GL006: a misspelling must not be someone's correct romanization.
    rom_owner = {}
    for c in concepts:
        for form in filter(None, [c.mr, c.rr, *c.rom_variants]):
            for k in romanization_keys(form):
                rom_owner.setdefault(k, c)
    for c in concepts:
        for m in c.misspellings:
            for k in romanization_keys(m.form):
                if k in rom_owner:
                    out.append(Lint(c.origin, "GL006", f"misspelling '{m.form}' is a romanization of "
                                    f"'{rom_owner[k].id}'", c.id))
                    break
    out.extend(romanization_lints(concepts))
    out.extend(precision_lints(concepts))
    # GL004: every rejected form and misspelling shows up, flagged for this concept, in its specs.
    if spec_results is not None:
        flagged = defaultdict(set)
        for r in spec_results:
            for f in r.findings:
                if f.concept == r.concept.id:
                    flagged[r.concept.id].add(fold_key(f.found))
        for c in concepts:
            wanted = [t.form for t in c.terms if t.status not in APPROVED] + [m.form for m in c.misspellings]
            for form in wanted:
                k = fold_key(form)
                if not any(x == k or x.startswith(k) or k.replace("'", "") == x.replace("'", "")
                           for x in flagged[c.id]):
                    out.append(Lint(c.origin, "GL004", f"no spec shows '{form}' flagged", c.id))
    return sorted(out, key=lambda x: (x.origin.rpartition(":")[0], int(x.origin.rpartition(":")[2] or 0), x.code, x.message))
