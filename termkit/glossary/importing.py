"""`termkit glossary import`: read a termbase or glossary, collect its per-concept problems, write YAML files."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import GlossaryError
from ..model import Concept
from .loader import load_file
from .sources import glossary_files


@dataclass
class ImportResult:
    """Concepts read, the located problems of the concepts left out, and the YAML files written (none when
    there were problems and they were not to be skipped)."""

    concepts: list[Concept]
    problems: list[GlossaryError]
    written: list[Path]


def read_source(source: Path) -> tuple[list[Concept], list[GlossaryError]]:
    """Every importable concept of a file or directory, and one located problem per concept that is not.

    TBX problems are per concept (a termbase is often partly usable); a YAML or CSV/TSV file is
    termkit's own format and stays all or nothing (its error is raised).
    """
    from .tbx_import import read_tbx

    concepts: list[Concept] = []
    problems: list[GlossaryError] = []
    first: dict[str, str] = {}
    for f in glossary_files(source):
        if f.suffix.lower() == ".tbx":
            result = read_tbx(f)
            found, problems = result.concepts, problems + result.problems
        else:
            found = load_file(f)
        for c in found:
            if c.id in first:  # the same id in two files of a directory
                path, _, line = c.origin.rpartition(":")
                problems.append(GlossaryError(f"duplicate concept id {c.id!r} (first at {first[c.id]})", path,
                                              int(line) if line.isdigit() else None))
                continue
            first[c.id] = c.origin
            concepts.append(c)
    return concepts, problems


def import_glossary(source: Path, output: Path, skip_invalid: bool = False) -> ImportResult:
    """Convert a glossary source into YAML files in output (one per domain).

    With problems and without skip_invalid, or with nothing left to import, nothing is written (the
    caller lists the problems, each at its file:line); with skip_invalid the rest is written.
    """
    from .yamlio import write_glossary

    concepts, problems = read_source(source)
    if problems and (not skip_invalid or not concepts):
        return ImportResult(concepts, problems, [])
    if not concepts:
        raise GlossaryError("no concepts to import", str(source))
    return ImportResult(concepts, problems, write_glossary(concepts, output))
