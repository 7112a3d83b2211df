"""Korean matching, table-tested: particles, copula, spacing, North/South spelling, NFD, jamo, full-width, containment."""
import unicodedata

import pytest
from hypothesis import given, settings, strategies as st

from termkit.matching.korean import canonical


def concepts_in(checker, text):
    """Concept ids of the Korean forms found in text, in order."""
    hits = checker.matcher.find(text, korean_only=True)
    return [sorted({checker.matcher.concepts[e.concept].id for e in checker.matcher.keys[h.key]})[0] for h in hits]


@pytest.mark.parametrize("text, expected", [
    # particles
    ("자력갱생의 기치", ["jaryeok-gaengsaeng"]),
    ("주체화를 실현", ["juchehwa"]),
    ("조선로동당은 결정", ["josen-nodongdang"]),
    ("양생원에서는", ["yangsaengwon"]),
    ("허위보고와 양생원", ["heowi-bogo", "yangsaengwon"]),
    # copula endings
    ("그는 내각총리이다.", ["naegak-chongni"]),
    ("당시 내각총리였다.", ["naegak-chongni"]),
    ("내각총리이며", ["naegak-chongni"]),
    # spacing inside a compound
    ("자력 갱생", ["jaryeok-gaengsaeng"]),
    ("조선 로동당의", ["josen-nodongdang"]),
    ("내각 총리는", ["naegak-chongni"]),
    # North/South spelling, generated from one entry
    ("조선노동당", ["josen-nodongdang"]),
    ("수자경제", ["susa-gyeongje"]),
    ("숫자경제", ["susa-gyeongje"]),
    # NFD, compatibility jamo, full-width brackets
    (unicodedata.normalize("NFD", "자력갱생의 길"), ["jaryeok-gaengsaeng"]),
    ("ㅈㅏㄹㅕㄱㄱㅐㅇㅅㅐㅇ", ["jaryeok-gaengsaeng"]),
    ("（자력갱생）", ["jaryeok-gaengsaeng"]),
    # hanja
    ("自力更生의 정신", ["jaryeok-gaengsaeng"]),
    # containment: not inside longer words; the longer concept wins
    ("휴양생원", []),
    ("대자력갱생주의자", []),
    ("조선로동당-자력갱생", []),  # a hyphen joins one word
    ("자력갱생. 주체화를", ["jaryeok-gaengsaeng", "juchehwa"]),
    ("이 내각은", ["naegak"]),  # one-syllable forms stand alone only
    ("내각총리", ["naegak-chongni"]),
    ("내각과 내각총리", ["naegak", "naegak-chongni"]),
    ("국산화하여", ["gukssanhwa"]),
    ("국산화된", ["gukssanhwa"]),
])
def test_korean_matching(mini, text, expected):
    assert concepts_in(mini, text) == expected


def test_nfd_found_maps_to_raw_text(mini):
    raw = unicodedata.normalize("NFD", "앞에 자력갱생의 길")
    hits = mini.matcher.find(raw, korean_only=True)
    assert [unicodedata.normalize("NFC", h.found) for h in hits] == ["자력갱생"]
    assert raw[hits[0].start:hits[0].end] == hits[0].found


@pytest.mark.parametrize("north, south", [("로동", "노동"), ("리", "이"), ("련합", "연합"), ("녀성", "여성"),
                                          ("수자", "숫자"), ("력사", "역사"), ("량강도", "양강도")])
def test_north_south_fold(north, south):
    assert canonical(north) == canonical(south)


FORMS = ["자력갱생", "조선노동당", "조선로동당", "내각총리", "양생원", "허위보고", "숫자경제", "수자경제", "국산화"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(FORMS), st.data(), st.sampled_from(["", "의", "를", "은", "이다"]))
def test_spacing_and_spelling_never_change_whether_found(mini, form, data, particle):
    """Inserting or removing spaces inside a term, or switching spelling, never changes whether it is found."""
    base = concepts_in(mini, f"앞 {form}{particle} 뒤")
    assert len(base) == 1
    cut = data.draw(st.integers(min_value=1, max_value=len(form) - 1))
    spaced = form[:cut] + " " + form[cut:]
    assert concepts_in(mini, f"앞 {spaced}{particle} 뒤") == base
    switched = form.replace("로동", "노동") if "로동" in form else form.replace("노동", "로동")
    switched = switched.replace("숫자", "수자") if "숫자" in switched else switched.replace("수자", "숫자")
    assert concepts_in(mini, f"앞 {switched}{particle} 뒤") == base


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=["가", "나", "漢", "1", "2", " ", "-", ".", "·", "×", "\n", "\r", "\t", "a", "("], max_size=16),
       st.booleans())
def test_korean_runs_are_the_run_pattern_matches_that_hold_hangul_or_hanja(text, full_patterns_compiled):
    """KoreanRuns starts from Hangul/hanja (fast), with the Hangul-only patterns while it can; it must give
    the runs a plain scan of the full pattern gives."""
    import re

    from termkit.matching.korean import _KOREAN_RUN_PATTERN, CJK_CLASS, KoreanRuns

    korean_runs = KoreanRuns()
    korean_runs.full = full_patterns_compiled
    cjk = re.compile(f"[{CJK_CLASS}]")
    expected = [m.span() for m in re.finditer(_KOREAN_RUN_PATTERN, text) if cjk.search(m.group())]
    assert [m.span() for m in korean_runs(text)] == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=["자", "漢", "a", "「", "ㄱ", "䷀", "豈", "\uf8ff", "\ufb00", "\u33ff", "\u3400", "\u9fff",
                         "\ua000", "\u3000", "\uffef", "ŏ"], max_size=8))
def test_has_hanja_reads_utf8_lead_bytes_right(text):
    import re

    from termkit.matching.korean import has_hanja

    assert has_hanja(text) == bool(re.search("[\u3400-\u9fff\uf900-\ufaff]", text))
