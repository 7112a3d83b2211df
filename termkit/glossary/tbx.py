"""TBX-Basic (ISO 30042:2019, DCA style) export and import of the glossary, lossless for termkit's own data.

Standard data categories carry what TBX-Basic knows: subjectField, definition, note, source,
administrativeStatus (preferred/admitted/deprecated/superseded), geographicalUsage (KP for North
Korean spelling) and termType. termkit's extras travel in <note> elements prefixed "termkit:" so
that a round trip loses nothing and other tools still read a valid TBX-Basic file.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from ..errors import GlossaryError
from ..model import Concept, Spec, Term
from .limits import checked
from .sources import read_glossary_bytes

NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATUS_TO_TBX = {"preferred": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts",
                 "deprecated": "deprecatedTerm-admn-sts", "superseded": "supersededTerm-admn-sts",
                 "wrong": "deprecatedTerm-admn-sts"}
TBX_TO_STATUS = {v: k for k, v in STATUS_TO_TBX.items() if k != "wrong"}
MARK = "termkit:"
NAME_STYLES = ("dprk", "sk", "other")
CONFIDENCES = ("high", "medium", "low")
CONCEPT_TYPES = ("term", "person", "institution", "office", "publication", "place", "facility", "event", "law",
                 "campaign", "slogan")  # as in the glossary schema
# No TBX-Basic data category holds these: termkit notes (short forms are also marked by termType for other tools).
CONCEPT_LISTS = ("conventional", "short_forms", "blocking_contexts", "context_cues")
SHORT_TYPES = ("shortForm", "acronym", "abbreviation")


def _el(parent, tag, text=None, **attrs):
    from lxml import etree

    el = etree.SubElement(parent, f"{{{NS}}}{tag}", attrs)
    if text is not None:
        el.text = text
    return el


def _term(lang_sec, form, status=None, notes=(), **termnotes):
    ts = _el(lang_sec, "termSec")
    _el(ts, "term", form)
    if status:
        _el(ts, "termNote", STATUS_TO_TBX[status], type="administrativeStatus")
    for kind, value in termnotes.items():
        _el(ts, "termNote", value, type=kind)
    for n in notes:
        _el(ts, "note", n)
    return ts


def export_tbx(concepts: list[Concept], path: Path) -> None:
    from lxml import etree

    root = etree.Element(f"{{{NS}}}tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: "en"}, nsmap={None: NS})
    header = _el(root, "tbxHeader")
    fd = _el(header, "fileDesc")
    _el(_el(fd, "sourceDesc"), "p", "termkit glossary of North Korean terminology (Korean–English)")
    body = _el(_el(root, "text"), "body")
    for c in concepts:
        ce = _el(body, "conceptEntry", id=c.id)
        _el(ce, "descrip", c.domain, type="subjectField")
        for s in c.sources:
            _el(ce, "admin", s, type="source")
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
        ko = _el(ce, "langSec", **{XML_LANG: "ko"})
        _term(ko, c.ko, "preferred")
        if c.ko_nk:
            _term(ko, c.ko_nk, "admitted", geographicalUsage="KP")
        for v in c.ko_variants:
            _term(ko, v, "admitted", termType="variant")
        if c.hanja:
            _term(ko, c.hanja, "admitted", notes=[f"{MARK}hanja"])
        for key, form in (("mr", c.mr), ("rr", c.rr)):
            if form:
                _term(ko, form, "admitted", notes=[f"{MARK}{key}"], termType="transcribedForm")
        for form in c.rom_variants:
            _term(ko, form, "admitted", notes=[f"{MARK}romanization"], termType="transcribedForm")
        for m in c.misspellings:
            seen = [f"{MARK}seen-in={m.seen_in}"] if m.seen_in else []
            _term(ko, m.form, "deprecated", notes=[m.reason or "", f"{MARK}misspelling", *seen], termType="transcribedForm")
        en = _el(ce, "langSec", **{XML_LANG: "en"})
        if c.definition:
            _el(en, "descrip", c.definition, type="definition")
        styles: dict[str, list[str]] = {}
        for style, form in c.names:
            styles.setdefault(form, []).append(style)
        for t in c.terms:
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
            notes.extend(f"{MARK}name={style}" for style in styles.get(t.form, ()))
            short = {"termType": "shortForm"} if t.form in c.short_forms else {}
            _term(en, t.form, t.status, notes, **short)
        forms = {t.form for t in c.terms}
        for style, form in c.names:
            if form not in forms:
                _term(en, form, "admitted" if style != "other" else "deprecated",
                      [f"{MARK}name={style}", f"{MARK}name-only"])
    etree.ElementTree(root).write(str(path), xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _local(el) -> str:
    return el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""


def _children(el, tag):
    return [c for c in el if _local(c) == tag]


def load_tbx(path: Path) -> list[Concept]:
    """Concepts from a TBX file (TBX-Basic or termkit's own), parsed safely."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(read_glossary_bytes(path), parser)
    except etree.XMLSyntaxError as e:
        line, col = e.position if e.position else (e.lineno, None)
        raise GlossaryError(f"malformed TBX: {_xml_message(e.msg)}", str(path), line, col or None) from None
    _refuse_entities(root, path)
    concepts = []
    for ce in root.iter(f"{{{NS}}}conceptEntry", "conceptEntry", "termEntry", f"{{{NS}}}termEntry"):
        concepts.append(_concept(ce, path))
    if not concepts:
        raise GlossaryError("no conceptEntry elements (is this TBX?)", str(path))
    return checked(concepts)


def _xml_message(msg: str) -> str:
    """libxml2's message on one line, without the place it repeats (the error carries line and column)."""
    return re.sub(r",? line \d+, column \d+$", "", " ".join(str(msg).split())).rstrip(", ")


def _refuse_entities(root, path: Path) -> None:
    """Entities are never resolved (no XXE, no entity bomb): a document that declares or uses one is refused,
    rather than importing the reference as literal text ('&xxe;' as a term)."""
    from lxml import etree

    dtd = root.getroottree().docinfo.internalDTD
    declared = [e.name for e in dtd.iterentities()] if dtd is not None else []
    for ref in root.iter(etree.Entity):
        raise GlossaryError(f"entity reference {ref.text} in a TBX glossary: entities are not supported",
                            str(path), ref.sourceline)
    if declared:
        raise GlossaryError(f"the DOCTYPE declares entities ({', '.join(declared[:3])}): not supported in a TBX "
                            "glossary", str(path), 1)


def _notes(el):
    plain, marks = [], []
    for n in _children(el, "note"):
        text = "".join(n.itertext())
        (marks if text.startswith(MARK) else plain).append(text[len(MARK):] if text.startswith(MARK) else text)
    return plain, marks


def _term_info(ts, path: Path):
    terms = _children(ts, "term")
    if not terms:
        raise GlossaryError("termSec without a <term>", str(path), ts.sourceline)
    form = "".join(terms[0].itertext())
    notes = {tn.get("type"): "".join(tn.itertext()) for tn in _children(ts, "termNote")}
    plain, marks = _notes(ts)
    return form, notes, plain, marks


def _concept(ce, path: Path) -> Concept:
    cid = ce.get("id")
    line = ce.sourceline
    if not cid:
        raise GlossaryError("conceptEntry without an id", str(path), line)
    domain = next(("".join(d.itertext()) for d in _children(ce, "descrip") if d.get("type") == "subjectField"), "tbx")
    sources = tuple("".join(a.itertext()) for a in _children(ce, "admin") if a.get("type") == "source")
    plain, marks = _notes(ce)
    meta = dict(m.split("=", 1) for m in marks if "=" in m and not m.startswith("spec="))
    for key, allowed in (("type", CONCEPT_TYPES), ("confidence", CONFIDENCES)):
        if key in meta and meta[key] not in allowed:
            raise GlossaryError(f"concept {cid!r}: note {MARK}{key}={meta[key][:40]!r} is not one of "
                                f"{', '.join(allowed)}", str(path), line)
    lists = {k: _string_list(meta[k], k, cid, path, line) for k in CONCEPT_LISTS if k in meta}
    specs = tuple(_spec(m[5:], cid, path, line) for m in marks if m.startswith("spec="))
    ko = nk = hanja = mr = rr = definition = None
    ko_variants, rom_variants, misspellings, terms, names, short_forms = [], [], [], [], [], []
    for ls in _children(ce, "langSec"):
        lang = (ls.get("{http://www.w3.org/XML/1998/namespace}lang") or "").lower()
        if lang.startswith("ko"):
            for ts in _children(ls, "termSec"):
                form, notes, tplain, tmarks = _term_info(ts, path)
                status = TBX_TO_STATUS.get(notes.get("administrativeStatus", ""), "admitted")
                if "misspelling" in tmarks:
                    seen_in = next((m[8:] for m in tmarks if m.startswith("seen-in=")), None)
                    misspellings.append(Term(form, "misspelling", tplain[0] if tplain else None, seen_in=seen_in))
                elif "hanja" in tmarks:
                    hanja = form
                elif "mr" in tmarks:
                    mr = form
                elif "rr" in tmarks:
                    rr = form
                elif "romanization" in tmarks or notes.get("termType") == "transcribedForm":
                    rom_variants.append(form)
                elif notes.get("geographicalUsage") == "KP":
                    nk = form
                elif status == "preferred" and ko is None:
                    ko = form
                else:
                    ko_variants.append(form)
        elif lang.startswith("en"):
            definition = next(("".join(d.itertext()) for d in _children(ls, "descrip")
                               if d.get("type") == "definition"), definition)
            for ts in _children(ls, "termSec"):
                form, notes, tplain, tmarks = _term_info(ts, path)
                status = TBX_TO_STATUS.get(notes.get("administrativeStatus", ""), "admitted")
                for m in tmarks:
                    if m.startswith("name="):
                        if m[5:] not in NAME_STYLES:
                            raise GlossaryError(f"note {MARK}{m[:40]!r}: a name style is one of "
                                                f"{', '.join(NAME_STYLES)}", str(path), ts.sourceline)
                        names.append((m[5:], form))
                if "name-only" in tmarks:
                    continue
                if "wrong" in tmarks:
                    status = "wrong"
                reason = tplain[0] if tplain else None
                if status in ("deprecated", "superseded", "wrong") and not reason:
                    reason = "marked deprecated in the imported termbase"
                since = next((m[6:] for m in tmarks if m.startswith("since=")), None)
                seen_in = next((m[8:] for m in tmarks if m.startswith("seen-in=")), None)
                other_state = next((m[12:] for m in tmarks if m.startswith("other-state=")), None)
                terms.append(Term(form, status, reason, "needs-evidence" in tmarks, since, seen_in, other_state))
                if notes.get("termType") in SHORT_TYPES and status in ("preferred", "admitted"):
                    short_forms.append(form)
    if ko is None:
        raise GlossaryError(f"concept {cid!r} has no Korean (ko) term", str(path), line)
    if not any(t.status == "preferred" for t in terms):
        raise GlossaryError(f"concept {cid!r} has no preferred English term", str(path), line)
    order = ("preferred", "admitted", "deprecated", "superseded", "wrong")
    terms.sort(key=lambda t: order.index(t.status))
    names.sort(key=lambda n: NAME_STYLES.index(n[0]))
    return Concept(
        id=cid, domain=domain, ko=ko, terms=tuple(terms), confidence=meta.get("confidence", "medium"),
        type=meta.get("type", "term"), ko_nk=nk, ko_variants=tuple(ko_variants), hanja=hanja, mr=mr, rr=rr,
        rom_variants=tuple(rom_variants), misspellings=tuple(misspellings), names=tuple(names),
        definition=definition, note=plain[0] if plain else None, sources=sources, specs=specs,
        **{"short_forms": tuple(short_forms), **lists}, origin=f"{path}:{line}")


def _spec(text: str, cid: str, path: Path, line: int) -> Spec:
    """A `termkit:spec=` note: JSON {"text": str, "expect": [codes]}."""
    try:
        d = json.loads(text)
        ok = (isinstance(d, dict) and isinstance(d.get("text"), str) and isinstance(d.get("expect"), list)
              and all(isinstance(c, str) for c in d["expect"]))
    except (ValueError, RecursionError):  # not JSON, or nested beyond the parser's stack
        ok = False
    if not ok:
        raise GlossaryError(f'concept {cid!r}: note {MARK}spec= must hold JSON {{"text": …, "expect": [codes]}}',
                            str(path), line)
    return Spec(d["text"], tuple(d["expect"]))


def _string_list(text: str, key: str, cid: str, path: Path, line: int) -> tuple[str, ...]:
    """A `termkit:<list>=` note: a JSON list of strings."""
    try:
        value = json.loads(text)
        ok = isinstance(value, list) and all(isinstance(x, str) for x in value)
    except (ValueError, RecursionError):
        ok = False
    if not ok:
        raise GlossaryError(f"concept {cid!r}: note {MARK}{key}= must hold a JSON list of strings", str(path), line)
    return tuple(value)
