"""Blank out Markdown and HTML markup that is not prose, keeping every offset and line break."""
from __future__ import annotations

import re

from ..matching import find_chars

_FENCE = re.compile(r"^[ ]{0,3}(```|~~~)", re.M)
# What a comment is; blank_markdown finds them with _comments, which gives the same spans in linear
# time (this pattern re-scans the rest of the text from every unclosed opener).
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
# Linear by construction: each unbounded run stops at the character the next try begins with (']'),
# or at the end of its line, so no two tries scan the same text. (A target or label holding ']' or
# spanning lines is left unblanked: its words are then checked as prose.)
_LINK_TARGET = re.compile(r"\]\([^)\s\]]*(?:\s+\"[^\"]*\")?\)")
_REF_DEF = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*(?:\n[ \t]*)?\S.*$", re.M)
_ENTITY = re.compile(r"&(?:[A-Za-z]+|#[0-9]+|#x[0-9A-Fa-f]+);")
SUPPRESSION = re.compile(r"termkit:\s*ignore(?:\[([A-Za-z0-9 ,]*)\])?")


def _blank(m: re.Match) -> str:
    g = m.group()
    return " " * len(g) if "\n" not in g else re.sub(r"[^\n]", " ", g)


def blank_markdown(text: str, in_fence: bool) -> tuple[str, bool]:
    """Markdown with code blocks, comments, tags, link targets and entities blanked; fence state after.

    One find_chars scan finds every character a construct begins with; each pattern is then tried
    only there, or its pass skipped when nothing can begin it (substring tests and regex scans of a
    long text cost about a millisecond a megabyte each). The passes run in a fixed order (fences,
    comments, tags, link targets, reference definitions, entities) and blanking keeps every offset,
    so the positions found stay valid from pass to pass.
    """
    at: dict[str, list[int]] = {}
    for _, p, _ in find_chars(text, "`~<]&"):
        at.setdefault(text[p], []).append(p)
    has = lambda start, mark: any(text.startswith(mark, p) for p in at.get(start, ()))  # noqa: E731
    fences = _fences(text, at) if has("`", "```") or has("~", "~~~") else []
    if fences or in_fence:
        parts = []
        open_at = 0 if in_fence else None
        for start, fence_end in fences:
            if open_at is None:
                open_at = start
            else:
                end = text.find("\n", fence_end)
                end = len(text) if end < 0 else end
                parts.append((open_at, end))
                open_at = None
        if open_at is not None:
            parts.append((open_at, len(text)))
        text = _blank_spans(text, parts)
        in_fence = open_at is not None
    if has("<", "<!--"):
        text = _blank_spans(text, _comments(text))
    text = _blank_spans(text, _matches(text, _TAG, at.get("<", ())))
    if has("]", "]("):
        opens = [p for p in at["]"] if text.startswith("](", p)]  # a regex scan would visit every character
        text = _blank_spans(text, [(s + 1, e) for s, e in _matches(text, _LINK_TARGET, opens)])
    if has("]", "]:"):
        text = _REF_DEF.sub(_blank, text)
    text = _blank_spans(text, _matches(text, _ENTITY, at.get("&", ())))
    return text, in_fence


def _fences(text: str, at: dict[str, list[int]]) -> list[tuple[int, int]]:
    """The spans _FENCE finds (a line's start, up to three spaces, ``` or ~~~), from the marks' positions.

    A regex scan with re.M visits every character; the backticks and tildes are already found.
    """
    out = []
    for p in sorted(at.get("`", []) + at.get("~", [])):
        if not (text.startswith("```", p) or text.startswith("~~~", p)):
            continue
        line_start = text.rfind("\n", 0, p) + 1
        if p - line_start <= 3 and text[line_start:p] == " " * (p - line_start):
            out.append((line_start, p + 3))
    return out


def _comments(text: str) -> list[tuple[int, int]]:
    """Spans of HTML comments `<!-- ... -->`, as _COMMENT finds them.

    One search for each closer, from the opener it closes: when none is left, no later opener can be
    closed either, so an unclosed `<!--` costs one scan of the rest, not one per opener.
    """
    spans = []
    start = text.find("<!--")
    while start >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break
        spans.append((start, end + 3))
        start = text.find("<!--", end + 3)
    return spans


def _matches(text: str, pattern: re.Pattern, positions) -> list[tuple[int, int]]:
    """Spans of pattern matched at the positions given (in order), none inside another."""
    spans, covered = [], 0
    for p in positions:
        if p >= covered and (m := pattern.match(text, p)):
            spans.append(m.span())
            covered = m.end()
    return spans


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """text with each span's characters (but line breaks) replaced by spaces."""
    if not spans:
        return text
    pieces, last = [], 0
    for s, e in spans:
        pieces.append(text[last:s])
        piece = text[s:e]
        pieces.append(" " * len(piece) if "\n" not in piece else re.sub(r"[^\n]", " ", piece))
        last = e
    pieces.append(text[last:])
    return "".join(pieces)


def suppressions(text: str, first_line: int) -> dict[int, frozenset[str] | None]:
    """Line → suppressed code prefixes (None: every code) for each `termkit: ignore[...]` comment."""
    out: dict[int, frozenset[str] | None] = {}
    if "termkit:" not in text:  # a substring test at memory speed; most texts have no suppression
        return out
    line, counted = first_line, 0
    for m in SUPPRESSION.finditer(text):
        line += text.count("\n", counted, m.start())  # from the last match on: linear in the text
        counted = m.start()
        codes = None if m.group(1) is None else frozenset(
            c.strip().upper() for c in m.group(1).split(",") if c.strip())
        prev = out.get(line, frozenset())
        out[line] = None if codes is None or prev is None else prev | codes
    return out
