"""Glossary statistics: counts by domain, type, status and confidence, and completeness shares."""
from __future__ import annotations

from collections import Counter

from ..model import STATUSES


def glossary_stats(concepts) -> dict:
    n = len(concepts)
    share = lambda k: round(k / n, 3) if n else 0.0  # noqa: E731
    statuses = Counter(t.status for c in concepts for t in c.terms)
    return {
        "concepts": n,
        "terms": sum(len(c.terms) for c in concepts),
        "by_domain": dict(sorted(Counter(c.domain for c in concepts).items())),
        "by_type": dict(sorted(Counter(c.type for c in concepts).items())),
        "by_status": {s: statuses.get(s, 0) for s in STATUSES},
        "by_confidence": {k: sum(1 for c in concepts if c.confidence == k) for k in ("high", "medium", "low")},
        "misspellings": sum(len(c.misspellings) for c in concepts),
        "specs": sum(len(c.specs) for c in concepts),
        "completeness": {
            "hanja": share(sum(1 for c in concepts if c.hanja)),
            "mr": share(sum(1 for c in concepts if c.mr)),
            "rr": share(sum(1 for c in concepts if c.rr)),
            "both_romanizations": share(sum(1 for c in concepts if c.mr and c.rr)),
            "ko_nk": share(sum(1 for c in concepts if c.ko_nk)),
            "definition_or_note": share(sum(1 for c in concepts if c.definition or c.note)),
            "specs": share(sum(1 for c in concepts if c.specs)),
        },
    }
