"""Table-driven matching tests over the fixture glossary: English surface variants and Korean forms."""
import unicodedata

import pytest
from hypothesis import given, strategies as st

from termkit.matching.normalize import Normalized


def codes_found(checker, text, markdown=True):
    return [(f.code, f.found) for f in checker.check_text(text, markdown=markdown)]


@pytest.mark.parametrize("text, expected", [
    # case, typographic apostrophes, hyphen/space/none, plural and possessive
    ("AUTARKY was the aim.", [("TK101", "AUTARKY")]),
    ("The Korean Workers’ Party met.", [("TK102", "Korean Workers’ Party")]),
    ("The Korean-Workers' Party met.", [("TK102", "Korean-Workers' Party")]),
    ("Two Prime Ministers met.", [("TK102", "Prime Ministers")]),
    ("The Prime Minister's office.", [("TK102", "Prime Minister's")]),
    # emphasis markup and a line wrap inside a term
    ("The *Prime Minister* spoke.", [("TK102", "Prime Minister")]),
    ("The Prime\nMinister spoke.", [("TK102", "Prime\nMinister")]),
    ("The Prime **Minister** spoke.", [("TK102", "Prime **Minister")]),
    # not inside longer words, not across a blank line
    ("autarkyism is not a word here.", []),
    ("The Prime\n\nMinister", []),
    # inline HTML stripped
    ("Autarky<sup>3</sup> was rejected.", [("TK101", "Autarky")]),
    # another concept's rendering: only with a gloss of this concept
    ("Localization went on.", []),
    ("Localization (주체화) went on.", [("TK101", "Localization")]),
    ("Localization (*chuch'ehwa*) went on.", [("TK101", "Localization")]),
    ("Localization (*chuchehwa*) went on.", [("TK101", "Localization")]),
    ("Localization (국산화) went on.", []),
    ("주체화 (localization) went on.", [("TK101", "localization")]),
    ("False reporting (*yangsaengwŏn*).", [("TK101", "False reporting")]),
    ("False reporting (*yangsaengwon*).", [("TK101", "False reporting")]),
    ("False reporting (허위보고).", []),
    # ordinary words flagged only beside a gloss
    ("Water was scarce.", []),
    ("*saemmul* (water)", [("TK101", "water")]),
    # gloss mismatch: a rendering of one concept glossed with another
    ("The Cabinet (*kuksanhwa*) met.", [("TK201", "Cabinet")]),
    # misspelled romanization, with or without emphasis
    ("self-reliance (*Charkyok Kaengsaeng*)", [("TK401", "Charkyok Kaengsaeng")]),
    ("self-reliance (Charkyok-Kaengsaeng)", [("TK401", "Charkyok-Kaengsaeng")]),
])
def test_english_matching(mini, text, expected):
    assert codes_found(mini, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Premier spoke. Then the Premier left.", []),
    ("Self-reliance first; self-regeneration later.", [("TK301", "self-regeneration")]),
    ("Self-regeneration first; self-reliance later and self-reliance again.", [("TK301", "Self-regeneration")]),
    # ties go to the preferred form
    ("Self-regeneration first; self-reliance later.", [("TK301", "Self-regeneration")]),
])
def test_consistency(mini, text, expected):
    assert codes_found(mini, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kim Jong Un and Kim Jong Il.", []),
    ("Kim Jong-un and Kim Jong-il.", []),
    ("Kim Jong-il beside Kim Jong Un.", [("TK502", "Kim Jong-il")]),
    ("Kim Jong-il, Kim Jong-un and Kim Jong Un.", [("TK502", "Kim Jong Un")]),
    ("Kim Jong-eun spoke.", [("TK501", "Kim Jong-eun")]),
    ("Kim Jong Un’s speech.", []),
])
def test_names(mini, text, expected):
    assert codes_found(mini, text) == expected


def test_house_name_style(mini):
    from termkit.checking.checker import Checker
    from termkit.config import Config

    cfg = Config(glossary=mini.config.glossary, bundled=False, names="dprk")
    checker = Checker(cfg, matcher=mini.matcher)
    found = [(f.code, f.found, f.suggestions) for f in checker.check_text("Kim Jong-il and Kim Jong Un.")]
    assert found == [("TK501", "Kim Jong-il", ("Kim Jong Il",))]


@pytest.mark.parametrize("text, concept", [
    ("자력갱생", "jaryeok-gaengsaeng"),
    ("자력갱생의", "jaryeok-gaengsaeng"),
    ("자력 갱생을", "jaryeok-gaengsaeng"),
    ("주체화를", "juchehwa"),
    ("조선로동당은", "josen-nodongdang"),
    ("조선노동당은", "josen-nodongdang"),
    ("조선 로동당", "josen-nodongdang"),
    ("내각총리이다", "naegak-chongni"),
    ("내각총리였다", "naegak-chongni"),
    ("내각은", "naegak"),
    ("수자경제", "susa-gyeongje"),
    ("숫자경제", "susa-gyeongje"),
    ("自力更生", "jaryeok-gaengsaeng"),
    (unicodedata.normalize("NFD", "자력갱생의"), "jaryeok-gaengsaeng"),
])
def test_korean_forms(mini, text, concept):
    hits = mini.matcher.find(f"self-reliance ({text})")
    ko = [h for h in hits if mini.matcher.is_gloss(h.key)]
    assert len(ko) == 1
    assert {mini.matcher.concepts[e.concept].id for e in mini.matcher.keys[ko[0].key]} == {concept}


@pytest.mark.parametrize("text", ["휴양생원", "내각총리실장님", "대자력갱생"])
def test_korean_no_match_inside_longer_words(mini, text):
    hits = mini.matcher.find(text)
    ids = {mini.matcher.concepts[e.concept].id for h in hits for e in mini.matcher.keys[h.key]}
    assert "yangsaengwon" not in ids and "naegak" not in ids and "jaryeok-gaengsaeng" not in ids


def test_longer_korean_concept_wins(mini):
    hits = mini.matcher.find("내각총리")
    assert [h.found for h in hits] == ["내각총리"]
    assert {mini.matcher.concepts[e.concept].id for e in mini.matcher.keys[hits[0].key]} == {"naegak-chongni"}


def test_offsets_point_at_raw_text(mini):
    raw = "Line one.\r\nThe  *Prime\r\n Minister* said — ‘autarky’.\r\n"
    found = mini.check_text(raw)
    lines = raw.split("\n")
    for f in found:
        assert f.line == f.end_line or "\n" in f.found
        assert lines[f.line - 1][f.column - 1:].startswith(f.found.split("\n")[0])
    assert [(f.code, f.line, f.column) for f in found] == [("TK102", 2, 7), ("TK101", 3, 20)]


def test_nfd_checks_as_nfc(mini):
    text = "Localization (주체화) and *Charyŏk Kaengsaeng* and Charkyok Kaengsaeng."
    nfc = [(f.code, f.line, unicodedata.normalize("NFC", f.found)) for f in mini.check_text(text)]
    nfd = [(f.code, f.line, unicodedata.normalize("NFC", f.found))
           for f in mini.check_text(unicodedata.normalize("NFD", text))]
    assert nfc == nfd and len(nfc) == 2


@given(st.text(alphabet=st.sampled_from(list("ab -*_\n\t’'ŏX")), max_size=60))
def test_normalized_offsets_map_back(raw):
    """Every normalized character maps to a raw character that folds to it."""
    n = Normalized(raw)
    for i, ch in enumerate(n.text):
        folded = Normalized(raw[n.raw_offset(i)]).text
        assert folded == ch or (ch in " \x00" and folded in (" ", "\x00"))


def test_both_latin_automata_find_the_same_keys(bundled):
    """Small inputs use the pickled pyahocorasick automaton, large ones ahocorasick_rs: same matches."""
    from conftest import ROOT
    from termkit.matching.normalize import Normalized

    m = bundled.matcher
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").rglob("*.md"))]
    texts.append("Self-reliance, the Cabinet's Premier, Chuch'e and juche; ŏ ŭ; selfreliance's; north korea")
    base = next(iter(m.latin.values()))[0]
    for raw in texts:
        t = Normalized(raw).text
        small = sorted((end - klen + 1, end + 1, kid) for end, (kid, klen) in m.latin_automaton.iter(t))
        large = sorted((s, e, base + i) for i, s, e in m._latin_scanner().find_matches_as_indexes(t, overlapping=True))
        assert small == large and small
