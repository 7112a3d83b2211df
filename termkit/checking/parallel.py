"""Check many files in several processes; every worker holds one Checker, results come back in file order."""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import TermkitError

# Below this much input, starting processes costs more than it saves (a pre-commit run, a few pages).
AUTO_MIN_BYTES = 4_000_000
_WORKER = None  # the Checker of a worker process


def cpus() -> int:
    """Cores this process may run on (a container's limit, not the machine's count)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def cap_jobs(jobs: int, items: int) -> int:
    """Processes worth starting: no more than there are items to share out, nor than 8 per core (a
    mistyped `--jobs 99999999999999999999` must not try to fork that many)."""
    return max(1, min(jobs, items, 8 * cpus()))


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


def _start_worker(initializer: Callable | None, initargs: tuple) -> None:
    """Every worker leaves Ctrl-C to the parent, which stops the pool: one message, not a traceback
    from each process. SIGINT is blocked from before the fork (see `in_processes`) until it is ignored."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    if initializer is not None:
        initializer(*initargs)


@contextmanager
def _sigint_blocked():
    """Ctrl-C held back while workers are forked: a child must not get it before it ignores it; the
    parent gets it when the block ends."""
    import signal

    if not hasattr(signal, "pthread_sigmask"):  # Windows: no fork, nothing to hold back
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _terminate(pool) -> None:
    """Stop a pool now: pending work cancelled, running workers killed (shutdown alone would wait for
    every chunk already queued, which after Ctrl-C can be minutes)."""
    workers = list((getattr(pool, "_processes", None) or {}).values())  # private, but stable since 3.2
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    for w in workers:
        w.terminate()
    for w in workers:
        w.join(5)
    # The pool's manager thread closes its wake-up pipe when it sees the workers gone. Wait for it:
    # the interpreter's exit hook for process pools writes to that pipe, and if the thread closes it
    # at the same moment the hook prints "Exception ignored ... Bad file descriptor" (seen in CI).
    if manager is not None:
        manager.join(5)


def in_processes(func: Callable, chunks: Iterable, jobs: int, initializer: Callable | None = None,
                 initargs: tuple = (), fork: bool = False) -> Iterator:
    """func over every chunk in `jobs` worker processes, results in order of the chunks.

    Ctrl-C, an error or a caller that stops early ends the pool at once and quietly; fork=True
    starts workers by forking where the platform can (they inherit this process's memory).
    """
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    context = mp.get_context("fork") if fork and "fork" in mp.get_all_start_methods() else None
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=(initializer, initargs))
    try:
        with _sigint_blocked():  # the workers are forked by the first submissions
            results = pool.map(func, chunks)
        yield from results
    except BaseException:
        _terminate(pool)
        raise
    pool.shutdown()


def _work(chunk: list[tuple[int, Path]]) -> list[tuple[int, list, TermkitError | None]]:
    return [(i, *_check_one(_WORKER, path)) for i, path in chunk]


def check_files(checker, files: list[Path], jobs: int = 1) -> Iterator[tuple[Path, list, TermkitError | None]]:
    """(file, findings, error) for every file, in the order given, checked in `jobs` processes.

    Where the platform forks (Linux), workers inherit the compiled glossary from this process;
    elsewhere each builds its Checker from the configuration (from the matcher cache).
    """
    global _WORKER
    jobs = cap_jobs(jobs, len(files))
    if jobs <= 1:
        for f in files:
            yield (f, *_check_one(checker, f))
        return
    import multiprocessing as mp

    size = max(1, min(16, -(-len(files) // (jobs * 8))))  # small chunks: balanced load, little IPC
    chunks = [[(i, files[i]) for i in range(k, min(k + size, len(files)))] for k in range(0, len(files), size)]
    fork = "fork" in mp.get_all_start_methods()
    if fork:
        checker.matcher._latin_scanner()  # built once here and inherited, not once in every worker
        _WORKER = checker
    try:
        for results in in_processes(_work, chunks, jobs, None if fork else _init_worker, (checker.config,), fork):
            for i, findings, error in results:
                yield files[i], findings, error
    finally:
        _WORKER = None
