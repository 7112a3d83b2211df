"""Bad glossary and configuration files: a clear error with file and place (exit 2), never a hang or a traceback."""
import os

import pytest

from conftest import deadline, run_cli

from termkit.config import Config, load_config
from termkit.errors import ConfigError, GlossaryError
from termkit.glossary import sources
from termkit.glossary.limits import MAX_FORM_CHARS
from termkit.glossary.loader import MAX_YAML_DEPTH, load_files, load_yaml_file
from termkit.glossary.tbx_import import load_tbx
from termkit.glossary.yamlio import format_file

CONCEPT = """\
- id: sample-concept
  ko: 표본
  en:
    preferred: [{form}]
  confidence: high
  specs:
  - text: "A sample sentence."
    expect: []
"""


def glossary_yaml(form: str = "sample form", head: str = "") -> str:
    return f"{head}domain: sample\nconcepts:\n" + CONCEPT.format(form=form)




def cli(*args, seconds: float = 60, **kw):
    with deadline(seconds):
        return run_cli(*args, **kw)


def one_error_line(stderr: str) -> str:
    """The CLI's error: exactly one line, no traceback."""
    assert "Traceback" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    return lines[0]


# -- limits on forms and files --------------------------------------------------------------------

def test_overlong_form_is_refused_with_the_limit(tmp_path):
    """A 400,000-character form crashed pyahocorasick's pickle (exit 139) when the cache was written."""
    path = tmp_path / "long.yaml"
    path.write_text(glossary_yaml("x" * 400_000), encoding="utf-8")
    code, _, err = cli("glossary", "validate", "--no-bundled", "-g", path, seconds=120)
    assert code == 2
    line = one_error_line(err)
    assert f"{path}:3:" in line and "400,000 characters" in line and f"limit {MAX_FORM_CHARS:,}" in line


def test_form_at_the_limit_is_accepted(tmp_path):
    path = tmp_path / "ok.yaml"
    path.write_text(glossary_yaml("x" * MAX_FORM_CHARS), encoding="utf-8")
    assert load_files([path])[0].preferred == "x" * MAX_FORM_CHARS


@pytest.mark.parametrize("option", [["glossary", "validate", "--no-bundled", "-g"], ["glossary", "fmt"],
                                    ["glossary", "import", "-o", "OUT"]])
def test_fifo_glossary_is_refused_not_read(tmp_path, option):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    args = [str(tmp_path / "out") if a == "OUT" else a for a in option]
    code, _, err = cli(*args, fifo, seconds=30)
    assert code == 2
    assert "named pipe (FIFO)" in one_error_line(err)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_device_named_as_glossary_is_refused_before_reading(tmp_path, device):
    """The glossary hash used to read the device without end."""
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    link = tmp_path / "device.yaml"
    link.symlink_to(device)
    doc = tmp_path / "a.md"
    doc.write_text("The spirit of self-reliance.\n", encoding="utf-8")
    code, _, err = cli("check", "--no-bundled", "-g", link, doc, seconds=30)
    assert code == 2
    assert f"{link}: not a glossary file: a character device" in one_error_line(err)


def test_directory_named_as_glossary_file_is_refused(tmp_path):
    (tmp_path / "dir.yaml").mkdir()
    with pytest.raises(GlossaryError, match="a directory"):
        sources.content_hash([tmp_path / "dir.yaml"])


def test_oversized_glossary_is_refused_before_it_is_opened(tmp_path, monkeypatch):
    path = tmp_path / "big.yaml"
    path.write_text(glossary_yaml(head="# " + "padding " * 200 + "\n"), encoding="utf-8")
    monkeypatch.setattr(sources, "MAX_GLOSSARY_BYTES", 1_000)

    def no_open(*args, **kwargs):
        raise AssertionError("opened a file over the size limit")

    monkeypatch.setattr(sources.os, "open", no_open)
    with pytest.raises(GlossaryError, match=r"too large: 1,\d{3} bytes \(limit 1,000\)") as e:
        load_files([path])
    assert e.value.path == str(path)


# -- YAML --------------------------------------------------------------------------------------

def test_deep_yaml_nesting_is_a_located_error(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("domain: sample\nconcepts:\n" + "- " * 1000 + "x\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match=f"nested more than {MAX_YAML_DEPTH} levels") as e:
        load_yaml_file(path)
    assert (e.value.path, e.value.line) == (str(path), 3)


def test_deep_flow_nesting_is_a_located_error(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("domain: sample\nconcepts: " + "[" * 1000 + "]" * 1000 + "\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="nested more than"):
        load_yaml_file(path)


def alias_bomb() -> str:
    """Nine levels of nine aliases each: a few hundred bytes that expand to 9**9 strings."""
    lines = ["domain: sample", 'a0: &a0 ["ha","ha","ha","ha","ha","ha","ha","ha","ha"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    return "\n".join(lines + ["concepts: *a8", ""])


def test_yaml_alias_bomb_fails_fast(tmp_path):
    path = tmp_path / "bomb.yaml"
    path.write_text(alias_bomb(), encoding="utf-8")
    assert path.stat().st_size < 600
    with deadline(20), pytest.raises(GlossaryError, match="anchors and aliases") as e:
        load_yaml_file(path)
    assert (e.value.path, e.value.line) == (str(path), 2)


def test_yaml_anchor_alone_is_refused(tmp_path):
    path = tmp_path / "anchor.yaml"
    path.write_text(glossary_yaml().replace("domain: sample", "domain: &d sample"), encoding="utf-8")
    with pytest.raises(GlossaryError, match="anchors and aliases"):
        load_yaml_file(path)


def test_yaml_comments_are_skipped_not_collected(tmp_path, monkeypatch):
    """ruamel's round-trip scanner collects comments one character at a time and joins consecutive
    comment lines by copying: quadratic (a 1 MB comment line took 21 s, 2 MB of comment lines 43 s,
    depending on how the allocator can grow a string). Loading must not use it at all."""
    from ruamel.yaml.scanner import RoundTripScanner

    def collecting(*args, **kwargs):
        raise AssertionError("the comment-collecting round-trip scanner was used")

    monkeypatch.setattr(RoundTripScanner, "scan_to_next_token", collecting)
    path = tmp_path / "comments.yaml"
    path.write_text(glossary_yaml(head="# " + "c" * 1000 + "\n").replace("domain: sample", "domain: sample # d\n# e")
                    + "# " + "c" * 1000 + "\n", encoding="utf-8")
    assert [c.id for c in load_yaml_file(path)] == ["sample-concept"]


def test_long_yaml_comment_line_loads_within_a_deadline(tmp_path):
    path = tmp_path / "comment.yaml"
    path.write_text(glossary_yaml(head="# " + "c" * 1_000_000 + "\n") + "# note\n" * 100_000, encoding="utf-8")
    with deadline(30):
        assert [c.id for c in load_yaml_file(path)] == ["sample-concept"]


def test_fmt_refuses_an_overlong_line(tmp_path):
    path = tmp_path / "comment.yaml"
    path.write_text(glossary_yaml(head="# " + "c" * 20_000 + "\n"), encoding="utf-8")
    with deadline(20), pytest.raises(GlossaryError, match="20,002 characters") as e:
        format_file(path)
    assert e.value.line == 1


@pytest.mark.parametrize("where, line", [("concepts/0/en/preferred/0", 6), ("concepts/0/note", 7),
                                         ("description", 1)])
def test_lone_surrogate_is_refused_with_its_line(tmp_path, where, line):
    text = {"concepts/0/en/preferred/0": glossary_yaml('"half \\ud800 pair"'),
            "concepts/0/note": glossary_yaml().replace("  confidence:", '  note: "a \\udc00 note"\n  confidence:'),
            "description": glossary_yaml(head='description: "\\udfff"\n')}[where]
    path = tmp_path / "surrogate.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GlossaryError, match=f"lone surrogate .*at {where}$") as e:
        load_files([path])
    assert (e.value.path, e.value.line) == (str(path), line)


def test_lone_surrogate_in_a_flat_spec_is_refused(tmp_path):
    path = tmp_path / "flat.csv"
    path.write_text('concept,ko,en,status,reason,specs\nc1,표본,sample,preferred,,'
                    '"[{""text"": ""bad \\udfff"", ""expect"": []}]"\n', encoding="utf-8")
    with pytest.raises(GlossaryError, match="lone surrogate U[+]DFFF") as e:
        load_files([path])
    assert (e.value.path, e.value.line) == (str(path), 2)


def test_nul_in_yaml_is_a_one_line_located_error(tmp_path):
    path = tmp_path / "nul.yaml"
    path.write_bytes(glossary_yaml().replace("domain: sample", "domain: sam\0ple").encode())
    with pytest.raises(GlossaryError) as e:
        load_yaml_file(path)
    assert "\n" not in str(e.value) and (e.value.line, e.value.column) == (1, 12)


def test_control_character_in_yaml_is_a_one_line_located_error(tmp_path):
    path = tmp_path / "ctrl.yaml"
    path.write_text(glossary_yaml().replace("A sample sentence", "A sample\x07 sentence"), encoding="utf-8")
    with pytest.raises(GlossaryError, match="U[+]0007 is not allowed") as e:
        load_yaml_file(path)
    assert "\n" not in str(e.value) and e.value.line == 9


def test_csv_field_over_the_csv_limit_is_a_located_error(tmp_path):
    """csv's limit is process-wide (a document reader raises it for large tables): set it here."""
    import csv

    before = csv.field_size_limit(131_072)
    try:
        _csv_field_over_the_limit(tmp_path)
    finally:
        csv.field_size_limit(before)


def _csv_field_over_the_limit(tmp_path):
    path = tmp_path / "flat.csv"
    path.write_text("concept,ko,en,status,reason,note\nc1,표본,sample,preferred,,\"" + "n" * 140_000 + "\"\n",
                    encoding="utf-8")
    with pytest.raises(GlossaryError, match="bad CSV: field larger than field limit") as e:
        load_files([path])
    assert e.value.path == str(path)


# -- TBX ---------------------------------------------------------------------------------------

TBX = """<?xml version="1.0" encoding="UTF-8"?>{doctype}
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <text><body>
    <conceptEntry id="c1">{concept_notes}
      <langSec xml:lang="ko"><termSec><term>표본</term>
        <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
      <langSec xml:lang="en">
        <termSec>{en_term}<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>{term_notes}</termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""


def tbx(tmp_path, doctype="", concept_notes="", en_term="<term>sample</term>", term_notes=""):
    path = tmp_path / "g.tbx"
    path.write_text(TBX.format(doctype=doctype, concept_notes=concept_notes, en_term=en_term, term_notes=term_notes),
                    encoding="utf-8")
    return path


def test_tbx_fixture_loads(tmp_path):
    (c,) = load_tbx(tbx(tmp_path, concept_notes='<note>termkit:confidence=high</note>'))
    assert (c.ko, c.preferred, c.confidence) == ("표본", "sample", "high")


def test_tbx_term_section_without_term_is_located(tmp_path):
    with pytest.raises(GlossaryError, match="termSec without a <term>") as e:
        load_tbx(tbx(tmp_path, en_term=""))
    assert e.value.line == 8


@pytest.mark.parametrize("notes, where, message", [
    ('<note>termkit:spec={"text": "unclosed</note>', "concept", "spec= must hold JSON"),
    ('<note>termkit:spec={"text": "A sample."}</note>', "concept", "spec= must hold JSON"),
    ('<note>termkit:spec=["A sample.", []]</note>', "concept", "spec= must hold JSON"),
    ('<note>termkit:spec=' + "[" * 100_000 + '</note>', "concept", "spec= must hold JSON"),
    ('<note>termkit:confidence=certain</note>', "concept", "is not one of high, medium, low"),
    ('<note>termkit:type=gadget</note>', "concept", "is not one of term"),
    ('<note>termkit:name=nickname</note>', "term", "a name style is one of dprk, sk, other"),
])
def test_malformed_termkit_notes_are_located_errors(tmp_path, notes, where, message):
    path = tbx(tmp_path, **({"concept_notes": notes} if where == "concept" else {"term_notes": notes}))
    with pytest.raises(GlossaryError, match=message) as e:
        load_tbx(path)
    assert e.value.path == str(path) and e.value.line == (4 if where == "concept" else 8)


def test_tbx_entity_reference_is_refused_not_imported_as_text(tmp_path):
    doctype = '\n<!DOCTYPE tbx [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>'
    with pytest.raises(GlossaryError, match="entity reference &xxe;") as e:
        load_tbx(tbx(tmp_path, doctype=doctype, en_term="<term>&xxe;</term>"))
    assert e.value.line == 9


def test_tbx_declaring_entities_is_refused(tmp_path):
    doctype = '\n<!DOCTYPE tbx [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;">]>'
    with pytest.raises(GlossaryError, match=r"declares entities \(a, b\)"):
        load_tbx(tbx(tmp_path, doctype=doctype))


def test_tbx_with_an_external_doctype_still_loads(tmp_path):
    (c,) = load_tbx(tbx(tmp_path, doctype='\n<!DOCTYPE tbx SYSTEM "TBXBasic.dtd">'))
    assert c.preferred == "sample"


def test_nul_in_tbx_is_a_one_line_located_error(tmp_path):
    path = tbx(tmp_path)
    path.write_bytes(path.read_bytes().replace(b"<term>sample", b"<term>sam\0ple"))
    with pytest.raises(GlossaryError, match="malformed TBX") as e:
        load_tbx(path)
    assert "\n" not in str(e.value) and e.value.line == 8 and e.value.column


# -- configuration -----------------------------------------------------------------------------

@pytest.mark.parametrize("content", [b"tool = 1\n", b"[project]\nname = \"caf\xe9\"\n", b"[project\nname = 1\n"])
def test_unrelated_broken_parent_pyproject_is_ignored(tmp_path, content):
    (tmp_path / "pyproject.toml").write_bytes(content)
    work = tmp_path / "docs"
    work.mkdir()
    assert load_config(work) == Config()


@pytest.mark.parametrize("content, message", [
    (b"[tool.termkit]\nselect = [\"TK1\"]\nname = \"caf\xe9\"\n", r"not UTF-8 \(byte"),
    (b"[tool.termkit]\nselect = [\"TK1\"\n", "bad TOML"),
    (b"[tool]\ntermkit = 1\n", "'tool.termkit' must be a table"),
])
def test_broken_pyproject_meant_for_termkit_is_a_config_error(tmp_path, content, message):
    (tmp_path / "pyproject.toml").write_bytes(content)
    with pytest.raises(ConfigError, match=message) as e:
        load_config(tmp_path)
    assert e.value.path == str(tmp_path / "pyproject.toml")


@pytest.mark.parametrize("content, message", [(b"tool = 1\n", "'tool' must be a table"),
                                              (b"select = [\"TK1\"]\n\xff\n", "not UTF-8")])
def test_broken_termkit_toml_is_a_config_error(tmp_path, content, message):
    (tmp_path / ".termkit.toml").write_bytes(content)
    with pytest.raises(ConfigError, match=message) as e:
        load_config(tmp_path)
    assert e.value.path == str(tmp_path / ".termkit.toml")


def test_check_below_a_broken_unrelated_pyproject_runs(tmp_path):
    (tmp_path / "pyproject.toml").write_bytes(b"tool = 1\n[project]\nname = \"\xff\"\n")
    work = tmp_path / "docs"
    work.mkdir()
    (work / "a.md").write_text("The spirit of self-reliance.\n", encoding="utf-8")
    code, out, err = cli("check", "a.md", cwd=work)
    assert code == 0 and "Traceback" not in err, err


def test_check_below_a_broken_termkit_pyproject_exits_2(tmp_path):
    (tmp_path / "pyproject.toml").write_bytes(b"[tool.termkit]\nselect = 1\nname = \"\xff\"\n")
    (tmp_path / "a.md").write_text("The spirit of self-reliance.\n", encoding="utf-8")
    code, _, err = cli("check", "a.md", cwd=tmp_path)
    assert code == 2 and "pyproject.toml: not UTF-8" in one_error_line(err)

