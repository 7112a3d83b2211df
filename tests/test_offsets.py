"""Offsets map back exactly: NFC per cluster, `found` taken from the raw text at line:column…end."""
import tempfile
import unicodedata
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings, strategies as st

from termkit.matching.normalize import nfc_with_map

ISSUE_PREFIX = "\u110b\u116f\ufa4f\u033a\ufa0a"  # 워 in jamo, a compatibility ideograph, a mark, another
FIXTURE = Path(__file__).parent / "fixtures" / "mini.yaml"


def raw_slice(text: str, f) -> str:
    """The raw text at a finding's line:column…end_line:end_column."""
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    return text[starts[f.line - 1] + f.column - 1:starts[f.end_line - 1] + f.end_column - 1]


def _has_compat_jamo(s: str) -> bool:
    return any("\u3131" <= c <= "\u318e" for c in s)


# -- the map itself -------------------------------------------------------------------------------

@pytest.mark.parametrize("raw", [
    ISSUE_PREFIX + " North Hamgyeong Province",
    "\ufa4f\u033a\u1100\u1161 x",     # a hanja and a mark no precomposed form takes, then jamo
    "e\u0301\u0323\u0300 Autarky",   # marks reordered and composed: three in, two out
    "\u1100\u1161\u11a8\u0301\uf900 ab",
    "\u0344\ufa0a\u1100\u1161 ab",    # a mark NFC expands to two, then jamo
])
def test_nfc_map_is_exact_where_nfc_changes_length(raw):
    text, cmap = nfc_with_map(raw)
    assert text == unicodedata.normalize("NFC", raw) and cmap is not None
    # The plain Latin tail keeps its offsets exactly: no proportional drift.
    tail = raw.rsplit(" ", 1)[-1]
    i = text.rindex(tail)
    assert raw[cmap.start(i):cmap.end(i + len(tail))] == tail


def test_issue_example_finding_is_the_term_itself(mini):
    text = ISSUE_PREFIX + " The subjectivization of industry."
    [f] = mini.check_text(text)
    assert f.found == "subjectivization" == raw_slice(text, f)


def test_issue_example_with_the_bundled_glossary(bundled):
    text = ISSUE_PREFIX + " North Hamgyeong Province"
    findings = bundled.check_text(text)
    assert findings
    for f in findings:
        assert raw_slice(text, f) == f.found == f.found.strip()
        assert f.found.startswith("North")


# Text from the characters the issue names: Hangul, conjoining jamo, compatibility ideographs and
# compatibility jamo, combining marks, kana voicing marks, with Latin and spaces around them.
_CHARS = st.one_of(
    st.characters(min_codepoint=0x1100, max_codepoint=0x11FF),
    st.characters(min_codepoint=0xF900, max_codepoint=0xFAFF),
    st.characters(min_codepoint=0x0300, max_codepoint=0x036F),
    st.characters(min_codepoint=0x3131, max_codepoint=0x318E),
    st.sampled_from(list("가각한국ab e\u3099\u304b\u00e9")),
)


@settings(max_examples=300, deadline=None)
@given(st.text(_CHARS, max_size=14))
def test_nfc_map_property(raw):
    text, cmap = nfc_with_map(raw)
    if cmap is None:
        assert text == raw
        return
    if not _has_compat_jamo(raw):
        assert text == unicodedata.normalize("NFC", raw)
    assert cmap.start(0) == 0 and cmap.start(len(text)) == cmap.end(len(text)) == len(raw)
    renormalize = (lambda s: nfc_with_map(s)[0]) if _has_compat_jamo(raw) else (
        lambda s: unicodedata.normalize("NFC", s))
    for i in range(len(text)):
        for j in range(i + 1, len(text) + 1):
            s, e = cmap.start(i), cmap.end(j)
            assert s <= e
            assert text[i:j] in renormalize(raw[s:e]), (raw, i, j)


# -- found is raw text --------------------------------------------------------------------------

MARKUP_CASES = [
    ("The Prime <b>Minister</b> spoke.", "Prime <b>Minister"),
    ("The Prime <!-- note --> Minister spoke.", "Prime <!-- note --> Minister"),
    ("x\n\nThe Prime &nbsp; Minister\nspoke.", "Prime &nbsp; Minister"),
    ("The Prime\n<b>Minister</b> spoke.", "Prime\n<b>Minister"),
]


@pytest.mark.parametrize("text, found", MARKUP_CASES)
def test_found_is_raw_text_in_markdown(mini, tmp_path, text, found):
    [f] = [f for f in mini.check_text(text) if f.code == "TK102"]
    assert f.found == found == raw_slice(text, f)
    path = tmp_path / "t.md"
    path.write_text(text, encoding="utf-8")
    [f] = [f for f in mini.check_file(path) if f.code == "TK102"]
    assert f.found == found == raw_slice(text, f)


def test_found_is_raw_text_across_blocks(mini, tmp_path, monkeypatch):
    """Long files are read in blocks cut at blank lines: each finding's found comes from its own block."""
    import termkit.documents.text as reader

    monkeypatch.setattr(reader, "BLOCK", 64)
    paras = [f"Para {i} has the Prime <i>Minister</i> and more words here.\n\n" for i in range(12)]
    text = "".join(paras)
    path = tmp_path / "t.md"
    path.write_text(text, encoding="utf-8")
    found = [f for f in mini.check_file(path) if f.code == "TK102"]
    assert len(found) == 12
    for f in found:
        assert f.found == "Prime <i>Minister" == raw_slice(text, f)


# -- property: every finding's found is the raw text at its place ---------------------------------

def _fixture_terms() -> list[str]:
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    out = []
    for c in data["concepts"]:
        out += [c[k] for k in ("ko", "ko_nk", "hanja", "mr", "rr") if c.get(k)]
        for status, forms in c.get("en", {}).items():
            out += [f if isinstance(f, str) else f["form"] for f in forms]
        out += [m["form"] for m in c.get("misspellings", [])]
    return out


TERMS = _fixture_terms()
FRAGMENTS = ["*", "**", "_", " ", " ", "\n", "\n\n", "(", ")", ". ", "<b>", "</b>", "&amp;", "<!-- x -->",
             "the ", "of "]
# Clusters whose NFC changes length or leaves marks behind, as the issue's fuzzer met them.
CLUSTERS = ["\ufa4f\u033a", "\ufa0a", "\u110b\u116f", "\u1100\u1161\u11a8", "e\u0301", "\u0301", "\u11a8",
            "\u3148\u314f", "\uf900\u0323\u0301"]
PIECES = st.one_of(st.sampled_from(TERMS), st.sampled_from(FRAGMENTS), st.sampled_from(CLUSTERS),
                   st.text(_CHARS, min_size=1, max_size=3))
DOCUMENTS = st.lists(PIECES, max_size=24).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
@example("The Prime <b>Minister</b> met the Korean Workers' Party &amp; others.")
def test_found_is_the_raw_slice_property(mini, text):
    for f in mini.check_text(text):
        assert raw_slice(text, f) == f.found, f
        assert f.found == f.found.strip() and f.found
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "t.md"
        path.write_bytes(text.encode("utf-8"))
        body = text.lstrip("\ufeff")
        for f in mini.check_file(path):
            assert raw_slice(body, f) == f.found, f


@settings(max_examples=200, deadline=None)
@given(DOCUMENTS)
@example("\uf900kuksanhwa\uad6d\uc0b0\ud654e\u0301\ufa4f\u033a")  # a shifted span hypothesis once found
@example(ISSUE_PREFIX + " The subjectivization of industry.")
@example("_charyŏk kaengsaengé_")  # a misspelled romanization is sought only in emphasis (s5 merge)
def test_hits_are_whole_terms_property(mini, text):
    """A hit's raw text, checked alone (in the emphasis marks around it, which decide whether romanized
    misspellings are sought), is found whole as the same key: no character cut or added."""
    find = mini.matcher.find
    for h in find(text):
        assert text[h.start:h.end] == h.found
        before = text[:h.start]
        opening = before[len(before.rstrip("*_")):]
        closing = text[h.end:][:len(text[h.end:]) - len(text[h.end:].lstrip("*_"))]
        alone = find(opening + h.found + closing)
        start = len(opening)
        assert any(a.key == h.key and a.start == start and a.end == start + len(h.found) for a in alone), h
