"""Load glossary files (domain YAML or flat CSV/TSV), validate them, and build Concept records."""
from __future__ import annotations

import csv
import io
import json
from functools import lru_cache
from pathlib import Path

from ..errors import GlossaryError
from ..model import Concept, Spec, Term, STATUSES
from .limits import SURROGATE, checked
from .sources import read_glossary_bytes

SCHEMA_PATH = Path(__file__).parent / "schema" / "glossary.schema.json"
FLAT_REQUIRED = ("concept", "ko", "en", "status", "reason")
FLAT_OPTIONAL = ("ko_nk", "hanja", "mr", "rr", "domain", "note")
# Columns termkit's own export adds so that nothing is lost; lists are joined with " | ", specs are JSON.
FLAT_EXTRA = ("type", "ko_variants", "rom_variants", "definition", "confidence", "sources", "needs_evidence",
              "names_dprk", "names_sk", "names_other", "specs")
# Concept-level lists that make findings precise (model.Concept); flat files carry them as extra columns.
PRECISION_FIELDS = ("conventional", "short_forms", "blocking_contexts", "context_cues")
FLAT_PRECISION = PRECISION_FIELDS + ("since", "seen_in", "other_state")
FLAT_STATUSES = ("preferred", "admitted", "deprecated", "superseded", "wrong", "misspelling")
LIST_SEP = " | "
MAX_YAML_DEPTH = 32  # a glossary file nests seven levels deep


@lru_cache(maxsize=1)
def _validator():
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def read_glossary_text(path: Path) -> str:
    """A glossary text file: UTF-8 (a BOM allowed), no NUL (never text: a binary or UTF-16 file)."""
    try:
        text = read_glossary_bytes(path).decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise GlossaryError(f"not UTF-8 (byte {e.start})", str(path)) from None
    nul = text.find("\0")
    if nul >= 0:
        line, col = _line_col(text, nul)
        raise GlossaryError("NUL character: a glossary file is text (is this a binary or UTF-16 file?)", str(path), line, col)
    return text


def _line_col(text: str, pos: int) -> tuple[int, int]:
    return text.count("\n", 0, pos) + 1, pos - text.rfind("\n", 0, pos)


@lru_cache(maxsize=1)
def _yaml_classes():
    """ruamel's round-trip loader, changed in two places for glossary files.

    The plain Scanner skips comments instead of collecting them: the round-trip scanner builds a
    comment one character at a time and joins consecutive comment lines by copying, quadratic in
    both (a 1 MB comment line took 21 s; 2 MB of comment lines, 43 s); only `glossary fmt`, which
    keeps comments, needs it. The Composer refuses anchors and aliases (a 500-byte file of nested
    aliases expands to a billion nodes) and nesting deeper than MAX_YAML_DEPTH (the composer
    recurses per level: a thousand levels overflow Python's stack).
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.composer import Composer, ComposerError
    from ruamel.yaml.events import AliasEvent
    from ruamel.yaml.scanner import Scanner

    class GlossaryComposer(Composer):
        _glossary_depth = 0

        def compose_node(self, parent, index):
            event = self.parser.peek_event()
            if isinstance(event, AliasEvent) or getattr(event, "anchor", None) is not None:
                raise ComposerError(None, None, "anchors and aliases (& and *) are not allowed in a glossary",
                                    event.start_mark)
            if self._glossary_depth >= MAX_YAML_DEPTH:
                raise ComposerError(None, None, f"nested more than {MAX_YAML_DEPTH} levels deep", event.start_mark)
            self._glossary_depth += 1
            try:
                return super().compose_node(parent, index)
            finally:
                self._glossary_depth -= 1

    return YAML, Scanner, GlossaryComposer


def parse_yaml(text: str, path: Path):
    """Glossary YAML with line numbers kept (an `lc` on every mapping and sequence), or a GlossaryError
    at file:line:col. libyaml's events build it (yaml_events); a file that needs more than a glossary
    uses, or that has an error, is read by ruamel, whose messages locate the problem."""
    from .yaml_events import build

    data = build(text, MAX_YAML_DEPTH)
    if data is not None:
        return data
    return _parse_yaml_ruamel(text, path)


def _parse_yaml_ruamel(text: str, path: Path):
    """parse_yaml by ruamel's round-trip loader."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

    YAML, Scanner, Composer = _yaml_classes()
    yaml = YAML(typ="rt")
    yaml.Scanner, yaml.Composer = Scanner, Composer
    try:
        return yaml.load(text)
    except MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        raise GlossaryError(f"bad YAML: {_one_line(e.problem or e.context)}", str(path), line, col) from None
    except ReaderError as e:  # a character YAML does not allow (control characters)
        line, col = _line_col(text, e.position) if isinstance(e.position, int) else (None, None)
        char = f"U+{e.character:04X}" if isinstance(e.character, int) else repr(e.character)
        raise GlossaryError(f"bad YAML: character {char} is not allowed", str(path), line, col) from None
    except YAMLError as e:
        raise GlossaryError(f"bad YAML: {_one_line(str(e))}", str(path)) from None


def _one_line(message) -> str:
    return " ".join(str(message).split())


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
    data = parse_yaml(read_glossary_text(path), path)
    if data is None:
        raise GlossaryError("empty glossary file", str(path), 1)
    bad = _surrogate_at(data)
    if bad is not None:  # before the schema: its messages quote the text
        where = "/".join(str(p) for p in bad) or "(top)"
        raise GlossaryError(f"lone surrogate (not a character) at {where}", str(path), _line_of(data, bad))
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
    return checked(concepts)


def _surrogate_at(node, parts: tuple = ()) -> tuple | None:
    """The path to the first key or string holding a lone surrogate (a YAML escape such as \\ud800), or None."""
    if isinstance(node, str):
        return parts if SURROGATE.search(node) else None
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        if isinstance(key, str) and SURROGATE.search(key):
            return parts + (key,)
        found = _surrogate_at(value, parts + (key,))
        if found is not None:
            return found
    return None


def _reasoned(items, status) -> list[Term]:
    return [Term(str(x["form"]), status, str(x["reason"]), bool(x.get("needs_evidence", False)),
                 str(x["since"]) if x.get("since") is not None else None,
                 str(x["seen_in"]) if x.get("seen_in") is not None else None,
                 str(x["other_state"]) if x.get("other_state") is not None else None)
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
        specs=tuple(Spec(str(s["text"]), tuple(str(c) for c in s["expect"])) for s in raw.get("specs") or ()),
        origin=origin,
    )


def load_flat_file(path: Path) -> list[Concept]:
    """The spreadsheet form: one English term per row, rows grouped into concepts by `concept`."""
    text = read_glossary_text(path)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
    reader = _CsvRows(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quoting=quoting), path)
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
            except (ValueError, KeyError, TypeError, RecursionError):
                raise GlossaryError("specs must be JSON: [{\"text\": …, \"expect\": [codes]}]", str(path), line) from None
            g.setdefault("specs", specs)
        term = Term(rec["en"], status, rec["reason"] or None, rec.get("needs_evidence", "").lower() in ("yes", "true", "1"),
                    rec.get("since") or None, rec.get("seen_in") or None, rec.get("other_state") or None)
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
    return checked(concepts)


class _CsvRows:
    """A csv reader whose errors (a field over the csv module's limit, a bad quote) are GlossaryErrors at their line."""

    def __init__(self, reader, path: Path):
        self._reader, self._path = reader, path

    @property
    def line_num(self) -> int:
        return self._reader.line_num

    def __iter__(self):
        return self

    def __next__(self) -> list[str]:
        try:
            return next(self._reader)
        except csv.Error as e:
            raise GlossaryError(f"bad {'TSV' if self._path.suffix.lower() == '.tsv' else 'CSV'}: {e}",
                                str(self._path), self._reader.line_num or None) from None


def load_file(path: Path) -> list[Concept]:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        return load_flat_file(path)
    if suffix == ".tbx":
        from .tbx_import import load_tbx

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
