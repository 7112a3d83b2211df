"""Evidence that a form naming another state's institution ('National Assembly') is used of North Korea."""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import APPROVED

# The glossary's concepts of these types are North Korean bodies, offices, facilities and persons; a
# sentence that names one is about North Korea (places are left out: South Korea is a place too).
NORTH_KOREAN_TYPES = frozenset({"institution", "office", "facility", "person"})


@lru_cache(maxsize=64)
def _state_pattern(state: str) -> re.Pattern:
    """The state's name or its adjective (China, Chinese; South Korea, South Korean's), as whole words."""
    names = {state}
    if state.endswith("a"):
        names |= {state + "n", state[:-1] + "ese"}
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.I)


def names_state(text: str, state: str) -> bool:
    """Whether a text names the state or uses its adjective."""
    return bool(_state_pattern(state).search(text))


def about_north_korea(doc, hit, ctx, concept: int, state: str) -> bool:
    """Whether the hit's sentence names a North Korean body, office, facility or person (a glossary
    concept other than the hit's), and not the state whose institution the form names.

    The sentence is matched again on its own, since a rule sees only the hits it asks for.
    """
    from .surroundings import sentence

    if not doc.text:
        return False
    s, e = sentence(doc.text, hit)
    text = doc.text[s:e]
    if names_state(text, state):
        return False  # 'South Korea's National Assembly': the other state's own body
    m = ctx.matcher
    for h in m.find(text):
        if s + h.start < hit.end and hit.start < s + h.end:
            continue  # the hit itself
        for entry in m.keys[h.key]:
            if entry.concept == concept:
                continue
            if entry.kind == "name" or (entry.kind == "en" and entry.status in APPROVED
                                         and ctx.concept(entry.concept).type in NORTH_KOREAN_TYPES):
                return True
    return False


def other_state_owner(ctx, hit) -> int | None:
    """The one concept whose rejected form the hit is as another state's institution; None if several
    concepts claim the form so (State Council: the Cabinet's and the State Affairs Commission's), as
    a sentence cannot tell which without a gloss."""
    owners = set()
    for e in ctx.entries(hit, "en"):
        if e.status not in APPROVED and _term(ctx, e).other_state:
            owners.add(e.concept)
    return owners.pop() if len(owners) == 1 else None


def _term(ctx, e):
    c = ctx.concept(e.concept)
    return next((t for t in c.terms if t.form == e.form and t.status == e.status), None) or _NO_TERM


class _NoTerm:
    other_state = None


_NO_TERM = _NoTerm()
