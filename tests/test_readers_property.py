"""Property tests (hypothesis) for the readers, the offsets and --fix: random text around glossary terms."""
from __future__ import annotations

import codecs
import csv
import io
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from termkit.errors import TermkitError

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Forms of the fixture glossary (wrong, misspelled, Korean, hanja, romanized) and what surrounds them in
# real files: Hangul, conjoining and compatibility jamo, hanja and compatibility ideographs, combining
# marks, typographic quotes, Markdown and HTML fragments, line breaks of every kind, U+FEFF.
TERMS = ["autarky", "Autarky", "AUTARKY", "Charkyok Kaengsaeng", "self-reliance", "자력갱생", "자력 갱생",
         "自力更生", "charyŏk kaengsaeng", "localization", "국산화", "false reporting", "허위보고",
         "Prime Minister", "Premier", "조선로동당"]
PIECES = st.one_of(
    st.sampled_from(TERMS),
    st.sampled_from([" ", " ", "\n", "\n\n", "\r\n", ".", ",", "(", ")", "*", "_", "**", "`", "<!--", "-->", "<b>",
                     "</b>", "[", "](x)", "# ", "> ", "\u2019", "\u201c", "\u201d", "\ufeff", "\u00a0", "\t", "-"]),
    st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=6),
    st.text(st.sampled_from("가나다라자력갱생국산화\u1100\u1161\u11a8\u3131\u314f\u0301\u0323\u0306\uf900\ufa4f"
                            "\u4e00\u7522"), max_size=5),
)
TEXT = st.lists(PIECES, max_size=40).map("".join)
LINE = TEXT.map(lambda t: t.replace("\r", " ").replace("\n", " "))


def _slice(text: str, f) -> str:
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    return text[starts[f.line - 1] + f.column - 1:starts[f.end_line - 1] + f.end_column - 1]


def _assert_found_is_raw(checker, name: str, text: str) -> None:
    """Every finding in the file `name` holding `text` (written as is) is the raw text at its line:column."""
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / name
        path.write_text(text, encoding="utf-8", newline="")
        for f in _findings(checker, path):
            assert _slice(text, f) == f.found, f


def _findings(checker, path: Path) -> list:
    try:
        return checker.check_file(path)
    except TermkitError:
        return []  # a clear error is an allowed answer; anything else fails the test


@SETTINGS
@given(text=TEXT, suffix=st.sampled_from([".txt", ".md"]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_text_and_markdown_found_is_the_raw_slice(mini, text, suffix, encoding):
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / f"doc{suffix}"
        path.write_bytes(text.encode(encoding))
        for f in _findings(mini, path):
            assert _slice(text.lstrip("\ufeff"), f) == f.found, f


@SETTINGS
@given(rows=st.lists(st.tuples(TEXT, TEXT), max_size=6), quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
       terminator=st.sampled_from(["\n", "\r\n"]))
def test_csv_found_is_the_raw_slice(mini, rows, quoting, terminator):
    out = io.StringIO()
    csv.writer(out, quoting=quoting, lineterminator=terminator).writerows([("ko", "en"), *rows])
    text = out.getvalue()
    _assert_found_is_raw(mini, "doc.csv", text)


@SETTINGS
@given(rows=st.lists(st.tuples(LINE, LINE), max_size=6))
def test_tsv_found_is_the_raw_slice(mini, rows):
    text = "ko\ten\n" + "".join(f"{a.replace(chr(9), ' ')}\t{b.replace(chr(9), ' ')}\n" for a, b in rows)
    _assert_found_is_raw(mini, "doc.tsv", text)


@SETTINGS
@given(pairs=st.lists(st.tuples(LINE, LINE), min_size=1, max_size=6), newline=st.sampled_from(["\n", "\r\n"]))
def test_pairs_found_is_the_raw_slice_of_the_right_file(mini, pairs, newline):
    ko_text = newline.join(a for a, _ in pairs) + newline
    en_text = newline.join(b for _, b in pairs) + newline
    with tempfile.TemporaryDirectory() as d:
        ko, en = Path(d) / "ko.txt", Path(d) / "en.txt"
        ko.write_text(ko_text, encoding="utf-8", newline="")
        en.write_text(en_text, encoding="utf-8", newline="")
        try:
            findings = mini.check_paired(ko, en)
        except TermkitError:
            return
        for f in findings:
            raw = ko_text if f.side == "source" else en_text
            assert f.path == str(ko if f.side == "source" else en), f
            assert _slice(raw.lstrip("\ufeff"), f) == f.found, f


@SETTINGS
@given(text=TEXT, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp949", "latin-1"]))
def test_fix_changes_only_flagged_spans(mini, text, encoding):
    from termkit.checking import fix_file
    from termkit.checking.fix import FIXABLE

    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode(encoding, "ignore")
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "doc.md"
        path.write_bytes(data)
        before_findings = _findings(mini, path)
        try:
            fix_file(mini, path)
        except TermkitError:
            assert path.read_bytes() == data
            return
        after = path.read_bytes()
        if after == data:
            return
        enc = {"utf-16": "utf-16", "utf-8-sig": "utf-8-sig"}.get(encoding, encoding)
        old = data.decode(enc).lstrip("\ufeff") if encoding != "latin-1" else None
        if old is None:  # detection decides how a Latin-1 file reads; the bytes outside the spans must stay
            return
        new = after.decode(enc).lstrip("\ufeff")
        starts = [0] + [i + 1 for i, ch in enumerate(old) if ch == "\n"]
        spans = [(starts[f.line - 1] + f.column - 1, starts[f.end_line - 1] + f.end_column - 1)
                 for f in before_findings if f.code in FIXABLE]
        a = 0  # the changed stretch: after the common prefix, before the common suffix
        while a < min(len(old), len(new)) and old[a] == new[a]:
            a += 1
        b = 0
        while b < min(len(old), len(new)) - a and old[-1 - b] == new[-1 - b]:
            b += 1
        assert any(s <= a and len(old) - b <= e for s, e in spans) or len(spans) > 1, (old, new, spans)
        outside = [old[:spans[0][0]], old[spans[-1][1]:]] if spans else [old]
        assert new.startswith(outside[0]) and new.endswith(outside[-1])
        assert codecs.BOM_UTF8 in after[:3] if data.startswith(codecs.BOM_UTF8) else True


@SETTINGS
@given(text=st.text(st.sampled_from("a가\u1100\u1161\u11a8\u3131\u314f\u0301\u0323\u0344\uf900\ufa4f e-\n"), max_size=80))
def test_nfc_map_is_nfc_and_maps_whole_clusters(text):
    from termkit.matching.normalize import nfc_with_map

    out, cmap = nfc_with_map(text)
    assert out == unicodedata.normalize("NFC", text) or "\u3131" in text or "\u314f" in text
    if cmap is None:
        return
    for i in range(len(out)):
        s, e = cmap.start(i), cmap.end(i + 1)
        assert 0 <= s < e <= len(text)
        assert out[i] in unicodedata.normalize("NFC", text[s:e]) or "\u3131" in text or "\u314f" in text
