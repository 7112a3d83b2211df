"""Another state's institution (issue 14): `other_state` on a wrong or deprecated form, carried through
every glossary format, and evidence that the sentence is about North Korea before it is reported."""
import pytest

from conftest import checker_with
from fixture_concepts import ASSEMBLY

GLOSSARY = """\
domain: fixture
description: Other states' institutions.
concepts:
""" + ASSEMBLY + """\
- id: naegak
  type: institution
  ko: 내각
  mr: naegak
  en:
    preferred: [Cabinet]
    wrong:
    - form: State Council
      reason: China's central government
      other_state: China
  confidence: high
  specs:
  - text: "The Cabinet met."
    expect: []
- id: bak-bong-ju
  type: person
  ko: 박봉주
  en:
    preferred: [Pak Pong Ju]
  names:
    dprk: Pak Pong Ju
    sk: Pak Pong-ju
  confidence: high
  specs:
  - text: "Pak Pong Ju spoke."
    expect: []
"""


@pytest.fixture(scope="module")
def checker(tmp_path_factory):
    return checker_with(tmp_path_factory.mktemp("polities"), GLOSSARY)


def found(checker, text):
    return [(f.code, f.found, f.concept) for f in checker.check_text(text)]


@pytest.mark.parametrize("text,expected", [
    # evidence: a gloss
    ("The State Council (내각) approved the plan.", [("TK101", "State Council", "naegak")]),
    ("The National Assembly (*ch'oego inmin hoeŭi*) met in April.",
     [("TK101", "National Assembly", "choego-inmin-hoeui")]),
    # evidence: the sentence names a North Korean person or body
    ("Pak Pong Ju reported to the National Assembly on the budget.",
     [("TK101", "National Assembly", "choego-inmin-hoeui")]),
    ("The Cabinet asked the National Assembly for a new law.",
     [("TK101", "National Assembly", "choego-inmin-hoeui")]),
])
def test_reported_with_evidence(checker, text, expected):
    assert found(checker, text) == expected


@pytest.mark.parametrize("text", [
    "The National Assembly passed the budget.",  # no evidence at all: most likely South Korea's
    "The State Council in Beijing issued a circular.",
    "Pak Pong Ju was in the news.\n\nThe National Assembly passed the budget.",  # another paragraph
    "Pak Pong Ju met a delegation from South Korea's National Assembly.",  # the other state named
    "The Cabinet studied how China's State Council sets prices.",
])
def test_never_without_evidence(checker, text):
    assert found(checker, text) == []


def test_the_message_names_the_other_state(checker):
    (f,) = checker.check_text("Pak Pong Ju reported to the National Assembly on the budget.")
    assert "South Korea" in f.message and f.suggestions[0] == "Supreme People's Assembly"


def test_other_state_round_trips(tmp_path):
    from termkit.glossary.conceptdict import concept_to_dict
    from termkit.glossary.flat import export_flat
    from termkit.glossary.loader import load_files
    from termkit.matching.matcher import concept_from_record, concept_record

    src = tmp_path / "g.yaml"
    src.write_text(GLOSSARY, encoding="utf-8")
    concepts = load_files([src])
    terms = {t.form: t for c in concepts for t in c.terms}
    assert terms["National Assembly"].other_state == "South Korea"
    assert terms["Cabinet"].other_state is None
    assert [concept_from_record(concept_record(c)) for c in concepts] == concepts  # the matcher cache
    assert concept_to_dict(concepts[0])["en"]["wrong"][0]["other_state"] == "South Korea"
    from termkit.glossary.tbx_export import export_tbx
    from termkit.glossary.tbx_import import load_tbx

    export_tbx(concepts, tmp_path / "g.tbx")  # a termkit note on the term
    again = {t.form: t for c in load_tbx(tmp_path / "g.tbx") for t in c.terms}
    assert again["National Assembly"].other_state == "South Korea"
    for ext in ("csv", "tsv"):
        flat = tmp_path / f"g.{ext}"
        export_flat(concepts, flat)
        again = {t.form: t for c in load_files([flat]) for t in c.terms}
        assert again["National Assembly"].other_state == "South Korea"


def test_bundled_glossary_marks_other_states(bundled):
    from termkit.glossary.assemble import load_concepts

    marked = {(c.id, t.form): t.other_state for c in load_concepts() for t in c.terms if t.other_state}
    assert marked[("choego-inmin-hoeui", "National Assembly")] == "South Korea"
    assert marked[("naegak", "State Council")] == "China"
