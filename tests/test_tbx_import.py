"""TBX import of real termbase layouts: 2019 DCA and DCT, 2008 martif (tig, ntig), status rule, problems, CLI."""
import json
import subprocess
from pathlib import Path

import pytest

import tbx_standards as std
from conftest import run_cli
from termkit.errors import GlossaryError
from termkit.glossary.loader import load_files
from termkit.glossary.tbx_import import load_tbx, read_tbx
from termkit.glossary.tbx_model import concept_id, domain_name, language, status_name

DCA = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>An editor's termbase</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="CE.7">
      <descrip type="subjectField">Economy</descrip>
      <langSec xml:lang="ko-KR">
        <termSec><term>천리마운동</term></termSec>
        <termSec><term>천리마 운동</term></termSec>
      </langSec>
      <langSec xml:lang="en-US">
        <descripGrp>
          <descrip type="definition">A mass production drive named after a winged horse.</descrip>
          <admin type="source">an editor's notes</admin>
        </descripGrp>
        <termSec><term>Chollima Movement</term></termSec>
        <termSec><term>Flying Horse Movement</term></termSec>
        <termSec><term>Thousand-li Horse drive</term>
          <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""

MARTIF = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>written for termkit's tests</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="t1">
      <descrip type="subjectField">politics</descrip>
      <langSet xml:lang="KO">
        <tig><term>선군정치</term></tig>
      </langSet>
      <langSet xml:lang="en">
        <tig><term>military-first politics</term>
          <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
        <tig><term>Songun politics</term>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
      </langSet>
    </termEntry>
    <termEntry id="t2">
      <langSet xml:lang="ko_KR">
        <ntig><termGrp><term>인민반</term></termGrp></ntig>
      </langSet>
      <langSet xml:lang="en">
        <ntig><termGrp><term>people's unit</term><termNote type="termType">entryTerm</termNote></termGrp>
          <descrip type="context">Every household belongs to one.</descrip></ntig>
        <ntig><termGrp><term>neighbourhood unit</term></termGrp></ntig>
      </langSet>
      <langSet xml:lang="de"><ntig><termGrp><term>Nachbarschaftseinheit</term></termGrp></ntig></langSet>
    </termEntry>
  </body></text>
</martif>
"""

DCT = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"
     xmlns:min="http://www.tbxinfo.net/ns/min" xmlns:basic="http://www.tbxinfo.net/ns/basic">
  <tbxHeader><fileDesc><sourceDesc><p>a MultiTerm-style export, written by hand</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c9">
      <min:subjectField>society</min:subjectField>
      <langSec xml:lang="ko">
        <termSec><term>장마당</term><min:administrativeStatus>preferredTerm-admn-sts</min:administrativeStatus></termSec>
      </langSec>
      <langSec xml:lang="ko-Latn">
        <termSec><term>jangmadang</term></termSec>
      </langSec>
      <langSec xml:lang="en">
        <descripGrp><basic:definition>Markets that grew up outside the state plan.</basic:definition></descripGrp>
        <termSec><term>market</term><min:administrativeStatus>admittedTerm-admn-sts</min:administrativeStatus></termSec>
        <termSec><term>informal market</term>
          <min:administrativeStatus>preferredTerm-admn-sts</min:administrativeStatus></termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""

# Two good concepts around two bad ones: no English, and a status no standard knows.
PROBLEMS = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>partly broken, on purpose</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="good-1">
      <langSec xml:lang="ko"><termSec><term>자력갱생</term></termSec></langSec>
      <langSec xml:lang="en"><termSec><term>self-reliance</term></termSec>
        <termSec><term>autarky</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
          <note>an economist's word, not the slogan</note></termSec></langSec>
    </conceptEntry>
    <conceptEntry id="no-english">
      <langSec xml:lang="ko"><termSec><term>영어없음</term></termSec></langSec>
    </conceptEntry>
    <conceptEntry id="bad-status">
      <langSec xml:lang="ko"><termSec><term>상태</term></termSec></langSec>
      <langSec xml:lang="en"><termSec><term>status</term>
        <termNote type="administrativeStatus">maybeTerm-admn-sts</termNote></termSec></langSec>
    </conceptEntry>
    <conceptEntry id="good-2">
      <langSec xml:lang="ko"><termSec><term>인민경제</term></termSec></langSec>
      <langSec xml:lang="en"><termSec><term>national economy</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""

NO_KOREAN = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>Spanish and English only</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c1">
      <langSec xml:lang="es"><termSec><term>estrella</term></termSec></langSec>
      <langSec xml:lang="en"><termSec><term>star</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""


def write(tmp_path, text, name="t.tbx"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def by_id(concepts):
    return {c.id: c for c in concepts}


@pytest.mark.parametrize("code, expected", [
    ("ko", ("ko", "hangul")), ("ko-KR", ("ko", "hangul")), ("KO", ("ko", "hangul")), ("ko_KR", ("ko", "hangul")),
    ("ko-Latn", ("ko", "latn")), ("ko-Hani", ("ko", "hani")), ("ko-KP", ("ko", "kp")), ("en-US", ("en", "")),
    ("EN", ("en", "")), ("", ("", "")), (None, ("", ""))])
def test_language_codes(code, expected):
    assert language(code) == expected


def test_ids_statuses_and_domains_are_normalised():
    assert [concept_id(x) for x in ("_10-4", "CE.7", "eid-VocCod-211.01", "c1")] == ["10-4", "ce-7",
                                                                                  "eid-voccod-211-01", "c1"]
    assert [status_name(x) for x in ("preferredTerm-admn-sts", "admitted", "standardizedTerm-admn-sts",
                                     "legalTerm-admn-sts", "maybeTerm", "forbidden", "obsolete")] == [
        "preferred", "admitted", "preferred", "admitted", None, "deprecated", "superseded"]
    assert [domain_name(x) for x in ("Economy", "social-life", "Hardware: Other", "2024", None)] == [
        "economy", "social-life", "hardware-other", "tbx", "tbx"]


def test_dca_with_no_statuses_and_a_definition_in_a_descrip_grp(tmp_path):
    [c] = load_tbx(write(tmp_path, DCA))
    assert (c.id, c.domain, c.ko, c.ko_variants, c.confidence) == ("ce-7", "economy", "천리마운동", ("천리마 운동",), "low")
    assert [(t.form, t.status) for t in c.terms] == [
        ("Chollima Movement", "preferred"), ("Flying Horse Movement", "admitted"),
        ("Thousand-li Horse drive", "deprecated")]
    assert c.terms[2].reason == "marked deprecated in the imported termbase"
    assert c.definition == "A mass production drive named after a winged horse."
    assert c.sources == () and c.specs == ()  # the descripGrp's source belongs to the definition


def test_martif_2008_tig_and_ntig(tmp_path):
    concepts = by_id(load_tbx(write(tmp_path, MARTIF)))
    assert set(concepts) == {"t1", "t2"}
    t1, t2 = concepts["t1"], concepts["t2"]
    assert (t1.ko, t1.domain) == ("선군정치", "politics")
    # an explicit preferred term wins over document order
    assert [(t.form, t.status) for t in t1.terms] == [("Songun politics", "preferred"),
                                                      ("military-first politics", "admitted")]
    assert (t2.ko, t2.domain) == ("인민반", "tbx")
    assert [(t.form, t.status) for t in t2.terms] == [("people's unit", "preferred"),
                                                      ("neighbourhood unit", "admitted")]


def test_dct_elements_and_ko_latn_without_termkit_notes(tmp_path):
    [c] = load_tbx(write(tmp_path, DCT))
    assert (c.id, c.domain, c.ko, c.rom_variants) == ("c9", "society", "장마당", ("jangmadang",))
    assert [(t.form, t.status) for t in c.terms] == [("informal market", "preferred"), ("market", "admitted")]
    assert c.definition == "Markets that grew up outside the state plan."


def test_only_explicitly_admitted_english_is_a_problem(tmp_path):
    text = MARTIF.replace("preferredTerm-admn-sts", "admittedTerm-admn-sts")
    result = read_tbx(write(tmp_path, text))
    assert [c.id for c in result.concepts] == ["t2"]
    [problem] = result.problems
    assert "no preferred English term" in problem.message and problem.line == 6


def test_problems_are_collected_per_concept_with_lines(tmp_path):
    path = write(tmp_path, PROBLEMS)
    result = read_tbx(path)
    assert [c.id for c in result.concepts] == ["good-1", "good-2"]
    assert [(p.path, p.line) for p in result.problems] == [(str(path), 11), (str(path), 16)]
    assert "no English (en) term" in result.problems[0].message
    assert "maybeTerm-admn-sts" in result.problems[1].message
    with pytest.raises(GlossaryError, match="and 1 more problem; .*--skip-invalid") as e:
        load_tbx(path)
    assert e.value.line == 11


def test_no_korean_lists_the_languages(tmp_path):
    with pytest.raises(GlossaryError, match=r"no Korean terms: the termbase has en, es;"):
        read_tbx(write(tmp_path, NO_KOREAN))


def test_cli_import_stops_on_problems_and_writes_nothing(tmp_path):
    path = write(tmp_path, PROBLEMS)
    code, out, err = run_cli("glossary", "import", path, "-o", tmp_path / "out")
    assert code == 2 and out == "" and "Traceback" not in err
    assert f"{path}:11: concept 'no-english' has no English (en) term" in err
    assert f"{path}:16: " in err and "2 of 4 concepts cannot be imported" in err
    assert not list((tmp_path / "out").glob("*.yaml")) if (tmp_path / "out").exists() else True


def test_cli_skip_invalid_imports_the_rest_and_the_yaml_loads_for_check(tmp_path):
    path = write(tmp_path, PROBLEMS)
    code, out, err = run_cli("glossary", "import", "--skip-invalid", path, "-o", tmp_path / "out")
    assert code == 0, err
    assert out.split() == [str(tmp_path / "out" / "tbx.yaml")]
    assert f"skipped: {path}:11:" in err and f"skipped: {path}:16:" in err and "2 concepts imported, 2 skipped" in err
    assert [c.id for c in load_files([tmp_path / "out" / "tbx.yaml"])] == ["good-1", "good-2"]  # schema-valid
    doc = write(tmp_path, "The slogan of autarky (자력갱생) returned.\n", "doc.md")
    code, out, err = run_cli("check", "--format", "json", "--no-bundled", "-g", tmp_path / "out", doc)
    assert code == 0, err  # a deprecated rendering is a warning
    assert [(f["code"], f["found"]) for f in json.loads(out)["findings"]] == [("TK102", "autarky")]


def test_check_reads_a_tbx_glossary_directly(tmp_path):
    tbx = write(tmp_path, DCA)
    doc = write(tmp_path, "The Thousand-li Horse drive (천리마운동) began in 1956.\n", "doc.md")
    code, out, err = run_cli("check", "--format", "json", "--no-bundled", "-g", tbx, doc)
    assert code == 0, err  # a deprecated rendering is a warning
    assert [f["found"] for f in json.loads(out)["findings"]] == ["Thousand-li Horse drive"]


def test_cli_no_korean_exits_2_listing_languages(tmp_path):
    code, out, err = run_cli("glossary", "import", write(tmp_path, NO_KOREAN), "-o", tmp_path / "out")
    assert code == 2 and "no Korean terms: the termbase has en, es" in err and "Traceback" not in err


@pytest.mark.skipif(not std.VALID_EXAMPLE.is_file(), reason=f"LTAC's example not found in {std.STANDARDS}")
def test_ltac_valid_example_is_refused_as_a_non_korean_termbase(tmp_path):
    code, out, err = run_cli("glossary", "import", std.VALID_EXAMPLE, "-o", tmp_path / "out")
    assert code == 2 and "no Korean terms: the termbase has en, es, zu" in err


# -- third-party termbases, when a mirror is on this machine (never copied into the repo) --------------------

MIRRORS = Path("/work/.mirror")
THIRD_PARTY = [  # (repository, path, language to read as Korean, concepts then imported, skipped)
    ("LTAC-Global+TBX-Basic_dialect", "DCA/Example_Astronomy_DCA_VALID.tbx", "es", 39, 6),
    ("LTAC-Global+TBX-Basic_dialect", "DCT/Example_Astronomy_DCT_VALID.tbx", "es", 39, 6),
    ("byutrg+TBX-Basic-Package", "TBX-basic-sample.tbx", "fr", 3, 2),
    ("mihnita+okapi", "okapi/libraries/lib-terminology/src/test/resources/ibm_tbx.tbx", "fr", 5, 0),
    ("mihnita+okapi", "okapi/libraries/lib-terminology/src/test/resources/maryland.tbx", "fr", 1, 0),
    ("mihnita+okapi", "okapi/libraries/lib-terminology/src/test/resources/medtronic_TBX.tbx", "da", 3, 0),
    ("mihnita+okapi", "okapi/libraries/lib-terminology/src/test/resources/oracle_TBX.tbx", "pt", 2, 0),
    ("mihnita+okapi", "okapi/libraries/lib-terminology/src/test/resources/sdl_tbx.tbx", "de", 179, 44),
    ("mihnita+okapi", "okapi/libraries/lib-terminology/src/test/resources/test01.tbx", "hu", 1, 0),
]


def third_party(tmp_path, repo, path):
    git_dir = MIRRORS / repo / "repo"
    if not git_dir.is_dir():
        pytest.skip(f"{repo} not fetched (fetch github:{repo.replace('+', '/')})")
    data = subprocess.run(["git", "-C", str(git_dir), "show", f"HEAD:{path}"], capture_output=True, check=True).stdout
    out = tmp_path / Path(path).name
    out.write_bytes(data)
    return out


@pytest.mark.parametrize("repo, path, lang, imported, skipped", THIRD_PARTY)
def test_third_party_termbase_without_korean_is_refused(tmp_path, repo, path, lang, imported, skipped):
    f = third_party(tmp_path, repo, path)
    code, out, err = run_cli("glossary", "import", f, "-o", tmp_path / "out")
    assert code == 2 and "no Korean terms: the termbase has " in err and "Traceback" not in err


@pytest.mark.parametrize("repo, path, lang, imported, skipped", THIRD_PARTY)
def test_third_party_layout_imports_with_one_language_read_as_korean(tmp_path, repo, path, lang, imported, skipped):
    """The real files' structure (DCA, DCT, martif tig/ntig, descripGrp), with their <lang> terms standing in
    for Korean: the concepts that have both languages import and the written YAML loads."""
    f = third_party(tmp_path, repo, path)
    f.write_bytes(f.read_bytes().replace(f'xml:lang="{lang}"'.encode(), b'xml:lang="ko_KR"'))
    result = read_tbx(f)
    assert (len(result.concepts), len(result.problems)) == (imported, skipped)
    assert all("no Korean (ko) term" in p.message or "no English (en) term" in p.message for p in result.problems)
    code, out, err = run_cli("glossary", "import", "--skip-invalid", f, "-o", tmp_path / "out")
    assert code == 0, err
    assert len(load_files(sorted((tmp_path / "out").glob("*.yaml")))) == imported


def test_concept_level_definition_kept_only_in_english(tmp_path):
    """A definition on the entry has the file's xml:lang; a pretty-printed term's line break is a space."""
    entry_def = '<termEntry id="t1">\n      <descrip type="definition">Politics that put the army\n        first.</descrip>'
    english = MARTIF.replace('<termEntry id="t1">', entry_def).replace(
        "<tig><term>선군정치</term></tig>", "<tig><term>\n          선군정치\n        </term></tig>")
    c = by_id(load_tbx(write(tmp_path, english)))["t1"]
    assert (c.ko, c.definition) == ("선군정치", "Politics that put the army first.")
    french = english.replace('<martif type="TBX" xml:lang="en">', '<martif type="TBX" xml:lang="fr">')
    assert by_id(load_tbx(write(tmp_path, french, "fr.tbx")))["t1"].definition is None


def test_cli_skip_invalid_with_nothing_importable_exits_2(tmp_path):
    only_bad = NO_KOREAN.replace('xml:lang="es"', 'xml:lang="ko"').replace('xml:lang="en"', 'xml:lang="fr"')
    code, out, err = run_cli("glossary", "import", "--skip-invalid", write(tmp_path, only_bad), "-o", tmp_path / "o")
    assert code == 2 and "no English (en) term" in err and "1 of 1 concepts cannot be imported; nothing written\n" in err


def test_category_names_are_read_without_case_or_spaces(tmp_path):
    text = (DCA.replace('type="definition"', 'type="Definition"').replace('type="subjectField"', 'type="Subject Field"')
            .replace('type="administrativeStatus"', 'type="AdministrativeStatus"'))
    [c] = load_tbx(write(tmp_path, text))
    assert (c.domain, c.definition) == ("economy", "A mass production drive named after a winged horse.")
    assert c.terms[-1].status == "deprecated"


@pytest.mark.parametrize("confidence, specs, valid", [
    ("low", None, True), ("medium", None, False), ("high", None, False), ("low", [], False),
    ("high", [{"text": "Self-reliance (자력갱생).", "expect": []}], True)])
def test_schema_requires_specs_for_high_and_medium_confidence_only(confidence, specs, valid):
    from termkit.glossary.loader import _validator

    concept = {"id": "jaryeok-gaengsaeng", "ko": "자력갱생", "en": {"preferred": ["self-reliance"]},
               "confidence": confidence, **({"specs": specs} if specs is not None else {})}
    errors = list(_validator().iter_errors({"domain": "economy", "concepts": [concept]}))
    assert (not errors) is valid, [e.message for e in errors]


def test_every_bundled_concept_still_has_specs():
    """The curated glossary keeps the design's rule; only imported (low-confidence) concepts may lack specs."""
    from termkit.glossary.assemble import load_concepts

    assert [c.id for c in load_concepts() if not c.specs] == []
