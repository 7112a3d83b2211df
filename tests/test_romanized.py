"""Romanized Korean in English text: tolerant recognition, fuzzy misspellings, system consistency, names."""
import pytest
from hypothesis import given, settings, strategies as st

from termkit.matching.romanized import looks_romanized, skeleton

# Twenty romanized mentions written for this test: correct forms in MR (with and without breves and
# apostrophes) and RR, and misspellings, known and unknown. Each line is one mention.
MENTIONS = [
    ("Self-reliance (*charyŏk kaengsaeng*) was the watchword.", None),
    ("Self-reliance (*charyok kaengsaeng*) was the watchword.", None),
    ("Self-reliance (*Charyŏk-Kaengsaeng*) was the watchword.", None),
    ("The spirit of self-reliance (*Charkyok Kaengsaeng*) returned.", "TK401"),
    ("The spirit of self-reliance (*Charyok Kaengseng*) returned.", "TK403"),
    ("The spirit of self-reliance (*Jaryuk Gaengsaeng*) returned.", "TK403"),
    ("Localization (*kuksanhwa*) of parts was ordered.", None),
    ("Localization (*kuksanwha*) of parts was ordered.", "TK403"),
    ("The Juche orientation (*chuch'ehwa*) of industry.", None),
    ("The Juche orientation (*chuchehwa*) of industry.", None),
    ("The Juche orientation (*chuchewha*) of industry.", "TK403"),
    ("Informatization (*chŏngbohwa*) spread to farms.", None),
    ("Informatization (*chongbohwa*) spread to farms.", None),
    ("Informatization (*chungbohwa*) spread to farms.", "TK403"),
    ("The Cabinet (*naegak*) met on Monday.", None),
    ("Modernization (*hyŏndaehwa*) of the mill.", None),
    ("Modernization (*hyundaewha*) of the mill.", "TK403"),
    ("False reporting (*hŏwi pogo*) was punished.", None),
    ("False reporting (*howi bogo*) was punished.", None),
    ("False reporting (*hoewi pogo*) was punished.", "TK403"),
]


@pytest.mark.parametrize("text, expected", MENTIONS)
def test_twenty_mentions(bundled, text, expected):
    codes = [f.code for f in bundled.check_text(text) if f.code.startswith("TK40")]
    assert codes == ([expected] if expected else [])


def test_mentions_as_one_document(bundled):
    """Together: every misspelling found; no correct form called a misspelling."""
    text = "\n\n".join(t for t, _ in MENTIONS)
    found = [f for f in bundled.check_text(text) if f.code in ("TK401", "TK403")]
    assert sorted(f.line for f in found) == sorted(
        2 * i + 1 for i, (_, e) in enumerate(MENTIONS) if e)


def test_suggestion_in_the_documents_system(bundled):
    rr = "Self-reliance (*jaryeok gaengsaeng*), informatization (*jeongbohwa*), localization (*guksanhwa*)."
    f = [x for x in bundled.check_text(rr + " Modernization (*hyundaewha*).") if x.code == "TK403"]
    assert [x.suggestions for x in f] == [("hyeondaehwa",)]
    mr = "Self-reliance (*charyŏk kaengsaeng*), informatization (*chŏngbohwa*). Modernization (*hyundaewha*)."
    assert [x.suggestions for x in bundled.check_text(mr) if x.code == "TK403"] == [("hyŏndaehwa",)]


def test_mixed_systems_and_house_style(bundled):
    from termkit.checking.checker import Checker
    from termkit.config import Config

    text = "Self-reliance (*charyŏk kaengsaeng*), localization (*kuksanhwa*), informatization (*jeongbohwa*)."
    assert [(f.code, f.found, f.suggestions) for f in bundled.check_text(text) if f.code == "TK402"] == [
        ("TK402", "jeongbohwa", ("chŏngbohwa",))]
    rr_house = Checker(Config(romanization="rr"), matcher=bundled.matcher)
    assert [(f.found, f.suggestions) for f in rr_house.check_text(text) if f.code == "TK402"] == [
        ("charyŏk kaengsaeng", ("jaryeok gaengsaeng",)), ("kuksanhwa", ("guksanhwa",))]


@pytest.mark.parametrize("text", [
    "The *very* idea (see p. 3) of North Korea's Supreme People's Assembly.",
    "Economic Development Zones (EDZs) and the Bank of Korea (BOK).",
    "He quoted *Das Kapital* and *Le Monde* (in French).",
    "Kim Jong Un met Moon Jae-in at Panmunjom (April 2018).",
])
def test_english_prose_is_not_romanized_korean(bundled, text):
    assert [f.code for f in bundled.check_text(text) if f.code in ("TK402", "TK403")] == []


def test_skeleton_tolerance():
    assert skeleton("ch'ŏllima") == skeleton("cheollima") == skeleton("Chollima")
    assert skeleton("kuksanhwa") == skeleton("guksanhwa")
    assert looks_romanized("Kaengsaeng") and not looks_romanized("Policy")


@pytest.mark.parametrize("text, code", [("Jong Un Kim spoke.", "TK501"), ("Kim Jong-il and Kim Jong Il.", "TK502")])
def test_name_order_and_hyphenation(bundled, text, code):
    found = bundled.check_text(text)
    assert [f.code for f in found] == [code]
    assert found[0].concept in ("gim-jeong-eun", "gim-jeong-il")


def _scanned_candidates(text):
    """The candidates as plain regex scans find them: the reference for romanized.candidates."""
    import re

    from termkit.matching.romanized import _CAPS, _EMPHASIS, _PAREN

    out = [(m.start(2), m.end(2), "italic") for m in _EMPHASIS.finditer(text)]
    for m in _PAREN.finditer(text):
        for part in re.finditer(r"[^,;]+", m.group(1)):
            s = m.start(1) + part.start() + len(part.group()) - len(part.group().lstrip())
            e = m.start(1) + part.end() - (len(part.group()) - len(part.group().rstrip()))
            if e > s:
                out.append((s, e, "paren"))
    for m in _CAPS.finditer(text):
        s, e = m.span()
        if not ((s and text[s - 1].isalnum()) or (e < len(text) and text[e].isalnum())):
            out.append((s, e, "caps"))
    return out


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(list("AKMabcoŏ'- *_(),;\n.") + ["**", "__"]), max_size=30).map("".join))
def test_candidates_found_from_markers_equal_a_plain_scan(text):
    """candidates() tries its patterns only at the markers it finds: same stretches as scanning the text."""
    from termkit.matching.romanized import candidates

    assert candidates(text) == _scanned_candidates(text)
