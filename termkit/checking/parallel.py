"""Check many files in several processes; every worker holds one Checker, results come back in file order."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

from ..errors import TermkitError

# Below this much input, starting processes costs more than it saves (a pre-commit run, a few pages).
AUTO_MIN_BYTES = 4_000_000
_WORKER = None  # the Checker of a worker process


def cpus() -> int:
    """Cores this process may run on (a container's limit, not the machine's count)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def auto_jobs(files: list[Path]) -> int:
    """Processes to use when none are asked for: every core for a large input, one for a small one."""
    n = min(cpus(), len(files))
    if n < 2:
        return 1
    total = 0
    for f in files:
        try:
            total += f.stat().st_size
        except OSError:
            continue  # the check itself reports the file
        if total >= AUTO_MIN_BYTES:
            return n
    return 1


def _check_one(checker, path: Path) -> tuple[list, TermkitError | None]:
    try:
        return checker.check_file(path), None
    except TermkitError as e:  # reported with the others; the remaining files are still checked
        return [], e


def _init_worker(config) -> None:
    global _WORKER
    from .checker import Checker

    _WORKER = Checker(config)


def _work(chunk: list[tuple[int, Path]]) -> list[tuple[int, list, TermkitError | None]]:
    return [(i, *_check_one(_WORKER, path)) for i, path in chunk]


def check_files(checker, files: list[Path], jobs: int = 1) -> Iterator[tuple[Path, list, TermkitError | None]]:
    """(file, findings, error) for every file, in the order given, checked in `jobs` processes.

    Where the platform forks (Linux), workers inherit the compiled glossary from this process;
    elsewhere each builds its Checker from the configuration (from the matcher cache).
    """
    global _WORKER
    if jobs <= 1 or len(files) < 2:
        for f in files:
            yield (f, *_check_one(checker, f))
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    size = max(1, min(16, -(-len(files) // (jobs * 8))))  # small chunks: balanced load, little IPC
    chunks = [[(i, files[i]) for i in range(k, min(k + size, len(files)))] for k in range(0, len(files), size)]
    if "fork" in mp.get_all_start_methods():
        checker.matcher._latin_scanner()  # built once here and inherited, not once in every worker
        _WORKER = checker
        pool = ProcessPoolExecutor(jobs, mp_context=mp.get_context("fork"))
    else:
        pool = ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(checker.config,))
    try:
        with pool:
            for results in pool.map(_work, chunks):
                for i, findings, error in results:
                    yield files[i], findings, error
    finally:
        _WORKER = None
