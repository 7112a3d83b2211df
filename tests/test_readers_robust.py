"""Readers under bad input: a clear error (exit 2) or a complete reading, never a traceback, a hang or a silent loss."""
from __future__ import annotations

import signal
from contextlib import contextmanager

import pytest


@contextmanager
def deadline(seconds: int):
    """Fail (instead of hanging the suite) when the block runs longer than `seconds`."""
    def expired(*_):
        raise TimeoutError(f"still running after {seconds} s: super-linear again?")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# -- 5. super-linear Markdown blanking ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    pytest.param("a <!-- b\n" * 100_000, id="100k unclosed comment openers"),
    pytest.param("<!--" * 100_000 + "-->", id="100k openers, one closer"),
    pytest.param("]: x\n" + "[label\n" * 70_000 + "]", id="480 KB of reference-definition starts"),
    pytest.param("[a]:" + " " * 200_000 + "\n\n", id="reference definition with a long blank run"),
    pytest.param("](" * 100_000, id="100k link-target openers"),
])
def test_markdown_blanking_is_linear(text):
    from termkit.documents import blank_markdown

    with deadline(20):  # linear: well under a second; the quadratic passes took minutes
        out, _ = blank_markdown(text, False)
    assert len(out) == len(text)


def test_unclosed_comment_is_left_and_closed_ones_blanked():
    from termkit.documents import blank_markdown

    text = "one <!-- x --> two <!-- y\n<!-- z --> three"
    assert blank_markdown(text, False)[0] == "one " + " " * 10 + " two " + " " * 6 + "\n" + " " * 10 + " three"
    text = "one <!-- x --> two <!-- never closed <!-- again"
    assert blank_markdown(text, False)[0] == "one " + " " * 10 + text[14:]


def test_many_suppression_comments_are_linear():
    from termkit.documents import suppressions

    text = "words <!-- termkit: ignore[TK101] -->\n" * 100_000
    with deadline(20):
        sup = suppressions(text, 1)
    assert len(sup) == 100_000 and sup[1] == sup[100_000] == frozenset({"TK101"})
