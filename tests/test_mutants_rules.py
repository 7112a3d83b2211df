"""Rules and the glossary variants they match: exact results that kill mutants (benchmarks/mutation.py)."""
import pytest

from conftest import FIXTURE_GLOSSARY, checker_with

TWO_CONCEPTS = """\
domain: t
description: One English form approved for two concepts; two wrong forms with their own reasons.
concepts:
- id: bogeup
  ko: 보급
  en:
    preferred: [supply]
    admitted: [distribution]
    wrong:
    - form: handout
      reason: reason of handout
    - form: dole
      reason: reason of dole
    - form: allocation
      reason: renders 분배
  confidence: high
  specs:
  - text: "The supply (보급) went on."
    expect: []
- id: bunbae
  ko: 분배
  en:
    preferred: [distribution]
    admitted: [allocation]
  confidence: high
  specs:
  - text: "The distribution (분배) went on."
    expect: []
- id: jeongmuwon
  type: institution
  ko: 정무원
  en:
    preferred: [State Council]
    admitted: [Administration Council]
  confidence: high
  specs:
  - text: "The State Council (정무원) met."
    expect: []
"""


@pytest.fixture(scope="module")
def checker(tmp_path_factory):
    return checker_with(tmp_path_factory.mktemp("two"), TWO_CONCEPTS, FIXTURE_GLOSSARY)


def bilingual(checker, tmp_path, rows):
    p = tmp_path / "b.tsv"
    p.write_text("ko\ten\n" + "".join(f"{a}\t{b}\n" for a, b in rows), encoding="utf-8")
    return [(f.line, f.code, f.found, f.concept, f.side) for f in checker.check_file(p)]


# --- variants.py ------------------------------------------------------------------------------------

def test_plurals():
    from termkit.matching.variants import _plurals

    assert [_plurals(w) for w in ("economy", "day", "y", "class", "box", "waltz", "march", "wish", "plan", "", "2")] == [
        ["economies"], ["days"], ["ys"], ["classes"], ["boxes"], ["waltzes"], ["marches"], ["wishes"], ["plans"], [],
        []]


def test_english_name_and_romanization_keys():
    from termkit.matching.variants import english_keys, name_keys, romanization_keys

    assert english_keys("Self-reliance economy") == {
        "self reliance economy", "self reliance economies", "self reliance economies'", "self reliance economy's",
        "selfreliance economy", "selfreliance economies", "selfreliance economies'", "selfreliance economy's"}
    assert english_keys("Ministry of Railways") == {
        "ministry of railways", "ministry of railwayses", "ministry of railwayses'", "ministry of railways's",
        "ministry of railways'"}
    assert name_keys("Kim Jong Un") == {"kim jong un", "kim jong un's", "jong un kim", "jong un kim's"}
    assert name_keys("Ri Son Gwon") == {"ri son gwon", "ri son gwon's", "son gwon ri", "son gwon ri's"}
    assert name_keys("Pak Chol Nams") == {"pak chol nams", "pak chol nams's", "pak chol nams'", "chol nams pak",
                                          "chol nams pak's"}
    assert romanization_keys("Ch'\u014fllima Undong") == {"ch'ollima undong", "chollima undong", "ch'ollimaundong",
                                                          "chollimaundong"}
    assert romanization_keys("'") == set()


# --- base.py: ValueCounts and Context -------------------------------------------------------------

def test_value_counts_lines_and_conflicts():
    from termkit.rules.base import ValueCounts

    v = ValueCounts(keep_lines=3)
    for value, line in [("a", 1), ("a", 1), ("a", 2), ("b", 3), ("c", 4), ("c", 4), ("b", 5), ("a", 6), ("a", 7),
                        ("a", 8), ("c", 9), ("c", 10)]:
        v.add("k", value, line)
    v.add("solo", "x", 1)
    v.add("solo", "x", 2)
    assert dict(v.conflicts()) == {"k": {"a": 6, "b": 2, "c": 4}}
    assert v.lines == {("k", "a"): [1, 2, 6], ("k", "b"): [3, 5], ("k", "c"): [4, 9, 10]}
    assert v.single == {}


def test_value_counts_single_key_keeps_first_lines():
    from termkit.rules.base import ValueCounts

    v = ValueCounts(keep_lines=2)
    for line in (1, 1, 2, 3):
        v.add("k", "a", line)
    assert v.single == {"k": ("a", 4, (1, 2))}
    v.add("k", "b", 9)
    assert v.lines == {("k", "a"): [1, 2], ("k", "b"): [9]}


def test_context_has_kind_before_and_after_entries(checker):
    from termkit.rules.base import Context

    m = checker.matcher
    (hit,) = m.find("autarky")
    ctx = Context(m)
    assert ctx.has_kind(hit, "en") is True and ctx.has_kind(hit, "ko") is False
    ctx = Context(m)
    assert [e.form for e in ctx.entries(hit, "en")] == ["autarky"]
    assert ctx.has_kind(hit, "en") is True and ctx.has_kind(hit, "ko") is False


def test_view_filters_only_from_sixteen_hits(checker):
    from termkit.matching import EN_WRONG, EVIDENCE
    from termkit.rules import VIEW_FROM, view
    from termkit.rules.base import Context, Document

    m = checker.matcher
    ctx = Context(m)
    assert VIEW_FROM == 16
    small = Document("p", m.find("autarky, self-reliance. " * 7 + "autarky"))
    assert len(small.hits) == 15 and view(small, EN_WRONG, ctx) is small
    big = Document("p", m.find("autarky, self-reliance. " * 8))
    assert len(big.hits) == 16
    got = view(big, EN_WRONG, ctx)
    assert [h.found for h in got.hits] == ["autarky"] * 8 and view(big, EN_WRONG, ctx) is got
    assert view(big, None, ctx) is big
    bigger = Document("p", m.find("autarky, self-reliance. " * 9))
    assert [h.found for h in view(bigger, EN_WRONG, ctx).hits] == ["autarky"] * 9
    glossed = Document("p", m.find("self-reliance (자력갱생) " * 8))
    assert [h.found for h in view(glossed, EVIDENCE, ctx).hits] == ["self-reliance"] * 8


# --- rendering.py: the reason of the form found --------------------------------------------------

def test_wrong_rendering_names_its_own_reason(checker):
    (f,) = checker.check_text("The dole went on.")
    assert (f.code, f.found, f.concept) == ("TK101", "dole", "bogeup")
    assert "reason of dole" in f.message and "reason of handout" not in f.message
    (f,) = checker.check_text("The handout went on.")
    assert "reason of handout" in f.message and "reason of dole" not in f.message


# --- bilingual.py: alignment and TK602 ---------------------------------------------------------------

def test_one_orphan_and_one_unrendered_concept_are_paired(checker, tmp_path):
    # Row 3's 'Self-reliance' is taken to render its one unrendered source concept (국산화), so the
    # form renders two concepts in the file: TK602 as well as TK601.
    assert bilingual(checker, tmp_path, [("자력갱생", "Self-reliance."), ("국산화", "Self-reliance.")]) == [
        (3, "TK601", "국산화", "gukssanhwa", "source"), (3, "TK602", "Self-reliance", "gukssanhwa", "target")]
    # With two unrendered concepts nothing is paired.
    assert bilingual(checker, tmp_path, [("자력갱생", "Self-reliance."), ("국산화 주체화", "Self-reliance.")]) == [
        (3, "TK601", "국산화", "gukssanhwa", "source"), (3, "TK601", "주체화", "juchehwa", "source")]


def test_tk602_keeps_the_approved_concept_then_the_most_frequent(checker, tmp_path):
    # 'localization' is approved for 국산화 only: 국산화 keeps it even where 주체화 is more frequent.
    got = bilingual(checker, tmp_path, [("국산화", "Localization."), ("주체화", "Localization."),
                                        ("주체화", "Localization.")])
    assert [x for x in got if x[1] == "TK602"] == [(3, "TK602", "Localization", "juchehwa", "target"),
                                                   (4, "TK602", "Localization", "juchehwa", "target")]
    # 'distribution' is approved for both: the more frequent concept keeps it, then the first id.
    assert bilingual(checker, tmp_path, [("보급", "Distribution."), ("보급", "Distribution."),
                                         ("분배", "Distribution.")]) == [(4, "TK602", "Distribution", "bunbae", "target")]
    assert bilingual(checker, tmp_path, [("보급", "Distribution."), ("분배", "Distribution."),
                                         ("분배", "Distribution.")]) == [(2, "TK602", "Distribution", "bogeup", "target")]
    assert bilingual(checker, tmp_path, [("보급", "Distribution."), ("분배", "Distribution.")]) == [
        (3, "TK602", "Distribution", "bunbae", "target")]


# --- fix.py: adjacent spans are not overlapping ones ---------------------------------------------------

def test_plan_applies_adjacent_edits(checker):
    from termkit.checking.fix import apply, plan

    (f,) = checker.check_text("autarky")
    text = "autarkyautarky"
    second = f._replace(column=8, end_column=15)
    edits = plan(text, [f, second], checker.matcher)
    assert [(e.start, e.end) for e in edits] == [(0, 7), (7, 14)]
    assert apply(text, edits) == "self-relianceself-reliance"


# --- TK403 over every concept type but persons ------------------------------------------------------

def test_probable_misspelling_of_an_institution_and_a_term(checker):
    got = [(f.code, f.found, f.concept, f.suggestions) for f in checker.check_text(
        "The *Chosun Rodongdang* met. The *Charyok Kaengsang* spirit.")]
    assert got == [("TK403", "Chosun Rodongdang", "josen-nodongdang", ("Chosŏn Rodongdang",)),
                   ("TK403", "Charyok Kaengsang", "jaryeok-gaengsaeng", ("Charyŏk Kaengsaeng",))]


# --- the source as evidence (bilingual), messages naming forms ----------------------------------------

def test_source_proves_a_concept_unless_it_holds_both(checker, tmp_path):
    # 'distribution' is approved for 보급 and 분배: a source with 보급 alone proves 보급 (TK301 against
    # 'supply'); a source with both proves neither, so no TK301.
    got = bilingual(checker, tmp_path, [("보급", "Supply."), ("보급", "Distribution.")])
    assert got == [(3, "TK301", "Distribution", "bogeup", "target")]
    got = bilingual(checker, tmp_path, [("보급", "Supply."), ("보급 분배", "Distribution.")])
    assert [x for x in got if x[1] == "TK301"] == []


def test_missing_rendering_names_the_concept_the_target_form_renders(checker, tmp_path):
    p = tmp_path / "b.tsv"
    p.write_text("ko\ten\n국산화\tAllocation.\n", encoding="utf-8")
    (f,) = checker.check_file(p)
    assert f.message == ("국산화 (kuksanhwa) has no rendering in the target segment; expected 'localization'; "
                         "the target has 'Allocation' (line 2), which renders 분배")


def test_tk602_lists_at_most_five_lines(checker, tmp_path):
    p = tmp_path / "b.tsv"
    p.write_text("ko\ten\n" + "보급\tDistribution.\n" * 7 + "분배\tDistribution.\n", encoding="utf-8")
    (f,) = checker.check_file(p)
    assert (f.line, f.code) == (9, "TK602")
    assert f.message == ("'Distribution' renders 분배 here but 보급 elsewhere in this document (line 2, 3, 4, 5, 6); "
                         "use 'distribution'")


def test_tk301_names_the_dominant_form_as_the_glossary_writes_it(checker):
    (f,) = checker.check_text("The State Council met. The Administration Council met. The State Council again.")
    assert f.message == ("'Administration Council' renders 정무원, which this document also renders 'State Council' "
                         "(line 1); preferred: 'State Council'")


def test_tk201_suggests_the_first_approved_form(checker):
    (f,) = checker.check_text("Care home (자력갱생).")
    assert f.message == ("'Care home' renders 양생원 (yangsaengwŏn), but its gloss '자력갱생' is 자력갱생 "
                         "(charyŏk kaengsaeng): use 'self-reliance', or correct the gloss")


def test_tk402_house_style_reports_a_single_form_of_the_other_system():
    from termkit.checking.checker import Checker
    from termkit.config import Config

    for style, text, found, good in [("mr", "Self-reliance (*jaryeok gaengsaeng*).", "jaryeok gaengsaeng",
                                      "charyŏk kaengsaeng"),
                                     ("rr", "Self-reliance (*charyŏk kaengsaeng*).", "charyŏk kaengsaeng",
                                      "jaryeok gaengsaeng")]:
        c = Checker(Config(glossary=[str(FIXTURE_GLOSSARY)], bundled=False, romanization=style))
        assert [(f.code, f.found, f.suggestions) for f in c.check_text(text)] == [("TK402", found, (good,))], style
        assert c.check_text(text.replace(found, good)) == []


def test_tk602_not_raised_by_one_segment_alone(checker, tmp_path):
    # One row: 'distribution' is a correct rendering of both 보급 and 분배. TK602 says "'Distribution'
    # renders 분배 here but 보급 elsewhere in this document (line 2); use 'distribution'".
    assert bilingual(checker, tmp_path, [("보급 분배", "Distribution.")]) == []
