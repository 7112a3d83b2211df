"""Tests that fail when behaviour breaks: one for each deliberate one-line bug the suite once let pass.

Issue 12 planted seventeen one-line bugs in a copy of the code; seven left every test green. Each test
here names the behaviour it pins and was checked by planting that bug again (see benchmarks/README.md,
"Mutation testing"): SARIF level and endColumn, --fix keeping a sentence-initial capital, the
romanizer's rule for a stop before its own tense partner, decomposed (NFD) Hangul glosses, TK301
attribution by gloss, and the line:column of a malformed XML file.
"""
import json
import unicodedata

import pytest

from conftest import FIXTURE_GLOSSARY, checker_with, run_cli

MINI = ("--no-bundled", "--glossary", str(FIXTURE_GLOSSARY))


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# --- (a), (b) SARIF: level by severity, the region's columns exact ----------------------------------

SARIF_TEXT = ("Autarky was the aim.\n"
              "The Korean Workers' Party met; self-regeneration and self-reliance followed.\n")
# (ruleId, level, startLine, startColumn, endLine, endColumn, snippet)
SARIF_EXPECTED = [
    ("TK101", "error", 1, 1, 1, 8, "Autarky"),
    ("TK102", "warning", 2, 5, 2, 26, "Korean Workers' Party"),
    ("TK301", "warning", 2, 32, 2, 49, "self-regeneration"),
]


def _results(log):
    out = []
    for r in log["runs"][0]["results"]:
        reg = r["locations"][0]["physicalLocation"]["region"]
        out.append((r["ruleId"], r["level"], reg["startLine"], reg["startColumn"], reg["endLine"],
                    reg["endColumn"], reg["snippet"]["text"]))
    return out


def test_sarif_level_and_region_from_the_library(mini):
    from termkit.output.findings import sarif
    from termkit.rules import all_rules

    rules = all_rules()
    findings = mini.check_text(SARIF_TEXT, path="doc.md")
    log = sarif(findings, "sig", rules)
    assert _results(log) == SARIF_EXPECTED
    codes = [r.code for r in rules]
    results = log["runs"][0]["results"]
    assert [r["ruleIndex"] for r in results] == [codes.index("TK101"), codes.index("TK102"), codes.index("TK301")]
    # The fix replaces exactly the flagged region (no snippet in a deletedRegion).
    deleted = [r["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"] for r in results]
    assert deleted == [{"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 8},
                       {"startLine": 2, "startColumn": 5, "endLine": 2, "endColumn": 26},
                       {"startLine": 2, "startColumn": 32, "endLine": 2, "endColumn": 49}]
    inserted = [r["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] for r in results]
    assert inserted == ["self-reliance", "Workers' Party of Korea", "self-reliance"]
    # The snippet is the text between startColumn and endColumn (columns are code points, end exclusive).
    lines = SARIF_TEXT.split("\n")
    for _, _, line, col, _, end, snippet in SARIF_EXPECTED:
        assert lines[line - 1][col - 1:end - 1] == snippet
    driver_levels = {r["id"]: r["defaultConfiguration"]["level"] for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert (driver_levels["TK101"], driver_levels["TK102"], driver_levels["TK201"], driver_levels["TK301"]) == (
        "error", "warning", "error", "warning")


def test_sarif_level_and_region_from_the_cli(tmp_path, empty_config):
    f = tmp_path / "doc.md"
    f.write_text(SARIF_TEXT, encoding="utf-8")
    code, out, err = run_cli("check", "--format", "sarif", "--config", empty_config, *MINI, f)
    assert code == 1, err
    assert _results(json.loads(out)) == SARIF_EXPECTED


def test_github_and_csv_carry_the_same_region(tmp_path, empty_config):
    f = tmp_path / "doc.md"
    f.write_text(SARIF_TEXT, encoding="utf-8")
    _, out, _ = run_cli("check", "--format", "json", "--config", empty_config, *MINI, f)
    messages = [x["message"] for x in json.loads(out)["findings"]]
    assert len(messages) == 3
    _, out, _ = run_cli("check", "--format", "github", "--config", empty_config, *MINI, f)
    path = str(f).replace(":", "%3A").replace(",", "%2C")
    assert out.splitlines() == [
        f"::error file={path},line=1,col=1,endLine=1,endColumn=8,title=TK101::{messages[0]} [jaryeok-gaengsaeng]",
        f"::warning file={path},line=2,col=5,endLine=2,endColumn=26,title=TK102::{messages[1]} [josen-nodongdang]",
        f"::warning file={path},line=2,col=32,endLine=2,endColumn=49,title=TK301::{messages[2]} [jaryeok-gaengsaeng]",
    ]
    _, out, _ = run_cli("check", "--format", "csv", "--config", empty_config, *MINI, f)
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["line"], r["column"], r["end_line"], r["end_column"], r["code"], r["severity"], r["found"],
             r["suggestions"]) for r in rows] == [
        ("1", "1", "1", "8", "TK101", "error", "Autarky", "self-reliance | self-regeneration"),
        ("2", "5", "2", "26", "TK102", "warning", "Korean Workers' Party", "Workers' Party of Korea"),
        ("2", "32", "2", "49", "TK301", "warning", "self-regeneration", "self-reliance"),
    ]


# --- (c) --fix keeps the case of what it replaces ---------------------------------------------------

def test_keep_case_rules():
    from termkit.checking.fix import _keep_case

    assert _keep_case("self-reliance", "Autarky") == "Self-reliance"  # sentence-initial capital kept
    assert _keep_case("self-reliance", "autarky") == "self-reliance"
    assert _keep_case("self-reliance", "AUTARKY") == "SELF-RELIANCE"
    assert _keep_case("Workers' Party of Korea", "korean workers' party") == "Workers' Party of Korea"
    assert _keep_case("self-reliance", "A") == "Self-reliance"  # one capital letter is not ALL CAPS


def test_fix_keeps_a_sentence_initial_capital(tmp_path, empty_config):
    f = tmp_path / "fix.md"
    f.write_text("Autarky was the aim. Our aim was autarky.\n"
                 "AUTARKY! The Korean Workers' Party met.\n", encoding="utf-8")
    code, out, err = run_cli("check", "--fix", "--config", empty_config, *MINI, f)
    assert f.read_text(encoding="utf-8") == ("Self-reliance was the aim. Our aim was self-reliance.\n"
                                             "SELF-RELIANCE! The Workers' Party of Korea met.\n")
    assert code == 0 and "4 fixes applied" in err, err


def test_fix_plan_edits_are_exact(mini):
    from termkit.checking.fix import apply, plan

    text = "Intro.\nAutarky, then autarky; AUTARKY.\n"
    edits = plan(text, mini.check_text(text), mini.matcher)
    assert [(e.start, e.end, e.old, e.new) for e in edits] == [
        (7, 14, "Autarky", "Self-reliance"), (21, 28, "autarky", "self-reliance"),
        (30, 37, "AUTARKY", "SELF-RELIANCE")]
    assert apply(text, edits) == "Intro.\nSelf-reliance, then self-reliance; SELF-RELIANCE.\n"


# --- (d) the romanizer: a stop before its own tense partner -----------------------------------------

@pytest.mark.parametrize("ko, system, expected", [
    # McCune–Reischauer (and ALA-LC) write the long consonant once: 민족끼리 minjokkiri.
    ("우리민족끼리", "mr", "uriminjokkiri"),
    ("우리민족끼리", "mr-ascii", "uriminjokkiri"),
    ("민족끼리", "mr", "minjokkiri"),
    # RR transcribes letter by letter: final ㄱ (k) and then ㄲ (kk) - the glossary's note on
    # uri-minjokkiri says the same ("RR would write ㄱ+ㄲ letter by letter (minjokkkiri)").
    ("우리민족끼리", "rr", "uriminjokkkiri"),
    ("민족끼리", "rr", "minjokkkiri"),
    # The rule touches only a stop before the same stop made tense, not other clusters.
    ("각각", "mr", "kakkak"),
    ("앞뜰", "mr", "apttŭl"),
    ("삿뽀", "mr", "satppo"),
])
def test_stop_before_its_tense_partner(ko, system, expected):
    from termkit.matching.romanizer import romanize

    assert romanize(ko, system) == expected


def test_cli_romanize_minjokkiri():
    assert run_cli("romanize", "우리민족끼리", "민족끼리") == (0, "uriminjokkiri\nminjokkiri\n", "")
    assert run_cli("romanize", "-s", "rr", "우리민족끼리") == (0, "uriminjokkkiri\n", "")


# --- (e) a gloss in decomposed Hangul (NFD) -----------------------------------------------------------

def test_nfd_gloss_gives_findings_at_the_raw_columns(mini):
    text = f"Self-reliance ({nfd('자력갱생')}) and care home ({nfd('주체화')}) and autarky."
    assert len(nfd("자력갱생")) == 11 and len(nfd("주체화")) == 6
    got = [(f.code, f.line, f.column, f.end_column, f.found, f.concept) for f in mini.check_text(text)]
    assert got == [("TK201", 1, 33, 42, "care home", "juchehwa"),
                   ("TK101", 1, 56, 63, "autarky", "jaryeok-gaengsaeng")]
    for _, _, col, end, found, _ in got:
        assert text[col - 1:end - 1] == found


def test_nfd_gloss_before_the_rendering(mini):
    text = f"In {nfd('자력갱생')}: localization ({nfd('주체화')})."
    got = [(f.code, f.column, f.end_column, f.found, f.concept) for f in mini.check_text(text)]
    assert got == [("TK101", 17, 29, "localization", "juchehwa")]


def test_nfd_korean_term_is_found_at_its_raw_span(mini):
    from termkit.matching import Matcher  # noqa: F401  (the matcher the checker holds)

    text = f"The {nfd('주체화')}를 (localization) went on."
    hits = mini.matcher.find(text)
    got = [(h.column, h.end_column, h.found) for h in hits]
    # 주체화 in NFD is six code points; the particle 를 is a precomposed syllable after it.
    assert got == [(5, 11, nfd("주체화")), (14, 26, "localization")]


def test_nfc_with_map_exact_offsets():
    from termkit.matching.normalize import nfc_with_map

    raw = "ab " + nfd("주체화") + " cd " + nfd("자력") + "!"
    text, cmap = nfc_with_map(raw)
    assert text == "ab 주체화 cd 자력!"
    assert [cmap[i] for i in range(len(text) + 1)] == [0, 1, 2, 3, 5, 7, 9, 10, 11, 12, 13, 15, 18, 19]
    assert nfc_with_map("plain ascii") == ("plain ascii", None)
    assert nfc_with_map("이미 NFC 주체화") == ("이미 NFC 주체화", None)


def test_nfc_with_map_recomposes_marks_and_final_jamo_with_their_base():
    from termkit.matching.normalize import nfc_with_map

    # A combining acute after 'e', and a conjoining final ᆨ after the precomposed 구 (구 + ᆨ = 국):
    # each is recomposed with the character before it.
    raw = "Cafe\u0301 and \uad6c\u11a8\uc0b0\ud654!"
    text, cmap = nfc_with_map(raw)
    assert text == "Café and 국산화!"
    assert [cmap[i] for i in range(len(text) + 1)] == [0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15]


def test_gloss_with_a_conjoining_final_jamo(mini):
    text = "Care home (\uad6c\u11a8\uc0b0\ud654) and autarky."
    got = [(f.code, f.column, f.end_column, f.found, f.concept) for f in mini.check_text(text)]
    assert got == [("TK201", 1, 10, "Care home", "gukssanhwa"), ("TK101", 22, 29, "autarky", "jaryeok-gaengsaeng")]


def test_nfd_gloss_from_the_cli(tmp_path, empty_config):
    f = tmp_path / "nfd.md"
    f.write_text(f"Self-reliance ({nfd('자력갱생')}) and care home ({nfd('주체화')}) and autarky.\n",
                 encoding="utf-8")
    code, out, err = run_cli("check", "--config", empty_config, *MINI, f)
    assert code == 1, err
    assert [line.split(" ", 2)[:2] for line in out.splitlines()] == [
        [f"{f}:1:33:", "TK201"], [f"{f}:1:56:", "TK101"]]


# --- (f) TK301: a form approved for two concepts is attributed by its gloss ----------------------------

TWO_CONCEPTS = """\
domain: planted
description: One English form approved for two concepts.
concepts:
- id: bogeup
  ko: 보급
  en:
    preferred: [supply]
    admitted: [distribution]
  confidence: high
  specs:
  - text: "The supply (보급) went on."
    expect: []
- id: bunbae
  ko: 분배
  en:
    preferred: [distribution]
  confidence: high
  specs:
  - text: "The distribution (분배) went on."
    expect: []
"""


@pytest.fixture(scope="module")
def two(tmp_path_factory):
    return checker_with(tmp_path_factory.mktemp("two"), TWO_CONCEPTS)


def tk301(checker, text):
    return [(f.line, f.column, f.found, f.concept, f.suggestions) for f in checker.check_text(text) if f.code == "TK301"]


def test_tk301_gloss_proves_the_concept(two):
    # 'distribution' renders 보급 here only because the gloss says so: then 보급 has two renderings.
    assert tk301(two, "The supply went on. Then distribution (보급) went on.") == [
        (1, 26, "distribution", "bogeup", ("supply",))]
    # A gloss before the rendering proves it the same way.
    assert tk301(two, "The supply went on. Then 보급 (distribution) went on.") == [
        (1, 30, "distribution", "bogeup", ("supply",))]


def test_tk301_no_finding_when_the_gloss_names_the_other_concept(two):
    assert tk301(two, "The supply went on. Then distribution (분배) went on.") == []


def test_tk301_no_finding_without_a_gloss_for_an_ambiguous_form(two):
    assert tk301(two, "The supply went on. Then distribution went on.") == []


def test_tk301_evidence_is_per_occurrence(two):
    # The glossed occurrence is attributed; the bare one stays ambiguous, before or after it.
    assert tk301(two, "Supply.\nDistribution (보급).\nDistribution.\nSupply.") == [
        (2, 1, "Distribution", "bogeup", ("supply",))]
    assert tk301(two, "Supply.\nDistribution.\nDistribution (보급).\nSupply.") == [
        (3, 1, "Distribution", "bogeup", ("supply",))]
    assert tk301(two, "Distribution (분배).\nSupply.\nDistribution (보급).") == [
        (3, 1, "Distribution", "bogeup", ("supply",))]


def test_tk301_message_names_the_dominant_rendering_and_its_lines(two):
    text = "Supply.\nSupply again.\nDistribution (보급).\n"
    f = [f for f in two.check_text(text) if f.code == "TK301"]
    assert [(x.line, x.message) for x in f] == [
        (3, "'Distribution' renders 보급, which this document also renders 'supply' (line 1, 2); "
            "preferred: 'supply'")]


# --- (g) a malformed XML file names its line and column -------------------------------------------

BROKEN_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header srclang="ko"/>
  <body>
    <tu>
      <tuv xml:lang="ko"><seg>주체화</seg></tuv>
      <tuv xml:lang="en"><seg>Localization</seg></tuv>
    </tuv>
  </body>
</tmx>
"""

BROKEN_XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a" source-language="ko" target-language="en" datatype="plaintext"><body>
    <trans-unit id="1"><source>주체화</source><target>x & y</target></trans-unit>
  </body></file>
</xliff>
"""


@pytest.mark.parametrize("name, content, where, what", [
    # line 8 is '    </tuv>': libxml2 reports the column after the closing tag's '>'.
    ("t.tmx", BROKEN_TMX, "8:11", "Opening and ending tag mismatch: tu line 5 and tuv"),
    # line 4: the bare '&' at column 54 is followed by ' ', where libxml2 expects a name (column 55).
    ("t.xlf", BROKEN_XLIFF, "4:55", "xmlParseEntityRef: no name"),
])
def test_malformed_xml_reports_path_line_and_column(tmp_path, name, content, where, what):
    f = tmp_path / name
    f.write_text(content, encoding="utf-8")
    code, out, err = run_cli("check", *MINI, f)
    assert code == 2
    assert f"termkit: error: {f}:{where}: malformed XML: {what}" in err, err
    assert "Traceback" not in err


def test_malformed_xml_error_object_carries_line_and_column(tmp_path, mini):
    from termkit.errors import InputError

    f = tmp_path / "t.tmx"
    f.write_text(BROKEN_TMX, encoding="utf-8")
    with pytest.raises(InputError) as e:
        mini.check_file(f)
    assert (e.value.path, e.value.line, e.value.column) == (str(f), 8, 11)
    assert str(e.value).startswith(f"{f}:8:11: malformed XML: ")
