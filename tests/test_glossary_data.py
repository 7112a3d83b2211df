"""The bundled glossary as data: schema, lints, specs, required coverage, lookup and stats."""
import json

import pytest

from conftest import run_cli
from termkit.glossary.assemble import load_concepts
from termkit.glossary.lints import lint
from termkit.glossary.specs import run_specs

REQUIRED_KO = ["자력갱생", "샘물", "샘물공장", "주체화", "국산화", "양생원", "허위보고", "수자경제", "수자화", "정보화",
               "현대화", "과학화", "내각", "내각총리", "부총리", "최고인민회의", "조선노동당", "노동신문", "조선신보",
               "사회주의기업책임관리제", "정면돌파전", "인민경제계획", "지식경제", "도 인민위원회", "시 인민위원회",
               "군 인민위원회", "김일성", "김정일", "김정은", "박봉주", "김재룡", "김덕훈"]


@pytest.fixture(scope="module")
def concepts():
    return load_concepts()


def test_specs_all_pass(bundled):
    results = run_specs(bundled)
    failed = [(r.concept.id, r.number, r.expected, r.got) for r in results if not r.ok]
    assert len(results) >= 120 and failed == []


def test_lints_clean(bundled, concepts):
    assert [str(x) for x in lint(concepts, run_specs(bundled))] == []


def test_validate_and_test_commands():
    code, out, err = run_cli("glossary", "validate")
    assert code == 0, out + err
    code, out, err = run_cli("glossary", "test")
    assert code == 0, out + err


def test_size_and_required_concepts(bundled, concepts):
    from termkit.glossary.search import lookup

    assert len(concepts) >= 60
    missing = [ko for ko in REQUIRED_KO if not lookup(bundled.matcher, ko)]
    assert missing == []


def test_every_wrong_form_has_a_reason(concepts):
    for c in concepts:
        for t in c.terms:
            if t.status in ("deprecated", "superseded", "wrong"):
                assert t.reason and t.reason.strip(), (c.id, t.form)


@pytest.mark.parametrize("query", ["자력갱생", "자력갱생의", "자력 갱생을", "charyŏk kaengsaeng", "charyok kaengsaeng",
                                   "Charyok-Kaengsaeng", "jaryeok gaengsaeng", "self-reliance", "SELF RELIANCE"])
def test_lookup_json(query):
    code, out, _ = run_cli("glossary", "lookup", query, "--format", "json")
    data = json.loads(out)
    assert code == 0 and data[0]["id"] == "jaryeok-gaengsaeng"
    if query[0] >= "가":  # Hangul names one concept; an English form may also be another's wrong form
        assert len(data) == 1
    c = data[0]
    assert c["ko"] == "자력갱생" and c["hanja"] == "自力更生"
    assert c["romanization"]["mr"] == "charyŏk kaengsaeng" and c["romanization"]["rr"] == "jaryeok gaengsaeng"
    assert "self-reliance" in c["en"]["preferred"]
    assert set(c["en"]) >= {"preferred", "admitted", "deprecated", "wrong"}
    assert all(isinstance(v, list) for v in c["en"].values())


@pytest.mark.parametrize("query, concept", [("로동신문", "nodong-sinmun"), ("노동신문은", "nodong-sinmun"),
                                            ("Rodong Sinmun", "nodong-sinmun"), ("조선로동당", "joseon-nodongdang"),
                                            ("수자경제", "suja-gyeongje"), ("숫자경제", "suja-gyeongje")])
def test_lookup_either_spelling(query, concept):
    code, out, _ = run_cli("glossary", "lookup", query, "--format", "json")
    assert code == 0 and concept in [c["id"] for c in json.loads(out)]


def test_lookup_miss_exit_1():
    code, out, err = run_cli("glossary", "lookup", "no such term at all")
    assert code == 1 and out == "" and "no concept" in err


def test_stats_json(concepts):
    code, out, _ = run_cli("glossary", "stats", "--format", "json")
    stats = json.loads(out)
    assert code == 0 and stats["concepts"] == len(concepts)
    assert sum(stats["by_domain"].values()) == len(concepts)
    assert stats["by_status"]["preferred"] >= len(concepts)


@pytest.mark.parametrize("query", ["chuch'ehwa", "chuchehwa", "juchehwa", "Chuch'e-hwa", "CHUCHEHWA"])
def test_lookup_any_romanization(query):
    code, out, _ = run_cli("glossary", "lookup", query, "--format", "json")
    assert code == 0 and json.loads(out)[0]["id"] == "juchehwa"
