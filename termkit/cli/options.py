"""What the commands share: exit codes, option enums and declarations, the config they build, error output."""
from __future__ import annotations

import os
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130


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
GlossaryOpt = typer.Option(None, "--glossary", "-g", help="Extra glossary file or directory (YAML, CSV, TSV, TBX); "
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
    from ..errors import ConfigError

    cfg = load_config(explicit=config_path)
    if not cfg.select and not select:
        raise ConfigError('select = [] selects no rule: name codes or prefixes (["TK"] for every rule)', cfg.source)
    if glossary:
        cfg.glossary = cfg.glossary + [str(g) for g in glossary]
    if no_bundled:
        cfg.bundled = False
    if select:
        cfg.select = rule_codes(select)
        if not cfg.select:  # `--select ""` would otherwise turn every rule off and report every file clean
            raise typer.BadParameter("--select needs a rule code or prefix (TK for every rule)")
    if ignore:
        cfg.ignore = cfg.ignore + rule_codes(ignore)
    if fail_on:
        cfg.fail_on = fail_on.value
    if encoding:
        from ..documents import text_encoding

        text_encoding(encoding)  # an unknown or non-text codec is one error up front, not one per file
        cfg.encoding = encoding
    if names:
        cfg.names = names.value
    if romanization:
        cfg.romanization = romanization.value
    return cfg


def writable(path: Path, directory: bool = False) -> Path:
    """Refuse an output that cannot be written before the work that fills it (a report can take
    minutes): a directory where a file goes, a file where a directory goes, a missing or read-only
    parent. A directory output may not exist yet: it is created with its parents."""
    from ..errors import TermkitError

    if directory:
        if path.exists() and not path.is_dir():
            raise TermkitError("cannot write here: not a directory", str(path))
        parent = path
        while not parent.exists() and parent != parent.parent:
            parent = parent.parent
    else:
        if path.is_dir():
            raise TermkitError("cannot write here: is a directory", str(path))
        parent = path.parent
    if not parent.is_dir():
        problem = "is not a directory" if parent.exists() else "does not exist"
        raise TermkitError(f"cannot write here: {parent} {problem}", str(path))
    if not os.access(parent, os.W_OK):
        raise TermkitError(f"cannot write here: {parent} is not writable", str(path))
    return path


@contextmanager
def writing(path: Path):
    """An OSError while writing an output, as an error naming that output (a full disk says no file)."""
    from ..errors import TermkitError

    try:
        yield
    except OSError as e:
        raise TermkitError(f"cannot write: {e.strerror or e}", str(e.filename or path)) from None


def require_rules(cfg) -> None:
    """A selection that leaves no rule to run (`--ignore TK`, `--select TK9`) would report every file
    clean without checking it: a configuration error instead."""
    from ..errors import ConfigError
    from ..rules import all_rules

    if not any(cfg.selects(r.code) for r in all_rules()):
        raise ConfigError(f"select [{', '.join(cfg.select)}] with ignore [{', '.join(cfg.ignore)}] leaves no rule "
                          "to run (see 'termkit rule')")


def error(message: str) -> None:
    """One line on stderr; control characters in it (a file name's newline or ESC) are shown escaped."""
    from ..output import printable

    try:
        typer.echo(f"termkit: error: {printable(message)}", err=True)
    except OSError:  # stderr itself cannot be written: the exit code is all that is left
        pass
