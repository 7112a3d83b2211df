"""The bilingual worked example in examples/bilingual/: one analysis as TSV, XLIFF 1.2 and TMX 1.4.

Each file goes through the command line in a subprocess with an empty configuration. All three must
give exactly the findings listed below, each checked by hand against the text; the TSV must also
locate each one at its physical line and the column of the found text in that line. The XLIFF and
TMX files are generated from the TSV by make_formats.py, which must reproduce them byte for byte.
"""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "bilingual"
FORMATS = ["analysis.tsv", "analysis.xlf", "analysis.tmx"]
GENERATED = ["analysis.xlf", "analysis.tmx"]

# (segment, side, code, found, concept): one per finding, in the checker's order, the same for the
# three formats. Segments 1-15 are brief-2024-07, 16-33 brief-2024-11.
FINDINGS = [
    # South Korean style among DPRK-style names (Kim Jong Un in segments 2 and 14)
    (5, "target", "TK502", "Kim Tok-hun", "gim-deok-hun"),
    # KCNA's pre-2024 rendering; the source 지방공업공장 is the evidence it needs
    (6, "target", "TK102", "local-industry factories", "jibang-gongeop-gongjang"),
    # admitted 'plenum' beside 'plenary meeting' (segments 1, 2) for 전원회의
    (7, "target", "TK301", "plenum", "dang-jungang-wiwonhoe-jeonwon-hoeui"),
    # garbled McCune-Reischauer gloss of 자력갱생
    (8, "target", "TK401", "Charkyok Kaengsaeng", "jaryeok-gaengsaeng"),
    # 허위보고 paraphrased away ('padding their production figures')
    (10, "source", "TK601", "허위보고", "heowi-bogo"),
    # 정보화 translated 'digitalization' (수자화's rendering): no rendering of it ...
    (12, "source", "TK601", "정보화", "jeongbohwa"),
    # ... and 'digitalization' also renders 수자화 in segment 11
    (12, "target", "TK602", "digitalization", "jeongbohwa"),
    # calque of 수자경제
    (13, "target", "TK101", "numerical economy", "suja-gyeongje"),
    # neither DPRK nor South Korean style
    (17, "target", "TK501", "Kim Jong-eun", "gim-jeong-eun"),
    # South Korean title for the Premier; the source 내각총리 is the evidence
    (22, "target", "TK102", "Prime Minister", "naegak-chongni"),
    # 양로원's rendering where the source has 양생원
    (23, "target", "TK101", "old people's homes", "yangsaengwon"),
    # 현대화 translated 'informatization' (정보화's rendering) ...
    (25, "source", "TK601", "현대화", "hyeondaehwa"),
    # ... with the gloss *hyŏndaehwa* beside it
    (25, "target", "TK201", "informatization", "hyeondaehwa"),
    # ... and 'informatization' renders 정보화 in segment 31 of the same document
    (25, "target", "TK602", "informatization", "hyeondaehwa"),
    # Revised Romanization among McCune–Reischauer glosses
    (31, "target", "TK402", "jeongbohwa", "jeongbohwa"),
    # a misspelled romanization of 현대화 that no list names
    (32, "target", "TK403", "hyundaewha", "hyeondaehwa"),
    # the party's name without its apostrophe (TK103); it still renders 조선로동당, so no TK601
    (33, "target", "TK103", "Workers Party of Korea", "joseon-nodongdang"),
]

# TSV only: (line, column) of each finding above; line = physical line (segment + 1, after the
# header), column = character column of the found text in that line.
TSV_LOCATIONS = [
    (6, 59),
    (7, 137),
    (8, 62),
    (9, 96),
    (11, 31),
    (13, 25),
    (13, 74),
    (14, 125),
    (18, 96),
    (23, 55),
    (24, 60),
    (26, 22),
    (26, 47),
    (26, 47),
    (32, 187),
    (33, 50),
    (34, 81),
]

DOCS = {"analysis.tsv": True, "analysis.xlf": True, "analysis.tmx": False}  # TMX: one document


@pytest.fixture(scope="module")
def config(tmp_path_factory):
    """An empty configuration file, so that no .termkit.toml or [tool.termkit] nearby changes the result."""
    path = tmp_path_factory.mktemp("config") / "termkit.toml"
    path.write_text("[tool.termkit]\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def results(config):
    out = {}
    for name in FORMATS:
        code, stdout, err = run_cli("check", "--format", "json", "--config", config,
                                    f"examples/bilingual/{name}", cwd=ROOT)
        findings = json.loads(stdout)["findings"] if stdout.strip() else None
        out[name] = (code, findings, err)
    return out


@pytest.mark.parametrize("name", FORMATS)
def test_exact_findings(name, results):
    code, findings, err = results[name]
    assert findings is not None, err
    got = [(f["segment"], f["side"], f["code"], f["found"], f["concept"]) for f in findings]
    assert got == FINDINGS
    assert code == 1, err
    assert err == ""


@pytest.mark.parametrize("name", FORMATS)
def test_documents(name, results):
    _, findings, _ = results[name]
    docs = [f["doc"] for f in findings]
    if DOCS[name]:
        assert docs == ["brief-2024-07" if f[0] <= 15 else "brief-2024-11" for f in FINDINGS]
    else:
        assert docs == [None] * len(FINDINGS)


def test_tsv_lines_and_columns(results):
    _, findings, _ = results["analysis.tsv"]
    assert [(f["line"], f["column"]) for f in findings] == TSV_LOCATIONS
    lines = (EXAMPLE / "analysis.tsv").read_text(encoding="utf-8").split("\n")
    for (line, column), (segment, side, _, found, _) in zip(TSV_LOCATIONS, FINDINGS):
        raw = lines[line - 1]
        assert line == segment + 1
        assert raw[column - 1:column - 1 + len(found)] == found
        doc, ko, en = raw.split("\t")
        field_start = len(doc) + 2 if side == "source" else len(doc) + len(ko) + 3
        field_end = field_start + len(ko if side == "source" else en)
        assert field_start <= column < field_end


def test_covers_every_rule():
    _, out, _ = run_cli("rule", cwd=ROOT)
    codes = {line.split()[0] for line in out.splitlines() if line.strip() and "(English-only files)" not in line}
    assert {c for _, _, c, _, _ in FINDINGS} == codes


def test_make_formats_regenerates(tmp_path):
    p = subprocess.run([sys.executable, str(EXAMPLE / "make_formats.py"), str(tmp_path)],
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    for name in GENERATED:
        assert (tmp_path / name).read_bytes() == (EXAMPLE / name).read_bytes(), name
