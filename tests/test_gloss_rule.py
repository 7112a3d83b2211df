"""TK203: a glossed English phrase that is none of the glossed concept's renderings (bundled glossary)."""
import pytest

CASES = [
    # (text, the TK203 findings as (found, first suggestion))
    ("The shock troops (*tolgyŏktae*) built the road.", [("shock troops", "shock brigade")]),
    ("The elderly care centre (양로원) was rebuilt.", [("elderly care centre", "old people's home")]),
    ("Each 돌격대 (shock troops) worked in shifts.", [("shock troops", "shock brigade")]),
    ("They mobilized youth into shock troops [돌격대] every spring.", [("shock troops", "shock brigade")]),
    ("The Foreign Office (외무성) issued a statement.", [("Foreign Office", "Ministry of Foreign Affairs")]),
    # listed forms, variants, modifiers and short mentions stay clean
    ("The shock brigade (*tolgyŏktae*) built the road.", []),
    ("The newly formed shock brigades (돌격대) built the road.", []),
    ("The brigades (돌격대) moved north.", []),
    ("A small medical clinic (진료소) serves the village.", []),
    ("His sister (김여정) issued the statement.", []),
    ("Rice (lit. 쌀) was short.", []),
    ("The delegation of the Association for the Study of the Juche Idea-Songun Idea arrived.", []),
    # a dash that joins names sets off no gloss; an MR aspiration mark is no other rendering
    ("A cable was laid along the Khasan–Tumangang railway in 2008.", []),
    ("P'yongan-bukto (North P'yongan) borders China.", []),
    # a gloss set off by dashes
    ("The shock troops — *tolgyŏktae* — built the road.", [("shock troops", "shock brigade")]),
    # the gloss is part of a longer Korean phrase the glossary lacks
    ("Songun politics (*sŏn'gun chŏngch'i*) was taught in Pyongyang.", []),
    # the same words reordered across a preposition are the listed form
    ("The expert panel (전문가패널) reported in March.", []),
    ("The provincial hospital (도인민병원) was rebuilt.", [("provincial hospital", "provincial people's hospital")]),
    # another concept's admitted rendering inside a listed form: TK301 judges the mix, not TK203
    ("The mass technological innovation movement (대중적기술혁신운동) saved steel.", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_tk203(bundled, text, expected):
    got = [(f.found, f.suggestions[0]) for f in bundled.check_text(text) if f.code == "TK203"]
    assert got == expected


def test_listed_wrong_form_keeps_its_stronger_rule(bundled):
    codes = [(f.code, f.found) for f in bundled.check_text("The water factory (샘물공장) was completed.")]
    assert ("TK101", "water factory") in codes and not [c for c, _ in codes if c == "TK203"]


def test_location_spans_a_wrapped_phrase(bundled):
    text = "Intro line.\nThe elderly care\ncentre (양로원) was rebuilt."
    (f,) = [f for f in bundled.check_text(text, markdown=False) if f.code == "TK203"]
    assert (f.line, f.column, f.end_line, f.end_column) == (2, 5, 3, 7)
    assert f.found == "elderly care\ncentre"


def test_location_of_a_phrase_on_one_line(bundled):
    """The end column of a one-line phrase: its start column plus its length."""
    text = "Intro line.\nIn 2019 the elderly care centre (양로원) was rebuilt."
    (f,) = [f for f in bundled.check_text(text, markdown=False) if f.code == "TK203"]
    assert (f.line, f.column, f.end_line, f.end_column) == (2, 13, 2, 32)
    assert f.found == "elderly care centre"


def test_another_concepts_form_beside_the_gloss_is_tk201s_in_a_long_segment(bundled):
    # 20+ hits: the rule sees a view of gloss hits only, and must still see the English form beside the gloss
    text = "The Cabinet met in Pyongyang. " * 20 + "The Cabinet (*kuksanhwa*) met."
    codes = {f.code for f in bundled.check_text(text)}
    assert "TK201" in codes and "TK203" not in codes


def test_another_concepts_form_with_modifiers_stays_tk201s(bundled):
    # 'factory' renders 공장: TK201 reports it, modifiers or not (the glossary's specs say so too)
    found = [(f.code, f.found) for f in bundled.check_text("Each county built a basic food factory (기초식품공장).")]
    assert found == [("TK201", "factory")]
