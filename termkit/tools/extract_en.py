"""The English side of `extract`: n-grams of the target segments, masks, and the choice of renderings.

English n-grams of up to `max_n` words are rendering candidates: no stopword at either end, no
punctuation inside, a possessive only at the end (its 's dropped), keyed in lower case with the last
word made singular. Target spans that render a glossary concept found in the same source segment
are masked first: the glossary explains them. For each Korean candidate the n-grams found with it
are ranked by Dice, then log-likelihood, then length, and `choose()` picks the renderings.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from .termstats import dice_array, log_likelihood_array, singular

# A word: letters (with the breves of romanizations) and digits, joined by hyphens, apostrophes or ×
# (self-reliance, Workers', 20×10).
EN_TOKEN = re.compile(r"[A-Za-z0-9\u00c0-\u024f]+(?:['\u2019\-×][A-Za-z0-9\u00c0-\u024f]+)*(?:['\u2019](?![A-Za-z]))?")
_NUMERIC = re.compile(r"[0-9][0-9.,×]*")
EN_STOPWORDS = frozenset("""
a an the of in on at to for from by with and or but nor as that this these those is are was were be been being
has have had having it its their theirs his her hers our ours they them he him she we us you your i me my which who
whom whose what when where how why not no also too than then there here into onto over under about after before
since until up down out more most less least some any each every all both either neither such only very can could
will would shall should must may might do does did done so if because while during between against among through
per via one ones own other others same another again further just even still yet already however thus therefore
whether though although upon within without across toward towards around like unlike
""".split())


def masked_spans(matcher, source: str, target: str) -> list[tuple[int, int]]:
    """Target spans rendering a glossary concept that the source segment holds."""
    concepts = frozenset(e.concept for h in matcher.find(source, korean_only=True) for e in matcher.keys[h.key]
                         if e.kind in ("ko", "hanja"))
    if not concepts:
        return []
    return [(h.start, h.end) for h in matcher.find(target, context=concepts)
            if any(e.kind in ("en", "name") and e.concept in concepts for e in matcher.keys[h.key])]


def ngram_spans(target: str, masked: list[tuple[int, int]] | None, max_n: int):
    """(key, start token, end token, tokens) of every English n-gram allowed as a rendering."""
    tokens = [(m.start(), m.end(), m.group()) for m in EN_TOKEN.finditer(target)]
    chunks: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] = []
    prev_end = 0
    for s, e, t in tokens:
        if masked and any(s < me and ms < e for ms, me in masked):
            if current:
                chunks.append(current)
            current = []
            continue
        if current and target[prev_end:s].strip():
            chunks.append(current)
            current = []
        current.append((s, e, t))
        prev_end = e
    if current:
        chunks.append(current)
    for chunk in chunks:
        low = [t.replace("\u2019", "'").lower() for _, _, t in chunk]
        possessive = [w.endswith("'s") and len(w) > 2 for w in low]
        low = [w[:-2] if p else w for w, p in zip(low, possessive)]
        stop = [w in EN_STOPWORDS for w in low]
        numeric = [bool(_NUMERIC.fullmatch(w)) for w in low]
        last = [singular(w) for w in low]
        for i in range(len(chunk)):
            if stop[i]:
                continue
            for j in range(i, min(len(chunk), i + max_n)):
                if j > i and possessive[j - 1]:
                    break  # a possessive ends a rendering ('the Commission's powers'), and starts none
                if stop[j] or all(numeric[i:j + 1]):
                    continue
                yield (" ".join(low[i:j]) + " " + last[j]) if j > i else last[j], chunk[i], chunk[j], tokens


def ngrams(target: str, masked: list[tuple[int, int]] | None, max_n: int):
    """(key, surface, starts the segment) of every English n-gram allowed as a rendering."""
    for key, first, last, tokens in ngram_spans(target, masked, max_n):
        surface = target[first[0]:last[1]]
        if surface.endswith(("'s", "\u2019s")) and len(surface) > 2:
            surface = surface[:-2]  # the possessive ending is not part of the rendering
        yield key, surface, first[0] == tokens[0][0]


def ngram_keys(target: str, masked: list[tuple[int, int]] | None, max_n: int) -> list[str]:
    """The distinct n-gram keys of a segment, in text order (a set's order would vary with the hash seed)."""
    return list(dict.fromkeys(key for key, _, _, _ in ngram_spans(target, masked, max_n)))


_SHARED: tuple = ()  # (rows, matcher, max_n) for forked workers


def _english_chunk(bounds: tuple[int, int]):
    """N-grams and masks of rows[start:stop]: (vocabulary in first-seen order, id arrays, masks, lowercase words)."""
    import numpy as np

    rows, matcher, max_n = _SHARED
    vocab: dict[str, int] = {}
    arrays, masks, lower = [], [], set()
    for _, _, ko, en in rows[bounds[0]:bounds[1]]:
        masked = masked_spans(matcher, ko, en)
        masks.append(masked or None)
        grams = [vocab.setdefault(k, len(vocab)) for k in ngram_keys(en, masked, max_n)]
        grams.sort()
        arrays.append(np.array(grams, dtype=np.int32))
        for m in EN_TOKEN.finditer(en):
            if m.start() and m.group().islower():
                lower.add(m.group())
    return list(vocab), arrays, masks, lower


def english_pass(rows, matcher, max_n: int, jobs: int):
    """Per segment: n-gram ids (global, first-seen order whatever the number of jobs) and target masks."""
    import numpy as np

    global _SHARED
    step = max(1000, len(rows) // (jobs * 4) + 1)
    bounds = [(i, min(i + step, len(rows))) for i in range(0, len(rows), step)]
    _SHARED = (rows, matcher, max_n)
    try:
        if jobs > 1 and len(bounds) > 1 and _can_fork():
            import multiprocessing

            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                parts = pool.map(_english_chunk, bounds, chunksize=1)
        else:
            parts = [_english_chunk(b) for b in bounds]
    finally:
        _SHARED = ()
    ids: dict[str, int] = {}
    seg_ngrams, masks, lower = [], [], set()
    for vocab, arrays, part_masks, part_lower in parts:
        remap = np.array([ids.setdefault(k, len(ids)) for k in vocab], dtype=np.int32)
        seg_ngrams.extend(np.sort(remap[a]) for a in arrays)  # sorted: rendering_forms bisects them
        masks.extend(part_masks)
        lower |= part_lower
    return ids, seg_ngrams, masks, lower


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


RANKED = 300  # English n-grams per candidate sorted exactly (ties at the cut included)


def rank_renderings(grams, fk: int, doc_freq, n_words, keys_by_id, n_rows: int) -> list[tuple]:
    """English n-grams found with a candidate in 2+ segments, best first:
    (-Dice, -G², -words, key, id, together, f(e))."""
    import numpy as np

    ids, together = np.unique(grams, return_counts=True)
    keep = together >= 2
    ids, c = ids[keep], together[keep].astype(np.float64)
    if not len(ids):
        return []
    fe = doc_freq[ids].astype(np.float64)
    d = dice_array(c, fk, fe)
    g2 = log_likelihood_array(c, fk, fe, n_rows)
    order = np.lexsort((-n_words[ids], -g2, -d))
    if len(order) > RANKED:
        cut = order[RANKED - 1]
        tied = (d == d[cut]) & (g2 == g2[cut]) & (n_words[ids] == n_words[ids[cut]])
        order = np.concatenate([order[:RANKED], np.setdiff1d(np.nonzero(tied)[0], order[:RANKED])])
    ranked = [(-float(d[i]), -float(g2[i]), -int(n_words[ids[i]]), keys_by_id[ids[i]], int(ids[i]), int(c[i]),
               int(fe[i])) for i in order.tolist()]
    ranked.sort()
    return ranked


ALTERNATIVE = 0.2  # an alternative rendering co-occurs at least this share as often as the first
GROW = 0.75  # a longer rendering replaces a shorter one inside it if it co-occurs at least this often


def _nested(short: str, long: str) -> bool:
    """Whether key `short` is inside key `long`, last words singular ('state affair' in 'state affairs commission')."""
    s, l_ = short.split(" "), long.split(" ")
    for i in range(len(l_) - len(s) + 1):
        if l_[i:i + len(s) - 1] == s[:-1] and singular(l_[i + len(s) - 1]) == s[-1]:
            return True
    return False


def _overlap(a: str, b: str) -> bool:
    """Whether two keys share words: one inside the other, or an end of one is a start of the other."""
    if _nested(a, b) or _nested(b, a):
        return True
    x = [singular(w) for w in a.split(" ")]
    y = [singular(w) for w in b.split(" ")]
    return any(x[-n:] == y[:n] or y[-n:] == x[:n] for n in range(1, min(len(x), len(y))))


def choose(ranked: list[tuple], n: int) -> list[tuple]:
    """The first n renderings, each grown into the longer n-grams around it when they account for it.

    Dice alone prefers 'family' to 'separated family' when the corpus also says 'divided families',
    and 'economy' to 'knowledge economy' when it also says 'knowledge-based economy': the shared word
    is found wherever either is. When the n-grams extending the chosen one on one side (the shortest
    of them: 'knowledge economy', 'knowledge-based economy') are found with the Korean candidate,
    together, at least GROW times as often as it is, the best-ranked of them replaces it, and the
    step repeats, in the spirit of Champollion (Smadja et al. 1996), which builds a translation up
    from single words. Extensions through a stopword ('question of separated families') are context,
    not a longer term. A rendering that overlaps one already chosen is skipped, and an alternative
    must be found with the candidate at least ALTERNATIVE times as often as the first rendering.
    """
    chosen: list[tuple] = []
    for r in ranked:
        if len(chosen) == n:
            break
        while True:
            grown = None
            for side in (f" {r[3]}", f"{r[3]} "):  # left extensions (knowledge economy), then right ones
                longer = [x for x in ranked if x[2] < r[2]
                          and (x[3].endswith(side) if side[0] == " " else x[3].startswith(side))
                          and not any(w in EN_STOPWORDS for w in x[3].replace(r[3], " ", 1).split())]
                minimal = [x for x in longer if not any(y is not x and f" {y[3]} " in f" {x[3]} " for y in longer)]
                enough = minimal and sum(x[5] for x in minimal) >= GROW * r[5]
                if enough and (grown is None or minimal[0] < grown):
                    grown = minimal[0]
            if grown is None:
                break
            r = grown
        if any(_overlap(r[3], c[3]) for c in chosen):
            continue
        if chosen and r[5] < max(2, ALTERNATIVE * chosen[0][5]):
            continue  # an alternative must be found with the candidate in a fair share of its segments
        chosen.append(r)
    return chosen


SURFACE_SAMPLE = 200  # segments read per rendering to find its commonest surface form


def rendering_forms(rows, masks, segs, best, seg_ngrams, options, lower_seen: set[str]) -> dict[str, str]:
    """The display form of each rendering: its commonest surface, singular first, sentence-initial capitals undone.

    Read from the first SURFACE_SAMPLE segments (in corpus order) that hold the rendering.
    """
    import numpy as np

    seen: dict[str, Counter] = defaultdict(Counter)
    initial: dict[str, Counter] = defaultdict(Counter)
    for b in best:
        key, e = b[3], b[4]
        read = 0
        for s in segs:
            if read >= SURFACE_SAMPLE:
                break
            arr = seg_ngrams[s]
            at = int(np.searchsorted(arr, e))
            if at >= len(arr) or arr[at] != e:
                continue
            read += 1
            _, _, _, en = rows[s]
            for k, surface, first in ngrams(en, masks[s] or [], options.max_english_words):
                if k == key:
                    (initial if first else seen)[key][surface] += 1
    out = {}
    for b in best:
        key = b[3]
        counts = seen.get(key) or Counter()
        if not counts:
            counts = Counter()
            for surface, n in (initial.get(key) or {}).items():
                head, _, rest = surface.partition(" ")
                if head.lower() in lower_seen:
                    surface = head.lower() + (" " + rest if rest else "")
                counts[surface] += n
        if counts:
            out[key] = min(counts.items(), key=lambda x: (x[0].lower().replace("\u2019", "'") != key, -x[1], x[0]))[0]
    return out


