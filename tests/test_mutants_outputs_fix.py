"""Exact outputs of the finding writers and the auto-fix's decisions: tests that kill mutants.

Each test pins a value a one-token change in termkit/output/findings.py or termkit/checking/fix.py
would alter (benchmarks/mutation.py lists the mutants these were written against).
"""
import io
import json
import os

import pytest

from termkit.model import Finding


def F(line=1, column=1, end_line=1, end_column=8, code="TK101", severity="error", message="msg", found="Autarky",
      concept=None, suggestions=(), path="a.md", **kw):
    return Finding(path, line, column, end_line, end_column, code, severity, message, found, concept, kw.get("ko"),
                   tuple(suggestions), kw.get("segment"), kw.get("doc"), kw.get("side"))


# --- findings.py ----------------------------------------------------------------------------------

def test_signature_names_every_setting():
    from termkit._version import __version__
    from termkit.config import Config
    from termkit.output.findings import signature

    cfg = Config(select=["TK3", "TK1"], ignore=["TK102"], bundled=False, names="dprk", romanization="mr",
                 fail_on="warning")
    assert signature("0123456789abcdef", cfg) == (
        f"termkit:{__version__}|glossary:0123456789ab|bundled:no|select:TK1,TK3|ignore:TK102|names:dprk|"
        "romanization:mr|fail-on:warning")
    assert signature("ff" * 10, Config(select=[], ignore=[])) == (
        f"termkit:{__version__}|glossary:ffffffffffff|bundled:yes|select:-|ignore:-|names:any|"
        "romanization:dominant|fail-on:error")


def test_write_text_plain_and_coloured():
    from termkit.output.findings import write_text

    fs = [F(2, 3, concept="c-1", message="bad"), F(4, 5, code="TK301", severity="warning", message="two", path="b")]
    out = io.StringIO()
    write_text(fs, out)
    assert out.getvalue() == "a.md:2:3: TK101 bad [c-1]\nb:4:5: TK301 two\n"
    out = io.StringIO()
    write_text(fs, out, colour=True)
    assert out.getvalue() == ("\033[1ma.md\033[0m:2:3: \033[31mTK101\033[0m bad [c-1]\n"
                              "\033[1mb\033[0m:4:5: \033[33mTK301\033[0m two\n")
    out = io.StringIO()
    write_text([F(severity="info", code="TK999")], out, colour=True)
    assert out.getvalue() == "\033[1ma.md\033[0m:1:1: TK999\033[0m msg\n"


def test_write_json_exact_text():
    from termkit._version import __version__
    from termkit.output.findings import write_json

    out = io.StringIO()
    write_json([], out, "sig")
    assert out.getvalue() == f'{{\n  "termkit": "{__version__}",\n  "signature": "sig",\n  "findings": []\n}}\n'
    out = io.StringIO()
    write_json([F(message="ü"), F(line=2, suggestions=["x"])], out, "s")
    text = out.getvalue()
    assert text.startswith(f'{{\n  "termkit": "{__version__}",\n  "signature": "s",\n  "findings": [\n    {{"path"')
    assert text.endswith("}\n  ]\n}\n") and '"message": "ü"' in text
    data = json.loads(text)
    assert [(d["line"], d["suggestions"]) for d in data["findings"]] == [(1, []), (2, ["x"])]
    assert text.count("\n    {") == 2


@pytest.mark.parametrize("severities, files, expected", [
    ([], 0, "0 errors, 0 warnings in 0 files"),
    (["error"], 1, "1 error, 0 warnings in 1 file"),
    (["warning"], 2, "0 errors, 1 warning in 2 files"),
    (["error", "error", "warning", "warning", "warning"], 1, "2 errors, 3 warnings in 1 file"),
])
def test_summary(severities, files, expected):
    from termkit.output.findings import summary

    assert summary([F(severity=s) for s in severities], files) == expected


def test_write_csv_exact():
    from termkit.output.findings import write_csv

    out = io.StringIO()
    write_csv([F(concept="c", suggestions=["a", "b"], ko="가", segment=3, doc="d", side="target"), F(message='x, "y"')],
              out)
    assert out.getvalue() == (
        "path,line,column,end_line,end_column,code,severity,message,found,concept,ko,suggestions,segment,doc,side\n"
        "a.md,1,1,1,8,TK101,error,msg,Autarky,c,가,a | b,3,d,target\n"
        'a.md,1,1,1,8,TK101,error,"x, ""y""",Autarky,,,,,,\n')


def test_github_escapes():
    from termkit.output.findings import _gh_escape, write_github

    assert _gh_escape("50% a:b,c\r\nd") == "50%25 a:b,c%0D%0Ad"
    assert _gh_escape("50% a:b,c\r\nd", True) == "50%25 a%3Ab%2Cc%0D%0Ad"
    out = io.StringIO()
    write_github([F(2, 3, 2, 9, path="C:\\x,y.md", message="m: 1%\nz", concept="k"),
                  F(code="TK301", severity="warning", message="w")], out)
    assert out.getvalue() == (
        "::error file=C%3A\\x%2Cy.md,line=2,col=3,endLine=2,endColumn=9,title=TK101::m: 1%25%0Az [k]\n"
        "::warning file=a.md,line=1,col=1,endLine=1,endColumn=8,title=TK301::w\n")


class _Rule:
    def __init__(self, code, severity):
        self.code, self.name, self.summary, self.doc, self.severity = code, code.lower(), "s " + code, "d", severity


def test_sarif_structure():
    from termkit._version import __version__
    from termkit.output.findings import sarif

    rules = [_Rule("TK101", "error"), _Rule("TK301", "warning")]
    fs = [F(path="dir\\a.md", concept="c", ko="가", suggestions=["new", "other"], segment=2, doc="d", side="target"),
          F(2, 4, 3, 2, code="TK999", severity="warning", found="x\ny")]
    log = sarif(fs, "sig", rules)
    assert log["version"] == "2.1.0" and log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints" and run["properties"] == {"signature": "sig"}
    assert run["tool"]["driver"]["name"] == "termkit" and run["tool"]["driver"]["version"] == __version__
    assert run["tool"]["driver"]["rules"] == [
        {"id": "TK101", "name": "tk101", "shortDescription": {"text": "s TK101"}, "fullDescription": {"text": "d"},
         "help": {"text": "d"}, "defaultConfiguration": {"level": "error"}},
        {"id": "TK301", "name": "tk301", "shortDescription": {"text": "s TK301"}, "fullDescription": {"text": "d"},
         "help": {"text": "d"}, "defaultConfiguration": {"level": "warning"}}]
    first, second = run["results"]
    region = {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 8}
    assert first == {
        "ruleId": "TK101", "level": "error", "message": {"text": "msg"}, "ruleIndex": 0,
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": "dir/a.md"},
                                            "region": region | {"snippet": {"text": "Autarky"}}}}],
        "properties": {"concept": "c", "ko": "가", "suggestions": ["new", "other"], "segment": 2, "doc": "d",
                       "side": "target"},
        "fixes": [{"description": {"text": "Replace with 'new'"},
                   "artifactChanges": [{"artifactLocation": {"uri": "dir/a.md"},
                                        "replacements": [{"deletedRegion": region,
                                                          "insertedContent": {"text": "new"}}]}]}],
    }
    assert second == {
        "ruleId": "TK999", "level": "warning", "message": {"text": "msg"},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a.md"}, "region": {
            "startLine": 2, "startColumn": 4, "endLine": 3, "endColumn": 2, "snippet": {"text": "x\ny"}}}}],
        "properties": {},
    }


@pytest.mark.parametrize("fmt, start", [
    ("text", "a.md:1:1: TK101 msg\n"), ("github", "::error file=a.md,"), ("csv", "path,line,"),
    ("json", '{\n  "termkit"'), ("sarif", '{\n  "$schema"'), ("anything", "a.md:1:1: TK101 msg\n")])
def test_write_findings_dispatch(fmt, start):
    from termkit.output.findings import write_findings

    out = io.StringIO()
    write_findings(fmt, [F()], out, "sig")
    assert out.getvalue().startswith(start)
    if fmt == "sarif":
        assert out.getvalue().endswith("}\n") and json.loads(out.getvalue())["runs"][0]["results"][0]["ruleIndex"] >= 0


# --- fix.py -----------------------------------------------------------------------------------------

def first(mini, text, code=None):
    fs = [f for f in mini.check_text(text) if code is None or f.code == code]
    assert fs, text
    return fs[0]


def test_replacement_decisions(mini):
    from termkit.checking.fix import replacement

    m = mini.matcher
    assert replacement(first(mini, "Autarky was the aim."), m) == "Self-reliance"
    assert replacement(first(mini, "The Prime Minister (내각총리) met."), m) == "Premier"
    assert replacement(first(mini, "*saemmul* (water)"), m) == "spring water"
    # TK401: the first suggestion, the misspelling being known.
    assert replacement(first(mini, "Self-reliance (*Charkyok Kaengsaeng*) again."), m) == "Charyŏk Kaengsaeng"
    # Not fixed: another concept's correct rendering flagged by a gloss; an inflected form.
    assert replacement(first(mini, "False reporting (*yangsaengwon*)."), m) is None
    assert replacement(first(mini, "Two Prime Ministers (내각총리) met."), m) is None
    f = first(mini, "Autarky was the aim.")
    assert replacement(f._replace(code="TK301"), m) is None
    assert replacement(f._replace(concept="no-such-concept"), m) is None
    assert replacement(f._replace(end_line=2), m) is None
    for ch in "*_`<>[]\n\r":
        assert replacement(f._replace(found=f"Aut{ch}arky"), m) is None, ch
    assert replacement(f._replace(found="autarkies"), m) is None
    # A TK401 finding whose found text is not a known misspelling is left alone.
    g = first(mini, "Self-reliance (*Charkyok Kaengsaeng*) again.")
    assert replacement(g._replace(found="Charkyok Kaengsaeng Plan"), m) is None


def test_replacement_needs_exactly_one_preferred_form(tmp_path):
    from termkit.checking.checker import Checker
    from termkit.checking.fix import replacement
    from termkit.config import Config

    g = tmp_path / "g.yaml"
    g.write_text("""\
domain: t
description: t
concepts:
- id: two-preferred
  ko: 보급
  en:
    preferred: [supply, provision]
    wrong: [{form: handout, reason: wrong}]
  confidence: high
  specs:
  - text: "The supply (보급) went on."
    expect: []
""", encoding="utf-8")
    c = Checker(Config(glossary=[str(g)], bundled=False))
    (f,) = c.check_text("The handout went on.")
    assert f.code == "TK101" and replacement(f, c.matcher) is None


def test_offsets_and_apply():
    from termkit.checking.fix import Edit, _offsets, apply

    assert _offsets("") == [0]
    assert _offsets("ab\ncd\n\ne") == [0, 3, 6, 7]
    e = [Edit(0, 2, "ab", "X", None), Edit(3, 5, "cd", "YZ", None)]
    assert apply("ab cd ef", e) == "X YZ ef"
    assert apply("ab cd ef", []) == "ab cd ef"


def test_plan_skips_what_it_cannot_verify(mini):
    from termkit.checking.fix import plan

    text = "Autarky here.\nAnd autarky there.\n"
    fs = mini.check_text(text)
    assert [(e.start, e.end, e.new) for e in plan(text, fs, mini.matcher)] == [(0, 7, "Self-reliance"),
                                                                             (18, 25, "self-reliance")]
    # The text changed since the check: that edit is dropped, the other kept.
    assert [(e.start, e.new) for e in plan(text.replace("And autarky", "And Autarky"), fs, mini.matcher)] == [
        (0, "Self-reliance")]
    # A finding past the last line is ignored; overlapping findings give one edit.
    late = fs[0]._replace(line=9, end_line=9)
    assert [(e.start, e.end) for e in plan(text, [late] + fs, mini.matcher)] == [(0, 7), (18, 25)]
    overlap = fs[1]._replace(column=fs[1].column + 1, end_column=fs[1].end_column + 1, found="utarky ")
    assert [(e.start, e.end) for e in plan(text, [fs[1], overlap], mini.matcher)] == [(18, 25)]
    # A replacement equal to the text is no edit.
    same = "Self-reliance here.\n"
    f = fs[0]._replace(found="Self-reliance", end_column=14)
    assert plan(same, [f], mini.matcher) == []


def test_fix_file_write_diff_and_keep(tmp_path, mini):
    from termkit.checking.fix import fix_file

    p = tmp_path / "a.md"
    p.write_text("Autarky here.\n", encoding="utf-8")
    os.chmod(p, 0o640)
    r = fix_file(mini, p, write=False)
    assert p.read_text(encoding="utf-8") == "Autarky here.\n"
    assert [(e.old, e.new) for e in r.edits] == [("Autarky", "Self-reliance")]
    assert r.diff == (f"--- a/{p}\n+++ b/{p}\n@@ -1 +1 @@\n-Autarky here.\n+Self-reliance here.\n")
    assert [f.code for f in r.remaining] == ["TK101"]
    r = fix_file(mini, p)
    assert p.read_text(encoding="utf-8") == "Self-reliance here.\n" and r.remaining == []
    assert os.stat(p).st_mode & 0o7777 == 0o640
    assert not [x for x in os.listdir(tmp_path) if x.endswith(".termkit")]
    # Nothing to fix: no edits, no diff, the findings as they are.
    r = fix_file(mini, p)
    assert (r.edits, r.diff, r.remaining) == ([], "", [])


def test_fix_file_bom_and_other_suffixes(tmp_path, mini):
    from termkit.checking.fix import fix_file

    p = tmp_path / "a.txt"
    p.write_bytes("\ufeffAutarky here.\n".encode("utf-8"))
    fix_file(mini, p)
    assert p.read_bytes() == "\ufeffSelf-reliance here.\n".encode("utf-8")
    q = tmp_path / "a.tsv"
    q.write_text("ko\ten\n자력갱생\tAutarky\n", encoding="utf-8")
    r = fix_file(mini, q)
    assert r.edits == [] and [f.code for f in r.remaining] == ["TK101"]
    assert q.read_text(encoding="utf-8") == "ko\ten\n자력갱생\tAutarky\n"
