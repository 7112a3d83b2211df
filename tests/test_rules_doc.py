"""Rule documentation is executable: each docstring's Okay/TKnnn examples run, and the README table matches."""
import re
from pathlib import Path

import pytest

from termkit.rules import all_rules

EXAMPLES = [(r, label, text) for r in all_rules() for label, text in r.examples()]


def test_every_rule_has_examples():
    for r in all_rules():
        labels = {label for label, _ in r.examples()}
        assert "Okay" in labels and r.code in labels, r.code


@pytest.mark.parametrize("rule, label, text", EXAMPLES, ids=[f"{r.code}-{i}" for i, (r, _, _) in enumerate(EXAMPLES)])
def test_rule_examples(bundled, rule, label, text):
    if " => " in text:  # a bilingual example: KO => EN, segments joined by " || "
        from termkit.model import Segment

        pairs = [part.split(" => ") for part in text.split(" || ")]
        segments = [Segment("<ex>", i, en, ko, number=i, source_line=i) for i, (ko, en) in enumerate(pairs, 1)]
        codes = [f.code for f in bundled.check_bilingual("<ex>", segments)]
    else:
        codes = [f.code for f in bundled.check_text(text)]
    if label == "Okay":
        assert codes == [], codes
    else:
        assert label in codes, codes


def test_readme_rule_table_in_sync():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (TK\d{3}) \| `([a-z-]+)` \| (\w+) \| (.+?) \|$", readme, re.M)
    assert rows == [(r.code, r.name, r.severity, r.summary) for r in all_rules()]
