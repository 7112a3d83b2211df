"""TK601 source terms without a rendering in the target; TK602 one rendering for two source concepts."""
from __future__ import annotations

from collections import Counter, defaultdict

from ..matching import fold_key
from ..model import APPROVED
from .base import ValueCounts, approved, finding, label
from .registry import rule


def _by_segment(hits):
    out = defaultdict(list)
    for h in hits:
        out[h.segment].append(h)
    return out


def _concepts(ctx, hit, kinds=("en", "name", "punct")):  # a mispunctuated name still renders its concept
    return {e.concept for e in ctx.matcher.keys[hit.key] if e.kind in kinds}


def _align(ctx, source, target):
    """Pair a segment's target hits with its source concepts.

    A target form that is a correct rendering of a source concept renders that concept; else any
    source concept it is a form of (a wrong rendering still renders it); else, when exactly one
    glossary rendering and one source concept are left over, they are paired. Returns
    (pairs, unrendered source concepts, orphan target hits).
    """
    pairs, orphans = [], []
    unrendered = set(source)
    for h in target:
        concepts = _concepts(ctx, h)
        direct = concepts & set(source)
        correct = {e.concept for e in ctx.matcher.keys[h.key]
                   if e.concept in direct and (e.kind == "name" or e.status in APPROVED)}
        chosen = correct or direct
        if chosen:
            unrendered -= chosen
            pairs.extend((h, ci) for ci in sorted(chosen))
        elif concepts:
            orphans.append(h)
    if len(orphans) == 1 and len(unrendered) == 1:
        pairs.append((orphans[0], next(iter(unrendered))))
    return pairs, unrendered, orphans


def _inside(ctx, ci, target_hits) -> bool:
    """Whether an approved rendering of the concept sits inside a longer target form ('market' in 'market price')."""
    forms = [fold_key(f) for f in approved(ctx.concept(ci))] + [fold_key(f) for _, f in ctx.concept(ci).names]
    for h in target_hits:
        found = f" {fold_key(h.found)} "
        if any(f" {f} " in found or f" {f}s " in found for f in forms):
            return True
    return False


def _owner(ctx, hit):
    """The concept a target form renders correctly, else any concept it is a form of."""
    entries = ctx.matcher.keys[hit.key]
    good = sorted(e.concept for e in entries if e.kind == "name" or e.status in APPROVED)
    return ctx.concept(good[0] if good else sorted(_concepts(ctx, hit))[0])


def _source_concepts(ctx, source_hits):
    """Concepts of a segment's source, each with its first hit, in order."""
    first = {}
    for h in source_hits:
        for ci in sorted(_concepts(ctx, h, ("ko", "hanja"))):
            first.setdefault(ci, h)
    return first


@rule("TK601", "missing-rendering", "warning")
def missing_rendering(doc, ctx):
    """A source term whose target segment has no rendering of it (bilingual files).

    Why: with the Korean beside the English every glossary term can be verified, not only the ones a
    gloss reveals. The finding points at the source term and names what the target has instead, if
    it holds a glossary rendering that belongs to no source term. A wrong rendering of the concept
    in the target is reported as TK101/TK102 instead.

    Not flagged, and why: a source term whose approved rendering stands inside a longer target form
    ('market' inside 'market price'): it is rendered; a source term rendered wrongly (TK101 and TK102
    say more); English-only files, which have no source.

    Okay: 자력갱생의 정신을 강조하였다. => The plenary stressed the spirit of self-reliance.
    Okay: 장마당에서 쌀을 샀다. => They bought rice at the market.
    TK601: 자력갱생의 정신을 강조하였다. => The plenary stressed the spirit of independence.
    """
    if not doc.bilingual:
        return
    targets = _by_segment(doc.hits)
    for seg, source_hits in sorted(_by_segment(doc.source_hits).items()):
        source = _source_concepts(ctx, source_hits)
        target = targets.get(seg, [])
        _, unrendered, orphans = _align(ctx, source, target)
        for ci, hit in source.items():
            if ci not in unrendered or _inside(ctx, ci, target):
                continue
            c = ctx.concept(ci)
            good = approved(c) if c.type != "person" else [f for _, f in c.names[:2]]
            instead = ""
            if orphans:
                o = orphans[0]
                instead = f"; the target has '{o.found}' (line {o.line}), which renders {label(_owner(ctx, o))}"
            yield finding(hit, "TK601", "warning",
                          f"{label(c)} has no rendering in the target segment; expected '{good[0]}'{instead}",
                          c, good)


@rule("TK602", "inconsistent-source", "warning")
class InconsistentSource:
    """One English rendering used for two different source concepts in one document (bilingual files).

    Why: Xbench's "inconsistency in source", at term level: 'false reporting' for 허위보고 in one
    segment and for 양생원 in another tells the reader the two are one thing. Target renderings are
    paired with source concepts as TK601 pairs them; the concept the form is correct for (or else
    the one it renders most often) keeps it, and the other occurrences are reported.

    Not flagged, and why: persons (their names are not renderings of a choice); a rendering used for
    one source concept throughout; English-only files.

    Okay: 허위보고가 적발되었다. => False reporting was uncovered.
    Okay: 허위보고가 적발되었다. => False reporting was uncovered. || 허위보고를 막아야 한다. => False reporting must stop.
    TK602: 허위보고가 적발되었다. => False reporting was uncovered. || 양생원을 새로 지었다. => A false reporting home was built.
    """

    def __init__(self, ctx):
        self.ctx = ctx
        self.uses = ValueCounts()  # English surface -> source concept it renders
        self.keep = {}

    def _pairs(self, seg):
        if not seg.bilingual:
            return
        source = _source_concepts(self.ctx, seg.source_hits)
        pairs, _, _ = _align(self.ctx, source, seg.hits)
        # A form paired with two source concepts of its segment (approved for both) says nothing of
        # which one it renders: neither use counts, or the one row would conflict with itself.
        per_hit = Counter(h for h, _ in pairs)
        for h, ci in pairs:
            if per_hit[h] > 1:
                continue
            entries = [e for e in self.ctx.matcher.keys[h.key] if e.kind == "en"]
            if entries and self.ctx.concept(ci).type != "person":
                yield fold_key(entries[0].form), ci, h

    def count(self, seg):
        for surface, ci, h in self._pairs(seg):
            self.uses.add(surface, ci, h.line)

    def ready(self) -> bool:
        for surface, by_concept in self.uses.conflicts().items():
            if len(by_concept) > 1:
                def rank(ci):  # the concept the form is approved for, then the most frequent, keeps it
                    ok = any(fold_key(f) == surface for f in approved(self.ctx.concept(ci)))
                    return (not ok, -by_concept[ci], self.ctx.concept(ci).id)
                self.keep[surface] = min(by_concept, key=rank)
        return bool(self.keep)

    def report(self, seg):
        for surface, ci, h in self._pairs(seg):
            keep = self.keep.get(surface)
            if keep is None or ci == keep:
                continue
            c, kept = self.ctx.concept(ci), self.ctx.concept(keep)
            lines = ", ".join(str(x) for x in self.uses.lines[(surface, keep)])
            yield finding(h, "TK602", "warning",
                          f"'{h.found}' renders {label(c)} here but {label(kept)} elsewhere in this "
                          f"document (line {lines}); use '{approved(c)[0]}'", c, approved(c))
