"""termkit.tools.extract: term discovery with sentencepiece, C-value, Dice and log-likelihood; review stubs.

The must-show test: ten concepts are removed from a copy of the bundled glossary, and extract, run
on examples/extract/corpus.tsv (800 segment pairs generated from templates written for termkit),
must rank at least eight of them among its top 30 candidates with the glossary's preferred English
rendering first. The statistics are checked on hand-computed cases.
"""
import importlib.util
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from termkit.config import Config
from termkit.errors import InputError
from termkit.matching.korean import canonical
from termkit.matching.normalize import fold_key
from termkit.tools.termstats import c_values, dice, log_likelihood, singular, term_length

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "extract"
CORPUS = EXAMPLE / "corpus.tsv"


def _load_generator():
    spec = importlib.util.spec_from_file_location("make_corpus", EXAMPLE / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_corpus = _load_generator()
REMOVED = [t[0] for t in make_corpus.REMOVED]


@pytest.fixture(scope="module")
def bundled_concepts():
    from termkit.glossary.assemble import load_concepts

    return {c.id: c for c in load_concepts()}


@pytest.fixture(scope="module")
def reduced_glossary(tmp_path_factory, bundled_concepts):
    """A copy of the bundled glossary without the ten concepts (what make_corpus.py --reduced-glossary writes)."""
    out = tmp_path_factory.mktemp("glossary")
    make_corpus.write_reduced_glossary(out)
    from termkit.glossary.assemble import load_concepts

    assert {c.id for c in load_concepts([out], bundled=False)} == set(bundled_concepts) - set(REMOVED)
    return out


@pytest.fixture(scope="module")
def result(reduced_glossary):
    from termkit.tools.extract import ExtractOptions, extract_files

    return extract_files([CORPUS], Config(glossary=[str(reduced_glossary)], bundled=False), ExtractOptions(top=30))


# -- the must-show test -------------------------------------------------------------------------------

def test_generator_uses_the_glossary_renderings(bundled_concepts):
    """The corpus renders each removed concept by its preferred form (now and then an admitted one)."""
    assert len(REMOVED) == 10 and len(set(REMOVED)) == 10
    for cid, _, ko_forms, en_phrases in make_corpus.REMOVED:
        c = bundled_concepts[cid]
        assert canonical(ko_forms[0][0]) in {canonical(k) for k in c.korean_forms()}, cid
        approved = [fold_key(f) for f in c.forms("preferred", "admitted")]
        for phrase, _ in en_phrases:
            assert any(a in fold_key(phrase) or a.rstrip("y") + "ies" in fold_key(phrase) or a + "s" in fold_key(phrase)
                       for a in approved), (cid, phrase)


def test_removed_concepts_are_found_with_their_renderings(result, bundled_concepts):
    found = {}
    for cand in result.candidates:
        for cid in REMOVED:
            if canonical(cand.ko) in {canonical(k) for k in bundled_concepts[cid].korean_forms()}:
                found[cid] = cand
    right = {cid for cid, cand in found.items()
             if fold_key(cand.rendering) == fold_key(bundled_concepts[cid].preferred)}
    report = {cid: (found[cid].rank, found[cid].rendering) if cid in found else None for cid in REMOVED}
    assert len(result.candidates) == 30
    assert len(right) >= 8, report  # when written: all ten, at ranks 1–11 (6 is 대북제재, no glossary term either)


def test_the_full_glossary_covers_them(bundled_concepts):
    """With the bundled glossary, none of the ten is proposed: covered terms are left out."""
    from termkit.tools.extract import ExtractOptions, extract_files

    res = extract_files([CORPUS], Config(), ExtractOptions(top=50))
    keys = {canonical(c.ko) for c in res.candidates}
    for cid in REMOVED:
        assert not keys & {canonical(k) for k in bundled_concepts[cid].korean_forms()}, cid


def test_corpus_is_reproducible(tmp_path):
    out = tmp_path / "corpus.tsv"
    make_corpus.write(out)
    assert out.read_bytes() == CORPUS.read_bytes()
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "doc\tko\ten" and len(lines) == 801
    assert len(set(lines[1:])) > 700  # variety: few rows repeat


def test_result_records_sentencepiece_and_is_deterministic(result, reduced_glossary):
    from termkit.tools.extract import ExtractOptions, extract_files
    from termkit.tools.stubs import review_yaml

    spm = result.spm
    assert spm["model_type"] == "unigram" and spm["seed"] == 1729 and spm["normalization_rule_name"] == "identity"
    assert spm["sentences"] == 800 and 100 < spm["pieces"] <= spm["vocab_size"]
    again = extract_files([CORPUS], Config(glossary=[str(reduced_glossary)], bundled=False),
                          ExtractOptions(top=30, jobs=1))
    assert review_yaml(again) == review_yaml(result)
    assert again.to_dict() == result.to_dict()
    assert "timings" not in result.to_dict()
    assert set(result.timings) >= {"sentencepiece", "korean", "english", "total"}


REVIEW_SCRIPT = ("import sys; from termkit.config import Config; from termkit.tools.extract import ExtractOptions, "
                 "extract_files; from termkit.tools.stubs import review_yaml; sys.stdout.reconfigure(encoding='utf-8'); "
                 "print(review_yaml(extract_files([sys.argv[1]], Config(glossary=[sys.argv[2]], bundled=False), "
                 "ExtractOptions(top=30, jobs=int(sys.argv[3])))), end='')")


def test_same_review_in_fresh_processes(result, reduced_glossary, tmp_path):
    """Another hash seed (set and dict orders), a fresh process, two jobs: the same review file."""
    import os

    from termkit.tools.stubs import review_yaml

    outs = []
    for seed, jobs in (("1", "1"), ("2", "2")):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        p = subprocess.run([sys.executable, "-c", REVIEW_SCRIPT, str(CORPUS), str(reduced_glossary), jobs],
                           capture_output=True, env=env, check=True)
        outs.append(p.stdout.decode("utf-8"))
    assert outs[0] == outs[1] == review_yaml(result)


def test_jobs_do_not_change_the_result(tmp_path, reduced_glossary):
    """2,500 rows: several chunks of the English pass, merged in order, one process or two."""
    from termkit.tools.extract import ExtractOptions, extract_files

    corpus = tmp_path / "c.tsv"
    make_corpus.write(corpus, 2500, 11)
    cfg = Config(glossary=[str(reduced_glossary)], bundled=False)
    one = extract_files([corpus], cfg, ExtractOptions(top=20, jobs=1)).to_dict()
    two = extract_files([corpus], cfg, ExtractOptions(top=20, jobs=2)).to_dict()
    assert one == two
    forms = {c["ko"]: c["renderings"][0]["form"] for c in one["candidates"] if c["renderings"]}
    assert forms.get("국가계획위원회") == "State Planning Commission"  # surface forms read back past chunk 1


def test_candidate_fields(result):
    first = result.candidates[0]
    assert first.rank == 1 and first.score == max(c.score for c in result.candidates)
    assert [c.rank for c in result.candidates] == list(range(1, 31))
    assert all(c.occurrences >= 3 for c in result.candidates)
    for c in result.candidates:
        assert c.examples and all(e.line >= 2 for e in c.examples)
        assert c.pieces and c.pieces[0].startswith("\u2581")
        if c.renderings:
            r = c.renderings[0]
            assert r.together <= min(r.segments, c.segments)
            assert r.dice == pytest.approx(round(2 * r.together / (r.segments + c.segments), 4), abs=1e-4)
    plan = next(c for c in result.candidates if canonical(c.ko) == canonical("인민경제계획"))
    assert dict(plan.forms).keys() == {"인민경제계획", "인민경제 계획"}  # spacing variants merged
    ex = plan.examples[0]
    assert "national economic plan" in ex.target and canonical("인민경제계획") in canonical(ex.source)


# -- review stubs ---------------------------------------------------------------------------------------

def _schema_validator():
    import jsonschema

    schema = json.loads((ROOT / "termkit" / "glossary" / "schema" / "glossary.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def test_review_file(result, tmp_path):
    from ruamel.yaml import YAML

    from termkit.tools.stubs import write_review

    path = write_review(result, tmp_path / "review.yaml")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# termkit extract: candidate terms for review. NOT a glossary file")
    doc = YAML(typ="safe").load(text)
    assert doc["signature"] == result.signature and doc["corpus"]["segments"] == 800
    assert doc["sentencepiece"]["pieces"] == result.spm["pieces"]
    stubs = doc["candidates"]
    assert len(stubs) == 30 and len({s["id"] for s in stubs}) == 30
    validator = _schema_validator()
    # As written, the file is no glossary file: a `review` block is not allowed.
    assert list(validator.iter_errors({"domain": "review", "concepts": stubs}))
    for s in stubs:
        assert s["confidence"] == "low"
        assert set(s) <= {"id", "ko", "en", "confidence", "review"}  # nothing invented
        assert s["review"]["examples"] and s["review"]["renderings"]
        adopted = {k: v for k, v in s.items() if k != "review"}
        adopted["specs"] = [{"text": f"{s['en']['preferred'][0]} ({s['ko']})", "expect": []}]
        errors = list(validator.iter_errors({"domain": "review", "concepts": [adopted]}))
        assert not errors, (s["id"], [e.message for e in errors])


def test_stub_ids_do_not_clash():
    from termkit.tools.stubs import stub_id

    taken = {"inmin-gyeongje"}
    assert stub_id("인민경제", taken) == "inmingyeongje"
    assert stub_id("인민경제", taken) == "inmingyeongje-2"
    assert stub_id("지방발전 20×10 정책", set()) == "jibangbaljeon-20x10-jeongchaek"


# -- statistics on hand-computed cases ---------------------------------------------------------------

def test_c_value_hand_computed():
    # Frantzi et al.: not nested -> log2|a|·f(a); nested -> log2|a|·(f(a) − mean f over T_a).
    freq = {"인민경제계획": 6, "인민경제": 10, "경제": 30, "수자경제": 4}
    length = {k: term_length(k) for k in freq}
    assert length == {"인민경제계획": 6, "인민경제": 4, "경제": 2, "수자경제": 4}
    containers = {"인민경제": ["인민경제계획"], "경제": ["인민경제계획", "인민경제", "수자경제"]}
    cv = c_values(freq, length, containers)
    assert cv["인민경제계획"] == pytest.approx(math.log2(6) * 6)
    assert cv["인민경제"] == pytest.approx(2 * (10 - 6))
    assert cv["경제"] == pytest.approx(1 * (30 - (6 + 10 + 4) / 3))
    assert cv["수자경제"] == pytest.approx(2 * 4)
    assert term_length("지방발전 20×10 정책") == 7  # six syllables and one run of digits


def test_dice_and_log_likelihood_hand_computed():
    assert dice(8, 10, 12) == pytest.approx(2 * 8 / 22)
    # 2×2 table for n=100: k11=8, k12=2, k21=4, k22=86; expected 1.2, 8.8, 10.8, 79.2
    g2 = 2 * (8 * math.log(8 / 1.2) + 2 * math.log(2 / 8.8) + 4 * math.log(4 / 10.8) + 86 * math.log(86 / 79.2))
    assert log_likelihood(8, 10, 12, 100) == pytest.approx(g2)
    assert log_likelihood(0, 10, 12, 100) < 0  # seen together less than by chance: negative
    with pytest.raises(ValueError):
        log_likelihood(11, 10, 12, 100)


def test_log_likelihood_array_matches_scalar():
    import numpy as np

    from termkit.tools.termstats import log_likelihood_array

    c, b = np.array([8, 0, 3, 10]), np.array([12, 12, 3, 10])
    assert log_likelihood_array(c, 10, b, 100) == pytest.approx([log_likelihood(int(x), 10, int(y), 100)
                                                                 for x, y in zip(c, b)])


@pytest.mark.parametrize("word, expected", [
    ("families", "family"), ("forces", "force"), ("economies", "economy"), ("businesses", "business"),
    ("economics", "economics"), ("status", "status"), ("thesis", "thesis"), ("gas", "gas"), ("plans", "plan"),
    ("matches", "match"),
])
def test_singular(word, expected):
    assert singular(word) == expected


# -- the Korean and English sides --------------------------------------------------------------------

def test_stems():
    from termkit.tools.extract_ko import stems

    types = {
        "부문에서": ("부문에서",), "부문에서도": ("부문에서", "도"), "부문의": ("부문", "의"),  # a piece holding 에서
        "전원회의는": ("전", "원회의", "는"), "전원회의를": ("전원회의", "를"), "전원회의": ("전원회의",),
        "간부들": ("간부", "들"), "간부들의": ("간부", "들", "의"), "간부를": ("간부", "를"),
        "김정은": ("김정", "은"), "김정에": ("김정", "에"),
        "강조하였다": ("강조", "하였다"), "어렵다": ("어렵", "다"), "새로운": ("새로운",),
    }
    words = stems(types, {"김정은": 3})
    assert words["부문에서"].stem == "부문" and words["부문에서도"].stem == "부문"
    assert words["전원회의는"].stem == "전원회의" and words["전원회의는"].tail == "는"
    assert words["간부들의"].stem == "간부"  # the plural suffix goes too
    assert words["김정은"].stem == "김정은"  # a glossary name is not cut at a particle look-alike
    # a verbal noun keeps its stem (강조 + 하였다); a candidate seen only so is dropped later
    assert (words["강조하였다"].stem, words["강조하였다"].tail) == ("강조", "하였다")
    assert words["어렵다"].predicate and words["새로운"].predicate
    assert not words["전원회의"].predicate and words["전원회의"].joins
    assert words["전원회의는"].units == ("전", "원회의")


def test_runs_and_spans():
    from termkit.tools.extract_ko import runs, spans, stems

    types = {"국가경제발전": ("국가경제", "발전"), "5개년계획을": ("5", "개년계획", "을"), "새로운": ("새로운",),
             "규정을": ("규정", "을"), "규정이": ("규정", "이"), "5개년계획이": ("5", "개년계획", "이")}
    words = stems(types)
    runs = runs("국가경제발전 5개년계획을 새로운 규정을", words)
    # 새로운 (an adjective) joins nothing: it is a run of its own, and gives no candidate
    assert [[w.text for w in r] for r in runs] == [["국가경제발전", "5개년계획을"], ["새로운"], ["규정을"]]
    texts = {t for t, _, _ in spans(runs[0], 4)}
    assert {"국가경제발전 5개년계획", "국가경제", "발전", "국가경제발전", "개년계획", "5개년계획"} <= texts
    assert not any("새로운" in t for r in runs[1:] for t, _, _ in spans(r, 4))


def test_english_ngrams():
    from termkit.tools.extract_en import ngram_keys, ngrams

    text = "The knowledge-based economy, the State Affairs Commission's powers and 2021."
    keys = set(ngram_keys(text, None, 6))
    assert {"knowledge-based economy", "state affairs commission", "knowledge-based"} <= keys
    assert not any(k.split()[0] in ("the", "and") or k.split()[-1] in ("the", "and") for k in keys)
    assert "2021" not in keys  # no number alone
    assert not any(k.startswith("economy ") for k in keys)  # no rendering across the comma
    assert "state affairs commission" in keys  # a possessive ends a rendering, its 's dropped
    assert "commission's power" not in keys and "commission power" not in keys  # ... and starts none
    masked = set(ngram_keys(text, [(text.index("State"), text.index("'s"))], 6))
    assert not any("affair" in k or "commission" in k for k in masked)
    first = next(x for x in ngrams("Separated families met.", None, 6) if x[0] == "separated family")
    assert first == ("separated family", "Separated families", True)
    assert ("state affairs commission", "State Affairs Commission", False) in set(ngrams(text, None, 6))


def test_choose_grows_into_variants():
    from termkit.tools.extract_en import choose

    # (-dice, -llr, -words, key, id, together, f(e))
    ranked = sorted([
        (-1.0, -50.0, -1, "economy", 1, 14, 14),
        (-0.73, -40.0, -2, "knowledge economy", 2, 8, 8),
        (-0.6, -30.0, -2, "knowledge-based economy", 3, 6, 6),
        (-0.5, -9.0, -4, "question of the economy", 4, 1, 3),  # with the candidate too rarely to be listed
    ])
    chosen = choose(ranked, 3)
    assert [c[3] for c in chosen] == ["knowledge economy", "knowledge-based economy"]


def test_options_are_checked():
    from termkit.errors import TermkitError
    from termkit.tools.extract import ExtractOptions

    with pytest.raises(TermkitError, match="top must be at least 1"):
        ExtractOptions(top=0)
    with pytest.raises(TermkitError, match="min-count"):
        ExtractOptions(min_count=0)
    assert "vocab:8000" in ExtractOptions().signature() and "jobs" not in ExtractOptions().signature()


def test_monolingual_input_is_refused(tmp_path):
    from termkit.tools.extract import extract_files

    md = tmp_path / "a.md"
    md.write_text("Self-reliance.\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a Korean–English bilingual file"):
        extract_files([md])


def test_paired_plain_files(tmp_path, reduced_glossary):
    """--source/--target style input gives the same candidates as the TSV."""
    from termkit.tools.extract import ExtractOptions, extract_files

    rows = [line.split("\t") for line in CORPUS.read_text(encoding="utf-8").splitlines()[1:]]
    ko, en = tmp_path / "ko.txt", tmp_path / "en.txt"
    ko.write_text("\n".join(r[1] for r in rows) + "\n", encoding="utf-8")
    en.write_text("\n".join(r[2] for r in rows) + "\n", encoding="utf-8")
    cfg = Config(glossary=[str(reduced_glossary)], bundled=False)
    paired = extract_files([], cfg, ExtractOptions(top=10), source=ko, target=en)
    table = extract_files([CORPUS], cfg, ExtractOptions(top=10))
    assert [(c.ko, c.rendering, c.occurrences) for c in paired.candidates] == \
        [(c.ko, c.rendering, c.occurrences) for c in table.candidates]


def test_imports_stay_light():
    code = ("import sys, termkit.tools.extract, termkit.tools.extract_ko, termkit.tools.extract_en, termkit.tools.score, termkit.tools.stubs; "
            "print(' '.join(m for m in ('pandas', 'numpy', 'sacrebleu', 'sentencepiece') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == ""
