"""Write glossary YAML: files from imported concepts, and `glossary fmt`'s canonical rewrite (comments kept)."""
from __future__ import annotations

import io
from collections import defaultdict
from pathlib import Path

from .conceptdict import EN_ORDER, KEY_ORDER, concept_to_dict
from ..model import Concept

FILE_KEYS = ("domain", "description", "concepts")
REASONED_KEYS = ("form", "reason", "needs_evidence", "since", "seen_in", "other_state")
NAME_KEYS = ("dprk", "sk", "other")
SPEC_KEYS = ("text", "expect")
MAX_FMT_LINE_CHARS = 10_000


def _yaml():
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.width = 4096  # never re-wrap a text: diffs stay small and specs stay greppable
    y.preserve_quotes = True
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def _flow(seq):
    from ruamel.yaml.comments import CommentedSeq

    s = CommentedSeq(seq)
    s.fa.set_flow_style()
    return s


def _commented(d: dict):
    """Plain dicts to ruamel's commented types, with short lists (spec codes, preferred forms) in flow style."""
    from ruamel.yaml.comments import CommentedMap

    out = CommentedMap()
    for k, v in d.items():
        if isinstance(v, dict):
            out[k] = _commented(v)
        elif isinstance(v, list) and all(isinstance(x, str) for x in v) and k in ("expect", "preferred", "admitted"):
            out[k] = _flow(v)
        elif isinstance(v, list):
            out[k] = [_commented(x) if isinstance(x, dict) else x for x in v]
        else:
            out[k] = v
    return out


def write_glossary(concepts: list[Concept], directory: Path) -> list[Path]:
    """One YAML file per domain, concepts sorted by id; returns the files written."""
    directory.mkdir(parents=True, exist_ok=True)
    by_domain = defaultdict(list)
    for c in concepts:
        by_domain[c.domain].append(c)
    written = []
    for domain in sorted(by_domain):
        data = _commented({"domain": domain, "concepts": []})
        data["concepts"] = [_commented(concept_to_dict(c)) for c in sorted(by_domain[domain], key=lambda c: c.id)]
        path = directory / f"{domain}.yaml"
        with open(path, "w", encoding="utf-8") as fh:
            _yaml().dump(data, fh)
        written.append(path)
    return written


def _refuse_long_lines(text: str, path: Path) -> None:
    """fmt keeps comments, so it needs ruamel's round-trip scanner, which builds a comment one character
    at a time: quadratic in a long comment line (1 MB took 21 s). No glossary line is that long."""
    from ..errors import GlossaryError

    for number, line in enumerate(text.split("\n"), 1):
        if len(line) > MAX_FMT_LINE_CHARS:
            raise GlossaryError(f"line of {len(line):,} characters: glossary fmt rewrites lines of up to "
                                f"{MAX_FMT_LINE_CHARS:,}", str(path), number)


def _reorder(cm, order):
    for key in [k for k in order if k in cm] + [k for k in list(cm) if k not in order]:
        cm.move_to_end(key)


def format_text(text: str) -> str:
    """The canonical form of one glossary file's text: key order, concepts sorted by id, comments kept."""
    y = _yaml()
    data = y.load(text)
    _reorder(data, FILE_KEYS)
    concepts = data.get("concepts") or []
    for c in concepts:
        _reorder(c, KEY_ORDER)
        if isinstance(c.get("en"), dict):
            _reorder(c["en"], EN_ORDER)
            for status in ("deprecated", "superseded", "wrong"):
                for item in c["en"].get(status) or ():
                    _reorder(item, REASONED_KEYS)
        for item in c.get("misspellings") or ():
            _reorder(item, REASONED_KEYS)
        if isinstance(c.get("names"), dict):
            _reorder(c["names"], NAME_KEYS)
        for spec in c.get("specs") or ():
            _reorder(spec, SPEC_KEYS)
    ordered = sorted(concepts, key=lambda c: str(c.get("id")))
    if [id(c) for c in ordered] != [id(c) for c in concepts]:
        for i, c in enumerate(ordered):
            concepts[i] = c
    out = io.StringIO()
    y.dump(data, out)
    return out.getvalue()


def format_file(path: Path, check: bool = False) -> bool:
    """Rewrite a glossary file canonically (unless check); True if it was not canonical."""
    from .loader import read_glossary_text

    text = read_glossary_text(path)
    _refuse_long_lines(text, path)
    new = format_text(text)
    if new != text and not check:
        path.write_text(new, encoding="utf-8")
    return new != text
