"""Faults benchmarks/fuzz.py found, one test per class: each input is generated here, each failed before its fix."""
from __future__ import annotations

import codecs
import unicodedata

import pytest

from conftest import FIXTURE_GLOSSARY, run_cli

MINI = ("--no-bundled", "--glossary", str(FIXTURE_GLOSSARY))
LINE = "Self-reliance (*Charkyok Kaengsaeng*) turned into autarky."


def _raw_slice(text: str, f) -> str:
    """The text at a finding's line:column..end_line:end_column (lines end at '\\n', as termkit counts them)."""
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    return text[starts[f.line - 1] + f.column - 1:starts[f.end_line - 1] + f.end_column - 1]


# -- an encoding that needs a byte-order mark, given for a file without one -------------------------

@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
@pytest.mark.parametrize("suffix", [".txt", ".md", ".csv", ".po", ".html"])
def test_bom_less_utf16_or_utf32_with_the_generic_codec_is_one_error(tmp_path, codec, suffix):
    # --encoding utf-16 on a file in UTF-16-LE without its mark: Python's decoder raises a bare
    # UnicodeError ("UTF-16 stream does not start with BOM"), which escaped as a traceback.
    body = {".csv": "ko,en\n자력갱생," + LINE + "\n", ".po": f'msgid "자력갱생"\nmsgstr "{LINE}"\n',
            ".html": f"<p>{LINE}</p>"}.get(suffix, LINE + "\n")
    doc = tmp_path / f"d{suffix}"
    doc.write_bytes(body.encode(codec + "-le"))
    code, out, err = run_cli("check", "-q", *MINI, "--encoding", codec, doc)
    assert code == 2, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert "byte-order mark" in err and f"{codec}-le" in err, err


def test_utf16_with_its_mark_still_reads_with_the_generic_codec(tmp_path, mini):
    from termkit.checking.checker import Checker
    from termkit.config import Config

    doc = tmp_path / "d.txt"
    doc.write_bytes(codecs.BOM_UTF16_BE + LINE.encode("utf-16-be"))
    cfg = Config(glossary=[str(FIXTURE_GLOSSARY)], bundled=False)
    cfg.encoding = "utf-16"
    got = Checker(cfg, matcher=mini.matcher).check_file(doc)
    assert [(f.code, f.found) for f in got] == [("TK401", "Charkyok Kaengsaeng"), ("TK101", "autarky")]


# -- line-aligned pairs -----------------------------------------------------------------------------

def test_a_pair_names_the_source_file_for_source_side_findings(tmp_path, mini):
    # TK601 points at the Korean term: its path was the target file's, with the source file's line
    # and column, so an editor opened the wrong file at that place.
    ko, en = tmp_path / "ko.txt", tmp_path / "en.txt"
    ko.write_text("첫 줄입니다.\n그들은 국산화를 강조하였다.\n", encoding="utf-8")
    en.write_text("The first line.\nThey stressed independence.\n", encoding="utf-8")
    (f,) = mini.check_paired(ko, en)
    assert (f.code, f.side, f.path, f.line, f.column, f.found) == ("TK601", "source", str(ko), 2, 5, "국산화")
    assert _raw_slice(ko.read_text(encoding="utf-8"), f) == f.found


def test_a_pair_keeps_u_feff_inside_the_text(tmp_path, mini):
    # A zero-width no-break space opening a line after the first was dropped, so every column after
    # it was one short of the file's.
    ko, en = tmp_path / "ko.txt", tmp_path / "en.txt"
    ko.write_text("자력갱생\n자력갱생\n", encoding="utf-8")
    text = "Self-reliance.\n\ufeff\ufeffIt was autarky.\n"
    en.write_text(text, encoding="utf-8")
    got = [f for f in mini.check_paired(ko, en) if f.side == "target"]
    assert got and all(_raw_slice(text, f) == f.found for f in got), got
    assert [(f.line, f.column, f.found) for f in got if f.code == "TK101"] == [(2, 10, "autarky")]


def test_a_pair_drops_the_files_leading_u_feff_only(tmp_path, mini):
    ko, en = tmp_path / "ko.txt", tmp_path / "en.txt"
    ko.write_text("자력갱생", encoding="utf-8")
    en.write_bytes(codecs.BOM_UTF8 + "\ufeffAutarky.".encode("utf-8"))  # no final line break
    (f,) = [f for f in mini.check_paired(ko, en) if f.code == "TK101"]
    assert (f.line, f.column, f.found) == (1, 1, "Autarky")


# -- CSV: positions are the file's ------------------------------------------------------------------

@pytest.mark.parametrize("rows", [
    ['"자력갱생, 그리고","It was autarky."'],  # a quoted field before the target: its quotes were not counted
    ['자력갱생,"It was, in short, autarky."'],  # a quoted target: its opening quote was not counted
    ['"첫 줄\n자력갱생",It was autarky.'],  # a field before it spans two lines: the line and column were the record's
    ['자력갱생,"He said ""so"" of autarky."'],  # doubled quotes before the term
    ['"자력갱생","x"', '"","Autarky, ""autarky""\nand autarky."'],
    ['"자력\r갱생",x\r\n자력갱생,It was autarky.'],  # a lone CR inside a field: the csv module counts it as a line
    ['자력갱생,x\r자력갱생,It was autarky.'],  # a lone CR ending a record: the next starts inside the line
])
def test_csv_findings_are_the_raw_text_at_their_place(tmp_path, mini, rows):
    text = "ko,en\n" + "\n".join(rows) + "\n"
    doc = tmp_path / "d.csv"
    doc.write_text(text, encoding="utf-8")
    got = mini.check_file(doc)
    assert [f for f in got if f.code == "TK101"], got
    assert [(f.line, f.column, _raw_slice(text, f)) for f in got] == [(f.line, f.column, f.found) for f in got]


def test_csv_source_side_positions_are_the_raw_text(tmp_path, mini):
    text = 'en,ko\n"It was, in short, independence.","그래서, 국산화를"\n'
    doc = tmp_path / "d.csv"
    doc.write_text(text, encoding="utf-8")
    (f,) = mini.check_file(doc)
    assert (f.code, f.side, f.found) == ("TK601", "source", "국산화")
    assert _raw_slice(text, f) == f.found


# -- NFC in linear time -----------------------------------------------------------------------------

def test_nfc_never_sorts_a_long_run_of_marks_out_of_order(monkeypatch):
    # CPython orders combining marks by insertion: a run of marks of alternating classes costs time
    # quadratic in its length (30,000 took seconds). termkit must order such a run itself and give
    # unicodedata only runs already in order, for which its loop is linear.
    from termkit.matching import normalize

    real = unicodedata.normalize
    seen = []

    def watched(form, text):
        seen.append(text)
        return real(form, text)

    def longest_unordered_run(text):
        longest, run = 0, []
        for ch in text + "x":
            if unicodedata.combining(ch):
                run.append(unicodedata.combining(ch))
                continue
            if run != sorted(run):
                longest = max(longest, len(run))
            run = []
        return longest

    raw = "Juche " + "a" + "\u0301\u0323" * 500 + " self-reliance 자력갱생"
    monkeypatch.setattr(normalize.unicodedata, "normalize", watched)
    text, cmap = normalize.nfc_with_map(raw)
    folded = normalize.fold_key(raw)
    stripped = normalize.strip_diacritics(raw)
    monkeypatch.undo()
    assert seen and max(map(longest_unordered_run, seen)) <= 30
    assert text == real("NFC", raw)
    assert folded == " ".join(real("NFC", raw).translate(normalize._FOLD_TABLE).lower().split())
    assert stripped == "".join(c for c in real("NFD", raw) if not unicodedata.combining(c))
    # the offsets still map exactly: the term after the marks is where it is in the raw text
    at = text.index("self-reliance")
    assert raw[cmap.start(at):cmap.end(at + len("self-reliance"))] == "self-reliance"


def test_finding_after_a_long_run_of_marks_is_exact(mini):
    text = "Autarky " + "e" + "\u0302\u0323" * 400 + " and autarky."
    got = mini.check_text(text, markdown=False)
    assert [(f.column, f.found) for f in got] == [(1, "Autarky"), (len(text) - 7, "autarky")]


# -- a cited source looked for once per line, not once per hit ----------------------------------------

def test_source_label_is_searched_once_per_line(monkeypatch, bundled):
    # 'Source:' was searched from the line's start to every hit: a long line with many hits took
    # time quadratic in its length (a 280,000-character line of a fuzzed pair file: minutes).
    from termkit.rules import surroundings

    calls = []
    real = surroundings._SOURCE_LABEL.search

    class Counting:
        def search(self, *args):
            calls.append(args[1:])
            return real(*args)

    monkeypatch.setattr(surroundings, "_SOURCE_LABEL", Counting())
    line = " ".join(["Kim Il-sung met Kim Jong Il in Pyongyang; the Prime Minister spoke."] * 40)
    findings = bundled.check_text(line + "\n" + line + "\n", markdown=False)
    assert findings  # hits that the rules looked at the surroundings of
    assert 1 <= len(calls) <= 2, len(calls)


def test_source_label_still_marks_a_cited_source():
    from termkit.rules.surroundings import cited_source

    class Hit:
        def __init__(self, text, form):
            self.start = text.index(form)
            self.end = self.start + len(form)

    text = "Kim Il Sung spoke.\nSource: Kim Il-sung, Works, vol. 3.\n"
    assert cited_source(text, Hit(text, "Kim Il-sung")) == "reference"
    assert cited_source(text, Hit(text, "Kim Il Sung")) is None
    later = "Kim Il-sung, then Source: a paper.\n"
    assert cited_source(later, Hit(later, "Kim Il-sung")) is None
