"""Glossary YAML built from libyaml's event stream: the common case, seven times faster than ruamel.

ruamel's round-trip loader is pure Python and spent most of a cold start (2.5 s for the bundled
glossary). libyaml (PyYAML's C parser) produces the events in C; this module builds the data from
them with the line of every key and item, as ruamel's `lc` gives them, so that schema errors and
concepts keep their file:line. It resolves plain scalars by YAML 1.2's core schema, as ruamel does
('no' and 'on' stay strings, unlike PyYAML's own YAML 1.1 loader).

It handles only what a glossary needs. Anything else — a parse error, an anchor or alias, nesting
past the limit, a duplicate key, a tag, more than one document — makes `build` return None, and the
caller loads the file with ruamel, which reports the problem with its established message.
"""
from __future__ import annotations

import datetime
import re

# YAML 1.2 core schema, as ruamel's resolver applies it to plain scalars.
_NULL = frozenset(("", "~", "null", "Null", "NULL"))
_TRUE = frozenset(("true", "True", "TRUE"))
_FALSE = frozenset(("false", "False", "FALSE"))
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|(?:0|[1-9][0-9]*)(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")
_YEAR_MONTH = re.compile(r"[0-9]{4}-[0-9]{1,2}")
# A plain scalar made only of these, and none of the simple forms above, may be one of ruamel's
# other number or time forms (0x1F, 0o17, 0b101, 1_000, 010, .inf, 2001-12-14t21:59:43.10-05:00).
_NUMERIC_LOOKING = re.compile(r"[-+.]?[0-9.][0-9a-fA-FxXoObB_.:+\-tTzZ \t]*|[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)")


class _Unsupported(Exception):
    """Something ruamel should read (and judge) instead."""


class Lines:
    """Where a mapping's keys or a sequence's items begin: the subset of ruamel's `lc` the loader uses."""

    __slots__ = ("line", "col", "_at")

    def __init__(self, line: int, col: int):
        self.line, self.col = line, col  # 0-based, as ruamel's
        self._at: dict = {}

    def key(self, k) -> tuple[int, int]:
        return self._at[k]

    def item(self, i: int) -> tuple[int, int]:
        return self._at[i]


class LineDict(dict):
    __slots__ = ("lc",)


class LineList(list):
    __slots__ = ("lc",)


def _scalar(ev):
    """A scalar event's value: strings unless plain and a YAML 1.2 core null, bool, int, float or date."""
    if ev.tag is not None and ev.tag != "!":
        raise _Unsupported  # an explicit tag: ruamel knows what it means
    value = ev.value
    if ev.style:  # quoted or block: always a string
        return value
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.fullmatch(value):
        return int(value)
    if _FLOAT.fullmatch(value) and any(c.isdigit() for c in value):
        return float(value)
    if _DATE.fullmatch(value):
        try:
            return datetime.date.fromisoformat("-".join(p.zfill(2) for p in value.split("-")))
        except ValueError:
            raise _Unsupported from None
    if _YEAR_MONTH.fullmatch(value):
        return value  # no YAML type: a string (a status's `since`)
    if _NUMERIC_LOOKING.fullmatch(value):
        raise _Unsupported  # ruamel's own number and timestamp types
    return value


def build(text: str, max_depth: int):
    """The document's data with line information, or None when ruamel must read the file."""
    try:
        import yaml
        from yaml import events as E
    except ImportError:  # PyYAML missing: ruamel reads every file
        return None
    if not getattr(yaml, "__with_libyaml__", False):
        return None  # PyYAML's pure-Python parser would be no faster than ruamel's
    scalar_event, alias_event = E.ScalarEvent, E.AliasEvent
    mapping_start, sequence_start = E.MappingStartEvent, E.SequenceStartEvent
    collection_end = (E.MappingEndEvent, E.SequenceEndEvent)
    stack: list[list] = []  # [container, pending key, key's mark] per open collection
    root, documents, done = None, 0, False
    try:
        for ev in yaml.parse(text, Loader=yaml.CSafeLoader):
            kind = type(ev)
            if kind is scalar_event or kind is mapping_start or kind is sequence_start:
                if ev.anchor is not None or done:
                    raise _Unsupported
                mark = ev.start_mark
                if kind is scalar_event:
                    value = _scalar(ev)
                else:
                    if len(stack) >= max_depth or ev.tag is not None:
                        raise _Unsupported
                    value = LineDict() if kind is mapping_start else LineList()
                    value.lc = Lines(mark.line, mark.column)
                if not stack:
                    root, done = value, kind is scalar_event
                else:
                    top = stack[-1]
                    container = top[0]
                    if type(container) is LineList:
                        container.lc._at[len(container)] = (mark.line, mark.column)
                        container.append(value)
                    elif top[1] is _NO_KEY:
                        if kind is not scalar_event or value in container:
                            raise _Unsupported  # a collection as a key, or a duplicate key
                        top[1], top[2] = value, (mark.line, mark.column)
                    else:
                        container[top[1]] = value
                        container.lc._at[top[1]] = top[2]
                        top[1] = _NO_KEY
                if kind is not scalar_event:
                    stack.append([value, _NO_KEY, None])
            elif kind in collection_end:
                stack.pop()
                if not stack:
                    done = True
            elif kind is alias_event:
                raise _Unsupported
            elif kind is E.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Unsupported
    except (_Unsupported, yaml.YAMLError, RecursionError, ValueError):
        return None
    return root


_NO_KEY = object()
