"""What the commands share: exit codes, option enums and declarations, the config they build, error output."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class Format(str, Enum):
    text = "text"
    json = "json"


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    csv = "csv"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    never = "never"


class NameStyle(str, Enum):
    dprk = "dprk"
    sk = "sk"


class RomanizationStyle(str, Enum):
    mr = "mr"
    rr = "rr"


# Option declarations used by more than one command: one definition, one help text.
GlossaryOpt = typer.Option(None, "--glossary", "-g", help="Extra glossary file or directory (YAML, CSV, TSV); "
                           "repeatable; overrides bundled concepts with the same id.")
NoBundledOpt = typer.Option(False, "--no-bundled", help="Leave the bundled glossary out.")
SelectOpt = typer.Option(None, "--select", help="Rule codes or prefixes to report.")
IgnoreOpt = typer.Option(None, "--ignore", help="Rule codes or prefixes to leave out.")
FailOnOpt = typer.Option(None, "--fail-on", help="Lowest severity that exits 1 [default: error].")
EncodingOpt = typer.Option(None, "--encoding", help="Input encoding (default: detected).")
NamesOpt = typer.Option(None, "--names", help="House style for personal names.")
RomanizationOpt = typer.Option(None, "--romanization", help="House style for romanized terms.")
ConfigOpt = typer.Option(None, "--config", help="Configuration file (default: nearest .termkit.toml or "
                         "pyproject.toml).")
SourceColOpt = typer.Option(None, "--source-col", help="TSV/CSV: the Korean column.")
TargetColOpt = typer.Option(None, "--target-col", help="TSV/CSV: the English column.")
SourceFileOpt = typer.Option(None, "--source", help="Korean plain file, line-aligned with --target.")
TargetFileOpt = typer.Option(None, "--target", help="English plain file, line-aligned with --source.")


def rule_codes(values: Optional[List[str]]) -> list[str]:
    """`--select`/`--ignore` values: comma-separated codes or prefixes, upper-cased; anything else is refused."""
    out = []
    for v in values or ():
        for code in v.split(","):
            code = code.strip().upper()
            if code:
                if not code.startswith("TK") or not code[2:].isdigit() and code != "TK":
                    raise typer.BadParameter(f"{code!r} is not a rule code or prefix (TK, TK1, TK101)")
                out.append(code)
    return out


def as_of_date(value: Optional[str]) -> Optional[str]:
    """`--as-of`: a date as YYYY, YYYY-MM or YYYY-MM-DD."""
    import re

    if value is not None and not re.fullmatch(r"[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?", value):
        raise typer.BadParameter(f"{value!r} is not a date as YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def build_config(glossary, no_bundled, select=None, ignore=None, fail_on=None, encoding=None, names=None,
                 config_path: Optional[Path] = None, romanization=None):
    """The configuration file's settings, overridden by the command line's."""
    from ..config import load_config

    cfg = load_config(explicit=config_path)
    if glossary:
        cfg.glossary = cfg.glossary + [str(g) for g in glossary]
    if no_bundled:
        cfg.bundled = False
    if select:
        cfg.select = rule_codes(select)
    if ignore:
        cfg.ignore = cfg.ignore + rule_codes(ignore)
    if fail_on:
        cfg.fail_on = fail_on.value
    if encoding:
        cfg.encoding = encoding
    if names:
        cfg.names = names.value
    if romanization:
        cfg.romanization = romanization.value
    return cfg


def error(message: str) -> None:
    typer.echo(f"termkit: error: {message}", err=True)
