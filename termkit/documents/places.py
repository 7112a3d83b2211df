"""Offset maps from a decoded text back to its raw file: the line and column of every character.

A reader that decodes (a PO string's escapes and wrapped lines, XML entities and tags left out)
builds one of these while decoding, so that a hit found in the decoded text is reported where its
characters are in the file as an editor shows it, not as an offset into the joined string.
"""
from __future__ import annotations

from bisect import bisect_right


class Places:
    """Runs of decoded text, each at one raw place: copied verbatim (one raw character per character,
    on one line) or decoded from an escape (every character at the escape, spanning its raw width)."""

    __slots__ = ("starts", "lines", "cols", "steps", "widths", "length")

    def __init__(self):
        self.starts: list[int] = []
        self.lines: list[int] = []
        self.cols: list[int] = []
        self.steps: list[int] = []  # 1: verbatim, 0: decoded (all characters at the escape)
        self.widths: list[int] = []  # raw characters one decoded character spans
        self.length = 0

    def _run(self, n: int, line: int, col: int, step: int, width: int) -> None:
        if n <= 0:
            return
        if (step and self.steps and self.steps[-1] and self.lines[-1] == line
                and self.cols[-1] + self.length - self.starts[-1] == col):
            self.length += n  # continues the last verbatim run
            return
        self.starts.append(self.length)
        self.lines.append(line)
        self.cols.append(col)
        self.steps.append(step)
        self.widths.append(width)
        self.length += n

    def verbatim(self, text: str, line: int, col: int) -> None:
        """Raw characters copied as they are, from line:col; a line break in them starts the next line."""
        start = 0
        while True:
            nl = text.find("\n", start)
            if nl < 0:
                self._run(len(text) - start, line, col, 1, 1)
                return
            self._run(nl + 1 - start, line, col, 1, 1)
            line, col, start = line + 1, 1, nl + 1

    def decoded(self, n: int, line: int, col: int, width: int) -> None:
        """n characters decoded from one escape of `width` raw characters at line:col."""
        self._run(n, line, col, 0, width)

    def barrier(self, n: int) -> None:
        """n characters that are in no file (a separator the reader puts between texts), at the last place."""
        line, col = (self.lines[-1], self.cols[-1]) if self.starts else (1, 1)
        self._run(n, line, col, 0, 1)

    def extend(self, other: "Places") -> None:
        """Append another map's runs, as its text is appended to this one's."""
        base = self.length
        self.starts.extend(s + base for s in other.starts)
        self.lines.extend(other.lines)
        self.cols.extend(other.cols)
        self.steps.extend(other.steps)
        self.widths.extend(other.widths)
        self.length += other.length

    def start(self, offset: int) -> tuple[int, int]:
        """Line and column of the character at a decoded offset."""
        i = max(bisect_right(self.starts, offset) - 1, 0)
        return self.lines[i], self.cols[i] + (offset - self.starts[i]) * self.steps[i]

    def end(self, offset: int) -> tuple[int, int]:
        """Line and column just after the raw characters of the decoded character before `offset`."""
        last = max(offset - 1, 0)
        i = max(bisect_right(self.starts, last) - 1, 0)
        return self.lines[i], self.cols[i] + (last - self.starts[i]) * self.steps[i] + self.widths[i]

    def get(self) -> "Places":
        """This map (a reader may give a lazy one instead, built on first use)."""
        return self

    def relocate(self, hits: list) -> list:
        """Hits found in the decoded text, placed in the raw file (their start/end offsets mapped)."""
        if not self.starts:
            return hits
        out = []
        for h in hits:
            line, col = self.start(h.start)
            end_line, end_col = self.end(h.end)
            out.append(h._replace(line=line, column=col, end_line=end_line, end_column=end_col))
        return out
