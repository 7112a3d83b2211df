"""Concept records back to the glossary's YAML mapping, in the canonical key order."""
from __future__ import annotations

from ..model import APPROVED, Concept

KEY_ORDER = ("id", "type", "ko", "ko_nk", "ko_variants", "hanja", "mr", "rr", "rom_variants", "conventional",
             "misspellings", "en", "short_forms", "blocking_contexts", "context_cues", "names", "definition", "note",
             "sources", "confidence", "specs")
PRECISION_KEYS = ("conventional", "short_forms", "blocking_contexts", "context_cues")
EN_ORDER = ("preferred", "admitted", "deprecated", "superseded", "wrong")


def _reasoned(t) -> dict:
    d = {"form": t.form, "reason": t.reason or ""}
    if t.needs_evidence:
        d["needs_evidence"] = True
    if getattr(t, "since", None):
        d["since"] = t.since
    if getattr(t, "seen_in", None):
        d["seen_in"] = t.seen_in
    if getattr(t, "other_state", None):
        d["other_state"] = t.other_state
    return d


def concept_to_dict(c: Concept) -> dict:
    """The YAML mapping that loads back into an equal Concept (origin aside)."""
    en: dict = {}
    for status in EN_ORDER:
        terms = [t for t in c.terms if t.status == status]
        if terms:
            en[status] = [t.form for t in terms] if status in APPROVED else [_reasoned(t) for t in terms]
    d: dict = {"id": c.id}
    if c.type != "term":
        d["type"] = c.type
    d["ko"] = c.ko
    for key in ("ko_nk", "hanja", "mr", "rr"):
        if getattr(c, key):
            d[key] = getattr(c, key)
    if c.ko_variants:
        d["ko_variants"] = list(c.ko_variants)
    if c.rom_variants:
        d["rom_variants"] = list(c.rom_variants)
    if c.misspellings:
        d["misspellings"] = [_reasoned(m) for m in c.misspellings]
    d["en"] = en
    for key in PRECISION_KEYS:
        if getattr(c, key):
            d[key] = list(getattr(c, key))
    if c.names:
        names: dict = {}
        for style, form in c.names:
            if style == "other":
                names.setdefault("other", []).append(form)
            else:
                names[style] = form
        d["names"] = names
    for key in ("definition", "note"):
        if getattr(c, key):
            d[key] = getattr(c, key)
    if c.sources:
        d["sources"] = list(c.sources)
    d["confidence"] = c.confidence
    if c.specs:  # optional for a low-confidence concept (the schema requires them for high and medium)
        d["specs"] = [{"text": s.text, "expect": list(s.expect)} for s in c.specs]
    return {k: d[k] for k in KEY_ORDER if k in d}
