"""Glossary exchange: TBX-Basic and flat CSV/TSV round trips, XLSX for editors, hand-written TBX, fmt."""
import json
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from termkit.glossary.flat import export_flat, flat_rows
from termkit.glossary.assemble import load_concepts
from termkit.glossary.loader import load_files, load_yaml_file
from termkit.glossary.tbx_export import export_tbx
from termkit.glossary.tbx_import import load_tbx
from termkit.glossary.tbx_model import NS
from termkit.glossary.yamlio import format_text, write_glossary

TBX_STATUSES = {"preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts",
                "supersededTerm-admn-sts"}


@pytest.fixture(scope="module")
def concepts():
    return load_concepts()


def same(a, b):
    strip = lambda cs: {c.id: replace(c, origin="") for c in cs}  # noqa: E731
    return strip(a) == strip(b)


def test_yaml_tbx_yaml_round_trip(tmp_path, concepts):
    export_tbx(concepts, tmp_path / "g.tbx")
    from_tbx = load_tbx(tmp_path / "g.tbx")
    assert same(concepts, from_tbx)
    write_glossary(from_tbx, tmp_path / "yaml")
    assert same(concepts, load_files(sorted((tmp_path / "yaml").glob("*.yaml"))))


@pytest.mark.parametrize("suffix", [".csv", ".tsv"])
def test_yaml_flat_yaml_round_trip(tmp_path, concepts, suffix):
    export_flat(concepts, tmp_path / f"g{suffix}")
    from_flat = load_files([tmp_path / f"g{suffix}"])
    assert same(concepts, from_flat)
    write_glossary(from_flat, tmp_path / "yaml")
    assert same(concepts, load_files(sorted((tmp_path / "yaml").glob("*.yaml"))))


def test_exported_tbx_is_tbx_basic(tmp_path, concepts):
    from lxml import etree

    export_tbx(concepts, tmp_path / "g.tbx")
    root = etree.parse(str(tmp_path / "g.tbx")).getroot()
    assert root.tag == f"{{{NS}}}tbx" and root.get("type") == "TBX-Basic" and root.get("style") == "dca"
    entries = root.findall(f".//{{{NS}}}conceptEntry")
    assert len(entries) == len(concepts)
    statuses = {n.text for n in root.iter(f"{{{NS}}}termNote") if n.get("type") == "administrativeStatus"}
    assert statuses == TBX_STATUSES
    for e in entries:  # every concept has a Korean and an English language section
        langs = {ls.get("{http://www.w3.org/XML/1998/namespace}lang") for ls in e.findall(f"{{{NS}}}langSec")}
        assert {"ko", "en"} <= langs


HAND_TBX = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>A translator's own termbase</p></sourceDesc></fileDesc></tbxHeader>
  <text>
    <body>
      <conceptEntry id="c1">
        <descrip type="subjectField">economy</descrip>
        <langSec xml:lang="ko">
          <termSec><term>자력갱생</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
        </langSec>
        <langSec xml:lang="en">
          <descrip type="definition">Relying on one's own resources.</descrip>
          <termSec><term>self-reliance</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
          <termSec><term>self-regeneration</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec>
          <termSec><term>autarky</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
            <note>an economist's label, not the slogan</note></termSec>
          <termSec><term>self-rebirth</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termSec>
        </langSec>
      </conceptEntry>
    </body>
  </text>
</tbx>
"""


def test_hand_written_tbx_imports_and_checks(tmp_path):
    f = tmp_path / "hand.tbx"
    f.write_text(HAND_TBX, encoding="utf-8")
    [c] = load_tbx(f)
    assert (c.id, c.ko, c.domain, c.definition) == ("c1", "자력갱생", "economy", "Relying on one's own resources.")
    assert [(t.form, t.status, t.reason) for t in c.terms] == [
        ("self-reliance", "preferred", None), ("self-regeneration", "admitted", None),
        ("autarky", "deprecated", "an economist's label, not the slogan"),
        ("self-rebirth", "superseded", "marked superseded in the imported termbase")]
    doc = tmp_path / "t.md"
    doc.write_text("Autarky and self-rebirth.\n", encoding="utf-8")
    code, out, _ = run_cli("check", "--format", "json", "--no-bundled", "--glossary", f, doc)
    assert [(x["code"], x["found"]) for x in json.loads(out)["findings"]] == [
        ("TK102", "Autarky"), ("TK102", "self-rebirth")]
    code, out, err = run_cli("glossary", "import", f, "-o", tmp_path / "imp")
    assert code == 0 and (tmp_path / "imp" / "economy.yaml").is_file()


def test_malformed_tbx_exit_2(tmp_path):
    f = tmp_path / "bad.tbx"
    f.write_text(HAND_TBX.replace("</body>", ""), encoding="utf-8")
    code, _, err = run_cli("glossary", "import", f, "-o", tmp_path / "imp")
    assert code == 2 and f"{f}:" in err and "Traceback" not in err


@pytest.mark.parametrize("fmt", ["tbx", "csv"])
def test_imported_glossary_checks_as_yaml(tmp_path, fmt):
    out = tmp_path / f"g.{fmt}"
    assert run_cli("glossary", "export", "-o", out)[0] == 0
    example = ROOT / "examples" / "kinu-passage.md"
    cfg = tmp_path / "empty.toml"
    cfg.write_text("[tool.termkit]\n", encoding="utf-8")
    yaml_run = json.loads(run_cli("check", "--format", "json", "--config", cfg, example)[1])["findings"]
    other = json.loads(run_cli("check", "--format", "json", "--config", cfg, "--no-bundled", "--glossary", out,
                               example)[1])["findings"]
    assert yaml_run == other and len(yaml_run) > 10


def test_xlsx_for_editors(tmp_path, concepts):
    from openpyxl import load_workbook

    out = tmp_path / "g.xlsx"
    assert run_cli("glossary", "export", "-o", out)[0] == 0
    sheet = load_workbook(out, read_only=True)["glossary"]
    rows = list(sheet.iter_rows(values_only=True))
    expected = flat_rows(concepts)
    assert rows[0][:5] == ("concept", "ko", "en", "status", "reason")
    assert len(rows) - 1 == len(expected)
    assert [(r[0], r[2], r[3]) for r in rows[1:]] == [(e["concept"], e["en"], e["status"]) for e in expected]


def test_fmt_canonical_idempotent_and_keeps_comments(tmp_path):
    messy = ("# house glossary\nconcepts:\n"
             "- specs: [{expect: [], text: Self-reliance.}]\n  confidence: high\n  en: {preferred: [self-reliance]}\n"
             "  ko: 자력갱생  # the slogan\n  id: zz\n"
             "- id: aa\n  ko: 국산화\n  en: {preferred: [localization]}\n  confidence: high\n"
             "  specs: [{text: Localization., expect: []}]\ndomain: test\n")
    f = tmp_path / "g.yaml"
    f.write_text(messy, encoding="utf-8")
    before = load_yaml_file(f)
    code, out, _ = run_cli("glossary", "fmt", "--check", f)
    assert code == 1 and f.read_text(encoding="utf-8") == messy
    assert run_cli("glossary", "fmt", f)[0] == 0
    text = f.read_text(encoding="utf-8")
    assert text.index("domain:") < text.index("concepts:") and text.index("id: aa") < text.index("id: zz")
    assert "# house glossary" in text and "# the slogan" in text
    assert format_text(text) == text
    assert run_cli("glossary", "fmt", "--check", f)[0] == 0
    assert same(before, load_yaml_file(f))


def test_bundled_glossary_is_canonical():
    code, out, err = run_cli("glossary", "fmt", "--check")
    assert code == 0, out
