"""Safe auto-fix: replace a flagged wrong or deprecated rendering where exactly one replacement is right."""
from __future__ import annotations

import codecs
import difflib
import errno
import os
import stat
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..documents import SAMPLE, detect_encoding as detect, given_encoding
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
    # Edits left out, each with its place: the text there is not what was checked, or the file's
    # encoding cannot hold the replacement. The file's other edits are made.
    errors: list[InputError] = field(default_factory=list)


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
    if value is not None and matcher.approved_owners(value[0]) - {c_index}:
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


def plan(text: str, findings: list[Finding], matcher, path: str = "",
         errors: list[InputError] | None = None) -> list[Edit]:
    """Non-overlapping edits for the fixable findings, by offset in the text.

    An edit is made only where the text at the finding's line:column…end is exactly what was found
    (a term never begins or ends with a space); anything else is left as it is and, given a list,
    reported in `errors`: a shifted span would replace the characters beside the term.
    """
    lines = _offsets(text)
    edits: list[Edit] = []
    for f in sorted(findings, key=lambda f: (f.line, f.column)):
        new = replacement(f, matcher)
        if new is None:
            continue
        start = lines[f.line - 1] + f.column - 1 if 0 < f.line <= len(lines) else -1
        end = lines[f.end_line - 1] + f.end_column - 1 if 0 < f.end_line <= len(lines) else -1
        if start < 0 or end < start or text[start:end] != f.found or f.found != f.found.strip():
            if errors is not None:
                errors.append(InputError(f"not fixed: the text here is not {f.found!r} as checked", path,
                                         f.line, f.column))
            continue
        if edits and start < edits[-1].end:
            continue  # two fixes would overlap
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


def _encodable(edits: list[Edit], codec: str, path: str, errors: list[InputError]) -> list[Edit]:
    """The edits whose replacement the file's encoding can hold; the others reported (a Latin-1 or
    CP949 file cannot hold 'ŏ')."""
    keep = []
    for e in edits:
        try:
            e.new.encode(codec)
        except UnicodeEncodeError as x:
            errors.append(InputError(f"not fixed: {e.new!r} needs {x.object[x.start]!r}, which the file's "
                                     f"encoding ({codec}) cannot hold", path, e.finding.line, e.finding.column))
        else:
            keep.append(e)
    return keep


# Byte-order marks, UTF-32 before UTF-16 (the UTF-32-LE mark begins with the UTF-16-LE one), with the
# codec that reads what follows: the mark is kept as bytes, so UTF-16BE stays UTF-16BE.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def _codec(raw: bytes, encoding: str, path: str) -> tuple[bytes, str]:
    """(the byte-order mark, a codec that reads what follows it) for a file's bytes in an encoding."""
    try:
        name = codecs.lookup(encoding).name.removesuffix("-sig")
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", path) from None
    for mark, codec in _BOMS:
        if raw.startswith(mark) and name in (codec, codec.rsplit("-", 1)[0]):
            return mark, codec
    if name in ("utf-16", "utf-32"):  # no mark: Python reads the machine's byte order
        return b"", f"{name}-{'le' if sys.byteorder == 'little' else 'be'}"
    return b"", name if name.startswith("utf-") else encoding


def _target(path: Path) -> tuple[str, os.stat_result]:
    """The regular file a path names, through symbolic links, and its status."""
    target = os.path.realpath(path)
    try:
        st = os.stat(target)
    except OSError as e:
        if os.path.islink(path):
            raise InputError(f"dangling symbolic link (to {os.readlink(path)!r}: {e.strerror}): not fixed",
                             str(path)) from None
        raise InputError(f"cannot read: {e.strerror}", str(path)) from None
    if not stat.S_ISREG(st.st_mode):
        raise InputError("not a regular file: not fixed", str(path))
    return target, st


def fix_file(checker, path: Path, write: bool = True) -> FixResult:
    """Check a file, fix what is safely fixable, write it back keeping everything else (or only diff),
    and check again."""
    path = Path(path)
    if path.suffix.lower() not in (".txt", ".md", ".markdown", ".text"):
        return FixResult(remaining=checker.check_file(path))
    target, st = _target(path)
    try:
        with open(target, "rb") as fh:
            raw = fh.read()
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror}", str(path)) from None
    given = checker.config.encoding and given_encoding(checker.config.encoding, raw[:SAMPLE], path)  # not 'rot13'
    bom, codec = _codec(raw, given or detect(raw[:SAMPLE], str(path)), str(path))
    try:
        text = raw[len(bom):].decode(codec)
    except UnicodeError:
        raise InputError(f"not valid {codec}", str(path)) from None
    # The reader drops leading U+FEFF characters, so offsets count from after them; they stay as they are.
    lead = len(text) - len(text.lstrip("\ufeff"))
    body = text[lead:]
    findings = checker.check_file(path)
    result = FixResult()
    edits = plan(body, findings, checker.matcher, str(path), result.errors)
    result.edits = edits = _encodable(edits, codec, str(path), result.errors)
    result.remaining = findings
    if not edits:
        return result
    new_body = apply(body, edits)
    result.diff = "".join(difflib.unified_diff(body.splitlines(keepends=True), new_body.splitlines(keepends=True),
                                               f"a/{path}", f"b/{path}"))
    if not write:
        return result
    if bom + text.encode(codec) != raw:  # the rewrite would change bytes outside the edits
        raise InputError(f"not fixed: its bytes do not read back the same in {codec}", str(path))
    _write(path, target, st, raw, bom + (text[:lead] + new_body).encode(codec))
    result.remaining = checker.check_file(path)
    return result


# -- writing -----------------------------------------------------------------------------------


class _KeepInPlace(Exception):
    """A new file could not carry the old one's owner or extended attributes."""


def _write(path: Path, target: str, st: os.stat_result, old: bytes, data: bytes) -> None:
    """Write data over target, keeping its links, owner, mode and extended attributes.

    A temporary file beside it, then one rename: a crash leaves the old file or the new one. A file
    with other hard links, or whose owner or attributes a new file cannot take, is written in place
    instead, after a copy of the old bytes is saved beside it (a crash there leaves that copy).
    """
    if not st.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise InputError("read-only file: not fixed", str(path))
    now = os.stat(target)
    if (now.st_ino, now.st_size, now.st_mtime_ns) != (st.st_ino, st.st_size, st.st_mtime_ns):
        raise InputError("the file changed while it was being fixed: not fixed", str(path))
    if st.st_nlink > 1:
        _write_in_place(path, target, old, data)
        return
    try:
        _replace(path, target, st, data)
    except _KeepInPlace:
        _write_in_place(path, target, old, data)


def _temp_beside(path: Path, target: str, suffix: str) -> tuple[int, str]:
    folder = os.path.dirname(target)
    try:
        return tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(target)}.", suffix=suffix)
    except OSError as e:
        raise InputError(f"cannot create a temporary file in {folder}: {e.strerror}; not fixed", str(path)) from None


def _replace(path: Path, target: str, st: os.stat_result, data: bytes) -> None:
    fd, tmp = _temp_beside(path, target, ".termkit")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            _copy_metadata(fh.fileno(), target, st)
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException as e:
        _unlink(tmp)
        if isinstance(e, OSError):  # a full disk, say: the old file is untouched
            raise InputError(f"cannot write: {e.strerror}; not fixed", str(path)) from None
        raise
    _fsync_dir(os.path.dirname(target))


def _copy_metadata(fd: int, target: str, st: os.stat_result) -> None:
    """Owner and group, then mode (a change of owner clears set-id bits), then extended attributes."""
    if hasattr(os, "fchown") and (st.st_uid, st.st_gid) != (os.getuid(), os.getgid()):
        try:
            os.fchown(fd, st.st_uid, st.st_gid)
        except OSError:
            raise _KeepInPlace from None
    os.fchmod(fd, stat.S_IMODE(st.st_mode))
    if not hasattr(os, "listxattr"):  # Linux only
        return
    try:
        names = os.listxattr(target)
    except OSError as e:
        if e.errno in (errno.ENOTSUP, errno.ENOSYS):
            return
        raise _KeepInPlace from None
    for name in names:
        try:
            os.setxattr(fd, name, os.getxattr(target, name))
        except OSError:
            raise _KeepInPlace from None


def _write_in_place(path: Path, target: str, old: bytes, data: bytes) -> None:
    """Overwrite the file itself (its inode keeps links, owner and attributes), the old bytes saved first."""
    fd, backup = _temp_beside(path, target, ".termkit-backup")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(old)
            fh.flush()
            os.fsync(fh.fileno())
        same = _same_prefix(old, data)  # bytes before the first edit stay as they are on disk
        with open(target, "r+b") as fh:
            fh.seek(same)
            fh.write(data[same:])
            fh.truncate()
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as e:
        raise InputError(f"cannot write: {e.strerror}; the old text is saved in {backup}", str(path)) from None
    _unlink(backup)


def _same_prefix(a: bytes, b: bytes) -> int:
    """The length of a and b's common prefix, by bisection over slice comparisons (memcmp, not a loop)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _unlink(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass


def _fsync_dir(folder: str) -> None:
    """Make the rename itself durable, where the system allows a directory to be synced."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
