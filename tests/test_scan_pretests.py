"""Cheap pre-tests that let the matcher skip work: UTF-8 lead bytes, fuzzy initials, no romanized forms."""
import random

import pytest
from hypothesis import given, settings, strategies as st

from termkit.matching.korean import CJK_RANGES, KoreanRuns, _CJK_LEADS
from termkit.matching.normalize import _DECOMPOSED_CHARS, _DECOMPOSED_LEADS, nfc_with_map
from termkit.matching.romanized import candidates, skeleton
from termkit.matching.scan import may_hold, utf8_leads


def test_utf8_leads_cover_every_code_point_of_the_ranges():
    ranges = ((0x80, 0x7FF), (0x1100, 0x11FF), (0xAC00, 0xD7A3), (0x2F800, 0x2FA1F), (0x10FFF0, 0x10FFFF))
    for first, last in ranges:
        expected = {chr(cp).encode("utf-8", "surrogatepass")[0] for cp in range(first, last + 1)}
        assert set(utf8_leads((first, last))) == expected


def test_korean_and_decomposed_leads_match_their_characters():
    cjk = {chr(cp).encode()[0] for a, b in CJK_RANGES for cp in range(a, b + 1)}
    assert set(_CJK_LEADS) == cjk
    assert set(_DECOMPOSED_LEADS) == {c.encode()[0] for c in _DECOMPOSED_CHARS}


@pytest.mark.parametrize("text, held", [
    ("plain ASCII", False),
    ("English \u2014 with dashes, \u2018quotes\u2019 and caf\u00e9", False),
    ("자력갱생", True),
    ("hanja 主體", True),
    ("a compatibility ideograph \uf900", True),
    ("a lone surrogate \ud800 is still encoded", True),  # ED: the Hangul syllables' lead byte too
])
def test_may_hold_cjk(text, held):
    assert may_hold(text, _CJK_LEADS) is held


_ALPHABET = list("ab \n\u2014\u2019\u00e9\u0306\u1100\u1161\u3131\u314f자력\u4e3b\uf900\U0002f800\u0300\u3099")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=20).map("".join))
def test_pretests_never_hide_work(text):
    """Where the pre-test says 'surely not', the full searches find nothing either."""
    if not may_hold(text, _DECOMPOSED_LEADS):
        assert nfc_with_map(text)[1] is None and nfc_with_map(text)[0] == text
    if not may_hold(text, _CJK_LEADS):
        import re
        assert not re.search("[\uac00-\ud7a3\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]", text)
        assert list(KoreanRuns()(text)) == []


def test_capitalised_runs_only_where_a_skeleton_can_begin():
    text = "Both Parties met. Kaesong Industrial Zone and Pyongyang Times, Zebra Crossing."
    every = candidates(text)
    some = candidates(text, "KP")
    assert {c for c in every if c[2] != "caps" or text[c[0]] in "KP"} == set(some)
    assert [text[s:e] for s, e, k in some if k == "caps"] == ["Kaesong Industrial Zone", "Pyongyang Times"]
    assert [c for c in candidates(text, "") if c[2] == "caps"] == []


def test_fuzzy_initials_cover_every_first_letter_of_a_skeleton(bundled):
    """Every capital whose folded form starts a known skeleton is kept; the others could never match."""
    m = bundled.matcher
    initials = m._fuzzy_initials()
    firsts = {sk[0] for sk in m.rom_skeletons}
    for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        # The skeletons a run beginning with c can have, from words written for this test.
        starts = {skeleton(c + rest)[:1] for rest in ("a", "o", "u", "eo", "eu", "wo", "ha", "ya")}
        assert (c in initials) == bool(starts & firsts), c


def test_misspelling_behind_every_initial_is_still_found(bundled):
    """A misspelled romanization in a capitalised run, for concepts of several first letters."""
    for text in ("The spirit of Charkyok Kaengsaeng returned.", "Localization (Kuksanwha) was ordered.",
                 "Modernization (Hyundaewha) of the mill."):
        assert any(f.code in ("TK401", "TK403") for f in bundled.check_text(text)), text


def test_no_fuzzy_search_without_romanized_forms(tmp_path):
    """A glossary without Korean that can be romanized has no skeletons: nothing to misspell, no search."""
    from termkit.checking.checker import Checker
    from termkit.config import Config

    g = tmp_path / "g.csv"
    g.write_text("concept,ko,en,status,reason\nx-1,용어1,stone bridge,preferred,\nx-1,용어1,rock bridge,wrong,a calque\n",
                 encoding="utf-8")
    checker = Checker(Config(glossary=[str(g)], bundled=False))
    assert checker.matcher.rom_skeletons == []
    called = []
    checker.matcher._fuzzy_spans = lambda *a: called.append(a) or []
    found = checker.check_text("The Rock Bridge (*Kangsong Taegukka*) and a rock bridge.")
    assert [f.code for f in found] == ["TK101", "TK101"] and called == []


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(list("ab*_(\n\u2014\u00e9\ud7a3\U0002f800") + ["**"]), max_size=40).map("".join),
       st.sampled_from(["*_(", "`~<]&", "(", "\u2014\u00e9", "\U0002f800a"]))
def test_find_chars_by_str_find_equals_the_automaton(text, chars):
    """A few characters are found with str.find loops: the same (index, start, end) as the automaton."""
    from termkit.matching.scan import _finder, find_chars

    assert find_chars(text, chars) == (_finder(chars).find_matches_as_indexes(text) if text else [])


def test_non_ascii_answers_each_text_and_survives_threads():
    """The one-entry cache never hands one text's characters to another, even with threads."""
    from concurrent.futures import ThreadPoolExecutor

    from termkit.matching.scan import non_ascii

    texts = [f"text {i} \u2014 caf\u00e9 {'자' * (i % 3)} \u201c{i}\u201d" for i in range(200)]
    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(non_ascii, texts * 20))
    assert got == [''.join(c for c in t if not c.isascii()) for t in texts * 20]
    assert non_ascii("plain") == "" and non_ascii("\ud800x") == "\ud800"


def test_long_mark_runs_are_still_found_after_the_count_pretest():
    """The byte count spares short texts the build; a real long run of marks is still found."""
    from termkit.matching.normalize import _MARKS_MAX, _long_mark_run, nfc

    assert not _long_mark_run("Ch\u014fngnyŏn Chŏnwi, the youth league's newspaper of record")
    run = "a" + "\u0323\u0301" * (_MARKS_MAX // 2 + 1)
    assert _long_mark_run(run) and _long_mark_run("x " + run + " y")
    assert nfc(run) == __import__("unicodedata").normalize("NFC", run)
