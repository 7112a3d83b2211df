"""Format findings for people and machines: text (colour on a TTY) and JSON, each with a signature."""
from __future__ import annotations

from typing import Iterable, TextIO

from . import __version__
from .model import Finding

_COLOURS = {"error": "\033[31m", "warning": "\033[33m"}
_RESET, _BOLD = "\033[0m", "\033[1m"


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
    ])


def write_text(findings: Iterable[Finding], out: TextIO, colour: bool = False) -> None:
    for f in findings:
        code = f"{_COLOURS.get(f.severity, '')}{f.code}{_RESET}" if colour else f.code
        where = f"{_BOLD}{f.path}{_RESET}" if colour else f.path
        concept = f" [{f.concept}]" if f.concept else ""
        out.write(f"{where}:{f.line}:{f.column}: {code} {f.message}{concept}\n")


def write_json(findings: Iterable[Finding], out: TextIO, sig: str) -> None:
    import json

    doc = {"termkit": __version__, "signature": sig, "findings": [f.to_dict() for f in findings]}
    json.dump(doc, out, ensure_ascii=False, indent=2)
    out.write("\n")


def summary(findings: list[Finding], files: int) -> str:
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    plural = lambda n, w: f"{n} {w}{'' if n == 1 else 's'}"  # noqa: E731
    return f"{plural(errors, 'error')}, {plural(warnings, 'warning')} in {plural(files, 'file')}"
