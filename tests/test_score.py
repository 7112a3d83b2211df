"""termkit.tools.score: sacrebleu's metrics as its command line computes them, and terminology accuracy and consistency.

The terminology cases run on the fixture glossary (tests/fixtures/mini.yaml) and are counted by hand
in the comments. The worked example in examples/score/ runs on the bundled glossary; every one of its
24 source term occurrences was checked by hand (see EXAMPLE_CONCEPTS). Agreement with sacrebleu is
checked against `python -m sacrebleu` in a subprocess on the same files.
"""
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURE_GLOSSARY
from termkit.config import Config
from termkit.errors import InputError, TermkitError
from termkit.tools.score import ScoreInput, format_text, read_plain, read_table, score, score_files

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "score"
SRC, REF, HYP, TABLE = (EXAMPLE / n for n in ("source.ko.txt", "reference.en.txt", "hypothesis.en.txt", "table.tsv"))


@pytest.fixture(scope="module")
def mini_matcher(mini):
    return mini.matcher


def terms(matcher, sources, hyps, refs=None):
    data = ScoreInput(list(hyps), [list(refs or hyps)], list(sources))
    return score(data, matcher)


# -- terminology accuracy (WMT 2021 exact match) on hand-counted cases -----------------------------

@pytest.mark.parametrize("source, hyp, correct, total", [
    # 자력갱생 and 국산화, both rendered by approved forms (the admitted 'domestic production' counts)
    ("자력갱생과 국산화를 강조하였다.", "It stressed self-reliance and domestic production.", 2, 2),
    # particles and North Korean spelling on the source side: 조선로동당의 is 조선노동당
    ("조선로동당의 정책이다.", "It is the policy of the Workers' Party of Korea.", 1, 1),
    # case, hyphen and possessive folding on the hypothesis side
    ("자력갱생의 길.", "Self Reliance's path.", 1, 1),
    # a rendering of another concept does not count: 'localization' renders 국산화, not 주체화
    ("주체화를 강조하였다.", "It stressed localization.", 0, 1),
    # the term is left untranslated
    ("허위보고가 적발되었다.", "Padded figures were uncovered.", 0, 1),
    # one hypothesis occurrence serves one source occurrence (the WMT scorer's rule): 1 of 2
    ("자력갱생, 또 자력갱생을 외쳤다.", "They shouted self-reliance again.", 1, 2),
    # two occurrences, two renderings
    ("자력갱생, 또 자력갱생을 외쳤다.", "They shouted self-reliance, self-reliance again.", 2, 2),
    # no glossary term in the source: nothing to count
    ("회의가 열렸다.", "A meeting was held.", 0, 0),
])
def test_term_accuracy_cases(mini_matcher, source, hyp, correct, total):
    r = terms(mini_matcher, [source], [hyp])
    assert (r.counts["term_correct"], r.counts["term_occurrences"]) == (correct, total)
    assert r.term_accuracy == (correct / total if total else None)


def test_term_accuracy_is_micro_averaged(mini_matcher):
    # segment 1: 1 of 1; segment 2: 0 of 3. Micro: 1/4 = 0.25 (a macro average would give 0.5).
    r = terms(mini_matcher, ["자력갱생을 강조하였다.", "국산화와 허위보고와 주체화."],
              ["It stressed self-reliance.", "Import substitution, padding and a Juche line."])
    assert r.counts["term_occurrences"] == 4 and r.counts["term_correct"] == 1
    assert r.term_accuracy == 0.25


def test_term_consistency(mini_matcher):
    # 국산화: 'localization' then 'domestic production' -> two ways; 자력갱생 twice one way;
    # 허위보고 once -> not judged. 1 consistent of 2 judged = 0.5.
    sources = ["국산화를 강조하였다.", "국산화가 진척되었다.", "자력갱생을 외쳤다.", "자력갱생이다.", "허위보고였다."]
    hyps = ["It stressed localization.", "Domestic production advanced.", "Self-reliance.", "Self-reliance.",
            "It was false reporting."]
    r = terms(mini_matcher, sources, hyps)
    by_id = {c.concept: c for c in r.concepts}
    assert by_id["gukssanhwa"].consistent is False
    assert dict(by_id["gukssanhwa"].renderings) == {"localization": 1, "domestic production": 1}
    assert by_id["jaryeok-gaengsaeng"].consistent is True
    assert by_id["heowi-bogo"].consistent is None
    assert (r.counts["consistency_concepts"], r.counts["consistent_concepts"]) == (2, 1)
    assert r.term_consistency == 0.5
    assert r.term_accuracy == 1.0


def test_wrong_rendering_counts_as_a_way_of_rendering(mini_matcher):
    # 주체화 rendered once correctly, once by the glossary's wrong form 'subjectivization'
    r = terms(mini_matcher, ["주체화를 강조하였다.", "주체화가 강조되었다."],
              ["It stressed Juche orientation.", "Subjectivization was stressed."])
    c = r.concepts[0]
    assert (c.concept, c.occurrences, c.correct, c.missing) == ("juchehwa", 2, 1, 0)
    assert dict(c.renderings) == {"Juche orientation": 1, "subjectivization": 1}
    assert r.term_consistency == 0.0


def test_without_source_there_are_no_term_scores(mini_matcher):
    r = score(ScoreInput(["a b c"], [["a b c"]]), mini_matcher)
    assert r.term_accuracy is None and r.term_consistency is None and r.concepts == []
    assert "term accuracy = n/a" in format_text(r)


# -- BLEU, chrF++ and TER: hand-computed, then sacrebleu's own command line -------------------------

def test_metrics_on_hand_computed_cases(mini_matcher):
    same = score(ScoreInput(["the plenary met today"], [["the plenary met today"]]), mini_matcher)
    assert same.metrics["bleu"]["score"] == pytest.approx(100)
    assert (same.metrics["chrf"]["score"], same.metrics["ter"]["score"]) == (100, 0)
    # 'a b c d' against 'a b c e': n-gram precisions 3/4, 2/3, 1/2 and 0/1, the last smoothed by
    # sacrebleu's default 'exp' method to 1/(2·1); brevity penalty 1. BLEU = 100·(3/4·2/3·1/2·1/2)^(1/4).
    r = score(ScoreInput(["a b c d"], [["a b c e"]]), mini_matcher)
    assert r.metrics["bleu"]["score"] == pytest.approx(100 * (0.75 * (2 / 3) * 0.5 * 0.5) ** 0.25)
    # TER: one substitution over four reference words
    assert r.metrics["ter"]["score"] == pytest.approx(25.0)
    assert r.metrics["chrf"]["name"] == "chrF2++"
    assert "nw:2" in r.metrics["chrf"]["signature"]


def _sacrebleu_cli(refs, hyp):
    cmd = [sys.executable, "-m", "sacrebleu", *map(str, refs), "-i", str(hyp), "-m", "bleu", "chrf", "ter",
           "--chrf-word-order", "2", "-f", "json", "-w", "4"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, encoding="utf-8").stdout
    return {d["name"]: d for d in json.loads(out)}


def test_agrees_with_sacrebleu_command_line():
    cli = _sacrebleu_cli([REF], HYP)
    r = score_files(HYP, [REF], SRC)
    for key, name in (("bleu", "BLEU"), ("chrf", "chrF2++"), ("ter", "TER")):
        assert round(r.metrics[key]["score"], 4) == cli[name]["score"], key
        assert r.metrics[key]["signature"] == cli[name]["signature"], key
        assert r.metrics[key]["name"] == name


def test_agrees_with_sacrebleu_with_two_references(tmp_path):
    second = tmp_path / "ref2.txt"
    second.write_text("\n".join(line.replace("stressed", "emphasized") for line in
                                REF.read_text(encoding="utf-8").splitlines()) + "\n", encoding="utf-8")
    cli = _sacrebleu_cli([REF, second], HYP)
    r = score_files(HYP, [REF, second])
    for key, name in (("bleu", "BLEU"), ("chrf", "chrF2++"), ("ter", "TER")):
        assert round(r.metrics[key]["score"], 4) == cli[name]["score"], key
        assert r.metrics[key]["signature"] == cli[name]["signature"], key
    assert "nrefs:2" in r.metrics["bleu"]["signature"]


def test_lines_are_read_as_sacrebleu_reads_them(tmp_path):
    """Trailing whitespace and CR stripped, a last line without a newline kept, BOM dropped."""
    hyp, ref = tmp_path / "h.txt", tmp_path / "r.txt"
    hyp.write_bytes("\ufeffthe plenary met \r\nself-reliance".encode("utf-8"))
    ref.write_bytes(b"the plenary met today\nself-reliance\n")
    data = read_plain(hyp, [ref])
    assert data.hypotheses == ["the plenary met", "self-reliance"]
    assert data.references == [["the plenary met today", "self-reliance"]]


# -- the worked example -------------------------------------------------------------------------------

# concept -> (occurrences, correct, renderings). Segment by segment: 1 plenary meeting ✓, Pyongyang
# ✓; 2 Kim Jong Un ✓, General Secretary ✓, self-reliance ✓; 3 'people's economic plan' (wrong) for
# 인민경제계획; 4 'Local-industry factories' (deprecated) for 지방공업공장, consumer goods ✓; 5 'Prime
# Minister' (deprecated) for 내각총리, regional-industry factory ✓; 6 'numerical economy' (wrong) for
# 수자경제, informatization ✓; 7 localization ✓; 8 'collective farms' (wrong) for 협동농장, nothing
# for 모내기 ('rice planting'); 9 plenum ✓ (admitted), national economy ✓; 10 market prices ✓ for
# 시장가격, and 'state prices' is no rendering of 국정가격 (the one 'market prices' is used up);
# 11 Kim Jong Un ✓, General Secretary ✓, informatization ✓; 12 Workers' Party of Korea ✓,
# self-reliance ✓. 17 of 24.
EXAMPLE_CONCEPTS = {
    "chongbiseo": (2, 2, {"General Secretary": 2}),
    "dang-jungang-wiwonhoe-jeonwon-hoeui": (2, 2, {"plenary meeting": 1, "plenum": 1}),
    "gim-jeong-eun": (2, 2, {"Kim Jong Un": 2}),
    "gukjeong-gagyeok": (1, 0, {}),
    "guksanhwa": (1, 1, {"localization": 1}),
    "hyeopdong-nongjang": (1, 0, {"collective farm": 1}),
    "inmin-gyeongje": (1, 1, {"national economy": 1}),
    "inmin-gyeongje-gyehoek": (1, 0, {"people's economic plan": 1}),
    "inmin-sobipum": (1, 1, {"consumer goods": 1}),
    "jaryeok-gaengsaeng": (2, 2, {"self-reliance": 2}),
    "jeongbohwa": (2, 2, {"informatization": 2}),
    "jibang-gongeop-gongjang": (2, 1, {"local-industry factory": 1, "regional-industry factory": 1}),
    "joseon-nodongdang": (1, 1, {"Workers' Party of Korea": 1}),
    "monaegi": (1, 0, {}),
    "naegak-chongni": (1, 0, {"Prime Minister": 1}),
    "pyeongyang": (1, 1, {"Pyongyang": 1}),
    "sijang-gagyeok": (1, 1, {"market price": 1}),
    "suja-gyeongje": (1, 0, {"numerical economy": 1}),
}


@pytest.fixture(scope="module")
def example():
    return score_files(HYP, [REF], SRC, per_segment=True)


def test_example_per_concept(example):
    got = {c.concept: (c.occurrences, c.correct, dict(c.renderings)) for c in example.concepts}
    assert got == EXAMPLE_CONCEPTS
    assert example.counts["term_occurrences"] == 24 and example.counts["term_correct"] == 17
    assert example.term_accuracy == pytest.approx(17 / 24)
    # judged (2+ renderings identified): chongbiseo, plenary meeting (two forms), gim-jeong-eun,
    # jaryeok-gaengsaeng, jeongbohwa, jibang-gongeop-gongjang (two forms): 4 of 6
    assert example.term_consistency == pytest.approx(4 / 6)


def test_example_per_segment(example):
    rows = [(s.segment, s.terms, s.correct, s.missing) for s in example.segments]
    assert rows[2] == (3, 1, 0, ["inmin-gyeongje-gyehoek"])
    assert rows[7] == (8, 2, 0, ["hyeopdong-nongjang", "monaegi"])
    assert rows[9] == (10, 2, 1, ["gukjeong-gagyeok"])
    assert rows[10][1:] == (3, 3, [])
    eleventh = example.segments[10]
    assert (round(eleventh.bleu, 6), eleventh.chrf, eleventh.ter) == (100, 100, 0)  # hypothesis = reference
    assert sum(s.terms for s in example.segments) == 24


def test_example_json_shape(example):
    d = json.loads(json.dumps(example.to_dict(), ensure_ascii=False))
    for key in ("bleu", "chrf", "ter", "term_accuracy", "term_consistency", "per_concept", "per_segment",
                "sacrebleu", "counts", "signature", "termkit"):
        assert key in d, key
    assert all(isinstance(d[k], float) for k in ("bleu", "chrf", "ter"))
    assert 0 <= d["term_accuracy"] <= 1 and 0 <= d["term_consistency"] <= 1
    assert d["bleu"] == d["sacrebleu"]["bleu"]["score"]
    assert d["signature"].startswith("termkit:") and "terms:wmt21-exact-match" in d["signature"]
    assert {c["concept"] for c in d["per_concept"]} == set(EXAMPLE_CONCEPTS)
    assert "per_segment" not in score_files(HYP, [REF], SRC).to_dict()


def test_example_table_gives_the_same_scores(example):
    table = score_files(table=TABLE)
    a, b = table.to_dict(), example.to_dict()
    for key in ("bleu", "chrf", "ter", "term_accuracy", "term_consistency", "per_concept", "counts"):
        assert a[key] == b[key], key
    assert table.files["hyp"] == "mt" and table.files["src"] == "ko"
    # the table holds exactly the three plain files, row by row
    rows = [line.split("\t") for line in TABLE.read_text(encoding="utf-8").splitlines()]
    assert rows[0] == ["ko", "ref", "mt"]
    assert [r[0] for r in rows[1:]] == SRC.read_text(encoding="utf-8").splitlines()
    assert [r[1] for r in rows[1:]] == REF.read_text(encoding="utf-8").splitlines()
    assert [r[2] for r in rows[1:]] == HYP.read_text(encoding="utf-8").splitlines()


def test_example_text_report(example):
    text = format_text(example)
    assert text.splitlines()[0].startswith("BLEU = 49.36 ")
    assert "term accuracy = 0.708 (17 of 24 source term occurrences rendered" in text
    assert "term consistency = 0.667 (4 of 6 concepts" in text
    assert "jibang-gongeop-gongjang" in text and "local-industry factory ×1" in text


def test_deterministic():
    a = score_files(HYP, [REF], SRC, per_segment=True).to_dict()
    b = score_files(HYP, [REF], SRC, per_segment=True).to_dict()
    assert a == b


# -- inputs --------------------------------------------------------------------------------------------

def test_line_count_mismatch_is_an_input_error(tmp_path):
    short = tmp_path / "short.txt"
    short.write_text("one line\n", encoding="utf-8")
    with pytest.raises(InputError, match="has 1 lines but the hypothesis"):
        read_plain(HYP, [short])
    with pytest.raises(InputError, match="has 1 lines"):
        read_plain(HYP, [REF], short)


def test_table_columns(tmp_path):
    t = tmp_path / "t.csv"
    t.write_text('source,output,reference\n"자력갱생, 또",self-reliance,self-reliance\n', encoding="utf-8")
    data = read_table(t, src_col="source")
    assert (data.hypotheses, data.references, data.sources) == (["self-reliance"], [["self-reliance"]], ["자력갱생, 또"])
    bad = tmp_path / "bad.tsv"
    bad.write_text("a\tb\n1\t2\n", encoding="utf-8")
    with pytest.raises(InputError, match="hyp column"):
        read_table(bad)


def test_score_files_arguments():
    with pytest.raises(TermkitError, match="either a table"):
        score_files(HYP, [REF], table=TABLE)
    with pytest.raises(TermkitError, match="give --hyp and --ref"):
        score_files(HYP)
    with pytest.raises(TermkitError, match="apply to a table"):
        score_files(HYP, [REF], hyp_col="mt")


def test_fixture_glossary_option():
    r = score_files(HYP, [REF], SRC, config=Config(glossary=[str(FIXTURE_GLOSSARY)], bundled=False))
    assert "bundled:no" in r.signature
    assert {c.concept for c in r.concepts} <= {"jaryeok-gaengsaeng", "josen-nodongdang", "naegak-chongni",
                                                 "gim-jeong-eun", "susa-gyeongje", "gukssanhwa", "juchehwa"}
    assert not math.isnan(r.metrics["bleu"]["score"])
