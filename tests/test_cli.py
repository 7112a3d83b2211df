"""The command line: output shapes, exit codes, options, configuration and error handling."""
import codecs
import json
import sys
import unicodedata

import pytest

from conftest import FIXTURE_GLOSSARY, run_cli

BAD = "The spirit of self-reliance (*Charkyok Kaengsaeng*) and autarky.\n"
GOOD = "The spirit of self-reliance (*charyŏk kaengsaeng*).\n"
MINI = ("--no-bundled", "--glossary", str(FIXTURE_GLOSSARY))


def test_text_output_and_exit_1(tmp_path):
    f = tmp_path / "bad.md"
    f.write_text(BAD, encoding="utf-8")
    code, out, err = run_cli("check", *MINI, f)
    assert code == 1
    assert out.splitlines() == [
        f"{f}:1:{BAD.index('Charkyok') + 1}: TK401 'Charkyok Kaengsaeng' is a misspelled romanization of 자력갱생 (charyŏk kaengsaeng): "
        "garbled McCune–Reischauer; use 'Charyŏk Kaengsaeng' [jaryeok-gaengsaeng]",
        f"{f}:1:{BAD.index('autarky') + 1}: TK101 'autarky' is a wrong rendering of 자력갱생 (charyŏk kaengsaeng): an economic term for "
        "closed economies, not the slogan; use 'self-reliance' [jaryeok-gaengsaeng]",
    ]
    assert "2 errors, 0 warnings in 1 file" in err


def test_json_shape(tmp_path):
    f = tmp_path / "bad.md"
    f.write_text(BAD, encoding="utf-8")
    code, out, _ = run_cli("check", "--format", "json", *MINI, f)
    doc = json.loads(out)
    assert code == 1 and doc["termkit"] and doc["signature"].startswith("termkit:")
    first = doc["findings"][0]
    for key in ("path", "line", "column", "end_line", "end_column", "code", "severity", "message", "found",
                "concept", "ko", "suggestions"):
        assert key in first
    assert (first["line"], first["column"], first["end_line"], first["end_column"]) == (1, 31, 1, 50)
    assert BAD[first["column"] - 1:first["end_column"] - 1] == first["found"] == "Charkyok Kaengsaeng"
    assert first["suggestions"] == ["Charyŏk Kaengsaeng", "Jaryeok Gaengsaeng"]


def test_clean_exit_0_and_fail_on(tmp_path):
    f = tmp_path / "good.md"
    f.write_text(GOOD, encoding="utf-8")
    assert run_cli("check", *MINI, f)[0] == 0
    w = tmp_path / "warn.md"
    w.write_text("The Korean Workers' Party met.\n", encoding="utf-8")
    assert run_cli("check", *MINI, w)[0] == 0  # a warning does not fail by default
    assert run_cli("check", *MINI, "--fail-on", "warning", w)[0] == 1


def test_select_ignore_and_suppression(tmp_path):
    f = tmp_path / "bad.md"
    f.write_text(BAD + "Autarky again. <!-- termkit: ignore[TK101] -->\n", encoding="utf-8")
    _, out, _ = run_cli("check", "--format", "json", *MINI, f)
    assert [x["code"] for x in json.loads(out)["findings"]] == ["TK401", "TK101"]
    _, out, _ = run_cli("check", "--format", "json", "--select", "TK4", *MINI, f)
    assert [x["code"] for x in json.loads(out)["findings"]] == ["TK401"]
    _, out, _ = run_cli("check", "--format", "json", "--ignore", "TK401", *MINI, f)
    assert [x["code"] for x in json.loads(out)["findings"]] == ["TK101"]


def test_config_file(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.termkit]\nignore = ["TK1"]\nbundled = false\nglossary = ["{FIXTURE_GLOSSARY.as_posix()}"]\n',
        encoding="utf-8")
    (tmp_path / "bad.md").write_text(BAD, encoding="utf-8")
    _, out, _ = run_cli("check", "--format", "json", "bad.md", cwd=tmp_path)
    assert [x["code"] for x in json.loads(out)["findings"]] == ["TK401"]
    (tmp_path / ".termkit.toml").write_text('select = ["TK9"]\nfail-on = "sometimes"\n', encoding="utf-8")
    code, out, err = run_cli("check", "bad.md", cwd=tmp_path)
    assert code == 2 and ".termkit.toml" in err and "fail-on" in err and "Traceback" not in err


@pytest.mark.parametrize("encoding, bom", [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16", b""),
                                           ("cp949", b""), ("euc-kr", b"")])
def test_encodings(tmp_path, encoding, bom):
    text = "제목: 자력갱생\r\nThe spirit of self-reliance (자력갱생, *Charkyok Kaengsaeng*).\r\n"
    f = tmp_path / "doc.txt"
    f.write_bytes(bom + text.encode(encoding))
    code, out, err = run_cli("check", "--format", "json", *MINI, f)
    findings = json.loads(out)["findings"]
    assert [(x["line"], x["column"], x["found"]) for x in findings] == [(2, 37, "Charkyok Kaengsaeng")], err


def test_nfd_input_same_findings(tmp_path):
    text = "Localization (주체화) and Charkyok Kaengsaeng (자력갱생의).\n"
    a, b = tmp_path / "nfc.md", tmp_path / "nfd.md"
    a.write_text(text, encoding="utf-8")
    b.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    fa = json.loads(run_cli("check", "--format", "json", *MINI, a)[1])["findings"]
    fb = json.loads(run_cli("check", "--format", "json", *MINI, b)[1])["findings"]
    key = lambda x: (x["line"], x["code"], x["concept"], unicodedata.normalize("NFC", x["found"]))  # noqa: E731
    assert [key(x) for x in fa] == [key(x) for x in fb] and len(fa) == 2


def test_directory_walk_and_markdown_stripping(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("Autarky<sup>1</sup> and [autarky](http://autarky.example).\n",
                                          encoding="utf-8")
    (tmp_path / "b.txt").write_text("```\nautarky in code\n```\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("```\nautarky in code\n```\nautarky\n", encoding="utf-8")
    (tmp_path / "skip.py").write_text("autarky = 1\n", encoding="utf-8")
    _, out, _ = run_cli("check", "--format", "json", *MINI, tmp_path)
    got = [(x["path"].replace(str(tmp_path), "").lstrip("/\\"), x["line"], x["column"])
           for x in json.loads(out)["findings"]]
    assert got == [("b.txt", 2, 1), ("c.md", 4, 1), ("sub/a.md", 1, 1), ("sub/a.md", 1, 26)]


@pytest.mark.parametrize("content, message", [
    ("domain: x\nconcepts:\n- id: a\n  ko: [\n", "bad YAML"),
    ("domain: x\nconcepts:\n- id: a\n  ko: 가\n  en: {preferred: [b]}\n  confidence: sure\n  specs: []\n",
     "schema violation"),
    ("domain: x\nconcepts:\n- id: a\n  ko: 가\n  en: {preferred: [b]}\n  confidence: high\n"
     "  specs: [{text: b, expect: []}]\n- id: a\n  ko: 나\n  en: {preferred: [c]}\n  confidence: high\n"
     "  specs: [{text: c, expect: []}]\n", "duplicate concept id"),
])
def test_broken_glossary_exit_2(tmp_path, content, message):
    g = tmp_path / "g.yaml"
    g.write_text(content, encoding="utf-8")
    (tmp_path / "t.md").write_text("text\n", encoding="utf-8")
    code, out, err = run_cli("check", "--no-bundled", "--glossary", g, tmp_path / "t.md")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and f"{g}:" in err and message in err and "Traceback" not in err


def test_schema_error_names_line_and_schema_path(tmp_path):
    g = tmp_path / "g.yaml"
    g.write_text("domain: x\nconcepts:\n- id: a\n  ko: 가\n  en: {preferred: [b]}\n  confidence: sure\n"
                 "  specs: [{text: b, expect: []}]\n", encoding="utf-8")
    code, _, err = run_cli("glossary", "validate", "--no-bundled", "--glossary", g)
    assert code == 2 and f"{g}:6:" in err and "concepts/0/confidence" in err and "schema:" in err


def test_bad_inputs_exit_2_but_other_files_checked(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "bad.md").write_text(BAD, encoding="utf-8")
    code, out, err = run_cli("check", *MINI, tmp_path / "bin.txt", tmp_path / "missing.md", tmp_path / "bad.md")
    assert code == 2 and "missing.md" in err and "Traceback" not in err
    assert "TK401" in out  # the file after the missing one is still checked
    code, out, err = run_cli("check", *MINI, tmp_path / "bin.txt", tmp_path / "bad.md")
    assert code == 2 and "bin.txt: binary file" in err and "TK401" in out  # nothing lost


def test_jobs_give_the_same_output_as_one_process(tmp_path):
    """--jobs 2 checks files in two processes: same findings, same order, errors kept with their place."""
    for n in range(6):
        (tmp_path / f"part-{n}.md").write_text(("Filler line.\n" * n) + (BAD if n % 2 else GOOD), encoding="utf-8")
    (tmp_path / "part-3b.txt").write_bytes(b"\x00\x01\x02binary")
    runs = [run_cli("check", "--format", "json", *MINI, "--jobs", j, tmp_path) for j in ("1", "2")]
    (code1, out1, err1), (code2, out2, err2) = runs
    assert code1 == code2 == 2 and out1 == out2 and err1 == err2
    found = json.loads(out1)["findings"]
    assert [f["path"].rsplit("/", 1)[-1] for f in found] == ["part-1.md"] * 2 + ["part-3.md"] * 2 + ["part-5.md"] * 2
    assert [f["line"] for f in found] == [2, 2, 4, 4, 6, 6]
    assert "part-3b.txt: binary file" in err2 and "Traceback" not in err2


def test_jobs_in_process_api_matches_sequential(tmp_path, mini):
    from termkit.checking.parallel import check_files

    files = []
    for n in range(5):
        files.append(tmp_path / f"f{n}.md")
        files[-1].write_text(BAD * (n + 1), encoding="utf-8")
    files.insert(2, tmp_path / "missing.md")
    one = [(f, found, str(e) if e else None) for f, found, e in check_files(mini, files, 1)]
    two = [(f, found, str(e) if e else None) for f, found, e in check_files(mini, files, 2)]
    assert one == two and [len(found) for _, found, _ in one] == [2, 4, 0, 6, 8, 10]
    assert one[2][2].startswith(str(files[2])) and "cannot read" in one[2][2]


def test_bad_options_exit_2():
    for args in (["check", "--bogus", "x"], ["check", "--format", "yaml", "x"], ["check", "--select", "XX1", "x"],
                 ["nosuchcommand"], ["rule", "TK999"]):
        code, out, err = run_cli(*args)
        assert code == 2 and err.startswith("termkit: error:") and len(err.strip().splitlines()) == 1, args


def test_flat_csv_and_tsv_glossary(tmp_path):
    csv_g = tmp_path / "g.csv"
    csv_g.write_text("concept,ko,en,status,reason,mr\n"
                     "jaryeok,자력갱생,self-reliance,preferred,,charyŏk kaengsaeng\n"
                     'jaryeok,자력갱생,"autarky, closed",wrong,"not the slogan, a closed economy",\n',
                     encoding="utf-8")
    tsv_g = tmp_path / "g.tsv"
    tsv_g.write_text("concept\tko\ten\tstatus\treason\njaryeok\t자력갱생\tself-reliance\tpreferred\t\n"
                     'jaryeok\t자력갱생\t"autarky, closed\twrong\tquoted on purpose\n', encoding="utf-8")
    doc = tmp_path / "t.md"
    doc.write_text("Autarky, closed, said the paper.\n", encoding="utf-8")
    _, out, _ = run_cli("check", "--format", "json", "--no-bundled", "--glossary", csv_g, doc)
    assert [(x["code"], x["found"]) for x in json.loads(out)["findings"]] == [("TK101", "Autarky, closed")]
    doc.write_text('"Autarky, closed, said the paper.\n', encoding="utf-8")
    _, out, _ = run_cli("check", "--format", "json", "--no-bundled", "--glossary", tsv_g, doc)
    assert [(x["code"], x["found"]) for x in json.loads(out)["findings"]] == [("TK101", '"Autarky, closed')]
    bad = tmp_path / "bad.csv"
    bad.write_text("concept,ko,en,status,reason\nx,가,y,maybe,\n", encoding="utf-8")
    code, _, err = run_cli("check", "--no-bundled", "--glossary", bad, doc)
    assert code == 2 and f"{bad}:2:" in err and "maybe" in err


def test_rule_docs():
    code, out, _ = run_cli("rule")
    assert code == 0 and [line.split()[0] for line in out.splitlines()] == [
        "TK101", "TK102", "TK103", "TK201", "TK203", "TK301", "TK401", "TK402", "TK403", "TK501", "TK502", "TK601", "TK602"]
    code, out, _ = run_cli("rule", "tk401")
    assert code == 0 and out.startswith("TK401 misspelled-romanization (error)") and "Okay:" in out


def test_version():
    code, out, _ = run_cli("--version")
    assert code == 0 and out.startswith("termkit ")


def test_report_command(tmp_path):
    from conftest import ROOT

    out = tmp_path / "r.csv"
    code, _, err = run_cli("report", ROOT / "examples" / "kinu-passage.md", "-o", out)
    assert code == 1 and out.is_file() and "1 documents" in err
    assert out.read_text(encoding="utf-8").splitlines()[0].startswith("# termkit report termkit:")
    code, _, err = run_cli("report", ROOT / "examples" / "kinu-passage-corrected.md", "-o", tmp_path / "c.csv")
    assert code == 0
    code, _, err = run_cli("report", ROOT / "examples", "-o", tmp_path / "r.pdf")
    assert code == 2 and "report format" in err and not (tmp_path / "r.pdf").exists()


def test_score_and_extract_commands(tmp_path):
    import json as _json

    from conftest import ROOT

    ex = ROOT / "examples" / "score"
    code, out, _ = run_cli("score", "--hyp", ex / "hypothesis.en.txt", "--ref", ex / "reference.en.txt",
                           "--src", ex / "source.ko.txt", "--format", "json")
    data = _json.loads(out)
    assert code == 0 and {"bleu", "chrf", "ter", "term_accuracy", "term_consistency"} <= set(data)
    assert 0 <= data["term_accuracy"] <= 1
    assert run_cli("score")[0] == 2
    review = tmp_path / "review.yaml"
    code, _, err = run_cli("extract", ROOT / "examples" / "extract" / "corpus.tsv", "--top", "5", "-o", review)
    assert code == 0 and review.is_file() and "5 candidates" in err
    assert run_cli("extract", "--source", ex / "source.ko.txt")[0] == 2
