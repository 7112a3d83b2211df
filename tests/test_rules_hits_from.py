"""hits_from: the hits that start in a range, by bisection, the same as a scan (sorted or not)."""
import random

from termkit.model import Hit
from termkit.rules.base import Document, hits_from, starts_in


def _hit(start, end):
    return Hit("p", 1, start + 1, 1, end + 1, "x" * (end - start), 0, start, end, frozenset(), None, 1,
               frozenset(), None, None)


def test_hits_from_equals_a_scan_on_sorted_and_unsorted_hits():
    rng = random.Random(7)
    for trial in range(200):
        starts = sorted(rng.sample(range(200), rng.randint(0, 30)))
        hits = [_hit(s, s + 1) for s in starts]
        if trial % 3 == 0:
            rng.shuffle(hits)  # a reader that did not sort: the answer must not change
        doc = Document("p", hits, text="x" * 300)
        for _ in range(20):
            lo = rng.randint(0, 210)
            hi = rng.randint(lo, 220)
            assert hits_from(doc, lo, hi) == [h for h in hits if lo <= h.start < hi]


def test_hits_from_follows_a_changed_view():
    doc = Document("p", [_hit(1, 2), _hit(5, 6)], text="x" * 10)
    assert [h.start for h in hits_from(doc, 0, 10)] == [1, 5]
    doc.hits.append(_hit(8, 9))  # a different hit list: the cached starts are rebuilt
    assert [h.start for h in hits_from(doc, 0, 10)] == [1, 5, 8]


def test_starts_in():
    assert starts_in([2, 5, 9], 5, 6) and starts_in([2, 5, 9], 3, 6)
    assert not starts_in([2, 5, 9], 6, 9) and not starts_in([], 0, 100)
