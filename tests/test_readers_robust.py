"""Readers under bad input: a clear error (exit 2) or a complete reading, never a traceback, a hang or a silent loss."""
from __future__ import annotations

import codecs
import json
import os
import signal
import subprocess
import sys
import zlib
from contextlib import contextmanager

import pytest

from conftest import FIXTURE_GLOSSARY

MINI = ("--no-bundled", "--glossary", str(FIXTURE_GLOSSARY))
WRONG = "Autarky"  # the fixture glossary's wrong rendering of 자력갱생 (TK101)


def check(*args, timeout=60):
    """`termkit check --format json` in a subprocess: (exit code, findings or None, stderr); a hang fails."""
    try:
        p = subprocess.run([sys.executable, "-m", "termkit", "check", "--format", "json", *MINI, *map(str, args)],
                           capture_output=True, text=True, encoding="utf-8", timeout=timeout)
    except subprocess.TimeoutExpired:
        pytest.fail(f"termkit check {' '.join(map(str, args))} still running after {timeout} s")
    findings = json.loads(p.stdout)["findings"] if p.stdout.strip() else None
    assert "Traceback" not in p.stderr, p.stderr
    return p.returncode, findings, p.stderr


def found(findings):
    return [(x["line"], x["code"], x["found"]) for x in findings or []]


@contextmanager
def deadline(seconds: int):
    """Fail (instead of hanging the suite) when the block runs longer than `seconds`."""
    def expired(*_):
        raise TimeoutError(f"still running after {seconds} s: super-linear again?")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# -- 3. tracebacks ----------------------------------------------------------------------------------

@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le")])
def test_html_with_a_byte_order_mark_is_read(tmp_path, bom, codec):
    f = tmp_path / "bom.html"
    f.write_bytes(bom + "<html><body>\n<p>Plain words.</p>\n<p>Autarky was the aim.</p>\n</body></html>\n"
                  .encode(codec))
    code, findings, err = check(f)
    assert code == 1, err
    assert found(findings) == [(3, "TK101", WRONG)]


@pytest.mark.parametrize("name, suffix, body", [
    ("rot13", ".txt", "Autarky.\n"), ("hex", ".md", "Autarky.\n"), ("zlib", ".html", "<p>Autarky.</p>"),
    ("no-such-codec", ".html", "<p>Autarky.</p>"), ("hex", ".csv", "ko,en\n자력갱생,Autarky\n"),
    ("rot13", ".po", 'msgid "자력갱생"\nmsgstr "Autarky"\n'), ("base64", ".tmx", "<tmx/>"),
])
def test_unusable_encoding_is_a_clear_error(tmp_path, name, suffix, body):
    """The command line refuses the option once, before any file; a reader given it names the file."""
    from termkit.config import Config
    from termkit.documents import open_document
    from termkit.errors import InputError

    f = tmp_path / f"doc{suffix}"
    f.write_text(body, encoding="utf-8")
    code, _, err = check("--encoding", name, f)
    assert code == 2 and repr(name) in err and len(err.strip().splitlines()) == 1, err
    with pytest.raises(InputError) as e:
        list(open_document(f, Config(bundled=False, encoding=name)).segments())
    assert repr(name) in str(e.value) and str(f) in str(e.value)


def test_unusable_encoding_for_a_pair_is_a_clear_error(tmp_path):
    (tmp_path / "ko.txt").write_text("자력갱생\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("Autarky\n", encoding="utf-8")
    code, _, err = check("--encoding", "rot13", "--source", tmp_path / "ko.txt", "--target", tmp_path / "en.txt")
    assert code == 2 and "'rot13' is not a text encoding" in err


def test_text_encoding_keeps_text_codecs_and_refuses_the_rest():
    from termkit.documents import text_encoding
    from termkit.errors import InputError

    assert text_encoding("UTF8") == "utf-8" and text_encoding("euc_kr") == "euc_kr"
    for name in ("rot13", "hex", "bz2", "nope", "utf\0-8"):
        with pytest.raises(InputError, match="encoding"):
            text_encoding(name, "x.txt")


def test_csv_field_over_the_csv_module_limit_is_read(tmp_path):
    f = tmp_path / "long.csv"
    long_text = "word " * 30_000 + "and autarky at the end"  # 150,022 characters, over 131,072
    f.write_text(f'ko,en\n자력갱생,"{long_text}"\n자력갱생,Autarky again\n', encoding="utf-8")
    code, findings, err = check(f)
    assert code == 1, err
    assert [(x["line"], x["found"]) for x in findings] == [(2, "autarky"), (3, WRONG)]


# -- 4. documents that cannot be read completely: exit 2, never a clean 0 --------------------------

def _nested_html(depth: int) -> str:
    return ("<html><body>\n" + "<div>" * depth + "\n<p>Autarky was the aim.</p>\n" + "</div>" * depth
            + "\n</body></html>\n")


def test_html_nested_past_libxml2s_default_limit_is_read(tmp_path):
    f = tmp_path / "deep.html"
    f.write_text(_nested_html(300), encoding="utf-8")
    code, findings, err = check(f)
    assert code == 1, err
    assert found(findings) == [(3, "TK101", WRONG)]


def test_html_nested_past_every_limit_is_an_error(tmp_path):
    f = tmp_path / "deeper.html"
    f.write_text(_nested_html(3000), encoding="utf-8")
    code, findings, err = check(f)
    assert code == 2 and "deeper.html" in err and "completely" in err
    assert not findings


def test_html_text_node_over_ten_megabytes_is_read(tmp_path):
    f = tmp_path / "long.html"
    f.write_text("<html><body><p>" + "many words " * 1_000_000 + "and autarky.</p></body></html>\n",
                 encoding="utf-8")
    code, findings, err = check(f)
    assert code == 1, err
    assert [(x["code"], x["found"]) for x in findings] == [("TK101", "autarky")]


def test_html_does_not_expand_dtd_entities(tmp_path):
    """huge_tree lifts size limits only: an entity declared in the page is not expanded."""
    f = tmp_path / "bomb.html"
    lol = "".join(f'<!ENTITY l{i} "{"&l%d;" % (i - 1) * 10}">' for i in range(1, 8))
    f.write_text(f'<!DOCTYPE html [<!ENTITY l0 "autarky">{lol}]>\n<html><body><p>&l7;</p></body></html>\n',
                 encoding="utf-8")
    code, findings, err = check(f)
    assert code == 0 and not findings, err


@pytest.mark.parametrize("name, text", [
    ("first.tsv", "ko\ten\n자력갱생\tAutarky\tan extra field\n"),
    ("first.csv", "ko,en\n자력갱생,Autarky,an extra field\n"),
    ("quoted.csv", 'ko,en\n"자력갱생","Autarky, with a comma",another\n'),
])
def test_row_with_an_extra_field_is_an_error_naming_its_line(tmp_path, name, text):
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    code, _, err = check(f)
    assert code == 2 and f"{f}:2:" in err and "more fields than the header" in err


def test_rows_with_the_header_width_still_read(tmp_path):
    f = tmp_path / "ok.tsv"
    f.write_text("ko\ten\tnote\n자력갱생\tAutarky\tfirst\n자력갱생\tSelf-reliance\t\n", encoding="utf-8")
    code, findings, err = check(f)
    assert code == 1 and found(findings) == [(2, "TK101", WRONG)], err


@pytest.mark.parametrize("text, line", [
    ('msgid "자력갱생"\nmsgstr "Autarky\n\nmsgid "주체화"\nmsgstr "Subjectivization"\n', 2),
    ('msgid "자력갱생"\nmsgstr ""\n"The aim was\n"autarky."\n', 3),
    ('msgid "자력갱생"\nmsgstr "Autarky" trailing words\n', 2),
    ('msgid "자력갱생"\nmsgstr Autarky\n', 2),
])
def test_po_with_a_broken_string_is_an_error_naming_its_line(tmp_path, text, line):
    f = tmp_path / "broken.po"
    f.write_text(text, encoding="utf-8")
    code, _, err = check(f)
    assert code == 2 and f"{f}:{line}:" in err and "malformed PO" in err


def test_po_comments_continuations_and_plurals_still_read(tmp_path):
    f = tmp_path / "ok.po"
    f.write_text('# translator comment\nmsgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                 '#, fuzzy\n#| msgid "old"\nmsgctxt "title"\nmsgid "자력갱생"\nmsgstr ""\n"The aim: "\n'
                 '"autarky, a \\"quoted\\" word"\n\nmsgid "하나"\nmsgid_plural "여럿"\nmsgstr[0] "one"\n'
                 'msgstr[1] "many"\n\n#~ msgid "옛"\n#~ msgstr "old"\n', encoding="utf-8")
    code, findings, err = check(f)
    # The wrapped msgstr's text is found on its own physical line (12), not the `msgstr ""` line.
    assert code == 1 and [(x["line"], x["column"], x["found"]) for x in findings] == [(12, 2, "autarky")], err


def _pdf(streams: list[bytes], flate: bool) -> bytes:
    """A PDF with one page per content stream (Helvetica), the streams stored as given."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    kids = []
    for i, data in enumerate(streams):
        page, content = 4 + 2 * i, 5 + 2 * i
        kids.append(f"{page} 0 R")
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {content} 0 R "
                    "/Resources << /Font << /F1 3 0 R >> >> >>".encode())
        filt = " /Filter /FlateDecode" if flate else ""
        objs.append(f"<< /Length {len(data)}{filt} >>\nstream\n".encode() + data + b"\nendstream")
    objs[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(streams)} >>".encode()
    out, offsets = b"%PDF-1.4\n", []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def _page(words: str) -> bytes:
    return f"BT /F1 11 Tf 72 720 Td ({words}) Tj ET".encode("latin-1")


def test_pdf_with_compressed_pages_is_read(tmp_path):
    f = tmp_path / "ok.pdf"
    f.write_bytes(_pdf([zlib.compress(_page("Plain words.")), zlib.compress(_page("Autarky was the aim."))], True))
    code, findings, err = check(f)
    assert code == 1 and [(x["path"], x["found"]) for x in findings] == [(f"{f}#page=2", WRONG)], err


@pytest.mark.parametrize("damage", ["cut short", "not zlib"])
def test_pdf_with_a_corrupt_content_stream_is_an_error_naming_the_page(tmp_path, damage):
    whole = zlib.compress(_page("Autarky was the aim, and more words follow it here."))
    broken = whole[: len(whole) // 2] if damage == "cut short" else b"these bytes were never compressed"
    f = tmp_path / "damaged.pdf"
    f.write_bytes(_pdf([zlib.compress(_page("Plain words.")), broken], True))
    code, _, err = check(f)
    assert code == 2 and "damaged.pdf" in err and "page 2" in err


# -- 5. hangs: non-regular files are refused before they are opened ---------------------------------

@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "pipe.md"
    os.mkfifo(path)
    return path


def test_fifo_named_as_a_document_is_refused(fifo):
    code, _, err = check(fifo, timeout=30)
    assert code == 2 and f"{fifo}: a named pipe (FIFO), not a regular file" in err


def test_fifo_met_while_walking_is_reported_and_the_rest_checked(tmp_path, fifo):
    (tmp_path / "a.md").write_text("Autarky was the aim.\n", encoding="utf-8")
    (tmp_path / "z.txt").write_text("Autarky again.\n", encoding="utf-8")
    code, findings, err = check(tmp_path, timeout=30)
    assert code == 2 and f"{fifo}: a named pipe (FIFO)" in err
    assert sorted(os.path.basename(x["path"]) for x in findings) == ["a.md", "z.txt"]


@pytest.mark.parametrize("side", ["--source", "--target"])
def test_fifo_as_one_side_of_a_pair_is_refused(tmp_path, fifo, side):
    plain = tmp_path / "plain.txt"
    plain.write_text("자력갱생\n", encoding="utf-8")
    pair = {"--source": plain, "--target": plain, side: fifo}
    code, _, err = check("--source", pair["--source"], "--target", pair["--target"], timeout=30)
    assert code == 2 and "named pipe" in err


def test_a_device_is_refused(tmp_path):
    from termkit.documents import regular_file
    from termkit.errors import InputError

    with pytest.raises(InputError, match="character device"):
        regular_file("/dev/null")
    regular_file(__file__)


# -- 5. super-linear Markdown blanking ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    pytest.param("a <!-- b\n" * 100_000, id="100k unclosed comment openers"),
    pytest.param("<!--" * 100_000 + "-->", id="100k openers, one closer"),
    pytest.param("]: x\n" + "[label\n" * 70_000 + "]", id="480 KB of reference-definition starts"),
    pytest.param("[a]:" + " " * 200_000 + "\n\n", id="reference definition with a long blank run"),
    pytest.param("](" * 100_000, id="100k link-target openers"),
])
def test_markdown_blanking_is_linear(text):
    from termkit.documents import blank_markdown

    with deadline(20):  # linear: well under a second; the quadratic passes took minutes
        out, _ = blank_markdown(text, False)
    assert len(out) == len(text)


def test_unclosed_comment_is_left_and_closed_ones_blanked():
    from termkit.documents import blank_markdown

    text = "one <!-- x --> two <!-- y\n<!-- z --> three"
    assert blank_markdown(text, False)[0] == "one " + " " * 10 + " two " + " " * 6 + "\n" + " " * 10 + " three"
    text = "one <!-- x --> two <!-- never closed <!-- again"
    assert blank_markdown(text, False)[0] == "one " + " " * 10 + text[14:]


def test_many_suppression_comments_are_linear():
    from termkit.documents import suppressions

    text = "words <!-- termkit: ignore[TK101] -->\n" * 100_000
    with deadline(20):
        sup = suppressions(text, 1)
    assert len(sup) == 100_000 and sup[1] == sup[100_000] == frozenset({"TK101"})
