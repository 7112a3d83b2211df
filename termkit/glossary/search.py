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
    return [matcher.concepts[i] for i in sorted(found, key=lambda i: (i not in owners, matcher.concepts[i].id))]


def _get(automaton, key):
    if not len(automaton):
        return None
    value = automaton.get(key, None)
    return None if value is None else value[0]
