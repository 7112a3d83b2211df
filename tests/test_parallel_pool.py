"""The worker pool ends cleanly when its consumer is interrupted: workers gone, manager thread done."""
from __future__ import annotations

import time
from concurrent.futures import process as futures_process

import pytest

from termkit.checking.parallel import in_processes


def _slow_square(n: int) -> int:
    time.sleep(0.2)
    return n * n


def test_interrupted_pool_leaves_no_open_wakeup_pipe_for_the_exit_hook():
    """After an interrupt, the pool's manager thread must have finished (and closed its wake-up pipe)
    before control returns: otherwise the interpreter's exit hook may write to a pipe being closed
    and print "Exception ignored ... Bad file descriptor" after termkit's one-line message."""
    results = in_processes(_slow_square, range(40), 2, fork=True)
    assert next(results) == 0
    with pytest.raises(KeyboardInterrupt):
        results.throw(KeyboardInterrupt)
    running = [t for t, wakeup in list(futures_process._threads_wakeups.items())
               if t.is_alive() or not wakeup._closed]
    assert running == []


def test_a_pool_run_to_the_end_gives_every_result_in_order():
    assert list(in_processes(_slow_square, range(6), 2, fork=True)) == [n * n for n in range(6)]
