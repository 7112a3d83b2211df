"""Variant families (issue 14): a listed form matches its unlisted variants, and inherits its status."""
import pytest

from conftest import checker_with
from fixture_concepts import ARMY, PARTY
from termkit.matching.variants import inflections, punctuation_keys, spellings, variant_keys

GLOSSARY = """\
domain: fixture
description: Variant families.
concepts:
- id: inmin-gyeongje
  ko: 인민경제
  mr: inmin kyŏngje
  en:
    preferred: [national economy]
    deprecated:
    - form: people's economy
      reason: a calque of 인민
  confidence: high
  specs:
  - text: "The national economy grew."
    expect: []
- id: rodong-dongwon
  ko: 로동동원
  en:
    preferred: [labour mobilisation]
    admitted: [labour campaign]
  confidence: medium
  specs:
  - text: "Labour mobilisation began."
    expect: []
""" + PARTY + ARMY + """\
"""


@pytest.fixture(scope="module")
def checker(tmp_path_factory):
    return checker_with(tmp_path_factory.mktemp("variants"), GLOSSARY)


def found(checker, text):
    return sorted((f.code, f.found) for f in checker.check_text(text))


@pytest.mark.parametrize("variant", [
    "people-oriented economy", "people-centred economy", "people-centered economy", "people-based economy",
    "people-driven economy", "people-led economy", "people-type economy", "people-focused economy",
    "economy of the people", "economy of people", "peoples economy", "peoples' economy",
])
def test_variant_of_a_deprecated_form_is_reported_as_its_variant(checker, variant):
    findings = checker.check_text(f"The sanctions weakened the {variant} in 2017.")
    assert [(f.code, f.found) for f in findings] == [("TK102", variant)]
    assert f"a variant of the deprecated rendering 'people's economy'" in findings[0].message
    assert findings[0].suggestions[0] == "national economy"


def test_the_listed_form_itself_is_not_called_a_variant(checker):
    (f,) = checker.check_text("The sanctions weakened the people's economy in 2017.")
    assert f.code == "TK102" and "variant" not in f.message


@pytest.mark.parametrize("text", [
    "The national economies of the region grew.",  # inflection of the preferred form
    "The people of the county ran a local economy.",  # the words apart are no variant
    "Labor mobilizations filled the spring, as labor mobilization had in May.",  # number: one rendering
])
def test_variants_of_approved_forms_raise_nothing(checker, text):
    assert found(checker, text) == []


def test_a_variant_counts_as_its_rendering_for_consistency(checker):
    # 'labor mobilization' is the preferred form in American spelling: with the admitted 'labour
    # campaign' the document renders the concept two ways.
    text = ("Labor mobilization began in March.\n\nLabor mobilizations went on in May.\n\n"
            "A labour campaign followed in June.")
    assert found(checker, text) == [("TK301", "labour campaign")]


@pytest.mark.parametrize("text,bad", [
    ("The Workers Party of Korea met in January.", "Workers Party of Korea"),
    ("The Worker's Party of Korea met in January.", "Worker's Party of Korea"),
    ("Units of the Korean Peoples Army paraded.", "Korean Peoples Army"),
    ("Units of the Korean Peoples' Army paraded.", "Korean Peoples' Army"),
])
def test_tk103_mispunctuated_names(checker, text, bad):
    findings = checker.check_text(text)
    assert [(f.code, f.found) for f in findings] == [("TK103", bad)]
    assert findings[0].suggestions[0] in ("Workers' Party of Korea", "Korean People's Army")


def test_tk103_leaves_the_right_name_and_a_cited_title_alone(checker):
    assert found(checker, "The Workers' Party of Korea and the Korean People's Army met.") == []
    assert found(checker, '[4] "The Workers Party of Korea and Its Cadres", Seoul, 1990.') == []


def test_generators():
    assert inflections("economy") == {"economies"}
    assert "labor" in spellings("labour") and "centre" in spellings("center")
    assert spellings("four") == set()  # too short: 'four' is not 'for'
    keys = variant_keys("people's economy")
    assert {"people oriented economy", "economy of the people", "peoples economy"} <= keys
    assert "people's economy" not in keys  # a form's own keys are not its variants
    assert variant_keys("Workers' Party of Korea").isdisjoint({"workers party of korea"})  # TK103's, not a variant
    assert "workers party of korea" in punctuation_keys("Workers' Party of Korea")
    assert punctuation_keys("people's economy") == set()  # not a name


def test_a_listed_form_wins_over_another_concepts_variant(tmp_path):
    # 'economy of the people' listed as its own concept's form is that concept, not a variant of 'people's economy'.
    extra = GLOSSARY + """\
- id: other
  ko: 인민의 경제
  en:
    preferred: [economy of the people]
  confidence: low
  specs:
  - text: "The economy of the people grew."
    expect: []
"""
    c = checker_with(tmp_path, extra)
    assert found(c, "The economy of the people grew.") == []


def test_a_rejected_name_mispunctuated_is_still_that_name(bundled):
    findings = bundled.check_text("Delegates of the Korean Workers Party came from every province.")
    assert [(f.code, f.found) for f in findings] == [("TK102", "Korean Workers Party")]
    assert "variant of the deprecated rendering 'Korean Workers' Party'" in findings[0].message


def test_one_rendering_in_two_spellings_is_inconsistent(checker):
    # Each spelling alone is right (a British text writes 'labour mobilisation' throughout); a document
    # that writes both is inconsistent, and the spelling it uses less is reported.
    assert found(checker, "Labour mobilisation began in March.\n\nLabour mobilisation went on.") == []
    assert found(checker, "Labor mobilization began in March.\n\nLabor mobilizations went on.") == []
    text = "Labour mobilisation began in March.\n\nLabour mobilisation went on.\n\nLabor mobilization ended."
    findings = checker.check_text(text)
    assert [(f.code, f.found) for f in findings] == [("TK301", "Labor mobilization")]
    assert "'labour mobilisation'" in findings[0].message


def test_adjective_twin_of_a_rejected_form(bundled):
    # A calque stays the same calque with its adjective's -ic/-ical twin; approved forms get no twin,
    # as 'economic' and 'economical' are two words.
    assert "numeric economy" in variant_keys("numerical economy", rejected=True)
    assert "numeric economy" not in variant_keys("numerical economy")
    assert "economical plan" not in variant_keys("economic plan")
    findings = bundled.check_text("The numeric economy was the theme of the conference.")
    assert [(f.code, f.found) for f in findings] == [("TK101", "numeric economy")]
    assert "variant of the wrong rendering 'numerical economy'" in findings[0].message
