"""Issue 14, round R14: short names without their apostrophe, and which state a sentence is about
(the table of states), as evidence for other states' institutions and against document-wide evidence."""
import pytest

from conftest import checker_with
from fixture_concepts import ARMY, ASSEMBLY, PARTY
from termkit.matching.variants import short_core, short_punctuation_keys
from termkit.rules.polities import names_state, states_named

GLOSSARY = """\
domain: fixture
description: Short names and other states.
concepts:
""" + PARTY + ARMY + ASSEMBLY + """\
- id: pyeongyang
  type: place
  ko: 평양
  en:
    preferred: [Pyongyang]
  confidence: high
  specs:
  - text: "Pyongyang grew."
    expect: []
- id: choe-ryong-hae
  type: person
  ko: 최룡해
  en:
    preferred: [Choe Ryong Hae]
  names:
    dprk: Choe Ryong Hae
  confidence: high
  specs:
  - text: "Choe Ryong Hae spoke."
    expect: []
- id: naegak-chongni
  type: office
  ko: 내각총리
  mr: naegak ch'ongni
  en:
    preferred: [Premier]
    deprecated:
    - form: Prime Minister
      reason: KCNA's title is Premier
      needs_evidence: true
  confidence: high
  specs:
  - text: "The Premier spoke."
    expect: []
"""


@pytest.fixture(scope="module")
def checker(tmp_path_factory):
    return checker_with(tmp_path_factory.mktemp("r14"), GLOSSARY)


def found(checker, text):
    return sorted((f.code, f.found) for f in checker.check_text(text))


# -- short names: 'Workers Party', 'Peoples Army' ---------------------------------------------------

def test_short_core_and_its_keys():
    assert short_core("Workers' Party of Korea") == "Workers' Party"
    assert short_core("Korean People's Army") == "People's Army"
    assert short_core("Korean People's Army Navy") is None  # the core is not where a text shortens it
    assert short_core("people's economy") is None  # not a name
    assert {"workers party", "worker's party"} == short_punctuation_keys("Workers' Party of Korea")
    assert "peoples army" in short_punctuation_keys("Korean People's Army")


@pytest.mark.parametrize("text,bad", [
    ("The Workers' Party of Korea (조선로동당) met in January.\n\nThe Workers Party elected a committee.",
     "Workers Party"),
    ("The Korean People's Army paraded. The Peoples Army built the flats.", "Peoples Army"),
    ("The Korean Peoples Army paraded. The Peoples Army built the flats.", "Peoples Army"),  # a misspelling names it too
])
def test_short_name_without_apostrophe_where_the_document_names_the_concept(checker, text, bad):
    findings = [f for f in checker.check_text(text) if f.found == bad]
    assert [f.code for f in findings] == ["TK103"]
    assert findings[0].suggestions[0] in ("Workers' Party", "People's Army")
    assert "short for" in findings[0].message


@pytest.mark.parametrize("text", [
    "The Workers Party won the election.",  # nothing says which party: most likely another country's
    "The Korean People's Army paraded. In Brazil the Workers Party won the election.",  # another state named
    "The Korean People's Army paraded. A peoples army is an old idea.",  # lower case: no name
    "The Workers' Party of Korea met. The Workers' Party elected a committee.",  # the apostrophe is there
    "The Workers' Party of Korea met the Workers Party of Ireland.",  # a longer name: another party
])
def test_short_name_left_alone(checker, text):
    assert [f for f in found(checker, text) if f[0] == "TK103"] == []


# -- which states a sentence names --------------------------------------------------------------------

def test_states_named():
    assert states_named("In Japan the premier is elected.") == {"other"}
    assert states_named("a school in Seoul") == {"other"}  # a capital names its state
    assert states_named("The British envoy left.") == {"other"}  # so does an adjective
    assert states_named("the Democratic People's Republic of Korea") == {"home"}  # the longest name wins
    assert states_named("The DPRK and the US talked.") == {"home", "other"}
    assert states_named("us and them") == set()  # case matters
    assert names_state("The assembly in Seoul met.", "South Korea")
    assert not names_state("The assembly in Beijing met.", "South Korea")


@pytest.mark.parametrize("text", [
    "The National Assembly in Pyongyang ratified the treaty.",  # a North Korean place
    "The National Assembly of the DPRK ratified the treaty.",  # the state itself
    "The National Assembly of North Korea met with a delegation from Russia.",  # beside it: the North
    "Choe Ryong Hae's report to the National Assembly was read in full.",  # a North Korean person
])
def test_other_states_institution_in_a_text_about_north_korea(checker, text):
    assert ("TK101", "National Assembly") in found(checker, text)


@pytest.mark.parametrize("text", [
    "The National Assembly in Seoul debated the treaty.",  # the state's capital
    "Pyongyang hosted the delegates in May. The National Assembly in Seoul debated the treaty.",
    "Pyongyang hosted the delegates in May.\n\nThe National Assembly debated the treaty.",  # another paragraph
    "Pyongyang hosted the delegates in May. The National Assembly debated the treaty.",  # another sentence
    "The National Assembly in Seoul ratified the treaty with Pyongyang.",  # the state beside it: its own body
    "The National Assembly condemned North Korea's missile launches.",  # North Korea as the subject only
    "The Maltese National Assembly sent a message to the Supreme People's Assembly.",  # another state beside it
])
def test_other_states_institution_left_alone(checker, text):
    assert ("TK101", "National Assembly") not in found(checker, text)


def test_a_heading_is_no_evidence_for_a_sentence_about_another_state(checker):
    heading = "# The Premier (내각총리) and the Cabinet\n\n"
    assert found(checker, heading + "In Japan the Prime Minister is chosen by the Diet.") == []
    assert found(checker, heading + "The Prime Minister of Japan met the envoy.") == []
    # the same sentence about the North, or naming both states, is still judged by the heading
    assert found(checker, heading + "The Prime Minister toured a factory.") == [("TK102", "Prime Minister")]
    assert found(checker, heading + "The North Korean Prime Minister flew to China.") == [
        ("TK102", "Prime Minister")]


@pytest.mark.parametrize("text,expected", [
    ("The North Korean Prime Minister toured a factory.", [("TK102", "Prime Minister")]),  # the state beside it
    ("The Prime Minister of the DPRK toured a factory.", [("TK102", "Prime Minister")]),
    ("The Japanese Prime Minister toured a factory.", []),  # another state beside it
    ("The Prime Minister toured a factory in North Korea.", []),  # the state is not the title's modifier
])
def test_north_korea_beside_a_body_or_office_is_evidence(checker, text, expected):
    assert found(checker, text) == expected


# -- a form described or defined: a mention ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Western reporters describe any unofficial trade there as a black market, a usage this paper avoids.",
    "Some authors label the trade as the black market.",
])
def test_a_form_given_as_a_description_is_a_mention(bundled, text):
    heading = "# Markets (장마당) and the State\n\n"
    assert [f for f in bundled.check_text(heading + text) if f.found.lower() == "black market"] == []


def test_a_defined_form_is_a_mention_and_a_used_one_is_not(bundled):
    heading = "# Self-reliance (자력갱생) in the Party Line\n\n"
    defined = "Economists define self-sufficiency in food as producing what a country eats."
    assert [f.code for f in bundled.check_text(heading + defined)] == []
    used = "The plan relied on self-sufficiency in every county."
    assert [f.code for f in bundled.check_text(heading + used)] == ["TK101"]
    described = "The paper describes the markets, and the black market grew after 1995."  # a clause apart
    assert "TK102" in [f.code for f in bundled.check_text("# Markets (장마당)\n\n" + described)]
