"""The worked example in examples/: a KINU-style passage with planted errors and its corrected twin.

Both files go through the command line in a subprocess. The passage must give exactly the findings
listed below, each checked by hand against the text; the corrected twin must give none at all.
"""
import json
import re
from pathlib import Path

import pytest

from conftest import run_cli

ROOT = Path(__file__).resolve().parent.parent
PASSAGE = "examples/kinu-passage.md"
CORRECTED = "examples/kinu-passage-corrected.md"

# (line, column, code, found, concept): one per planted error, in the checker's order.
PASSAGE_FINDINGS = [
    # 2021 plan glossed 국가경제발전 5개년계획 but called by the 2016–2020 strategy's name
    (4, 1, "TK101", "five-year strategy for national economic development",
     "gukga-gyeongje-baljeon-5gaenyeon-gyehoek"),
    # garbled McCune–Reischauer for 자력갱생
    (8, 57, "TK401", "Charkyok Kaengsaeng", "jaryeok-gaengsaeng"),
    # 'localization' is 국산화's rendering; the gloss says 주체화
    (15, 14, "TK101", "localization", "juchehwa"),
    # calque of 주체화, wrong without a gloss
    (16, 1, "TK101", "subjectivization", "juchehwa"),
    # calque of 인민경제
    (24, 21, "TK102", "people's economy", "inmin-gyeongje"),
    # South Korean title beside the gloss of the DPRK office 내각총리
    (24, 57, "TK102", "Prime Minister", "naegak-chongni"),
    # neither DPRK nor South Korean style (Pak Pong Ju / Pak Pong-ju)
    (25, 79, "TK501", "Park Bong-joo", "bak-bong-ju"),
    # admitted rendering of 사회주의기업책임관리제 beside the preferred one (line 20)
    (27, 10, "TK301", "socialist system of responsible business operation",
     "sahoejuui-gieop-chaegim-gwallije"),
    # deprecated for 장마당 and needs evidence: the same sentence glosses the markets (장마당 상인)
    (29, 54, "TK102", "black market", "jangmadang"),
    # 'regional hospitals' (지방병원) glossed as 지방공업공장; the term is wrapped over lines 33–34,
    # and 'found' keeps the raw line break
    (33, 90, "TK201", "regional\nhospitals", "jibang-gongeop-gongjang"),
    # KCNA's rendering before 2024, beside the gloss 지방공업공장
    (35, 41, "TK102", "local-industry factories", "jibang-gongeop-gongjang"),
    # 'false reporting' is 허위보고's rendering; the gloss says 양생원 (a care home)
    (39, 22, "TK101", "false reporting", "yangsaengwon"),
    # an unlisted phrase glossed with 양로원, whose rendering is 'old people's home'
    (42, 78, "TK203", "elderly care centre", "yangnowon"),
    # South Korean style among DPRK-style names (Kim Jong Un ×2, Kim Tok Hun)
    (43, 54, "TK502", "Kim Jong-il", "gim-jeong-il"),
    # calque of 수자경제 (digital economy)
    (44, 63, "TK101", "numerical economy", "suja-gyeongje"),
    # Revised Romanization among McCune–Reischauer glosses
    (51, 46, "TK402", "jeongbohwa", "jeongbohwa"),
    # misspelled romanization of 현대화 that no list names (hyŏndaehwa)
    (52, 17, "TK403", "hyundaewha", "hyeondaehwa"),
    # the party's name without its apostrophe (a variant generated from the approved name)
    (53, 1, "TK103", "Workers Party of Korea", "joseon-nodongdang"),
    # South Korea's legislature named in a sentence about the (North Korean) Cabinet
    (54, 25, "TK101", "National Assembly", "choego-inmin-hoeui"),
    # a variant of the deprecated 'people's economy' that no list names
    (54, 75, "TK102", "people-oriented economy", "inmin-gyeongje"),
]

TK502_LINE = (f"{PASSAGE}:43:54: TK502 'Kim Jong-il' is in South Korean media style, but this document "
              f"writes names in DPRK style (3 of 4); use 'Kim Jong Il' [gim-jeong-il]")


@pytest.fixture(scope="module")
def config(empty_config):
    return empty_config


def check_json(path, config):
    code, out, err = run_cli("check", "--format", "json", "--config", config, path, cwd=ROOT)
    return code, json.loads(out)["findings"], err


def test_passage_exact_findings(config):
    code, findings, err = check_json(PASSAGE, config)
    got = [(f["line"], f["column"], f["code"], f["found"], f["concept"]) for f in findings]
    assert got == PASSAGE_FINDINGS
    assert code == 1, err
    assert err == ""


def test_passage_covers_every_english_rule(config):
    _, out, _ = run_cli("rule", cwd=ROOT)
    codes = {line.split()[0] for line in out.splitlines() if line.strip() and "(bilingual files)" not in line}
    assert {c for _, _, c, _, _ in PASSAGE_FINDINGS} == codes


def test_passage_severities(config):
    _, findings, _ = check_json(PASSAGE, config)
    severity = {f["code"]: f["severity"] for f in findings}
    assert severity == {"TK101": "error", "TK102": "warning", "TK103": "warning", "TK201": "error", "TK203": "warning", "TK301": "warning",
                        "TK401": "error", "TK402": "warning", "TK403": "warning", "TK501": "warning",
                        "TK502": "warning"}


def test_corrected_twin_is_clean(config):
    code, findings, err = check_json(CORRECTED, config)
    assert findings == []
    assert code == 0, err


def test_corrected_twin_clean_with_warnings_failing(config):
    code, out, err = run_cli("check", "--fail-on", "warning", "--config", config, CORRECTED, cwd=ROOT)
    assert (code, out) == (0, "")
    assert "0 errors, 0 warnings in 1 file" in err


def test_text_format_line(config):
    code, out, err = run_cli("check", "--config", config, PASSAGE, cwd=ROOT)
    assert code == 1
    assert TK502_LINE in out.splitlines()
    assert "8 errors, 12 warnings in 1 file" in err


def test_text_format_one_line_per_finding(config):
    _, out, _ = run_cli("check", "--config", config, PASSAGE, cwd=ROOT)
    shape = re.compile(rf"^{re.escape(PASSAGE)}:\d+:\d+: TK\d{{3}} .+ \[[a-z0-9-]+\]$")
    lines = out.splitlines()
    assert len(lines) == len(PASSAGE_FINDINGS)
    assert all(shape.match(line) for line in lines), lines
