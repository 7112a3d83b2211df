"""Matcher.find: exact places (line, column, raw offsets), glosses and Korean spans.

The fast tests that exercise matcher.py checked what was found but seldom where: a mutant that moved
every column by two survived them (benchmarks/mutation.py). These pin the places.
"""
import pytest

from conftest import FIXTURE_GLOSSARY

ONE_SYLLABLE = """\
domain: t
description: A one-syllable Korean form.
concepts:
- id: ri
  type: place
  ko: 리
  en:
    preferred: [village]
  confidence: high
  specs:
  - text: "The village (리) met."
    expect: []
"""


@pytest.fixture(scope="module")
def matcher(tmp_path_factory):
    from termkit.checking.checker import Checker
    from termkit.config import Config

    extra = tmp_path_factory.mktemp("one") / "one.yaml"
    extra.write_text(ONE_SYLLABLE, encoding="utf-8")
    return Checker(Config(glossary=[str(FIXTURE_GLOSSARY), str(extra)], bundled=False)).matcher


def places(matcher, text, **kw):
    return [(h.line, h.column, h.end_line, h.end_column, h.found, h.start, h.end, h.gloss)
            for h in matcher.find(text, **kw)]


def test_find_places_with_first_line_and_column(matcher):
    text = "Intro autarky.\nThe autarky (자력갱생) and\nself-reliance here."
    hits = matcher.find(text, path="p", first_line=10, first_column=5, segment=3, side="target", doc="d")
    assert [(h.path, h.line, h.column, h.end_line, h.end_column, h.found, h.start, h.end, h.gloss) for h in hits] == [
        ("p", 10, 11, 10, 18, "autarky", 6, 13, None),          # first line: shifted by first_column
        ("p", 11, 5, 11, 12, "autarky", 19, 26, "자력갱생"),     # later lines: not shifted
        ("p", 11, 14, 11, 18, "자력갱생", 28, 32, None),
        ("p", 12, 1, 12, 14, "self-reliance", 38, 51, None),
    ]
    assert {(h.segment, h.side, h.doc) for h in hits} == {(3, "target", "d")}
    autarky = matcher.index["jaryeok-gaengsaeng"]
    assert [sorted(h.evidence) for h in hits] == [[], [autarky], [], []]
    # Defaults: line 1, column 1, segment 0, no side or document.
    (h,) = matcher.find("autarky")
    assert (h.path, h.line, h.column, h.end_line, h.end_column, h.segment, h.side, h.doc, h.context) == (
        "", 1, 1, 1, 8, 0, None, None, frozenset())


def test_find_glosses_both_ways(matcher):
    text = "Self-reliance\n(자력갱생) and **autarky** (*Charkyok Kaengsaeng*)"
    assert places(matcher, text) == [
        (1, 1, 1, 14, "Self-reliance", 0, 13, "자력갱생"),
        (2, 2, 2, 6, "자력갱생", 15, 19, None),
        (2, 14, 2, 21, "autarky", 27, 34, "Charkyok Kaengsaeng"),
        (2, 26, 2, 45, "Charkyok Kaengsaeng", 39, 58, None),
    ]


def test_find_latin_word_boundaries_and_folds(matcher):
    assert places(matcher, "AUTARKY, self reliance, self\u2010reliance, autarkyish, proautarky") == [
        (1, 1, 1, 8, "AUTARKY", 0, 7, None),
        (1, 10, 1, 23, "self reliance", 9, 22, None),
        (1, 25, 1, 38, "self\u2010reliance", 24, 37, None),
    ]
    assert places(matcher, "self   reliance") == [(1, 1, 1, 16, "self   reliance", 0, 15, None)]


def test_find_korean_spans(matcher):
    # A particle may follow a term; another noun may not; a term must not start inside a word.
    assert places(matcher, "자력갱생의 자력갱생화 반자력갱생 자력 갱생 자력-\n갱생") == [
        (1, 1, 1, 5, "자력갱생", 0, 4, None),
        (1, 19, 1, 24, "자력 갱생", 18, 23, None),
        (1, 25, 2, 3, "자력-\n갱생", 24, 30, None),
    ]
    # Joiners before the term in the same run: offsets map back past each of them.
    assert places(matcher, "우리 의 큰 자력 갱생 길") == [(1, 8, 1, 13, "자력 갱생", 7, 12, None)]
    assert places(matcher, "가 나 다 라 마 자력 갱생") == [(1, 11, 1, 16, "자력 갱생", 10, 15, None)]
    # Compatibility jamo compose; the span is the raw one.
    assert places(matcher, "ㅈㅏㄹㅕㄱㄱㅐㅇㅅㅐㅇ 자력갱생") == [
        (1, 1, 1, 12, "ㅈㅏㄹㅕㄱㄱㅐㅇㅅㅐㅇ", 0, 11, None), (1, 13, 1, 17, "자력갱생", 12, 16, None)]


def test_one_syllable_form_only_standing_alone(matcher):
    ri = matcher.index["ri"]
    hits = matcher.find("리 리에서 우리 village (리) 리")
    assert [(h.column, h.found, sorted(h.evidence)) for h in hits] == [
        (10, "village", [ri]), (19, "리", []), (22, "리", [])]
    assert [h.found for h in matcher.find("리")] == ["리"]
    assert matcher.find("리에서") == [] and matcher.find("우리") == [] and matcher.find("우리 리") == []


def test_korean_only_finds_no_english(matcher):
    assert places(matcher, "자력갱생 autarky", korean_only=True) == [(1, 1, 1, 5, "자력갱생", 0, 4, None)]
    assert matcher.find("autarky", korean_only=True) == []
    assert matcher.find("") == [] and matcher.find("nothing here") == []
