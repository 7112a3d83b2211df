"""TBX-Basic export: valid against LTAC's core RNG and DCA Schematron, ids as xsd:ID, ko-Latn/ko-Hani, lossless."""
from dataclasses import replace

import pytest

import tbx_standards as std
from termkit.glossary.assemble import load_concepts
from termkit.glossary.tbx_export import export_tbx
from termkit.glossary.tbx_import import load_tbx
from termkit.glossary.tbx_model import NS, XML_LANG, concept_id, tbx_id
from termkit.model import Concept, Spec, Term

needs_standards = pytest.mark.skipif(not std.available(), reason=f"TBX schemas not found in {std.STANDARDS}")


@pytest.fixture(scope="module")
def bundled_tbx(tmp_path_factory):
    concepts = load_concepts()
    path = tmp_path_factory.mktemp("tbx") / "bundled.tbx"
    export_tbx(concepts, path)
    return concepts, path


def full_concept(cid="10-4-test-concept") -> Concept:
    """A concept that uses every field termkit has (text written for this test)."""
    return Concept(
        id=cid, domain="politics", ko="시험개념", confidence="medium", type="campaign", ko_nk="시험개념녀",
        ko_variants=("시험", "시험 개념"), hanja="試驗槪念", mr="sihŏm kaenyŏm", rr="siheom gaenyeom",
        rom_variants=("Sihom Kaenyom",),
        misspellings=(Term("Sihum Kaenyum", "misspelling", "vowels misread", seen_in="A made-up report, 2001"),),
        terms=(Term("test concept", "preferred"), Term("TC", "admitted"),
               Term("trial idea", "deprecated", "an old label", since="2019-05", seen_in="Some newsletter, 2018"),
               Term("probe notion", "superseded", "renamed", since="2020"),
               Term("exam concept", "wrong", "renders another concept", needs_evidence=True)),
        names=(("dprk", "test concept"), ("sk", "Test Concept Campaign"), ("other", "Tesuto")),
        definition="A concept made up to exercise every field.", note="Written for the TBX tests.",
        sources=("termkit tests",), conventional=("Sihom Kaenyom",), short_forms=("TC",),
        blocking_contexts=("test concept committee",), context_cues=("trial",),
        specs=(Spec("The test concept (시험개념) holds.", ()), Spec("An exam concept (시험개념).", ("TK101",))),
    )


def strip(concepts):
    return {c.id: replace(c, origin="") for c in concepts}


@needs_standards
def test_bundled_export_has_no_rng_errors(bundled_tbx):
    # before this change: 60 errors, all from ids starting with a digit
    assert std.rng_errors(bundled_tbx[1]) == []


@needs_standards
def test_bundled_export_has_no_schematron_failures(bundled_tbx):
    # before this change: 1,327 failed asserts (termType transcribedForm on every romanization)
    assert std.schematron_failures(bundled_tbx[1]) == []


@needs_standards
def test_validators_find_the_faults_the_old_export_had(tmp_path):
    """The checks can fail: LTAC's valid example passes, the same file with the old export's faults does not."""
    assert std.rng_errors(std.VALID_EXAMPLE) == [] and std.schematron_failures(std.VALID_EXAMPLE) == []
    text = std.VALID_EXAMPLE.read_text(encoding="utf-8-sig")
    bad = tmp_path / "bad.tbx"
    bad.write_text(text.replace('conceptEntry id="c1"', 'conceptEntry id="1c"', 1)
                   .replace('<termNote type="partOfSpeech">noun</termNote>',
                            '<termNote type="termType">transcribedForm</termNote>', 1), encoding="utf-8")
    assert any("1c" in e for e in std.rng_errors(bad))
    failures = std.schematron_failures(bad)
    assert len(failures) == 1 and "termType" in failures[0]


@needs_standards
def test_a_concept_with_every_field_exports_valid(tmp_path):
    path = tmp_path / "full.tbx"
    export_tbx([full_concept()], path)
    assert std.rng_errors(path) == [] and std.schematron_failures(path) == []


def test_round_trip_of_every_field(tmp_path):
    path = tmp_path / "full.tbx"
    export_tbx([full_concept()], path)
    assert strip(load_tbx(path)) == strip([full_concept()])


def test_bundled_round_trip_is_lossless(bundled_tbx):
    concepts, path = bundled_tbx
    assert strip(load_tbx(path)) == strip(concepts)


def test_ids_starting_with_a_digit_get_an_underscore_and_lose_it_on_import(tmp_path):
    from lxml import etree

    path = tmp_path / "g.tbx"
    export_tbx([full_concept("10-4-test"), full_concept("plain-id")], path)
    ids = [e.get("id") for e in etree.parse(str(path)).getroot().iter(f"{{{NS}}}conceptEntry")]
    assert ids == ["_10-4-test", "plain-id"]
    assert [c.id for c in load_tbx(path)] == ["10-4-test", "plain-id"]
    assert [concept_id(tbx_id(x)) for x in ("9", "a9", "0-x")] == ["9", "a9", "0-x"]


def test_romanizations_in_ko_latn_hanja_in_ko_hani_no_transcribed_form(tmp_path):
    from lxml import etree

    path = tmp_path / "g.tbx"
    export_tbx([full_concept()], path)
    [entry] = etree.parse(str(path)).getroot().iter(f"{{{NS}}}conceptEntry")
    sections = {ls.get(XML_LANG): [t.text for t in ls.iter(f"{{{NS}}}term")] for ls in entry.iter(f"{{{NS}}}langSec")}
    assert list(sections) == ["ko", "ko-Latn", "ko-Hani", "en"]
    assert sections["ko"] == ["시험개념", "시험개념녀", "시험", "시험 개념"]
    assert sections["ko-Latn"] == ["sihŏm kaenyŏm", "siheom gaenyeom", "Sihom Kaenyom", "Sihum Kaenyum"]
    assert sections["ko-Hani"] == ["試驗槪念"]
    assert "transcribedForm" not in path.read_text(encoding="utf-8")


def test_a_concept_without_romanization_or_hanja_has_no_empty_sections(tmp_path):
    from lxml import etree

    c = Concept(id="bare", domain="economy", ko="맨개념", confidence="low", terms=(Term("bare concept", "preferred"),))
    path = tmp_path / "g.tbx"
    export_tbx([c], path)
    langs = [ls.get(XML_LANG) for ls in etree.parse(str(path)).getroot().iter(f"{{{NS}}}langSec")]
    assert langs == ["ko", "en"]
    assert strip(load_tbx(path)) == strip([c])
