"""Blank out Markdown and HTML markup that is not prose, keeping every offset and line break."""
from __future__ import annotations

import re

_FENCE = re.compile(r"^[ ]{0,3}(```|~~~)", re.M)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_LINK_TARGET = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_REF_DEF = re.compile(r"^[ ]{0,3}\[[^\]]+\]:\s*\S+.*$", re.M)
_ENTITY = re.compile(r"&(?:[A-Za-z]+|#[0-9]+|#x[0-9A-Fa-f]+);")
SUPPRESSION = re.compile(r"termkit:\s*ignore(?:\[([A-Za-z0-9 ,]*)\])?")


def _blank(m: re.Match) -> str:
    g = m.group()
    return " " * len(g) if "\n" not in g else re.sub(r"[^\n]", " ", g)


def blank_markdown(text: str, in_fence: bool) -> tuple[str, bool]:
    """Markdown with code blocks, comments, tags, link targets and entities blanked; fence state after."""
    fences = list(_FENCE.finditer(text)) if "```" in text or "~~~" in text else []
    if fences or in_fence:
        parts = []
        pos = 0
        open_at = 0 if in_fence else None
        for m in fences:
            if open_at is None:
                open_at = m.start()
            else:
                end = text.find("\n", m.end())
                end = len(text) if end < 0 else end
                parts.append((open_at, end))
                open_at = None
            pos = m.end()
        if open_at is not None:
            parts.append((open_at, len(text)))
        chars = list(text)
        for s, e in parts:
            for i in range(s, e):
                if chars[i] != "\n":
                    chars[i] = " "
        text = "".join(chars)
        in_fence = open_at is not None
    # Each pass only where its trigger occurs: a substring test costs a fraction of a regex scan.
    if "<" in text:
        if "<!--" in text:
            text = _COMMENT.sub(_blank, text)
        text = _TAG.sub(_blank, text)
    if "](" in text:
        text = _LINK_TARGET.sub(lambda m: "]" + _blank(m)[1:], text)
    if "]:" in text:
        text = _REF_DEF.sub(_blank, text)
    if "&" in text:
        text = _ENTITY.sub(_blank, text)
    return text, in_fence


def suppressions(text: str, first_line: int) -> dict[int, frozenset[str] | None]:
    """Line → suppressed code prefixes (None: every code) for each `termkit: ignore[...]` comment."""
    out: dict[int, frozenset[str] | None] = {}
    for m in SUPPRESSION.finditer(text):
        line = first_line + text.count("\n", 0, m.start())
        codes = None if m.group(1) is None else frozenset(
            c.strip().upper() for c in m.group(1).split(",") if c.strip())
        prev = out.get(line, frozenset())
        out[line] = None if codes is None or prev is None else prev | codes
    return out
