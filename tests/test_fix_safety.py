"""`--fix` edits only verified spans and keeps the file: links, owner, mode, xattrs, encoding, BOM, bytes."""
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from termkit.checking.fix import fix_file, plan
from termkit.documents import blank_markdown
from termkit.errors import InputError
from conftest import FIXTURE_GLOSSARY, run_cli
from test_offsets import CLUSTERS, DOCUMENTS, FRAGMENTS, ISSUE_PREFIX, raw_slice

BEFORE = "The subjectivization of industry.\n"
AFTER = "The Juche orientation of industry.\n"
FIXABLE = ("TK101", "TK102", "TK401")
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def mini_cli(*args):
    return run_cli("check", "-g", FIXTURE_GLOSSARY, "--no-bundled", *args)


@pytest.fixture
def cp949_checker():
    from termkit.checking.checker import Checker
    from termkit.config import Config

    return lambda encoding=None: Checker(Config(glossary=[str(FIXTURE_GLOSSARY)], bundled=False, encoding=encoding))


def no_temp_files(folder: Path) -> bool:
    return not [p for p in os.listdir(folder) if ".termkit" in p]


# -- item 1: the edit lands on the term, not beside it ------------------------------------------

def test_fix_keeps_the_characters_beside_the_term(mini, tmp_path):
    f = tmp_path / "t.md"
    f.write_text(ISSUE_PREFIX + " " + BEFORE, encoding="utf-8")
    result = fix_file(mini, f)
    assert len(result.edits) == 1 and not result.errors
    assert f.read_text(encoding="utf-8") == ISSUE_PREFIX + " " + AFTER


def test_an_edit_whose_text_is_not_what_was_found_is_skipped_and_reported(mini):
    text = "x" + BEFORE
    [good] = mini.check_text(text)
    shifted = good._replace(column=good.column - 1, found=" " + good.found)  # a span one to the left
    edited = text.replace("subjectivization", "subjectivisation")  # the file changed since the check
    for bad, now in ((shifted, text), (good, edited)):
        errors = []
        assert plan(now, [bad], mini.matcher, "t.md", errors) == []
        [e] = errors
        assert isinstance(e, InputError) and e.path == "t.md" and e.line == 1 and "not fixed" in e.message
    assert [e.new for e in plan(text, [good], mini.matcher)] == ["Juche orientation"]


# -- item 7: metadata ---------------------------------------------------------------------------

def test_fix_writes_through_a_symlink(mini, tmp_path):
    target = tmp_path / "real.md"
    target.write_text(BEFORE, encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target.name)
    fix_file(mini, link)
    assert link.is_symlink() and os.readlink(link) == target.name
    assert target.read_text(encoding="utf-8") == AFTER and no_temp_files(tmp_path)


@pytest.mark.skipif(not IS_ROOT, reason="giving a file to another owner needs root")
def test_fix_keeps_owner_group_and_mode(mini, tmp_path):
    f = tmp_path / "t.txt"
    f.write_text(BEFORE, encoding="utf-8")
    os.chown(f, 1234, 2345)
    os.chmod(f, 0o640)
    fix_file(mini, f)
    st = f.stat()
    assert (st.st_uid, st.st_gid, st.st_mode & 0o7777) == (1234, 2345, 0o640)
    assert f.read_text(encoding="utf-8") == AFTER


def test_fix_keeps_extended_attributes(mini, tmp_path):
    f = tmp_path / "t.txt"
    f.write_text(BEFORE, encoding="utf-8")
    try:
        os.setxattr(f, "user.termkit-test", b"kept")
    except (OSError, AttributeError):
        pytest.skip("no user xattrs on this file system")
    fix_file(mini, f)
    assert os.getxattr(f, "user.termkit-test") == b"kept" and f.read_text(encoding="utf-8") == AFTER


def test_fix_keeps_hard_links(mini, tmp_path):
    f = tmp_path / "t.txt"
    f.write_text(BEFORE, encoding="utf-8")
    other = tmp_path / "other.txt"
    os.link(f, other)
    ino = f.stat().st_ino
    fix_file(mini, f)
    assert f.stat().st_ino == ino == other.stat().st_ino and f.stat().st_nlink == 2
    assert other.read_text(encoding="utf-8") == AFTER and no_temp_files(tmp_path)


@pytest.mark.parametrize("encoding, bom", [("utf-16-be", b"\xfe\xff"), ("utf-16-le", b"\xff\xfe"),
                                           ("utf-32-be", b"\x00\x00\xfe\xff"), ("utf-8", b"\xef\xbb\xbf")])
def test_fix_keeps_encoding_and_bom(mini, tmp_path, encoding, bom):
    f = tmp_path / "t.txt"
    f.write_bytes(bom + ("제목\r\n" + BEFORE.replace("\n", "\r\n")).encode(encoding))
    fix_file(mini, f)
    assert f.read_bytes() == bom + ("제목\r\n" + AFTER.replace("\n", "\r\n")).encode(encoding)


def test_fix_refuses_a_read_only_file_and_fixes_the_others(tmp_path, empty_config):
    ro, rw = tmp_path / "a.txt", tmp_path / "b.txt"
    for f in (ro, rw):
        f.write_text(BEFORE, encoding="utf-8")
    ro.chmod(0o444)
    code, _, err = mini_cli("--fix", "--config", empty_config, ro, rw)
    assert code == 2 and "Traceback" not in err
    assert re.search(rf"{re.escape(str(ro))}: read-only file", err)
    assert ro.read_text(encoding="utf-8") == BEFORE and rw.read_text(encoding="utf-8") == AFTER


@pytest.mark.parametrize("encoding", ["cp949", "latin-1"])
def test_fix_skips_a_replacement_the_encoding_cannot_hold(cp949_checker, tmp_path, encoding):
    """'Charyŏk Kaengsaeng' needs ŏ: that edit is left out with an error, the file's other edit is made."""
    head = "제목\n" if encoding == "cp949" else "Caf\u00e9\n"
    text = head + "Self-reliance (*Charkyok Kaengsaeng*) and autarky.\n"
    f = tmp_path / "t.txt"
    f.write_bytes(text.encode(encoding))
    result = fix_file(cp949_checker(None if encoding == "cp949" else encoding), f)
    [e] = result.errors
    assert e.path == str(f) and e.line == 2 and "'ŏ'" in e.message and "cannot hold" in e.message
    assert f.read_bytes() == text.replace("autarky", "self-reliance").encode(encoding)
    assert "TK401" in {x.code for x in result.remaining} and no_temp_files(tmp_path)


def test_fix_in_a_directory_where_no_temporary_file_can_be_made(mini, tmp_path, monkeypatch):
    import tempfile as tf

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    f = tmp_path / "t.txt"
    f.write_text(BEFORE, encoding="utf-8")
    monkeypatch.setattr(tf, "mkstemp", refuse)
    with pytest.raises(InputError, match="cannot create a temporary file") as info:
        fix_file(mini, f)
    assert info.value.path == str(f) and f.read_text(encoding="utf-8") == BEFORE


@pytest.mark.skipif(IS_ROOT, reason="root writes into a read-only directory")
def test_fix_in_a_read_only_directory(mini, tmp_path):
    f = tmp_path / "d" / "t.txt"
    f.parent.mkdir()
    f.write_text(BEFORE, encoding="utf-8")
    f.parent.chmod(0o555)
    try:
        with pytest.raises(InputError, match="cannot create a temporary file"):
            fix_file(mini, f)
    finally:
        f.parent.chmod(0o755)
    assert f.read_text(encoding="utf-8") == BEFORE


def test_fix_reports_a_dangling_symlink_and_fixes_the_other_files(tmp_path, empty_config):
    a, c = tmp_path / "a.md", tmp_path / "c.md"
    for f in (a, c):
        f.write_text(BEFORE, encoding="utf-8")
    (tmp_path / "b.md").symlink_to("gone.md")
    code, _, err = mini_cli("--fix", "--config", empty_config, tmp_path)
    assert code == 2 and "Traceback" not in err
    assert re.search(r"b\.md: dangling symbolic link", err)
    assert a.read_text(encoding="utf-8") == AFTER == c.read_text(encoding="utf-8")


# -- never lose a byte ----------------------------------------------------------------------------

def _fix_command(f: Path, config: Path) -> list[str]:
    return [sys.executable, "-m", "termkit", "check", "-g", str(FIXTURE_GLOSSARY), "--no-bundled", "--fix",
            "--config", str(config), str(f)]


@pytest.mark.parametrize("linked", [False, True])
def test_kill_9_leaves_the_old_or_the_new_file(tmp_path, empty_config, linked):
    """Kill the fixer late in its run, when it writes: the file is whole, old or new (a hard-linked file,
    written in place, may instead be mid-write with the old bytes saved in a backup beside it)."""
    old = ("The autarky of the province. " * 8 + "\n\n") * 300
    new = old.replace("autarky", "self-reliance")
    f = tmp_path / "t.txt"
    f.write_text(old, encoding="utf-8")
    if linked:
        os.link(f, tmp_path / "link.txt")
    started = time.perf_counter()
    subprocess.run(_fix_command(f, empty_config), capture_output=True, check=False)
    whole = time.perf_counter() - started
    assert f.read_text(encoding="utf-8") == new
    for share in (0.6, 0.8, 0.95):
        f.write_text(old, encoding="utf-8")
        p = subprocess.Popen(_fix_command(f, empty_config), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(whole * share)
        p.send_signal(signal.SIGKILL)
        p.wait()
        now = f.read_text(encoding="utf-8")
        backups = [b for b in tmp_path.iterdir() if b.name.endswith(".termkit-backup")]
        assert now in (old, new) or (linked and backups and backups[0].read_text(encoding="utf-8") == old)
        for b in tmp_path.iterdir():
            if ".termkit" in b.name:
                b.unlink()


def test_an_interrupted_rename_leaves_the_old_file_and_no_temporary_file(mini, tmp_path, monkeypatch):
    f = tmp_path / "t.txt"
    f.write_text(BEFORE, encoding="utf-8")

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        fix_file(mini, f)
    assert f.read_text(encoding="utf-8") == BEFORE and os.listdir(tmp_path) == ["t.txt"]


# -- property: --fix changes only flagged spans -----------------------------------------------

def _flagged_spans(text: str, findings) -> list[tuple[int, int]]:
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    return sorted((starts[f.line - 1] + f.column - 1, starts[f.end_line - 1] + f.end_column - 1)
                  for f in findings if f.code in FIXABLE)


# Fixable renderings among the clusters that shift offsets, besides the general documents.
FIXABLE_DOCUMENTS = st.lists(st.one_of(st.sampled_from(CLUSTERS), st.sampled_from(FRAGMENTS), st.sampled_from(
    ["autarky", "Subjectivization", "Prime Minister", "Korean Workers' Party", "Charkyok Kaengsaeng"])),
    max_size=16).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(DOCUMENTS, FIXABLE_DOCUMENTS))
@example("\ufa4f\u033a\u110b\u116f\ufa4f\u033aautarky")  # a shifted span hypothesis once found
def test_fix_changes_only_flagged_spans_property(mini, text):
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "t.md"
        path.write_bytes(text.encode("utf-8"))
        body = text.lstrip("\ufeff")
        findings = mini.check_file(path)
        for f in findings:  # each flagged span is a whole term: checked alone (markup blanked), found whole
            assert raw_slice(body, f) == f.found
            alone = blank_markdown(f.found, False)[0]
            assert any(h.start == 0 and h.end == len(alone) for h in mini.matcher.find(alone)), f
        result = fix_file(mini, path)
        after = path.read_bytes().decode("utf-8")
        # Outside the flagged spans the text is the same, piece for piece and in order.
        spans, pieces, last = _flagged_spans(text, findings), [], 0
        for s, e in spans:
            if s < last:
                continue
            pieces.append(re.escape(text[last:s]))
            last = e
        pieces.append(re.escape(text[last:]))
        assert re.fullmatch("(.*?)".join(pieces), after, re.S), (text, after)
        assert (after == text) == (not result.edits) and not result.errors
        assert os.listdir(d) == ["t.md"]


def test_the_cli_reports_a_skipped_edit_and_exits_2(tmp_path, empty_config):
    """An edit --fix had to leave out is an error on the command line, not a silent remaining finding."""
    f = tmp_path / "t.txt"
    text = "Caf\u00e9\nSelf-reliance (*Charkyok Kaengsaeng*) and autarky.\n"
    f.write_bytes(text.encode("latin-1"))
    code, _, err = mini_cli("--fix", "--encoding", "latin-1", "--config", empty_config, f)
    assert code == 2 and "Traceback" not in err
    assert re.search(rf"{re.escape(str(f))}:2:\d+: .*cannot hold", err), err
    assert f.read_bytes() == text.replace("autarky", "self-reliance").encode("latin-1")


def test_fix_with_a_codec_that_is_not_a_text_encoding_is_an_error(tmp_path, empty_config):
    f = tmp_path / "t.txt"
    f.write_text(BEFORE, encoding="utf-8")
    code, _, err = mini_cli("--fix", "--encoding", "rot13", "--config", empty_config, f)
    assert code == 2 and "Traceback" not in err and "'rot13' is not a text encoding" in err
    assert f.read_text(encoding="utf-8") == BEFORE


def test_fix_reports_a_fifo_met_while_walking_and_fixes_the_others(tmp_path, empty_config):
    os.mkfifo(tmp_path / "pipe.md")
    f = tmp_path / "t.txt"
    f.write_text(BEFORE, encoding="utf-8")
    code, _, err = mini_cli("--fix", "--config", empty_config, tmp_path)
    assert code == 2 and "pipe.md" in err and "Traceback" not in err
    assert f.read_text(encoding="utf-8") == AFTER
