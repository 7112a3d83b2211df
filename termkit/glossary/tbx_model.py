"""How termkit's concepts map onto TBX: namespaces, statuses, language sections, ids and termkit's notes.

TBX-Basic (ISO 30042:2019, DCA style) carries what it has data categories for: subjectField,
definition, note, source, administrativeStatus, geographicalUsage (KP: the North Korean spelling)
and termType (variant, shortForm). Language sections: `ko` (Hangul), `ko-Latn` (romanizations:
McCune–Reischauer, Revised Romanization, conventional and misspelled forms) and `ko-Hani` (hanja),
`en` (the renderings). BCP 47 script subtags say what a romanization or a hanja form is without a
data category TBX-Basic lacks (its termType allows no `transcribedForm`). termkit's extras travel in
<note> elements prefixed "termkit:" so that a round trip loses nothing.
"""
from __future__ import annotations

import re

NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MARK = "termkit:"

STATUS_TO_TBX = {"preferred": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts",
                 "deprecated": "deprecatedTerm-admn-sts", "superseded": "supersededTerm-admn-sts",
                 "wrong": "deprecatedTerm-admn-sts"}  # 'wrong' is deprecated plus a termkit:wrong note
# ISO 12620 administrative statuses other termbases use: a standardized term is the one to use; a
# legal or regulated term is an approved one. 'forbidden' and 'obsolete' are values some glossary
# tools use (Weblate's TBX documentation reads both as "do not use"): deprecated and superseded here.
TBX_STATUS_NAMES = {"preferred": "preferred", "admitted": "admitted", "deprecated": "deprecated",
                    "superseded": "superseded", "standardized": "preferred", "legal": "admitted",
                    "regulated": "admitted", "forbidden": "deprecated", "obsolete": "superseded"}

NAME_STYLES = ("dprk", "sk", "other")
CONFIDENCES = ("high", "medium", "low")
CONCEPT_TYPES = ("term", "person", "institution", "office", "publication", "place", "facility", "event", "law",
                 "campaign", "slogan")  # as in the glossary schema
# No TBX-Basic data category holds these: termkit notes (short forms are also marked by termType for other tools).
CONCEPT_LISTS = ("conventional", "short_forms", "blocking_contexts", "context_cues")
SHORT_TYPES = ("shortForm", "acronym", "abbreviation")

# Language sections termkit writes (and reads back).
KO, KO_LATN, KO_HANI, EN = "ko", "ko-Latn", "ko-Hani", "en"

ID_PATTERN = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
DOMAIN_PATTERN = re.compile(r"[a-z][a-z0-9-]*")


def tbx_id(concept_id: str) -> str:
    """An xsd:ID for a concept id: an id starting with a digit ('10-4-seoneon') gets a '_' prefix."""
    return "_" + concept_id if concept_id[:1].isdigit() else concept_id


def concept_id(raw: str) -> str:
    """termkit's id for a TBX id: the export's '_' prefix stripped; other ids slugged to [a-z0-9-]."""
    if raw.startswith("_") and raw[1:2].isdigit():
        raw = raw[1:]
    if ID_PATTERN.fullmatch(raw):
        return raw
    return re.sub(r"[^a-z0-9]+", "-", raw.lower()).strip("-")


def domain_name(subject: str | None) -> str:
    """A glossary domain from a subjectField ('General' -> 'general'); 'tbx' when nothing usable is left."""
    if subject and DOMAIN_PATTERN.fullmatch(subject):
        return subject
    slug = re.sub(r"[^a-z0-9]+", "-", (subject or "").lower()).strip("-")
    slug = slug.lstrip("0123456789-")
    return slug if DOMAIN_PATTERN.fullmatch(slug or "-") else "tbx"


def language(code: str | None) -> tuple[str, str]:
    """(language, part) of an xml:lang: part is 'hangul', 'latn', 'hani' or 'kp' for Korean, '' otherwise.

    Codes are read as BCP 47 written loosely: case ignored, '_' as '-' (ko, ko-KR, KO, ko_KR).
    """
    subtags = (code or "").strip().lower().replace("_", "-").split("-")
    lang = subtags[0]
    if lang != "ko":
        return lang, ""
    rest = set(subtags[1:])
    if "latn" in rest:
        return lang, "latn"
    if "hani" in rest:
        return lang, "hani"
    return lang, "kp" if "kp" in rest else "hangul"


def status_name(value: str) -> str | None:
    """termkit's status for an administrativeStatus value ('preferredTerm-admn-sts', 'preferred'), or None."""
    v = value.strip().lower()
    v = v[: -len("-admn-sts")] if v.endswith("-admn-sts") else v
    v = v[: -len("term")] if v.endswith("term") else v
    return TBX_STATUS_NAMES.get(v)


def local(el) -> str:
    """An element's local name ('' for comments and processing instructions)."""
    return el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""


def text_of(el) -> str:
    return "".join(el.itertext())
