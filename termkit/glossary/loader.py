"""Load glossary files (domain YAML or flat CSV/TSV), validate them, and build Concept records."""
from __future__ import annotations

import csv
import io
import json
from functools import lru_cache
from pathlib import Path

from ..errors import GlossaryError
from ..model import Concept, Spec, Term, STATUSES

SCHEMA_PATH = Path(__file__).parent / "schema" / "glossary.schema.json"
FLAT_REQUIRED = ("concept", "ko", "en", "status", "reason")
FLAT_OPTIONAL = ("ko_nk", "hanja", "mr", "rr", "domain", "note")
# Columns termkit's own export adds so that nothing is lost; lists are joined with " | ", specs are JSON.
FLAT_EXTRA = ("type", "ko_variants", "rom_variants", "definition", "confidence", "sources", "needs_evidence",
              "names_dprk", "names_sk", "names_other", "specs")
# Concept-level lists that make findings precise (model.Concept); flat files carry them as extra columns.
PRECISION_FIELDS = ("conventional", "short_forms", "blocking_contexts", "context_cues")
FLAT_PRECISION = PRECISION_FIELDS + ("since",)
FLAT_STATUSES = ("preferred", "admitted", "deprecated", "superseded", "wrong", "misspelling")
LIST_SEP = " | "


@lru_cache(maxsize=1)
def _validator():
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise GlossaryError(f"not UTF-8 (byte {e.start})", str(path)) from None
    except OSError as e:
        raise GlossaryError(f"cannot read: {e.strerror}", str(path)) from None


def _line_of(data, parts) -> int | None:
    """The 1-based line of the node at a schema-error path in ruamel round-trip data."""
    line = None
    node = data
    for part in parts:
        lc = getattr(node, "lc", None)
        try:
            if lc is not None:
                if isinstance(part, int):
                    line = lc.item(part)[0] + 1
                else:
                    line = lc.key(part)[0] + 1
            node = node[part]
        except (KeyError, IndexError, TypeError, AttributeError):
            break
    if line is None and getattr(data, "lc", None) is not None:
        line = (data.lc.line or 0) + 1
    return line


def load_yaml_file(path: Path) -> list[Concept]:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    text = _read_text(path)
    yaml = YAML(typ="rt")
    try:
        data = yaml.load(text)
    except MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        raise GlossaryError(f"bad YAML: {e.problem or e.context}", str(path), line, col) from None
    except YAMLError as e:
        raise GlossaryError(f"bad YAML: {e}", str(path)) from None
    if data is None:
        raise GlossaryError("empty glossary file", str(path), 1)
    errors = sorted(_validator().iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    if errors:
        err = errors[0]
        parts = list(err.absolute_path)
        schema_path = "/".join(str(p) for p in err.absolute_schema_path)
        where = "/".join(str(p) for p in parts) or "(top)"
        raise GlossaryError(f"schema violation at {where}: {err.message} (schema: {schema_path})",
                            str(path), _line_of(data, parts))
    domain = str(data["domain"])
    concepts = []
    for i, raw in enumerate(data["concepts"]):
        line = _line_of(data, ["concepts", i])
        concepts.append(concept_from_dict(raw, domain, f"{path}:{line}"))
    return concepts


def _reasoned(items, status) -> list[Term]:
    return [Term(str(x["form"]), status, str(x["reason"]), bool(x.get("needs_evidence", False)),
                 str(x["since"]) if x.get("since") is not None else None)
            for x in items or ()]


def concept_from_dict(raw: dict, domain: str, origin: str) -> Concept:
    """Build a Concept from one schema-valid YAML mapping."""
    en = raw["en"]
    terms = [Term(str(f), "preferred") for f in en["preferred"]]
    terms += [Term(str(f), "admitted") for f in en.get("admitted") or ()]
    for status in ("deprecated", "superseded", "wrong"):
        terms += _reasoned(en.get(status), status)
    names = ()
    if raw.get("names"):
        n = raw["names"]
        names = tuple([("dprk", str(n["dprk"]))] + ([("sk", str(n["sk"]))] if n.get("sk") else [])
                      + [("other", str(f)) for f in n.get("other") or ()])
    opt = lambda k: str(raw[k]) if raw.get(k) is not None else None  # noqa: E731
    return Concept(
        id=str(raw["id"]), domain=domain, ko=str(raw["ko"]), terms=tuple(terms),
        confidence=str(raw["confidence"]), type=str(raw.get("type", "term")),
        ko_nk=opt("ko_nk"), ko_variants=tuple(str(x) for x in raw.get("ko_variants") or ()),
        hanja=opt("hanja"), mr=opt("mr"), rr=opt("rr"),
        rom_variants=tuple(str(x) for x in raw.get("rom_variants") or ()),
        misspellings=tuple(_reasoned(raw.get("misspellings"), "misspelling")),
        names=names, definition=opt("definition"), note=opt("note"),
        sources=tuple(str(x) for x in raw.get("sources") or ()),
        **{k: tuple(str(x) for x in raw.get(k) or ()) for k in PRECISION_FIELDS},
        specs=tuple(Spec(str(s["text"]), tuple(str(c) for c in s["expect"])) for s in raw["specs"]),
        origin=origin,
    )


def load_flat_file(path: Path) -> list[Concept]:
    """The spreadsheet form: one English term per row, rows grouped into concepts by `concept`."""
    text = _read_text(path)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quoting=quoting)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise GlossaryError("empty glossary file (a header is required)", str(path), 1) from None
    missing = [c for c in FLAT_REQUIRED if c not in header]
    if missing:
        raise GlossaryError(f"header lacks required column(s): {', '.join(missing)}", str(path), 1)
    unknown = [c for c in header if c not in FLAT_REQUIRED + FLAT_OPTIONAL + FLAT_EXTRA + FLAT_PRECISION]
    if unknown:
        raise GlossaryError(f"unknown column(s): {', '.join(unknown)}", str(path), 1)
    groups: dict[str, dict] = {}
    order: list[str] = []
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise GlossaryError(f"row has {len(row)} fields, header has {len(header)}", str(path), line)
        rec = {k: v.strip() for k, v in zip(header, row)}
        cid, status = rec["concept"], rec["status"].lower()
        if not cid or not rec["ko"] or not rec["en"]:
            raise GlossaryError("concept, ko and en must not be empty", str(path), line)
        if status not in FLAT_STATUSES:
            raise GlossaryError(f"status {rec['status']!r} is not one of {', '.join(FLAT_STATUSES)}",
                                str(path), line)
        if status in ("deprecated", "superseded", "wrong", "misspelling") and not rec["reason"]:
            raise GlossaryError(f"a {status} rendering needs a reason", str(path), line)
        g = groups.get(cid)
        if g is None:
            g = groups[cid] = {"line": line, "rec": rec, "terms": []}
            order.append(cid)
        elif g["rec"]["ko"] != rec["ko"]:
            raise GlossaryError(f"concept {cid!r} has ko {rec['ko']!r} here but {g['rec']['ko']!r} "
                                f"on line {g['line']}", str(path), line)
        for k in FLAT_OPTIONAL + FLAT_EXTRA + PRECISION_FIELDS:  # concept-level fields may be on any row
            if k != "needs_evidence" and rec.get(k) and not g["rec"].get(k):
                g["rec"][k] = rec[k]
        if rec.get("confidence") and rec["confidence"] not in ("high", "medium", "low"):
            raise GlossaryError(f"confidence {rec['confidence']!r} is not high, medium or low", str(path), line)
        if rec.get("specs"):
            try:
                specs = [Spec(str(x["text"]), tuple(map(str, x["expect"]))) for x in json.loads(rec["specs"])]
            except (ValueError, KeyError, TypeError):
                raise GlossaryError("specs must be JSON: [{\"text\": …, \"expect\": [codes]}]", str(path), line) from None
            g.setdefault("specs", specs)
        term = Term(rec["en"], status, rec["reason"] or None, rec.get("needs_evidence", "").lower() in ("yes", "true", "1"),
                    rec.get("since") or None)
        (g.setdefault("misspellings", []) if status == "misspelling" else g["terms"]).append(term)
    concepts = []
    for cid in order:
        g = groups[cid]
        rec, terms = g["rec"], g["terms"]
        if not any(t.status == "preferred" for t in terms):
            raise GlossaryError(f"concept {cid!r} has no preferred rendering", str(path), g["line"])
        terms.sort(key=lambda t: STATUSES.index(t.status))
        split = lambda k: tuple(x.strip() for x in rec.get(k, "").split(LIST_SEP) if x.strip())  # noqa: E731
        names = [("dprk", f) for f in split("names_dprk")] + [("sk", f) for f in split("names_sk")]
        names += [("other", f) for f in split("names_other")]
        concepts.append(Concept(
            id=cid, domain=rec.get("domain") or path.stem, ko=rec["ko"], terms=tuple(terms),
            confidence=rec.get("confidence") or "medium", type=rec.get("type") or "term",
            ko_nk=rec.get("ko_nk") or None, ko_variants=split("ko_variants"), hanja=rec.get("hanja") or None,
            mr=rec.get("mr") or None, rr=rec.get("rr") or None, rom_variants=split("rom_variants"),
            misspellings=tuple(g.get("misspellings", ())), names=tuple(names),
            definition=rec.get("definition") or None, note=rec.get("note") or None, sources=split("sources"),
            **{k: split(k) for k in PRECISION_FIELDS},
            specs=tuple(g.get("specs", ())), origin=f"{path}:{g['line']}"))
    return concepts


def load_file(path: Path) -> list[Concept]:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        return load_flat_file(path)
    if suffix == ".tbx":
        from .tbx import load_tbx

        return load_tbx(path)
    return load_yaml_file(path)


def load_files(files: list[Path]) -> list[Concept]:
    """Load files that form one glossary source; a duplicate id within it is an error."""
    seen: dict[str, Concept] = {}
    out = []
    for f in files:
        for c in load_file(f):
            if c.id in seen:
                path, _, line = c.origin.rpartition(":")
                raise GlossaryError(f"duplicate concept id {c.id!r} (first at {seen[c.id].origin})",
                                    path, int(line) if line.isdigit() else None)
            seen[c.id] = c
            out.append(c)
    return out
