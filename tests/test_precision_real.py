"""benchmarks/precision_real.py: judging, unjudged and stale findings, and run diffs on a tiny corpus written here."""
import importlib.util
import json

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def pr():
    spec = importlib.util.spec_from_file_location("precision_real", ROOT / "benchmarks" / "precision_real.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def corpus(tmp_path):
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "one.md").write_text("# Notes\n\nThe Korean Workers' Party met in Hamheung.\n", encoding="utf-8")
    (root / "sub" / "two.md").write_text("Officials of the KWP spoke.\n", encoding="utf-8")
    (root / "README.md").write_text("The Korean Workers' Party, described.\n", encoding="utf-8")
    return root


def judgment(path, line, column, found, verdict, code="TK102"):
    return {"path": path, "line": line, "column": column, "code": code, "found": found,
            "verdict": verdict, "reason": "written for this test"}


def write(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def test_findings_have_paths_relative_to_the_root_and_readme_is_skipped(pr, corpus):
    records, size, files = pr.check_corpus([str(corpus)], pr.make_checker(["README.md"]))
    assert files == 2
    assert size == sum(p.stat().st_size for p in corpus.rglob("*.md") if p.name != "README.md")
    assert [pr.key(r) for r in records] == [
        ("one.md", 3, 5, "TK102", "Korean Workers' Party"),
        ("one.md", 3, 34, "TK102", "Hamheung"),
        ("sub/two.md", 1, 18, "TK102", "KWP"),
    ]


def test_precision_excludes_debatable_and_counts_unjudged(pr):
    records = [{"path": "a.md", "line": n, "column": 1, "code": code, "found": "x"}
               for n, code in enumerate(["TK102", "TK102", "TK102", "TK102", "TK402"], 1)]
    judgments = [judgment("a.md", 1, 1, "x", "tp"), judgment("a.md", 2, 1, "x", "fp"),
                 judgment("a.md", 3, 1, "x", "debatable"), judgment("a.md", 9, 1, "x", "fp")]
    per_rule = pr.tally(records, judgments)
    assert per_rule["TK102"] == {"findings": 4, "tp": 1, "fp": 1, "debatable": 1, "unjudged": 1}
    assert pr.precision(per_rule["TK102"]) == 0.5
    assert pr.precision(per_rule["TK402"]) is None  # nothing judged: no figure, not zero
    assert [r["line"] for r in pr.unjudged(records, judgments)] == [4, 5]
    assert [j["line"] for j in pr.stale(records, judgments)] == [9]


def test_judgment_file_problems(pr):
    bad = [judgment("a.md", 1, 1, "x", "tp"), judgment("a.md", 1, 1, "x", "fp"), judgment("a.md", 2, 1, "x", "")]
    problems = pr.check_judgments(bad)
    assert len(problems) == 2
    assert any("judged twice" in p for p in problems) and any("bad verdict" in p for p in problems)


def test_diff_lists_appeared_and_disappeared(pr):
    a, b, c = ({"path": "a.md", "line": n, "column": 1, "code": "TK102", "found": "x"} for n in (1, 2, 3))
    appeared, disappeared = pr.diff([a, c], [a, b])
    assert appeared == [c] and disappeared == [b]


def test_main_reports_precision_writes_runs_and_stubs(pr, corpus, tmp_path, capsys):
    judged = tmp_path / "judged.jsonl"
    write(judged, [judgment("one.md", 3, 5, "Korean Workers' Party", "tp"),
                   judgment("one.md", 3, 34, "Hamheung", "fp"),
                   judgment("gone.md", 1, 1, "x", "fp")])
    saved, stubs = tmp_path / "run.jsonl", tmp_path / "stubs.jsonl"
    status = pr.main([str(corpus), "--judgments", str(judged), "--save", str(saved),
                      "--write-unjudged", str(stubs)])
    out = capsys.readouterr().out
    assert status == 1  # one finding unjudged, one judgment stale
    assert "TK102          3     1     1          0         1       0.50" in out
    assert "sub/two.md:1:18: TK102 'KWP'" in out.split("findings not yet judged")[1]
    assert "gone.md:1:1" in out.split("judgments whose finding disappeared")[1]
    assert [pr.key(r) for r in pr.read_jsonl(stubs)] == [("sub/two.md", 1, 18, "TK102", "KWP")]
    assert pr.read_jsonl(stubs)[0]["verdict"] == ""

    (corpus / "sub" / "two.md").write_text("Nothing here.\n", encoding="utf-8")
    (corpus / "three.md").write_text("The KWP again.\n", encoding="utf-8")
    assert pr.main([str(corpus), "--against", str(saved)]) == 0
    out = capsys.readouterr().out
    assert "1 appeared, 1 disappeared" in out
    assert "three.md:1:5: TK102 'KWP'" in out.split("disappeared (")[0]
    assert "sub/two.md:1:18" in out.split("disappeared (")[1]
