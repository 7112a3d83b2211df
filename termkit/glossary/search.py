"""Look up concepts by Hangul (either spelling, with particles or spaces), romanization, English or id."""
from __future__ import annotations

import unicodedata

from ..matching import canonical, fold_key, is_particle_tail, romanization_keys
from ..model import APPROVED


def lookup(matcher, query: str) -> list:
    """Concepts matching the query: those it is a correct form of first, then by id."""
    q = unicodedata.normalize("NFKC", query).strip()
    found: set[int] = set()
    if q in matcher.index:
        found.add(matcher.index[q])
    found.update(i for i, c in enumerate(matcher.concepts) if q in (c.ko, c.ko_nk))  # one-syllable forms too
    kids = []
    if any("\uac00" <= ch <= "\ud7a3" or "\u4e00" <= ch <= "\u9fff" for ch in q):
        compact = "".join(q.split())
        for cut in range(len(compact), 0, -1):  # the longest head whose tail is particles
            if is_particle_tail(compact[cut:]):
                kid = _get(matcher.korean, canonical(compact[:cut]))
                if kid is not None:
                    kids.append(kid)
                    break
    else:
        for key in {fold_key(q)} | romanization_keys(q):
            kid = _get(matcher.latin, key)
            if kid is not None:
                kids.append(kid)
    if not kids and not found and getattr(matcher, "rom_owner", None):
        from ..matching import skeleton  # any system or spelling of a romanization: kuksanhwa, guksanhwa

        found.update(matcher.rom_owner.get(skeleton(q), ()))
    owners: set[int] = set()  # concepts the query is a correct form of come first
    for kid in kids:
        for e in matcher.keys[kid]:
            found.add(e.concept)
            if e.kind != "en" or e.status in APPROVED:
                owners.add(e.concept)
    if not found:  # a short form: a Korean tail (총리 → 내각총리) or English initials (WPK)
        return [matcher.concepts[i] for i in _short_form_owners(matcher.concepts, q)]
    return [matcher.concepts[i] for i in sorted(found, key=lambda i: (i not in owners, matcher.concepts[i].id))]


# Words an acronym skips: 'Workers' Party of Korea' is WPK.
_SKIPPED = frozenset("of the and for on in to at a an".split())


def _initials(form: str) -> str:
    words = form.replace("-", " ").replace("\u2019", "'").split()
    return "".join(w[0] for w in words if w.lower() not in _SKIPPED and w[0].isalpha()).upper()


def _short_form_owners(concepts, q: str) -> list[int]:
    """Concepts a query names by a short form, the closest first; only asked after an exact miss."""
    hits: dict[int, tuple] = {}
    if any("\uac00" <= ch <= "\ud7a3" for ch in q):
        compact = "".join(q.split())
        heads = [canonical(compact[:cut]) for cut in range(len(compact), 1, -1) if is_particle_tail(compact[cut:])]
        # 내각총리 is 내각 (a concept) + 총리: a name whose rest is another concept comes before 부총리
        names = {canonical(f) for c in concepts for f in c.korean_forms()}
        for i, c in enumerate(concepts):
            for form in c.korean_forms():
                key = canonical(form)
                for head in heads:  # a tail of two syllables or more, never the whole name (that was exact)
                    if len(head) >= 2 and len(key) > len(head) and key.endswith(head):
                        rank = (key[:-len(head)] not in names, len(key) - len(head), c.id)
                        hits[i] = min(hits.get(i, rank), rank)
    elif 2 <= len(q) <= 8 and q.isalpha() and q.isascii():
        # English initials of an approved or former (superseded) form: KCNA, NATA, NADA
        for i, c in enumerate(concepts):
            for t in c.terms:
                if t.status in APPROVED or t.status == "superseded":
                    if len(t.form.split()) >= 2 and _initials(t.form) == q.upper():
                        rank = (t.status not in APPROVED, 0, c.id)
                        hits[i] = min(hits.get(i, rank), rank)
    return sorted(hits, key=hits.get)


def _get(automaton, key):
    if not len(automaton):
        return None
    value = automaton.get(key, None)
    return None if value is None else value[0]
