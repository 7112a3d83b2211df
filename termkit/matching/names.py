"""Spellings of a person's name generated syllable by syllable from a table of the spellings English uses."""
from __future__ import annotations

from functools import lru_cache
from itertools import product
from pathlib import Path

from .normalize import fold_key

TABLE = Path(__file__).parent / "data" / "name_syllables.tsv"
MAX_SPELLINGS = 48  # per person: the most usual combinations first, so that no name floods the automaton
_COLUMNS = ("dprk", "mr_ascii", "rr", "popular")  # the order a syllable's spellings are ranked in


@lru_cache(maxsize=1)
def syllable_table() -> dict[str, dict[str, tuple[str, ...]]]:
    """Hangul syllable → {column: its spellings there, capitalised}; "all": every spelling, ranked
    DPRK style, ASCII MR, RR, popular forms."""
    table = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        syllable, _mr, mr_ascii, rr, dprk, popular = line.split("\t")
        cols = {"dprk": dprk.split(), "mr_ascii": [mr_ascii], "rr": [rr], "popular": popular.split()}
        row = {col: tuple(w.capitalize() for w in cols[col]) for col in _COLUMNS}
        ranked: list[str] = []
        for col in _COLUMNS:
            ranked += [w for w in row[col] if w not in ranked]
        row["all"] = tuple(ranked)
        table[syllable] = row
    return table


def _joined(surname: str, given: list[str]) -> tuple[str, str]:
    """Spaced (Ri Pyong Chol) and closed (Ri Pyongchol) forms of one spelling."""
    return " ".join([surname, *given]), surname + " " + given[0] + "".join(g.lower() for g in given[1:])


def name_spellings(ko: str, limit: int = MAX_SPELLINGS) -> list[str]:
    """Spellings of a Korean personal name (surname first), the most usual first.

    First each system throughout (DPRK style, ASCII MR, RR, the popular forms: Lee Byung Chul for
    리병철), spaced and closed; then mixtures of systems, syllable by syllable, by how far down each
    syllable's ranked spellings they reach. Hyphenated forms (Ri Pyong-chol) and the Western order
    need no spellings of their own: the matcher folds hyphens to spaces and matches both orders. A
    name with a syllable the table lacks, or of another shape than one surname syllable and one or
    two given-name syllables, gets none.
    """
    syllables = ko.replace(" ", "")
    table = syllable_table()
    if not 2 <= len(syllables) <= 3 or any(s not in table for s in syllables):
        return []
    rows = [table[s] for s in syllables]
    out: list[str] = []
    seen: set[str] = set()

    def add(forms):
        for form in forms:
            key = fold_key(form)
            if key not in seen and len(out) < limit:
                seen.add(key)
                out.append(form)

    for col in _COLUMNS:
        surname, *given = ((row[col] or row["all"])[0] for row in rows)
        add(_joined(surname, given))
    options = [row["all"] for row in rows]
    for idx in sorted(product(*(range(len(o)) for o in options)), key=lambda idx: (sum(idx), idx)):
        if len(out) >= limit:
            break
        surname, *given = (options[k][i] for k, i in enumerate(idx))
        add(_joined(surname, given)[:1])
    return out


def is_capitalised(found: str) -> bool:
    """Whether every word of a name as found starts with a capital (a generated spelling must: 'kim' is no name)."""
    words = found.split()  # Byung-chul: the part after a hyphen is written in lower case
    return bool(words) and all(w[:1].isupper() for w in words)
