"""The rule registry refuses clashes; document rules read a clean document once; messages say what they mean."""
from __future__ import annotations

import pytest

from termkit.config import Config
from termkit.rules import REGISTRY, all_rules
from termkit.rules.registry import CODES, rule


def test_every_code_in_the_table_is_registered_once_under_its_name():
    assert {r.code: r.name for r in all_rules()} == CODES


def test_a_second_rule_with_an_existing_code_is_refused():
    before = dict(REGISTRY)
    with pytest.raises(ValueError, match="TK101 is already registered"):
        @rule("TK101", "wrong-rendering", "error")
        def again(doc, ctx):
            """A second TK101."""
            return []
    assert REGISTRY == before  # the first rule is still the one that runs


@pytest.mark.parametrize("code, name, severity, message", [
    ("TK999", "new-rule", "error", "not in the code table"),
    ("TK101", "another-name", "error", "not in the code table"),
    ("TK101", "wrong-rendering", "fatal", "severity"),
])
def test_a_code_outside_the_table_or_a_bad_severity_is_refused(code, name, severity, message):
    with pytest.raises(ValueError, match=message):
        rule(code, name, severity)


def _checker(tmp_path, glossary_text):
    from termkit.checking import Checker

    g = tmp_path / "g.yaml"
    g.write_text(glossary_text, encoding="utf-8")
    return Checker(Config(glossary=[str(g)], bundled=False))


GLOSSARY = """\
domain: test
concepts:
- id: inmin-wiwonhoe
  ko: 인민위원회
  mr: inmin wiwŏnhoe
  rr: inmin wiwonhoe
  en:
    preferred: [people's committee]
    superseded:
    - form: administrative committee
      reason: the name of the body before the 1998 constitution
  confidence: high
  specs:
  - text: "The people's committee met."
    expect: []
- id: jaryeok-gaengsaeng
  ko: 자력갱생
  mr: charyŏk kaengsaeng
  rr: jaryeok gaengsaeng
  en:
    preferred: [self-reliance]
    admitted: [self-regeneration]
  confidence: high
  specs:
  - text: "Self-reliance was the theme."
    expect: []
"""


def test_a_superseded_form_is_reported_as_superseded_not_deprecated(tmp_path):
    found = _checker(tmp_path, GLOSSARY).check_text("The administrative committee of the county met.\n")
    assert [f.code for f in found] == ["TK102"]
    assert "is a superseded rendering of 인민위원회" in found[0].message


def test_tk301_names_every_line_of_the_dominant_rendering(tmp_path):
    text = ("Self-reliance came first.\n\nSelf-reliance again.\n\nSelf-reliance and self-reliance.\n\n"
            "Self-regeneration once.\n\nSelf-reliance at the end.\n")
    found = [f for f in _checker(tmp_path, GLOSSARY).check_text(text, markdown=False) if f.code == "TK301"]
    assert len(found) == 1
    assert "(line 1, 3, 5, 9)" in found[0].message, found[0].message


def test_tk403_reads_a_document_without_misspellings_once(tmp_path, monkeypatch):
    """With the hit cache exceeded, a document rule that has nothing to report must not cause a second read."""
    checker = _checker(tmp_path, GLOSSARY)
    checker.CACHE_HITS = 0  # force re-matching for any second pass
    calls = []
    matched = checker._matched

    def counting(*args, **kw):
        calls.append(1)
        return matched(*args, **kw)

    monkeypatch.setattr(checker, "_matched", counting)
    assert checker.check_text("The *charyŏk kaengsaeng* line held.\n") == []
    assert len(calls) == 1
    calls.clear()
    found = checker.check_text("The *charyŏk kaengseng* line held.\n")  # a misspelling: TK403 reports
    assert [f.code for f in found] == ["TK403"] and len(calls) == 2


def test_fuzzy_lookup_leaves_the_environment_as_it_was():
    """rapidfuzz's implementation is chosen for its import only: the user's environment is not changed."""
    import os
    import subprocess
    import sys

    code = ("import os; from termkit.matching.matcher import _rapidfuzz; _rapidfuzz(); "
            "print(os.environ.get('RAPIDFUZZ_IMPL'))")
    env = {k: v for k, v in os.environ.items() if k != "RAPIDFUZZ_IMPL"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout
    assert out.strip() == "None"
