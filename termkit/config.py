"""Configuration: [tool.termkit] in pyproject.toml or .termkit.toml, found from the working directory up."""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConfigError


SCHEMA_PATH = Path(__file__).parent / "schema" / "config.schema.json"


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
            data = _read_toml(dot)
            return dot, data.get("tool", {}).get("termkit", data)
        pyproject = d / "pyproject.toml"
        if pyproject.is_file():
            data = _read_toml(pyproject)
            if "termkit" in data.get("tool", {}):
                return pyproject, data["tool"]["termkit"]
    return None


def _read_toml(path: Path) -> dict:
    if sys.version_info >= (3, 11):  # imported here: most runs find no configuration file
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as e:
        line = getattr(e, "lineno", None)
        raise ConfigError(f"bad TOML: {getattr(e, 'msg', e)}", str(path), line) from None
    except OSError as e:
        raise ConfigError(f"cannot read: {e.strerror}", str(path)) from None


def load_config(start: Path | None = None, explicit: Path | None = None) -> Config:
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError("no such configuration file", str(explicit))
        data = _read_toml(explicit)
        found = (explicit, data.get("tool", {}).get("termkit", data))
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
