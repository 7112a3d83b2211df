"""Glossary YAML from libyaml's events: the same data, types and lines as ruamel, or ruamel reads the file."""
import glob
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from termkit.glossary.loader import MAX_YAML_DEPTH, _parse_yaml_ruamel, parse_yaml
from termkit.glossary.yaml_events import build

ROOT = Path(__file__).resolve().parent.parent


def _plain(x):
    """Data with every value's base type and every key's and item's (line, column), for comparing."""
    if isinstance(x, dict):
        return {"at": (x.lc.line, x.lc.col),
                "items": {str(k): (x.lc.key(k), type(k).__mro__[-2].__name__, _plain(v)) for k, v in x.items()}}
    if isinstance(x, list):
        return {"at": (x.lc.line, x.lc.col), "items": [(x.lc.item(i), _plain(v)) for i, v in enumerate(x)]}
    base = "str" if isinstance(x, str) else type(x).__mro__[-2].__name__
    return (base, str(x))


@pytest.mark.parametrize("path", sorted(glob.glob(str(ROOT / "glossary" / "*.yaml"))), ids=lambda p: Path(p).name)
def test_bundled_files_read_the_same_as_ruamel(path):
    text = Path(path).read_text(encoding="utf-8")
    fast = build(text, MAX_YAML_DEPTH)
    assert fast is not None  # the bundled glossary takes the fast path
    assert _plain(fast) == _plain(_parse_yaml_ruamel(text, Path(path)))


# Values written for this test: what a glossary holds, and YAML's look-alikes of other types.
SCALARS = ["plain words", "'single quoted'", '"double \\u00e9 quoted"', "no", "on", "off", "yes", "Y", "true",
           "False", "null", "~", "", "12", "-7", "+3", "0", "1.5", ".5", "5.", "1e3", "2.8", "2019-04-11",
           "2012-02", "1988", "'1988'", "5·30", "2·17 brigade", "10 Feb", "0x1F", "0o17", "010", "1_000", ".inf",
           ".NaN", "2001-12-14t21:59:43.10-05:00", "2019-13-45", "12:30", "-", "Juche 113 (2024)", "a: b",
           "|\n  block\n  text", ">\n  folded\n  text", "[a, b, 'c']", "{x: 1}", "!!str 12", "!foo x", "&a x",
           "*a"]


@pytest.mark.parametrize("value", SCALARS)
def test_a_value_reads_as_ruamel_reads_it_or_goes_to_ruamel(value):
    text = f"domain: sample\nitem: {value}\nlist:\n  - {value}\n"
    try:
        expected = _plain(_parse_yaml_ruamel(text, Path("t.yaml")))
    except Exception:  # ruamel refuses it: the fast path must hand it over
        assert build(text, MAX_YAML_DEPTH) is None
        return
    fast = build(text, MAX_YAML_DEPTH)
    if fast is not None:
        assert _plain(fast) == expected


@pytest.mark.parametrize("value", ["plain words", "no", "on", "true", "12", "1.5", "2019-04-11", "2012-02", "",
                                   "'1988'", "|\n  block"])
def test_common_values_take_the_fast_path(value):
    assert build(f"domain: sample\nitem: {value}\n", MAX_YAML_DEPTH) is not None


@pytest.mark.parametrize("text", [
    "a: &x 1\nb: *x\n",                       # anchors and aliases: ruamel refuses them with its message
    "a: !tag x\n",                            # a tag
    "a: 1\na: 2\n",                           # a duplicate key
    "a: [" * (MAX_YAML_DEPTH + 1) + "]" * (MAX_YAML_DEPTH + 1) + "\n",  # nesting past the limit
    "a: 1\n---\nb: 2\n",                      # two documents
    "a: [1, 2\n",                             # a syntax error
    'a: "\\ud800"\n',                         # a lone surrogate escape (libyaml refuses it; ruamel names it)
    "? [a, b]\n: c\n",                        # a collection as a key
])
def test_what_a_glossary_does_not_use_goes_to_ruamel(text):
    assert build(text, MAX_YAML_DEPTH) is None


_PIECES = ["domain: d\n", "a: x\n", "b:\n  - 1\n  - two\n", "c: {k: v, n: 2}\n", "d: 'q'\n", "e: no\n",
           "f:\n  g:\n    - h: 1\n      i: [x, 'y']\n", "j: |\n  line\n", "k: 2019-04-11\n", "l: 2012-02\n",
           "m: 1.5\n", "n: ~\n", "o: # comment\n  p\n", "q: \"esc \\t\"\n", "r: a:b\n", "s: -1\n"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=8))
def test_random_documents_read_as_ruamel_reads_them(pieces):
    text = "".join(pieces)
    try:
        expected = _plain(_parse_yaml_ruamel(text, Path("t.yaml")))
    except Exception:
        assert build(text, MAX_YAML_DEPTH) is None
        return
    fast = build(text, MAX_YAML_DEPTH)
    if fast is not None:
        assert _plain(fast) == expected


def test_parse_yaml_prefers_the_fast_path_and_falls_back(monkeypatch):
    """parse_yaml uses the event builder, and ruamel only when the builder declines."""
    import termkit.glossary.loader as loader

    called = []
    real = loader._parse_yaml_ruamel
    monkeypatch.setattr(loader, "_parse_yaml_ruamel", lambda t, p: called.append(t) or real(t, p))
    assert parse_yaml("domain: x\nconcepts: []\n", Path("x.yaml"))["domain"] == "x" and called == []
    parse_yaml("domain: !foo x\nconcepts: []\n", Path("x.yaml"))  # a tag: ruamel's reading, whatever it makes of it
    assert len(called) == 1
