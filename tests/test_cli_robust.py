"""The command line under bad output, bad options and interruption: one error line and exit 2, never a traceback."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXTURE_GLOSSARY, run_cli

MINI = ("--no-bundled", "--glossary", str(FIXTURE_GLOSSARY))
# Two findings a line: TK401 (its message names 자력갱생) and TK101 ('autarky').
BAD = "The spirit of self-reliance (*Charkyok Kaengsaeng*) turned into autarky.\n"
TERMKIT = [sys.executable, "-m", "termkit"]


def _doc(tmp_path: Path, name: str = "t.md", lines: int = 1) -> Path:
    path = tmp_path / name
    path.write_text(BAD * lines, encoding="utf-8")
    return path


def _one_error_line(code: int, err: str) -> None:
    assert code == 2, err
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert err.startswith("termkit: error: ") and len(err.strip().splitlines()) == 1, err


# -- output that cannot be written ------------------------------------------------------------------

def test_report_to_a_directory_or_a_missing_directory_is_one_error(tmp_path):
    doc = _doc(tmp_path)
    (tmp_path / "taken.html").mkdir()
    for output in (tmp_path / "taken.html", tmp_path / "missing" / "r.html", doc / "r.html"):
        code, _, err = run_cli("report", *MINI, doc, "-o", output)
        _one_error_line(code, err)
        assert str(output) in err and "cannot write" in err
    assert not list((tmp_path / "taken.html").iterdir())


def test_glossary_export_and_import_to_a_wrong_place_is_one_error(tmp_path):
    (tmp_path / "taken.tbx").mkdir()
    plain = _doc(tmp_path, "plain.txt")
    for args in (["-o", tmp_path / "taken.tbx"], ["-o", tmp_path / "missing" / "g.csv"],
                 ["-o", plain, "-f", "yaml"]):
        code, _, err = run_cli("glossary", "export", *MINI, *args)
        _one_error_line(code, err)
    code, _, err = run_cli("glossary", "import", FIXTURE_GLOSSARY, "-o", plain / "out")
    _one_error_line(code, err)


def test_a_full_disk_on_stdout_is_one_error(tmp_path):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    doc = _doc(tmp_path)
    with open("/dev/full", "w") as full:
        p = subprocess.run([*TERMKIT, "check", "-q", *MINI, doc], stdout=full, stderr=subprocess.PIPE, text=True,
                           encoding="utf-8", timeout=120)
    _one_error_line(p.returncode, p.stderr)
    assert "No space left on device" in p.stderr


def test_a_closed_stdout_is_one_error(tmp_path):
    doc = _doc(tmp_path)
    p = subprocess.run(["sh", "-c", 'exec "$0" -m termkit check -q --no-bundled --glossary "$1" "$2" >&-',
                        sys.executable, str(FIXTURE_GLOSSARY), str(doc)],
                       stderr=subprocess.PIPE, text=True, encoding="utf-8", timeout=120)
    _one_error_line(p.returncode, p.stderr)
    assert "standard output is closed" in p.stderr


def test_a_reader_that_stops_early_ends_the_run_quietly(tmp_path):
    doc = _doc(tmp_path, lines=5000)  # some 1.5 MB of findings: far more than a pipe holds
    p = subprocess.Popen([*TERMKIT, "check", "-q", *MINI, doc], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = p.stdout.readline()
    p.stdout.close()  # as `| head -1` does
    err = p.stderr.read().decode("utf-8")
    code = p.wait(timeout=120)
    assert first.startswith(str(doc).encode())
    assert code == 2 and err == "", err


def test_hangul_on_a_cp1252_terminal_is_escaped(tmp_path):
    doc = _doc(tmp_path)
    env = dict(os.environ, PYTHONIOENCODING="cp1252")
    p = subprocess.run([*TERMKIT, "check", *MINI, doc], capture_output=True, env=env, timeout=120)
    out = p.stdout.decode("cp1252")
    assert p.returncode == 1 and b"Traceback" not in p.stderr, p.stderr
    assert "\\uc790\\ub825\\uac31\\uc0dd" in out  # 자력갱생, as a backslash escape
    assert len(out.splitlines()) == 2


# -- options that asked for too much or for nothing ---------------------------------------------------

def test_absurd_jobs_are_capped(tmp_path):
    docs = [_doc(tmp_path, f"d{i}.md") for i in range(3)]
    code, one, _ = run_cli("check", "-q", "--jobs", "1", *MINI, *docs)
    assert code == 1 and len(one.splitlines()) == 6
    code, many, err = run_cli("check", "-q", "--jobs", "99999999999999999999", *MINI, *docs)
    assert (code, many) == (1, one), err
    code, _, err = run_cli("report", "--jobs", "99999999999999999999", *MINI, *docs, "-o", tmp_path / "r.csv")
    assert code == 1 and "Traceback" not in err, err
    assert (tmp_path / "r.csv").read_text(encoding="utf-8").count("TK101") == 3


def test_nothing_to_score_is_one_error(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, _, err = run_cli("score", *MINI, "--hyp", empty, "--ref", empty)
    _one_error_line(code, err)
    assert "no segment to score" in err
    code, _, err = run_cli("score", *MINI, "--hyp", os.devnull, "--ref", os.devnull)
    _one_error_line(code, err)
    table = tmp_path / "t.tsv"
    table.write_text("hyp\tref\n", encoding="utf-8")
    code, _, err = run_cli("score", *MINI, table)
    _one_error_line(code, err)
    assert "no segment to score" in err


@pytest.mark.parametrize("args", [["--select", ""], ["--select", " , "], ["--ignore", "TK"], ["--select", "TK9"],
                                  ["--select", "TK1", "--ignore", "TK1"]])
def test_a_selection_of_no_rule_is_an_error_not_a_clean_run(tmp_path, args):
    doc = _doc(tmp_path)
    code, out, err = run_cli("check", *MINI, *args, doc)
    _one_error_line(code, err)
    assert out == ""


def test_an_empty_select_in_the_configuration_is_an_error(tmp_path):
    doc = _doc(tmp_path)
    (tmp_path / ".termkit.toml").write_text("select = []\n", encoding="utf-8")
    code, _, err = run_cli("check", *MINI, doc, cwd=tmp_path)
    _one_error_line(code, err)
    assert ".termkit.toml" in err and "select" in err
    code, out, _ = run_cli("check", "--select", "TK101", *MINI, doc, cwd=tmp_path)  # the command line decides
    assert code == 1 and [line.split()[1] for line in out.splitlines()] == ["TK101"]


# -- file names that try to talk to the terminal ------------------------------------------------------

def test_control_characters_in_file_names_are_escaped_in_text_and_github(tmp_path):
    name = "x\x1b[2J\nfake.md:9:9: TK999 forged\x9b1m.md"
    doc = tmp_path / name
    doc.write_text(BAD, encoding="utf-8")
    code, out, err = run_cli("check", "-q", *MINI, tmp_path)
    assert code == 1, err
    assert len(out.splitlines()) == 2 and all(line.startswith(str(tmp_path)) for line in out.splitlines())
    assert "\x1b" not in out and "\x9b" not in out and "x\\x1b[2J\\nfake.md" in out
    code, out, _ = run_cli("check", "-q", "--format", "github", *MINI, tmp_path)
    assert len(out.splitlines()) == 2 and all(line.startswith("::error file=") for line in out.splitlines())
    assert "\x1b" not in out and "\x9b" not in out and "%0Afake.md" in out  # GitHub decodes %0A back
    code, _, err = run_cli("check", "-q", *MINI, tmp_path / "gone\x1b[31m.md")
    _one_error_line(code, err)
    assert "\x1b" not in err and "gone\\x1b[31m.md" in err


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_control_characters_in_json_and_sarif_are_escaped_and_round_trip(tmp_path, fmt):
    name = "x\x1b[2J\nfake\x9b1m\x7f.md"
    (tmp_path / name).write_text(BAD, encoding="utf-8")
    code, out, _ = run_cli("check", "--format", fmt, *MINI, tmp_path)
    assert code == 1
    assert not any(c in out for c in "\x1b\x9b\x7f") and out.count("\n") > 2
    data = json.loads(out)
    if fmt == "json":
        paths = {f["path"] for f in data["findings"]}
    else:
        paths = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in data["runs"][0]["results"]}
    assert paths == {str(tmp_path / name)}


# -- Ctrl-C -----------------------------------------------------------------------------------------

def _workers(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[-1][0] != "Z"
    except OSError:
        return False


def _cpu_ticks(pid: int) -> int:
    """User and system clock ticks a process has used (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1].split()
    except (OSError, IndexError):
        return 0
    return int(fields[11]) + int(fields[12])


def _wait_for(condition, seconds: float, what: str):
    """Poll `condition` until it is true; fail naming `what` after `seconds` (a deadline on every wait)."""
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"{what}: not after {seconds} s")
        time.sleep(0.02)


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc to see the workers")
@pytest.mark.parametrize("group", [True, False], ids=["ctrl-c", "parent-only"])
def test_interrupting_a_parallel_check_is_quiet_and_exits_130(tmp_path, group):
    """Ctrl-C reaches every process of the terminal's group; `kill -INT` only the parent. Either way:
    exit 130, one line, no traceback from any process, and no worker left running.

    Every wait has a deadline, and the signal is sent once both workers have been seen checking (CPU
    time used), not after a fixed sleep: under heavy load a run once hung this test for minutes. If
    termkit does not end after the signal, PYTHONFAULTHANDLER makes SIGABRT print every thread's
    stack, and the test fails with it instead of waiting."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    plain = "The delegates met in the capital and spoke of the harvest and the roads.\n"
    for i in range(12):  # about 12 MB: seconds of work for two processes
        (corpus / f"c{i}.md").write_text((plain * 9 + BAD) * 1400, encoding="utf-8")
    err_file = tmp_path / "stderr.txt"
    with open(err_file, "wb") as err_fh:  # a file, not a pipe: nothing blocks on reading it
        p = subprocess.Popen([*TERMKIT, "check", "-q", "--jobs", "2", *MINI, corpus], stdout=subprocess.DEVNULL,
                             stderr=err_fh, start_new_session=True, env=dict(os.environ, PYTHONFAULTHANDLER="1"))
    workers: list[int] = []
    try:
        def started():
            workers[:] = _workers(p.pid)
            assert p.poll() is None, f"termkit ended (exit {p.returncode}) before its workers were seen"
            return len(workers) == 2
        _wait_for(started, 120, "the two workers never started")
        _wait_for(lambda: all(_cpu_ticks(w) > 0 for w in workers) or p.poll() is not None, 60,
                  "the workers never used the CPU")
        assert p.poll() is None, "the run ended before it could be interrupted"
        (os.killpg if group else os.kill)(p.pid, signal.SIGINT)
        try:
            code = p.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.kill(p.pid, signal.SIGABRT)  # the stacks of every thread, to stderr, for the failure message
            p.wait(timeout=30)
            raise AssertionError("termkit still running 60 s after SIGINT:\n" + err_file.read_text("utf-8", "replace"))
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait(timeout=30)
    err = err_file.read_text(encoding="utf-8")
    assert code == 130, err
    assert err == "termkit: error: interrupted\n", err
    _wait_for(lambda: not [w for w in workers if _alive(w)], 30, "a worker is still running")
