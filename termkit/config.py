"""Configuration: [tool.termkit] in pyproject.toml or .termkit.toml, found from the working directory up."""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConfigError


SCHEMA_PATH = Path(__file__).parent / "schema" / "config.schema.json"
MAX_CONFIG_BYTES = 10 * 1024 * 1024  # pyproject.toml files are kilobytes


@dataclass
class Config:
    select: list[str] = field(default_factory=lambda: ["TK"])
    ignore: list[str] = field(default_factory=list)
    fail_on: str = "error"
    glossary: list[str] = field(default_factory=list)
    bundled: bool = True
    names: str | None = None
    romanization: str | None = None
    as_of: str | None = None  # the date documents are checked as of (YYYY[-MM[-DD]]), unless one states its own
    mentions: str = "ignore"  # forms mentioned, not used ('translated as "X"'): ignore | report
    encoding: str | None = None
    exclude: list[str] = field(default_factory=list)
    source_col: str | None = None  # tabular files: column names (default: detected)
    target_col: str | None = None
    doc_col: str | None = None
    source: str | None = None  # the file this came from

    def selects(self, code: str) -> bool:
        """Longest matching prefix wins, as in ruff: --select TK1 --ignore TK102 keeps TK101."""
        sel = max((len(p) for p in self.select if code.startswith(p)), default=-1)
        ign = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        return sel >= 0 and sel > ign


def find_config(start: Path) -> tuple[Path, dict] | None:
    """The nearest .termkit.toml, or pyproject.toml with a [tool.termkit] table, from start upwards."""
    for d in [start, *start.parents]:
        dot = d / ".termkit.toml"
        if dot.is_file():
            return dot, _termkit_table(_read_toml(dot), dot)
        pyproject = d / "pyproject.toml"
        if pyproject.is_file():
            table = _pyproject_table(pyproject)
            if table is not None:
                return pyproject, table
    return None


def _termkit_table(data: dict, path: Path) -> dict:
    """termkit's settings in a file that is termkit's own: [tool.termkit] if present, else the whole file."""
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError("'tool' must be a table ([tool.termkit])", str(path))
    table = tool.get("termkit", data)
    if not isinstance(table, dict):
        raise ConfigError("'tool.termkit' must be a table ([tool.termkit])", str(path))
    return table


def _pyproject_table(path: Path) -> dict | None:
    """The [tool.termkit] table of a pyproject.toml, or None if it has none.

    A pyproject.toml that cannot be read or parsed stops the run only if it mentions termkit (a
    broken [tool.termkit] must not be ignored silently); otherwise it belongs to some other project
    above the working directory, and checking a document is no reason to judge it. Likewise a
    `tool` key that is not a table holds no termkit settings.
    """
    try:
        data = _read_toml(path)
    except ConfigError:
        if _mentions_termkit(path):
            raise
        return None
    tool = data.get("tool")
    if not isinstance(tool, dict) or "termkit" not in tool:
        return None
    if not isinstance(tool["termkit"], dict):
        raise ConfigError("'tool.termkit' must be a table ([tool.termkit])", str(path))
    return tool["termkit"]


def _mentions_termkit(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return b"termkit" in fh.read(MAX_CONFIG_BYTES + 1)
    except OSError:
        return False


def _read_toml(path: Path) -> dict:
    if sys.version_info >= (3, 11):  # imported here: most runs find no configuration file
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_CONFIG_BYTES + 1)
        if len(raw) > MAX_CONFIG_BYTES:
            raise ConfigError(f"larger than {MAX_CONFIG_BYTES:,} bytes: not a configuration file", str(path))
        return tomllib.loads(raw.decode("utf-8"))
    except tomllib.TOMLDecodeError as e:
        line = getattr(e, "lineno", None)
        raise ConfigError(f"bad TOML: {getattr(e, 'msg', e)}", str(path), line) from None
    except UnicodeDecodeError as e:
        raise ConfigError(f"not UTF-8 (byte {e.start})", str(path)) from None
    except RecursionError:
        raise ConfigError("bad TOML: nested too deeply", str(path)) from None
    except OSError as e:
        raise ConfigError(f"cannot read: {e.strerror}", str(path)) from None


def load_config(start: Path | None = None, explicit: Path | None = None) -> Config:
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError("no such configuration file", str(explicit))
        found = (explicit, _termkit_table(_read_toml(explicit), explicit))
    else:
        found = find_config((start or Path.cwd()).resolve())
    if not found:
        return Config()
    path, data = found
    import jsonschema  # only when there is a configuration to validate

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(data), key=lambda e: list(map(str, e.path)))
    if errors:
        e = errors[0]
        where = ".".join(str(p) for p in e.absolute_path) or "[tool.termkit]"
        raise ConfigError(f"invalid setting {where}: {e.message}", str(path))
    base = path.parent
    return Config(
        select=[s.upper() for s in data.get("select", ["TK"])],
        ignore=[s.upper() for s in data.get("ignore", [])],
        fail_on=data.get("fail-on", "error"),
        glossary=[str((base / g)) for g in data.get("glossary", [])],
        bundled=data.get("bundled", True),
        names=data.get("names"),
        romanization=data.get("romanization"),
        as_of=str(data["as-of"]) if data.get("as-of") is not None else None,
        mentions=data.get("mentions", "ignore"),
        encoding=data.get("encoding"),
        exclude=list(data.get("exclude", [])),
        source=str(path),
    )
