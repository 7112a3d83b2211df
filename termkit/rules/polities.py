"""Evidence that a form naming another state's institution ('National Assembly') is used of North Korea."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..model import APPROVED

# The glossary's concepts of these types are North Korean bodies, offices, facilities and persons; a
# sentence that names one is about North Korea (places are left out: a text about another state's
# body names North Korean places as the subject it discusses, 'the Bank of Korea's estimate for Pyongyang').
NORTH_KOREAN_TYPES = frozenset({"institution", "office", "facility", "person"})
BODY_TYPES = frozenset({"institution", "office"})  # concepts that another state has a namesake of
STATES = Path(__file__).parent / "data" / "states.tsv"


@lru_cache(maxsize=1)
def _states() -> tuple[re.Pattern, dict[str, str], frozenset[str], str]:
    """One pattern for every state's names, adjectives and capitals (data/states.tsv), the state (its
    code) each matched text names, the home state's codes, and the pattern's alternatives (longest
    first). Case matters: 'US' is no 'us'."""
    owner: dict[str, str] = {}
    home = set()
    for line in STATES.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        code, names, adjectives, capitals, mark = (line.split("\t") + [""] * 5)[:5]
        if mark.strip() == "home":
            home.add(code)
        for field in (names, adjectives, capitals):
            for word in filter(None, (w.strip() for w in field.split(";"))):
                owner[word] = code
    alts = "|".join(re.escape(w) for w in sorted(owner, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alts})(?![\w])"), owner, frozenset(home), alts


def _codes(text: str) -> set[str]:
    pattern, owner = _states()[:2]
    return {owner[m.group()] for m in pattern.finditer(text)}


def states_named(text: str) -> set[str]:
    """Which states a text names by a name, an adjective or a capital: {"home"}, {"other"}, both or none.
    The longest name wins ('Democratic People's Republic of Korea' is not 'Republic of Korea')."""
    home = _states()[2]
    return {"home" if c in home else "other" for c in _codes(text)}


def names_other_state(text: str) -> bool:
    """Whether a text names a state other than North Korea (its name, adjective or capital): 'In Japan …',
    '… a senior high school in Seoul', 'Chinese'."""
    return "other" in states_named(text)


@lru_cache(maxsize=64)
def _state_pattern(state: str) -> re.Pattern:
    """The state's name or its adjective (China, Chinese; South Korea, South Korean's), as whole words."""
    names = {state}
    if state.endswith("a"):
        names |= {state + "n", state[:-1] + "ese"}
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.I)


def names_state(text: str, state: str) -> bool:
    """Whether a text names the state: its name or adjective, or any of the names, adjectives and
    capitals the table of states gives it ('Seoul' names South Korea)."""
    if _state_pattern(state).search(text):
        return True
    code = _states()[1].get(state)
    return code is not None and code in _codes(text)


def about_north_korea(doc, hit, ctx, concept: int, state: str) -> bool:
    """Whether a form naming another state's institution is used of North Korea here.

    - The state right beside the form decides: 'the DPRK Bank of Korea', 'the National Assembly in
      Pyongyang', 'North Korea's …' (North Korea: yes); 'the Maltese Prime Minister', '… of Bulgaria',
      '… in Seoul' (another state: no).
    - Else the sentence: no, if it names the form's own state or only other states (their names,
      adjectives or capitals, data/states.tsv); yes, if it names a North Korean body, office,
      facility or person of the glossary (a concept other than the hit's). A sentence that merely
      names North Korea is no evidence: texts about the North name it as their subject while other
      states' bodies act on it ('the Bank of Korea estimated North Korea's growth').

    The sentence is matched again on its own, since a rule sees only the hits it asks for.
    """
    from .surroundings import sentence

    if not doc.text:
        return False
    near = attached_states(doc.text, hit)
    if near:
        return near == {"home"}
    s, e = sentence(doc.text, hit)
    text = doc.text[s:e]
    if names_state(text, state) or states_named(text) == {"other"}:
        return False  # 'South Korea's National Assembly', 'the State Council in Beijing': the other state's body
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


@lru_cache(maxsize=1)
def _beside() -> tuple[re.Pattern, re.Pattern]:
    """A state's name as a form's modifier (before it, possessive or not), or after it with 'of' or 'in'."""
    alts = _states()[3]
    return (re.compile(rf"(?<![\w.])({alts})(?:['\u2019]s)?[ \t]+$"),
            re.compile(rf"[ \t]+(?:of|in)[ \t]+(?:the[ \t]+)?({alts})(?![\w])"))


def attached_states(text: str, hit) -> set[str]:
    """The states ("home", "other") named right beside a form: before it, as a modifier ('DPRK', 'North
    Korean', 'Japan's', 'the Maltese'), or after it with 'of' or 'in' ('… of the DPRK', '… in Seoul')."""
    _pattern, owner, home, _alts = _states()
    before, after = _beside()
    found = set()
    m = before.search(text, max(0, hit.start - 60), hit.start)
    if m:
        found.add(m.group(1))
    m = after.match(text, hit.end)
    if m:
        found.add(m.group(1))
    return {"home" if owner[w] in home else "other" for w in found}


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
