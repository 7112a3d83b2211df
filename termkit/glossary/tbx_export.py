"""Write concepts as a TBX-Basic file (DCA style) that passes the official RNG and Schematron checks."""
from __future__ import annotations

import json
from pathlib import Path

from ..model import Concept
from .tbx_model import (CONCEPT_LISTS, EN, KO, KO_HANI, KO_LATN, MARK, NS, STATUS_TO_TBX, XML_LANG, tbx_id)


def _el(parent, tag, text=None, **attrs):
    from lxml import etree

    el = etree.SubElement(parent, f"{{{NS}}}{tag}", attrs)
    if text is not None:
        el.text = text
    return el


def _term(lang_sec, form, status, notes=(), **termnotes):
    ts = _el(lang_sec, "termSec")
    _el(ts, "term", form)
    _el(ts, "termNote", STATUS_TO_TBX[status], type="administrativeStatus")
    for kind, value in termnotes.items():
        _el(ts, "termNote", value, type=kind)
    for n in notes:
        _el(ts, "note", n)
    return ts


def _concept_notes(ce, c: Concept) -> None:
    if c.note:
        _el(ce, "note", c.note)
    _el(ce, "note", f"{MARK}type={c.type}")
    _el(ce, "note", f"{MARK}confidence={c.confidence}")
    for spec in c.specs:
        _el(ce, "note", MARK + "spec=" + json.dumps({"text": spec.text, "expect": list(spec.expect)},
                                                     ensure_ascii=False))
    for key in CONCEPT_LISTS:
        if getattr(c, key):
            _el(ce, "note", f"{MARK}{key}=" + json.dumps(list(getattr(c, key)), ensure_ascii=False))


def _reason_notes(t) -> list[str]:
    notes = [t.reason] if t.reason else []
    if t.status == "wrong":
        notes.append(f"{MARK}wrong")
    if t.needs_evidence:
        notes.append(f"{MARK}needs-evidence")
    if t.since:
        notes.append(f"{MARK}since={t.since}")
    if t.seen_in:
        notes.append(f"{MARK}seen-in={t.seen_in}")
    if t.other_state:
        notes.append(f"{MARK}other-state={t.other_state}")
    return notes


def _korean(ce, c: Concept) -> None:
    ko = _el(ce, "langSec", **{XML_LANG: KO})
    _term(ko, c.ko, "preferred")
    if c.ko_nk:
        _term(ko, c.ko_nk, "admitted", geographicalUsage="KP")
    for v in c.ko_variants:
        _term(ko, v, "admitted", termType="variant")
    if c.mr or c.rr or c.rom_variants or c.misspellings:
        latn = _el(ce, "langSec", **{XML_LANG: KO_LATN})
        for key, form in (("mr", c.mr), ("rr", c.rr)):
            if form:
                _term(latn, form, "admitted", [f"{MARK}{key}"])
        for form in c.rom_variants:
            _term(latn, form, "admitted", [f"{MARK}romanization"], termType="variant")
        for m in c.misspellings:
            _term(latn, m.form, "deprecated", [*_reason_notes(m), f"{MARK}misspelling"])
    if c.hanja:
        _term(_el(ce, "langSec", **{XML_LANG: KO_HANI}), c.hanja, "admitted")


def _english(ce, c: Concept) -> None:
    en = _el(ce, "langSec", **{XML_LANG: EN})
    if c.definition:
        _el(en, "descrip", c.definition, type="definition")
    styles: dict[str, list[str]] = {}
    for style, form in c.names:
        styles.setdefault(form, []).append(style)
    for t in c.terms:
        notes = _reason_notes(t) + [f"{MARK}name={style}" for style in styles.get(t.form, ())]
        short = {"termType": "shortForm"} if t.form in c.short_forms else {}
        _term(en, t.form, t.status, notes, **short)
    forms = {t.form for t in c.terms}
    for style, form in c.names:
        if form not in forms:  # a name style's form that is no rendering of its own
            _term(en, form, "admitted" if style != "other" else "deprecated",
                  [f"{MARK}name={style}", f"{MARK}name-only"])


def export_tbx(concepts: list[Concept], path: Path) -> None:
    """Write TBX-Basic: one conceptEntry per concept with ko, ko-Latn, ko-Hani and en language sections."""
    from lxml import etree

    root = etree.Element(f"{{{NS}}}tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: "en"}, nsmap={None: NS})
    fd = _el(_el(root, "tbxHeader"), "fileDesc")
    _el(_el(fd, "sourceDesc"), "p", "termkit glossary of North Korean terminology (Korean–English)")
    body = _el(_el(root, "text"), "body")
    for c in concepts:
        ce = _el(body, "conceptEntry", id=tbx_id(c.id))
        _el(ce, "descrip", c.domain, type="subjectField")
        for s in c.sources:
            _el(ce, "admin", s, type="source")
        _concept_notes(ce, c)
        _korean(ce, c)
        _english(ce, c)
    etree.ElementTree(root).write(str(path), xml_declaration=True, encoding="UTF-8", pretty_print=True)
