"""Read TBX termbases into concepts: TBX-Basic 2019 (DCA and DCT), the 2008 martif layout, MultiTerm-style exports.

Layouts: conceptEntry/langSec/termSec (2019) and termEntry/langSet/tig or ntig/termGrp (2008);
data categories as `<descrip type="definition">` (DCA, 2008) or as elements of their own
(`<basic:definition>`, DCT), alone or in a descripGrp. Languages: Korean (ko, ko-KR, KO, ko_KR;
ko-Latn romanizations, ko-Hani hanja, ko-KP the North Korean spelling) and English; others are
ignored. Status rule: a term without an administrativeStatus is admitted; when a language section
has no preferred term, its first such term is preferred. Problems are collected per concept (with
file:line) so that a caller can import the rest; a termbase without Korean is refused outright.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import GlossaryError
from ..model import Concept, Spec, Term
from .limits import checked
from .sources import read_glossary_bytes
from .tbx_model import (CONCEPT_LISTS, CONCEPT_TYPES, CONFIDENCES, MARK, NAME_STYLES, NS, SHORT_TYPES, XML_LANG,
                        concept_id, domain_name, language, local, status_name, text_of)

ENTRY_TAGS = ("conceptEntry", "termEntry")
LANG_TAGS = ("langSec", "langSet")
TERM_TAGS = ("termSec", "tig", "ntig")
TYPED = ("descrip", "termNote", "admin", "ref", "xref", "transac", "transacNote")
ORDER = ("preferred", "admitted", "deprecated", "superseded", "wrong")
IMPORTED_CONFIDENCE = "low"  # a termbase's concept has no specs and nobody here has reviewed it


@dataclass
class TbxImport:
    """What a termbase gave: the concepts that passed, and one located problem per concept that did not."""

    concepts: list[Concept] = field(default_factory=list)
    problems: list[GlossaryError] = field(default_factory=list)


@dataclass
class _Unit:
    """One term of a language section with its data categories."""

    form: str
    line: int
    status: str | None  # None: no administrativeStatus
    term_type: str | None
    geo: str | None
    notes: list[str]
    marks: list[str]


def load_tbx(path: Path) -> list[Concept]:
    """Concepts from a TBX file, all or nothing: the first problem is raised (`glossary import --skip-invalid`
    imports the rest)."""
    result = read_tbx(path)
    if result.problems:
        first = result.problems[0]
        more = len(result.problems) - 1
        if more:
            first = GlossaryError(f"{first.message} (and {more} more problem{'s' if more > 1 else ''}; "
                                  "`termkit glossary import --skip-invalid` imports the rest)", first.path, first.line)
        raise first
    return result.concepts


def read_tbx(path: Path) -> TbxImport:
    """Every concept of a TBX file that can be imported, and a located problem for each one that cannot."""
    root = _parse(path)
    entries = [el for el in root.iter() if local(el) in ENTRY_TAGS]
    if not entries:
        raise GlossaryError("no conceptEntry or termEntry elements (is this TBX?)", str(path))
    languages = {language(ls.get(XML_LANG))[0] or "(none)" for e in entries for ls in e if local(ls) in LANG_TAGS}
    if "ko" not in languages:
        raise GlossaryError(f"no Korean terms: the termbase has {', '.join(sorted(languages)) or 'no languages'}; "
                            "termkit imports concepts with Korean (ko) and English (en) terms", str(path))
    result = TbxImport()
    seen: dict[str, int] = {}
    for number, entry in enumerate(entries, 1):
        try:
            c = _concept(entry, number, path)
            if c.id in seen:
                raise GlossaryError(f"duplicate concept id {c.id!r} (first on line {seen[c.id]})", str(path),
                                    entry.sourceline)
            result.concepts.append(checked([c])[0])
            seen[c.id] = entry.sourceline
        except GlossaryError as e:
            result.problems.append(e)
    return result


def _parse(path: Path):
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(read_glossary_bytes(path), parser)
    except etree.XMLSyntaxError as e:
        line, col = e.position if e.position else (e.lineno, None)
        raise GlossaryError(f"malformed TBX: {_xml_message(e.msg)}", str(path), line, col or None) from None
    _refuse_entities(root, path)
    return root


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


def _category(el) -> str | None:
    """The data category an element carries, lower case without spaces ('administrativestatus'): @type of a
    DCA or 2008 element, the name of a DCT one, or 'note'. Case and spaces are ignored because tools
    that export user-named fields write 'Definition' or 'Subject field' for the standard categories."""
    name = local(el)
    if name in TYPED:
        kind = el.get("type")
    elif name == "note":
        kind = "note"
    else:
        namespace = el.tag[1:].split("}", 1)[0] if isinstance(el.tag, str) and el.tag.startswith("{") else None
        kind = name if namespace and namespace != NS else None  # DCT: <min:administrativeStatus>
    return kind.lower().replace(" ", "") if kind else None


def _items(el, groups: bool = True):
    """(category, element) of an element's children, and of its *Grp children's (descripGrp, termGrp …;
    transactions aside) when groups is true."""
    for child in el:
        name = local(child)
        if groups and name.endswith("Grp") and name != "transacGrp":
            yield from _items(child, groups=False)
        else:
            cat = _category(child)
            if cat:
                yield cat, child


def _notes(el) -> tuple[list[str], list[str]]:
    plain, marks = [], []
    for cat, n in _items(el):
        if cat == "note":
            text = text_of(n)
            (marks if text.startswith(MARK) else plain).append(text[len(MARK):] if text.startswith(MARK) else text)
    return plain, marks


def _unit(ts, path: Path) -> _Unit:
    terms = [t for t in ts.iter() if local(t) == "term"]
    if not terms:
        raise GlossaryError(f"{local(ts)} without a <term>", str(path), ts.sourceline)
    notes = {}
    for cat, el in _items(ts):
        notes.setdefault(cat, " ".join(text_of(el).split()))
    status = None
    if "administrativestatus" in notes:
        status = status_name(notes["administrativestatus"])
        if status is None:
            raise GlossaryError(f"administrativeStatus {notes['administrativestatus'][:40]!r} is not one of "
                                "preferred, admitted, deprecated, superseded (…Term-admn-sts)", str(path), ts.sourceline)
    plain, marks = _notes(ts)
    return _Unit(_clean(text_of(terms[0])), ts.sourceline, status, notes.get("termtype"),
                 notes.get("geographicalusage"), plain, marks)


def _clean(text: str) -> str:
    """Text without the line breaks and indentation a pretty-printed termbase puts inside an element
    (spaces within a line are kept as written)."""
    return re.sub(r"[ \t]*[\r\n\t]\s*", " ", text).strip()


def _mark(marks: list[str], key: str) -> str | None:
    return next((m[len(key) + 1:] for m in marks if m.startswith(key + "=")), None)


def _reason(u: _Unit, status: str) -> str:
    return u.notes[0] if u.notes else f"marked {status} in the imported termbase"


def _first_unmarked_preferred(units: list[_Unit]) -> None:
    """The status rule: no status is admitted; with no preferred term, the first term without one is preferred."""
    if not any(u.status == "preferred" for u in units):
        first = next((u for u in units if u.status is None), None)
        if first is not None:
            first.status = "preferred"
    for u in units:
        u.status = u.status or "admitted"


class _Korean:
    """The Korean side of a concept, filled from ko, ko-KP, ko-Latn and ko-Hani sections."""

    def __init__(self):
        self.hangul: list[_Unit] = []
        self.nk: list[str] = []
        self.hanja: list[str] = []
        self.mr = self.rr = None
        self.romanized: list[str] = []
        self.misspellings: list[Term] = []

    def add(self, part: str, u: _Unit) -> None:
        seen_in = _mark(u.marks, "seen-in")
        if "misspelling" in u.marks or (part == "latn" and u.status in ("deprecated", "superseded")):
            self.misspellings.append(Term(u.form, "misspelling", _reason(u, u.status or "deprecated"),
                                          "needs-evidence" in u.marks, _mark(u.marks, "since"), seen_in))
        elif "hanja" in u.marks or part == "hani":  # the mark: files exported before ko-Hani
            self.hanja.append(u.form)
        elif "mr" in u.marks and self.mr is None:
            self.mr = u.form
        elif "rr" in u.marks and self.rr is None:
            self.rr = u.form
        elif part == "latn" or u.marks or u.term_type == "transcribedForm":
            self.romanized.append(u.form)
        elif part == "kp" or (u.geo or "").upper() == "KP":
            self.nk.append(u.form)
        else:
            self.hangul.append(u)

    def fields(self, cid: str, path: Path, line: int) -> dict:
        # ko is the standard spelling: the preferred Hangul term, else the first approved or unmarked one
        main = next((u for u in self.hangul if u.status == "preferred"), None)
        main = main or next((u for u in self.hangul if u.status in (None, "admitted")), None)
        main = main or (self.hangul[0] if self.hangul else None)
        if main is None and self.nk:
            ko, nk = self.nk[0], None
        elif main is None:
            raise GlossaryError(f"concept {cid!r} has no Korean (ko) term", str(path), line)
        else:
            ko, nk = main.form, (self.nk[0] if self.nk else None)
        variants = [u.form for u in self.hangul if u is not main] + self.nk[1:] + self.hanja[1:]
        return {"ko": ko, "ko_nk": nk, "ko_variants": _unique(variants, {ko, nk}),
                "hanja": self.hanja[0] if self.hanja else None, "mr": self.mr, "rr": self.rr,
                "rom_variants": _unique(self.romanized, {self.mr, self.rr}), "misspellings": tuple(self.misspellings)}


def _unique(forms, exclude) -> tuple[str, ...]:
    out: list[str] = []
    for f in forms:
        if f not in exclude and f not in out:
            out.append(f)
    return tuple(out)


def _english(units: list[_Unit], path: Path) -> tuple[list[Term], list[tuple[str, str]], list[str]]:
    _first_unmarked_preferred(units)
    terms, names, short_forms, forms = [], [], [], set()
    for u in units:
        for style in (m[5:] for m in u.marks if m.startswith("name=")):
            if style not in NAME_STYLES:
                raise GlossaryError(f"note {MARK}name={style[:40]!r}: a name style is one of "
                                    f"{', '.join(NAME_STYLES)}", str(path), u.line)
            names.append((style, u.form))
        if "name-only" in u.marks or u.form in forms:
            continue
        forms.add(u.form)
        status = "wrong" if "wrong" in u.marks else u.status
        reason = _reason(u, status) if status in ("deprecated", "superseded", "wrong") else None
        terms.append(Term(u.form, status, reason, "needs-evidence" in u.marks, _mark(u.marks, "since"),
                          _mark(u.marks, "seen-in"), _mark(u.marks, "other-state")))
        if u.term_type in SHORT_TYPES and status in ("preferred", "admitted"):
            short_forms.append(u.form)
    terms.sort(key=lambda t: ORDER.index(t.status))
    names.sort(key=lambda n: NAME_STYLES.index(n[0]))
    return terms, names, short_forms


def _definition(el) -> str | None:
    return next((_clean(text_of(d)) for cat, d in _items(el) if cat == "definition"), None)


def _inherited_lang(el) -> str:
    """The xml:lang in force at an element (its own or its nearest ancestor's), as language() reads it."""
    while el is not None:
        if el.get(XML_LANG) is not None:
            return language(el.get(XML_LANG))[0]
        el = el.getparent()
    return ""


def _concept_definition(entry) -> str | None:
    """A concept-level definition, if its language (inherited from the file's xml:lang) is English or unstated."""
    return next((_clean(text_of(d)) for cat, d in _items(entry)
                 if cat == "definition" and _inherited_lang(d) in ("en", "")), None)


def _concept(entry, number: int, path: Path) -> Concept:
    line = entry.sourceline
    raw_id = entry.get("id")
    cid = concept_id(raw_id) if raw_id else f"entry-{number}"
    if not cid:
        raise GlossaryError(f"concept id {raw_id[:40]!r} has no letter or digit", str(path), line)
    subject = next((text_of(d).strip() for cat, d in _items(entry) if cat == "subjectfield"), None)
    sources = tuple(text_of(a) for a in entry if _category(a) == "source")  # a descripGrp's source is the definition's
    plain, marks = _notes(entry)
    meta = dict(m.split("=", 1) for m in marks if "=" in m and not m.startswith("spec="))
    for key, allowed in (("type", CONCEPT_TYPES), ("confidence", CONFIDENCES)):
        if key in meta and meta[key] not in allowed:
            raise GlossaryError(f"concept {cid!r}: note {MARK}{key}={meta[key][:40]!r} is not one of "
                                f"{', '.join(allowed)}", str(path), line)
    lists = {k: _string_list(meta[k], k, cid, path, line) for k in CONCEPT_LISTS if k in meta}
    specs = tuple(_spec(m[5:], cid, path, line) for m in marks if m.startswith("spec="))
    korean, english, definition = _Korean(), [], None
    for ls in (el for el in entry if local(el) in LANG_TAGS):
        lang, part = language(ls.get(XML_LANG))
        # an empty <term> (a language left blank by the tool that exported it) is no term
        units = [u for u in (_unit(ts, path) for ts in ls.iter() if local(ts) in TERM_TAGS) if u.form]
        if lang == "ko":
            for u in units:
                korean.add(part, u)
        elif lang == "en":
            definition = definition or _definition(ls)
            english.extend(units)
    ko = korean.fields(cid, path, line)
    if not english:
        raise GlossaryError(f"concept {cid!r} has no English (en) term", str(path), line)
    terms, names, short_forms = _english(english, path)
    if not any(t.status == "preferred" for t in terms):
        raise GlossaryError(f"concept {cid!r} has no preferred English term (and none without a status to "
                            "take its place)", str(path), line)
    return Concept(
        id=cid, domain=domain_name(subject), terms=tuple(terms), confidence=meta.get("confidence", IMPORTED_CONFIDENCE),
        type=meta.get("type", "term"), names=tuple(names), definition=definition or _concept_definition(entry),
        note="\n".join(plain) or None, sources=sources, specs=specs,
        **ko, **{"short_forms": tuple(short_forms), **lists}, origin=f"{path}:{line}")


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
