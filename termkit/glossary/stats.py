"""Glossary statistics: counts by domain, type, status and confidence, wrong forms seen in the wild, completeness."""
from __future__ import annotations

from collections import Counter

from ..model import STATUSES

# Forms a translator should not print: the ones whose `seen_in` shows that real English prints them.
OUTLAWED = ("deprecated", "superseded", "wrong", "misspelling")


def _outlawed(c) -> list:
    return [t for t in (*c.terms, *c.misspellings) if t.status in OUTLAWED]


def _completeness(concepts) -> dict:
    n = len(concepts)
    share = lambda k: round(k / n, 3) if n else 0.0  # noqa: E731
    return {
        # A hanja share over the concepts that can have one: persons' and places' hanja are often
        # unknown, and a native-Korean or loan-word term (샘물, 장마당) has none.
        "hanja": share(sum(1 for c in concepts if c.hanja)),
        "mr": share(sum(1 for c in concepts if c.mr)),
        "rr": share(sum(1 for c in concepts if c.rr)),
        "both_romanizations": share(sum(1 for c in concepts if c.mr and c.rr)),
        "ko_nk": share(sum(1 for c in concepts if c.ko_nk)),
        "definition_or_note": share(sum(1 for c in concepts if c.definition or c.note)),
        "specs": share(sum(1 for c in concepts if c.specs)),
    }


def _domain(concepts) -> dict:
    outlawed = [t for c in concepts for t in _outlawed(c)]
    return {
        "concepts": len(concepts),
        "wrong_or_deprecated": len(outlawed),
        "seen_in": sum(1 for t in outlawed if t.seen_in),
        "seen_in_sources": len({t.seen_in for t in outlawed if t.seen_in}),
        "by_confidence": {k: sum(1 for c in concepts if c.confidence == k) for k in ("high", "medium", "low")},
        "completeness": _completeness(concepts),
    }


def glossary_stats(concepts) -> dict:
    """Whole-glossary counts plus the same figures per domain (sorted by domain name)."""
    statuses = Counter(t.status for c in concepts for t in c.terms)
    domains: dict[str, list] = {}
    for c in concepts:
        domains.setdefault(c.domain, []).append(c)
    whole = _domain(concepts)
    return {
        "concepts": len(concepts),
        "terms": sum(len(c.terms) for c in concepts),
        "by_domain": {d: len(cs) for d, cs in sorted(domains.items())},
        "by_type": dict(sorted(Counter(c.type for c in concepts).items())),
        "by_status": {s: statuses.get(s, 0) for s in STATUSES},
        "by_confidence": whole["by_confidence"],
        "misspellings": sum(len(c.misspellings) for c in concepts),
        "specs": sum(len(c.specs) for c in concepts),
        "wrong_or_deprecated": whole["wrong_or_deprecated"],
        "seen_in": whole["seen_in"],
        "seen_in_sources": whole["seen_in_sources"],
        "completeness": whole["completeness"],
        "domains": {d: _domain(cs) for d, cs in sorted(domains.items())},
    }
