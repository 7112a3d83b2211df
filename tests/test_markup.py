"""Markdown blanking: patterns tried only where their first character is found, same result as plain scans."""
import re

from hypothesis import given, settings, strategies as st

from termkit.documents import markup as M


def _scanned(text: str, in_fence: bool = False) -> str:
    """The reference: every construct found by a plain regex pass over the whole text, in order."""
    blank = lambda m: re.sub(r"[^\n]", " ", m.group())  # noqa: E731
    fences = list(M._FENCE.finditer(text))
    chars, open_at = list(text), 0 if in_fence else None
    parts = []
    for m in fences:
        if open_at is None:
            open_at = m.start()
        else:
            end = text.find("\n", m.end())
            parts.append((open_at, len(text) if end < 0 else end))
            open_at = None
    if open_at is not None:
        parts.append((open_at, len(text)))
    for s, e in parts:
        for i in range(s, e):
            if chars[i] != "\n":
                chars[i] = " "
    text = "".join(chars)
    text = M._COMMENT.sub(blank, text)
    text = M._TAG.sub(blank, text)
    text = M._LINK_TARGET.sub(lambda m: "]" + blank(m)[1:], text)
    text = M._REF_DEF.sub(blank, text)
    return M._ENTITY.sub(blank, text)


PIECES = ["<", ">", "<!--", "-->", "<sup>", "</sup>", "&amp;", "&#12;", "&", ";", "a", " ", "\n", "](x)",
          "[a]: u", "<a href='x'>", "```", "~~~", "`", "~", "]", "(", "word"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=20).map("".join), st.booleans())
def test_blank_markdown_equals_plain_regex_passes(text, in_fence):
    assert M.blank_markdown(text, in_fence)[0] == _scanned(text, in_fence)


def test_blank_markdown_keeps_offsets_and_prose():
    text = "A term<sup>12</sup> and *italic* [link](http://x.org) &amp; more.\n```\ncode here\n```\nAfter."
    out, in_fence = M.blank_markdown(text, False)
    assert len(out) == len(text) and not in_fence
    assert out.split() == ["A", "term", "12", "and", "*italic*", "[link]", "more.", "After."]
