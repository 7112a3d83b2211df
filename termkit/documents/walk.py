"""Which files a run reads: named files as they are, directories walked for the suffixes termkit reads."""
from __future__ import annotations

import os
from pathlib import Path

from ..errors import InputError
from .files import regular_file
from .formats import WALKED_SUFFIXES


def iter_input_files(paths: list[str], exclude_dirs=(".git", ".venv", "node_modules", "__pycache__")):
    """Files to check: named files as they are, directories walked for known suffixes, sorted.

    CSV and TSV files are checked when named, not found by walking: a repository's other tables
    (a glossary among them) are not translations.

    A named path that is not a regular file (a FIFO, a device) is an InputError here, before anything
    opens it. One met while walking is listed like any file of its suffix, so that its reader refuses
    it as that file's error while the files beside it are still checked: never skipped in silence,
    and never a whole directory lost for it.
    """
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in exclude_dirs and not d.startswith("."))
                found.extend(Path(root) / f for f in files if Path(f).suffix.lower() in WALKED_SUFFIXES)
            yield from sorted(found)
        elif path.exists():
            regular_file(path)
            yield path
        else:
            raise InputError("no such file or directory", str(path))
