"""`seen_in`: a wrong or deprecated form's public source — loaded, kept by every exchange format, counted by stats."""
import json
from dataclasses import replace

import pytest

from conftest import run_cli
from termkit.glossary.flat import export_flat
from termkit.glossary.loader import load_files
from termkit.glossary.stats import glossary_stats
from termkit.glossary.tbx_export import export_tbx
from termkit.glossary.tbx_import import load_tbx
from termkit.glossary.yamlio import write_glossary

GLOSSARY = """\
domain: testing
concepts:
  - id: tide-house
    ko: 조수원
    mr: Chosuwŏn
    rr: Josuwon
    en:
      preferred: [tide house]
      deprecated:
        - {form: tidal hall, reason: an older rendering, seen_in: "Example Quarterly, 2019"}
      wrong:
        - {form: moon hall, reason: renders another concept, seen_in: "https://example.org/a"}
        - {form: sea hall, reason: a calque nobody printed}
    misspellings:
      - {form: Chosuwan, reason: a for ŏ, seen_in: "https://example.org/b"}
    confidence: low
    specs:
      - {text: "The tide house (조수원) opened.", expect: []}
"""


@pytest.fixture
def concepts(tmp_path):
    path = tmp_path / "testing.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    return load_files([path])


def seen(cs):
    return sorted((t.form, t.seen_in) for c in cs for t in (*c.terms, *c.misspellings))


def test_seen_in_is_loaded_per_form(concepts):
    assert seen(concepts) == [("Chosuwan", "https://example.org/b"), ("moon hall", "https://example.org/a"),
                              ("sea hall", None), ("tidal hall", "Example Quarterly, 2019"), ("tide house", None)]


@pytest.mark.parametrize("suffix", [".tbx", ".csv", ".tsv", "yaml"])
def test_every_exchange_format_keeps_seen_in(tmp_path, concepts, suffix):
    out = tmp_path / f"out{suffix}"
    if suffix == ".tbx":
        export_tbx(concepts, out)
        back = load_tbx(out)
    elif suffix == "yaml":
        write_glossary(concepts, out)
        back = load_files(sorted(out.glob("*.yaml")))
    else:
        export_flat(concepts, out)
        back = load_files([out])
    assert [replace(c, origin="") for c in back] == [replace(c, origin="") for c in concepts]
    assert seen(back) == seen(concepts)


def test_seen_in_must_be_a_nonempty_text(tmp_path):
    path = tmp_path / "testing.yaml"
    path.write_text(GLOSSARY.replace('seen_in: "https://example.org/a"', 'seen_in: ""'), encoding="utf-8")
    code, _, err = run_cli("glossary", "validate", "--no-bundled", "-g", str(path))
    assert code == 2 and "seen_in" in err and "testing.yaml" in err


def test_stats_count_forms_with_seen_in_and_their_sources(concepts):
    stats = glossary_stats(concepts)
    assert (stats["wrong_or_deprecated"], stats["seen_in"], stats["seen_in_sources"]) == (4, 3, 3)
    assert stats["domains"]["testing"]["seen_in"] == 3
    assert stats["domains"]["testing"]["by_confidence"] == {"high": 0, "medium": 0, "low": 1}


def test_stats_cli_reports_per_domain(tmp_path):
    path = tmp_path / "testing.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    code, out, _ = run_cli("glossary", "stats", "--format", "json", "--no-bundled", "-g", str(path))
    assert code == 0
    assert json.loads(out)["domains"]["testing"]["wrong_or_deprecated"] == 4
    code, out, _ = run_cli("glossary", "stats", "--no-bundled", "-g", str(path))
    assert code == 0 and "with seen_in: 3 (from 3 sources)" in out and "testing" in out
