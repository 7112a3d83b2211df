"""Safe auto-fix: replace a flagged wrong or deprecated rendering where exactly one replacement is right."""
from __future__ import annotations

import difflib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..documents import SAMPLE, detect_encoding as detect
from ..errors import InputError
from ..model import Finding
from ..matching import fold_key

FIXABLE = ("TK101", "TK102", "TK401")
_MARKUP = set("*_`<>[]\n\r")


@dataclass(frozen=True)
class Edit:
    start: int  # offsets in the decoded text
    end: int
    old: str
    new: str
    finding: Finding


@dataclass
class FixResult:
    edits: list[Edit] = field(default_factory=list)
    remaining: list[Finding] = field(default_factory=list)
    diff: str = ""


def _keep_case(new: str, old: str) -> str:
    """The replacement cased as the original: ALL CAPS, Sentence-initial capital, or as the glossary has it."""
    if old.isupper() and len(old) > 1:
        return new.upper()
    if old[:1].isupper() and new[:1].islower():
        return new[:1].upper() + new[1:]
    return new


def replacement(finding: Finding, matcher) -> str | None:
    """The one right replacement for a finding, or None when there is not exactly one or it is unsafe."""
    if finding.code not in FIXABLE or finding.concept not in matcher.index or finding.line != finding.end_line:
        return None
    if _MARKUP & set(finding.found):
        return None  # emphasis or tags inside the span: a person should look
    c_index = matcher.index[finding.concept]
    c = matcher.concepts[c_index]
    if finding.code == "TK401":
        forms = [s for s in finding.suggestions[:1]]
        rejected = [m.form for m in c.misspellings]
    else:
        forms = c.forms("preferred")
        rejected = [t.form for t in c.terms if t.status in ("deprecated", "superseded", "wrong")]
    if len(forms) != 1:
        return None
    # A form that is another concept's correct rendering was flagged on the strength of a gloss: the
    # gloss may be what is wrong ('false reporting (*yangsaengwon*)'), so a person decides.
    value = matcher.latin.get(fold_key(finding.found), None) if len(matcher.latin) else None
    if value is not None and any(e.kind == "en" and e.status in ("preferred", "admitted") and e.concept != c_index
                                 for e in matcher.keys[value[0]]):
        return None
    # Only the uninflected form: 'Prime Ministers' or "Prime Minister's" would need grammar, not a swap.
    if not any(fold_key(finding.found) == fold_key(r) for r in rejected):
        return None
    return _keep_case(forms[0], finding.found)


def _offsets(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def plan(text: str, findings: list[Finding], matcher) -> list[Edit]:
    """Non-overlapping edits for the fixable findings, by offset in the text."""
    lines = _offsets(text)
    edits: list[Edit] = []
    for f in sorted(findings, key=lambda f: (f.line, f.column)):
        new = replacement(f, matcher)
        if new is None or f.line > len(lines):
            continue
        start = lines[f.line - 1] + f.column - 1
        end = lines[f.end_line - 1] + f.end_column - 1
        if text[start:end] != f.found or (edits and start < edits[-1].end):
            continue  # the text is not what was checked, or two fixes would overlap
        if new != f.found:
            edits.append(Edit(start, end, f.found, new, f))
    return edits


def apply(text: str, edits: list[Edit]) -> str:
    out, last = [], 0
    for e in edits:
        out.append(text[last:e.start])
        out.append(e.new)
        last = e.end
    out.append(text[last:])
    return "".join(out)


def fix_file(checker, path: Path, write: bool = True) -> FixResult:
    """Check a file, fix what is safely fixable, write atomically (or only diff), and check again."""
    path = Path(path)
    if path.suffix.lower() not in (".txt", ".md", ".markdown", ".text"):
        return FixResult(remaining=checker.check_file(path))
    raw = path.read_bytes()
    encoding = checker.config.encoding or detect(raw[:SAMPLE], str(path))
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(f"not valid {encoding}", str(path)) from None
    bom = text.startswith("\ufeff")
    body = text[1:] if bom else text
    findings = checker.check_file(path)
    edits = plan(body, findings, checker.matcher)
    result = FixResult(edits=edits)
    if not edits:
        result.remaining = findings
        return result
    new_body = apply(body, edits)
    result.diff = "".join(difflib.unified_diff(body.splitlines(keepends=True), new_body.splitlines(keepends=True),
                                               f"a/{path}", f"b/{path}"))
    if not write:
        result.remaining = findings
        return result
    # Atomic: a temporary file beside the original, then one rename; a crash leaves the original.
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".termkit")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write((("\ufeff" if bom else "") + new_body).encode(encoding))
        os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    result.remaining = checker.check_file(path)
    return result
