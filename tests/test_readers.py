"""Readers: every bilingual and English-only format yields located segments; malformed files exit 2."""
import json

import pytest

from conftest import FIXTURE_GLOSSARY, run_cli

MINI = ("--no-bundled", "--glossary", str(FIXTURE_GLOSSARY))


def check(path, *extra):
    code, out, err = run_cli("check", "--format", "json", *MINI, *extra, path)
    return code, (json.loads(out)["findings"] if out.strip() else None), err


def brief(findings):
    return [(f["segment"], f["side"], f["line"], f["column"], f["code"], f["found"]) for f in findings]


def test_tsv_lines_columns_quotes_and_docs(tmp_path):
    f = tmp_path / "t.tsv"
    f.write_text("doc\tko\ten\n"
                 "a\t자력갱생의 길\t\"Autarky\" was the path.\n"
                 "\n"
                 "a\t주체화를 위하여\tFor localization.\n"
                 "b\t자력갱생\tSelf-reliance.\n", encoding="utf-8")
    code, findings, err = check(f)
    assert code == 1, err
    assert brief(findings) == [
        (1, "target", 2, 12, "TK101", "Autarky"),
        (2, "target", 4, 16, "TK101", "localization"),
    ]
    assert {x["doc"] for x in findings} == {"a"}


def test_tsv_missing_rendering_points_at_source(tmp_path):
    f = tmp_path / "t.tsv"
    f.write_text("source\ttarget\n자력갱생의 길\tThe path of independence.\n", encoding="utf-8")
    _, findings, _ = check(f)
    assert brief(findings) == [(1, "source", 2, 1, "TK601", "자력갱생")]


def test_csv_multiline_fields_keep_physical_lines(tmp_path):
    f = tmp_path / "t.csv"
    f.write_text('en,ko\n"Line one,\nautarky here",자력갱생\n"Autarky",자력갱생\n', encoding="utf-8")
    _, findings, _ = check(f)
    assert [(x["segment"], x["line"], x["code"]) for x in findings] == [(1, 3, "TK101"), (2, 4, "TK101")]


def test_named_columns(tmp_path):
    f = tmp_path / "t.tsv"
    f.write_text("kor\teng\n자력갱생\tAutarky.\n", encoding="utf-8")
    code, _, err = check(f)
    assert code == 2 and "source column" in err and f"{f}:1" in err
    code, findings, _ = check(f, "--source-col", "kor", "--target-col", "eng")
    assert code == 1 and [x["code"] for x in findings] == ["TK101"]


def test_malformed_tsv_names_the_line(tmp_path):
    f = tmp_path / "t.tsv"
    f.write_text("ko\ten\n자력갱생\tSelf-reliance.\n자력갱생\tSelf-reliance.\textra\n", encoding="utf-8")
    code, _, err = check(f)
    assert code == 2 and f"{f}:3" in err and "Traceback" not in err


XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="brief.docx" source-language="ko" target-language="en" datatype="plaintext">
    <body>
      <trans-unit id="1">
        <source>자력갱생의 정신</source>
        <target>The spirit of <g id="b">autarky</g><x id="fn"/>.</target>
      </trans-unit>
      <trans-unit id="2">
        <source>주체화</source>
        <target>Localization <ph id="p">&lt;localization&gt;</ph>.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""

XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="ko" trgLang="en">
  <file id="f1" original="brief.md">
    <unit id="u1">
      <segment>
        <source>주체화를 강조</source>
        <target>It stressed <pc id="1">localization</pc>.</target>
      </segment>
    </unit>
  </file>
</xliff>
"""

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en"
          srclang="ko" datatype="plaintext"/>
  <body>
    <tu>
      <tuv xml:lang="ko"><seg>주체화를 강조</seg></tuv>
      <tuv xml:lang="en-US"><seg>It stressed <bpt i="1">&lt;b&gt;</bpt>localization<ept i="1">&lt;/b&gt;</ept>.</seg></tuv>
    </tu>
  </body>
</tmx>
"""


def test_xliff_12_inline_codes(tmp_path):
    f = tmp_path / "t.xlf"
    f.write_text(XLIFF12, encoding="utf-8")
    _, findings, _ = check(f)
    assert [(x["segment"], x["line"], x["code"], x["found"], x["doc"]) for x in findings] == [
        (1, 7, "TK101", "autarky", "brief.docx"), (2, 11, "TK101", "Localization", "brief.docx")]


def test_xliff_20_and_tmx(tmp_path):
    for name, content, line in (("t.xlf", XLIFF20, 7), ("t.tmx", TMX, 8)):
        f = tmp_path / name
        f.write_text(content, encoding="utf-8")
        _, findings, _ = check(f)
        assert [(x["segment"], x["line"], x["code"], x["found"]) for x in findings] == [
            (1, line, "TK101", "localization")], name


def test_english_to_korean_file_is_refused(tmp_path):
    f = tmp_path / "t.xlf"
    f.write_text(XLIFF12.replace('source-language="ko" target-language="en"',
                                 'source-language="en" target-language="ko"'), encoding="utf-8")
    code, _, err = check(f)
    assert code == 2 and "Korean→English" in err


def test_malformed_xml_names_line(tmp_path):
    f = tmp_path / "t.tmx"
    f.write_text(TMX.replace("</tu>", "</tuv>", 1), encoding="utf-8")
    code, _, err = check(f)
    assert code == 2 and f"{f}:" in err and "malformed XML" in err and "Traceback" not in err


def test_entity_expansion_is_not_performed(tmp_path):
    lol = "".join(f'<!ENTITY l{i} "{"&l%d;" % (i - 1) * 10}">' for i in range(1, 10))
    bomb = (f'<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY l0 "autarky">{lol}]>'
            '<tmx version="1.4"><header srclang="ko"/><body><tu><tuv xml:lang="ko"><seg>자력갱생</seg></tuv>'
            '<tuv xml:lang="en"><seg>&l9;</seg></tuv></tu></body></tmx>')
    f = tmp_path / "bomb.tmx"
    f.write_text(bomb, encoding="utf-8")
    code, findings, err = check(f)
    assert code in (0, 1, 2) and "Traceback" not in err
    assert not findings or len(findings) < 10  # the billion autarkies were never expanded


def test_external_entities_are_not_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("autarky", encoding="utf-8")
    xxe = (f'<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY x SYSTEM "file://{secret}">]>'
           '<tmx version="1.4"><header srclang="ko"/><body><tu><tuv xml:lang="ko"><seg>자력갱생</seg></tuv>'
           '<tuv xml:lang="en"><seg>&x;</seg></tuv></tu></body></tmx>')
    f = tmp_path / "xxe.tmx"
    f.write_text(xxe, encoding="utf-8")
    code, findings, err = check(f)
    assert "Traceback" not in err
    assert not any(x["code"] == "TK101" for x in findings or [])


def test_po(tmp_path):
    f = tmp_path / "t.po"
    f.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                 '#: brief.md:3\nmsgid "자력갱생의 정신"\nmsgstr "The spirit of autarky"\n', encoding="utf-8")
    _, findings, _ = check(f)
    assert [(x["segment"], x["line"], x["code"], x["found"]) for x in findings] == [(1, 7, "TK101", "autarky")]


def test_paired_plain_files(tmp_path):
    ko, en = tmp_path / "ko.txt", tmp_path / "en.txt"
    ko.write_text("첫 문장\n주체화를 강조\n", encoding="utf-8")
    en.write_text("First sentence.\nIt stressed localization.\n", encoding="utf-8")
    code, out, err = run_cli("check", "--format", "json", *MINI, "--source", ko, "--target", en)
    findings = json.loads(out)["findings"]
    assert [(x["path"], x["line"], x["column"], x["code"]) for x in findings] == [(str(en), 2, 13, "TK101")]
    en.write_text("Only one line.\n", encoding="utf-8")
    code, _, err = run_cli("check", *MINI, "--source", ko, "--target", en)
    assert code == 2 and "ko.txt" in err


def test_docx_paragraphs(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("A clean first paragraph.")
    d.add_paragraph("The spirit of self-reliance (*Charkyok Kaengsaeng*).")
    f = tmp_path / "t.docx"
    d.save(f)
    _, findings, _ = check(f)
    assert [(x["line"], x["column"], x["code"]) for x in findings] == [(2, 31, "TK401")]
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    code, _, err = check(bad)
    assert code == 2 and "bad.docx" in err


def test_html_blocks(tmp_path):
    f = tmp_path / "t.html"
    f.write_text("<html><body>\n<p>Clean.</p>\n<p>Self-reliance (<i>Charkyok Kaengsaeng</i>)<sup>1</sup>.</p>\n"
                 "</body></html>\n", encoding="utf-8")
    _, findings, _ = check(f)
    assert [(x["line"], x["code"], x["found"]) for x in findings] == [(3, "TK401", "Charkyok Kaengsaeng")]


def _pdf(lines):
    """A minimal one-page PDF with one text line per entry (Helvetica, WinAnsi)."""
    content = "BT /F1 11 Tf 72 720 Td 14 TL " + " ".join(f"({t}) Tj T*" for t in lines) + " ET"
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            "/Resources << /Font << /F1 5 0 R >> >> >>",
            f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    out, offsets = "%PDF-1.4\n", []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{o}\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n" + "".join(f"{o:010d} 00000 n \n" for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return out.encode("latin-1")


def test_pdf_page_and_line(tmp_path):
    f = tmp_path / "t.pdf"
    f.write_bytes(_pdf(["A clean line.", "They spoke of autarky again."]))
    _, findings, _ = check(f)
    assert [(x["path"], x["line"], x["code"], x["found"]) for x in findings] == [
        (f"{f}#page=1", 2, "TK101", "autarky")]
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 truncated")
    code, _, err = check(bad)
    assert code == 2 and "bad.pdf" in err and "Traceback" not in err


def test_interleaved_documents_give_the_same_findings(tmp_path):
    grouped = tmp_path / "grouped.tsv"
    mixed = tmp_path / "mixed.tsv"
    rows = [("a", "자력갱생", "Self-reliance."), ("a", "자력갱생", "Self-regeneration."),
            ("b", "자력갱생", "Self-regeneration."), ("b", "자력갱생", "Self-regeneration."),
            ("a", "자력갱생", "Self-reliance.")]
    grouped.write_text("doc\tko\ten\n" + "".join("\t".join(r) + "\n" for r in sorted(rows, key=lambda r: r[0])),
                       encoding="utf-8")
    mixed.write_text("doc\tko\ten\n" + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    _, g, _ = check(grouped)
    _, m, _ = check(mixed)
    assert [(x["doc"], x["code"], x["found"]) for x in g] == [("a", "TK301", "Self-regeneration")]
    assert [(x["doc"], x["code"], x["found"]) for x in m] == [("a", "TK301", "Self-regeneration")]
