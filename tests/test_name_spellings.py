"""Generated name spellings (issue 14): a person is recognised in the spellings English uses, and
the ones outside the standard styles are reported (TK501)."""
import pytest

from termkit.matching.names import MAX_SPELLINGS, is_capitalised, name_spellings, syllable_table


def test_table_is_data_tested_as_data():
    from termkit.matching.names import TABLE

    rows = [l.split("\t") for l in TABLE.read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")]
    syllables = [r[0] for r in rows]
    assert syllables == sorted(set(syllables))  # sorted, unique
    assert all(len(r) == 6 and all(c.strip() for c in r) for r in rows)
    # the spellings the issue names
    t = syllable_table()
    assert {"Pak", "Park", "Bak"} <= set(t["박"]["all"])
    assert {"Ri", "Rhee", "Lee", "Yi"} <= set(t["리"]["all"])
    assert {"Pyong", "Byong", "Byung"} <= set(t["병"]["all"])
    assert {"Chol", "Cheol", "Chul"} <= set(t["철"]["all"])
    assert {"Hun", "Hoon"} <= set(t["훈"]["all"])


def test_spellings_of_one_name():
    got = name_spellings("리병철")
    assert got[:2] == ["Ri Pyong Chol", "Ri Pyongchol"]  # DPRK style first, spaced and closed
    assert {"Lee Byung Chul", "Ri Byong Chol", "Ri Byeong Cheol", "Rhee Pyong Chol"} <= set(got)
    assert len(got) == len(set(got)) <= MAX_SPELLINGS
    assert name_spellings("리병철", limit=5) == got[:5]


@pytest.mark.parametrize("ko", ["남궁", "김", "가나다라", "김X철"])
def test_names_outside_the_table_or_shape_get_none(ko):
    assert name_spellings(ko) == []


def test_capitalised():
    assert is_capitalised("Lee Byung-chul") and is_capitalised("Byung-chul Lee")
    assert not is_capitalised("lee byung-chul")


def codes(bundled, text):
    return [(f.code, f.found, f.concept) for f in bundled.check_text(text)]


@pytest.mark.parametrize("spelling", ["Lee Byung-chul", "Ri Byong-chol", "Ri Byeong-cheol", "Byung-chul Lee",
                                      "Lee Byungchul", "Rhee Pyong Chol"])
def test_a_generated_spelling_is_the_person_and_reported(bundled, spelling):
    assert codes(bundled, f"{spelling} watched the launch.") == [("TK501", spelling, "ri-byeong-cheol")]
    (f,) = bundled.check_text(f"{spelling} watched the launch.")
    assert f.suggestions == ("Ri Pyong Chol", "Ri Pyong-chol")


@pytest.mark.parametrize("text", [
    "Ri Pyong Chol watched the launch.",  # DPRK style
    "Ri Pyong-chol watched the launch.",  # South Korean media style
    "lee byung chul is a string of lower-case words here.",  # a generated spelling must be capitalised
])
def test_standard_styles_and_lower_case_raise_nothing(bundled, text):
    assert codes(bundled, text) == []


def test_house_style_applies_to_generated_spellings_too(tmp_path):
    from termkit.checking.checker import Checker
    from termkit.config import Config

    c = Checker(Config(names="dprk"))
    got = [(f.code, f.found) for f in c.check_text("Bak Bong-ju and Pak Pong-ju spoke.")]
    assert got == [("TK501", "Bak Bong-ju"), ("TK501", "Pak Pong-ju")]


def test_a_spelling_generated_for_two_persons_is_neither(tmp_path):
    from conftest import checker_with

    people = "".join(f"""\
- id: {cid}
  type: person
  ko: {ko}
  en:
    preferred: [{dprk}]
  names:
    dprk: {dprk}
    sk: {sk}
  confidence: low
  specs:
  - text: "{dprk} spoke."
    expect: []
""" for cid, ko, dprk, sk in (("a", "김영남", "Kim Yong Nam", "Kim Yong-nam"),
                              ("b", "김용남", "Kim Ryong Nam", "Kim Ryong-nam")))
    c = checker_with(tmp_path, "domain: fixture\ndescription: Two persons.\nconcepts:\n" + people)
    # 'Kim Young-nam' is generated for 김영남 alone; 'Kim Yong-nam' is listed for 김영남 (sk style)
    assert [(f.code, f.found, f.concept) for f in c.check_text("Kim Young-nam spoke.")] == [
        ("TK501", "Kim Young-nam", "a")]
    # 'Kim Yongnam' closed: generated for both (영 and 용 are both Yong) and listed for neither
    assert "Kim Yongnam" in name_spellings("김영남") and "Kim Yongnam" in name_spellings("김용남")
    assert c.check_text("Kim Yongnam spoke.") == []
