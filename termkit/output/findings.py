"""Write findings: text (colour on a TTY), JSON, SARIF 2.1.0, GitHub annotations and CSV, each with a signature."""
from __future__ import annotations

import re
from typing import Iterable, TextIO

from .._version import __version__
from ..model import Finding

_COLOURS = {"error": "\033[31m", "warning": "\033[33m"}
_RESET, _BOLD = "\033[0m", "\033[1m"
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")  # C0, DEL and C1: what a terminal may act on
_C1 = re.compile("[\x7f-\x9f]")  # the control characters JSON leaves raw


def printable(text: str) -> str:
    """Control characters as Python writes them in a literal (\\n, \\x1b): a file name or a document's
    text cannot move the cursor, colour the terminal or start a line that looks like a finding."""
    if _CONTROL.search(text) is None:  # the common case: no copy
        return text
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


def _json_safe(text: str) -> str:
    """JSON as written by the encoder, with DEL and C1 controls escaped too (it escapes only C0)."""
    if _C1.search(text) is None:
        return text
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def signature(glossary_hash: str, config) -> str:
    """Every setting behind a result, as sacrebleu signs its scores."""
    return "|".join([
        f"termkit:{__version__}",
        f"glossary:{glossary_hash[:12]}",
        f"bundled:{'yes' if config.bundled else 'no'}",
        f"select:{','.join(sorted(config.select)) or '-'}",
        f"ignore:{','.join(sorted(config.ignore)) or '-'}",
        f"names:{config.names or 'any'}",
        f"romanization:{config.romanization or 'dominant'}",
        f"fail-on:{config.fail_on}",
        # Options that change results only when set: left out at their defaults (signatures stay as they were).
        *([f"as-of:{config.as_of}"] if getattr(config, "as_of", None) else []),
        *([f"mentions:{config.mentions}"] if getattr(config, "mentions", "ignore") != "ignore" else []),
    ])


def write_text(findings: Iterable[Finding], out: TextIO, colour: bool = False) -> None:
    """`path:line:col: CODE message [concept]`, one line per finding, control characters escaped."""
    for f in findings:
        code = f"{_COLOURS.get(f.severity, '')}{f.code}{_RESET}" if colour else f.code
        path = printable(f.path)
        where = f"{_BOLD}{path}{_RESET}" if colour else path
        concept = f" [{f.concept}]" if f.concept else ""
        out.write(f"{where}:{f.line}:{f.column}: {code} {printable(f.message + concept)}\n")


def write_json(findings: Iterable[Finding], out: TextIO, sig: str) -> None:
    import json

    # One finding per line, each by the C encoder: indent=2 would use the pure-Python encoder and
    # write a large result ten times slower (and a line per finding greps and diffs well).
    encode = json.JSONEncoder(ensure_ascii=False).encode
    head = json.dumps({"termkit": __version__, "signature": sig}, ensure_ascii=False, indent=2)
    out.write(head[:-2] + ',\n  "findings": [')
    sep = "\n    "
    for f in findings:
        out.write(sep + _json_safe(encode(f.to_dict())))
        sep = ",\n    "
    out.write("\n  ]\n}\n" if sep != "\n    " else "]\n}\n")


def summary(findings: list[Finding], files: int) -> str:
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    plural = lambda n, w: f"{n} {w}{'' if n == 1 else 's'}"  # noqa: E731
    return f"{plural(errors, 'error')}, {plural(warnings, 'warning')} in {plural(files, 'file')}"


def write_csv(findings: Iterable[Finding], out: TextIO) -> None:
    import csv

    columns = ["path", "line", "column", "end_line", "end_column", "code", "severity", "message", "found",
               "concept", "ko", "suggestions", "segment", "doc", "side"]
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for f in findings:
        d = f.to_dict()
        d["suggestions"] = " | ".join(f.suggestions)
        writer.writerow(["" if d[c] is None else d[c] for c in columns])


def _gh_escape(text: str, prop: bool = False) -> str:
    """GitHub's escapes (which it decodes: a path with a newline still names its file), then the other
    control characters as in the text format."""
    text = printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def write_github(findings: Iterable[Finding], out: TextIO) -> None:
    """GitHub Actions workflow commands: one ::error or ::warning annotation per finding."""
    for f in findings:
        level = "error" if f.severity == "error" else "warning"
        props = (f"file={_gh_escape(f.path, True)},line={f.line},col={f.column},endLine={f.end_line},"
                 f"endColumn={f.end_column},title={_gh_escape(f.code, True)}")
        concept = f" [{f.concept}]" if f.concept else ""
        out.write(f"::{level} {props}::{_gh_escape(f.message + concept)}\n")


def sarif(findings: list[Finding], sig: str, rules) -> dict:
    """A SARIF 2.1.0 log: the rules with their documentation, results with regions, the signature."""
    index = {r.code: i for i, r in enumerate(rules)}
    driver = {
        "name": "termkit", "version": __version__, "semanticVersion": __version__,
        "informationUri": "https://example.invalid/termkit",
        "rules": [{
            "id": r.code, "name": r.name,
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": r.doc},
            "help": {"text": r.doc},
            "defaultConfiguration": {"level": "error" if r.severity == "error" else "warning"},
        } for r in rules],
    }
    results = []
    for f in findings:
        result = {
            "ruleId": f.code,
            "level": "error" if f.severity == "error" else "warning",
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": f.path.replace("\\", "/")},
                "region": {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line,
                           "endColumn": f.end_column, "snippet": {"text": f.found}},
            }}],
            "properties": {k: v for k, v in (("concept", f.concept), ("ko", f.ko), ("suggestions", list(f.suggestions)),
                                             ("segment", f.segment), ("doc", f.doc), ("side", f.side)) if v},
        }
        if f.code in index:
            result["ruleIndex"] = index[f.code]
        if f.suggestions:
            result["fixes"] = [{"description": {"text": f"Replace with '{f.suggestions[0]}'"},
                                "artifactChanges": [{"artifactLocation": {"uri": f.path.replace("\\", "/")},
                                                     "replacements": [{"deletedRegion": result["locations"][0][
                                                         "physicalLocation"]["region"] | {},
                                                         "insertedContent": {"text": f.suggestions[0]}}]}]}]
            result["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"].pop("snippet", None)
        results.append(result)
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": results, "columnKind": "unicodeCodePoints",
                  "properties": {"signature": sig}}],
    }


def write_sarif(findings: list[Finding], out: TextIO, sig: str, rules) -> None:
    import json

    for chunk in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(sarif(findings, sig, rules)):
        out.write(_json_safe(chunk))  # a string is one chunk, so no escape is split
    out.write("\n")


def write_findings(fmt: str, findings: list[Finding], out: TextIO, sig: str, colour: bool = False) -> None:
    """Findings in one of `check`'s formats: text, json, sarif, github or csv."""
    if fmt == "json":
        write_json(findings, out, sig)
    elif fmt == "sarif":
        from ..rules import all_rules

        write_sarif(findings, out, sig, all_rules())
    elif fmt == "github":
        write_github(findings, out)
    elif fmt == "csv":
        write_csv(findings, out)
    else:
        write_text(findings, out, colour=colour)
