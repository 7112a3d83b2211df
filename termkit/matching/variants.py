"""The surface variants a glossary form is matched under: plurals, possessives, hyphenation, romanization."""
from __future__ import annotations

import re
from functools import lru_cache

from .normalize import fold_key

_VOWELS = "aeiou"


def _plurals(word: str) -> list[str]:
    if not word or not word[-1].isalpha():
        return []
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return [word + "es"]
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return [word[:-1] + "ies"]
    return [word + "s"]


def english_keys(form: str) -> set[str]:
    """Keys for an English rendering: itself, without hyphens, plural and possessive of its last word."""
    bases = {fold_key(form)}
    if "-" in form:
        bases.add(fold_key(form.replace("-", "")))
    keys = set()
    for base in bases:
        keys.add(base)
        head, _, last = base.rpartition(" ")
        prefix = head + " " if head else ""
        for plural in _plurals(last):
            keys.add(prefix + plural)
            keys.add(prefix + plural + "'")
        keys.add(base + "'s")
        if last.endswith("s"):
            keys.add(base + "'")
    return keys


def name_keys(form: str, possessive: bool = True) -> set[str]:
    """Keys for a personal name: itself, in Western order (Jong Un Kim), and (possessive) their possessives."""
    keys = set()
    words = fold_key(form).split()
    for base in {" ".join(words), " ".join(words[1:] + words[:1])}:
        keys.add(base)
        if possessive:
            keys.add(base + "'s")
            if base.endswith("s"):
                keys.add(base + "'")
    return keys


def romanization_keys(form: str) -> set[str]:
    """Keys for a romanized form: diacritics folded, aspiration apostrophes optional, spaces optional."""
    base = fold_key(form)
    keys = {base, base.replace("'", "")}
    for k in list(keys):
        keys.add(k.replace(" ", ""))
    return {k for k in keys if re.search(r"[a-z]", k)}


# -- variant families: forms a translator writes for a listed form without anyone listing them --------

# Words that link a modifier to its head in calques of one idea ('people-oriented economy'); with
# the hyphen folded to a space, 'people oriented economy'. Grammar, not terms.
LINKING_WORDS = ("oriented", "centred", "centered", "focused", "based", "driven", "led", "type")
_ARTICLES = frozenset({"the", "a", "an"})
# British ↔ American spelling as word endings (labour/labor, centre/center, organisation/organization,
# defence/defense, programme/program). Only words of five letters or more: 'four' is no 'for'.
_SPELLINGS = (("isation", "ization"), ("ise", "ize"), ("ised", "ized"), ("ising", "izing"), ("iser", "izer"), ("our", "or"),
              ("tre", "ter"), ("ence", "ense"), ("yse", "yze"), ("ogue", "og"), ("amme", "am"),
              ("lled", "led"), ("lling", "ling"))
MIN_SPELLING_WORD = 5
_MAX_FAMILY = 64  # bases per listed form: a cap, so that no form multiplies the automaton


@lru_cache(maxsize=None)  # the same head words recur across a glossary's forms; Snowball is pure Python
def _stem(word: str) -> str:
    return _stemmer().stemWord(word)


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer  # compile time only: the matcher's variants

    return snowballstemmer.stemmer("english")


def inflections(word: str) -> set[str]:
    """The regular plural of an English word, kept only where Snowball stems it as the word itself.

    The stemmer is the judge of what is one word: 'economies' is 'economy', while the regular ending
    of a word Snowball leaves alone ('koreas' for a name) is not generated.
    """
    if not word.isalpha() or len(word) < 3:
        return set()
    stem = _stem(word)
    return {c for c in _plurals(word) if _stem(c) == stem}


def spellings(word: str) -> set[str]:
    """The word in the other spelling (British or American), by its ending."""
    out = set()
    if len(word) < MIN_SPELLING_WORD:
        return out
    for british, american in _SPELLINGS:
        for a, b in ((british, american), (american, british)):
            if word.endswith(a) and len(word) - len(a) >= 2:
                out.add(word[: -len(a)] + b)
    return out


def _bare(word: str) -> str:
    """A possessive modifier without its possessive: people's → people, workers' → workers."""
    if word.endswith("'s"):
        return word[:-2]
    return word.rstrip("'")


def _reorders(words: list[str]) -> list[list[str]]:
    """'X of Y' ↔ 'Y X', articles in and out: 'economy of the people' for 'people's economy' and back."""
    out = []
    if "of" in words[1:-1]:
        i = words.index("of")
        tail = [w for w in words[i + 1:] if w not in _ARTICLES]
        if tail:
            out.append(tail + words[:i])
        if words[i + 1] in _ARTICLES:
            out.append(words[:i + 1] + words[i + 2:])
        else:
            out.append(words[:i + 1] + ["the"] + words[i + 1:])
    elif 2 <= len(words) <= 3 and "of" not in words:
        head, mods = words[-1], [_bare(w) for w in words[:-1]]
        out.append([head, "of", "the", *mods])
        out.append([head, "of", *mods])
    return out


def _linked(words: list[str]) -> list[list[str]]:
    """'people's economy' → 'people oriented economy' …: a linking word between modifier and head."""
    if not 2 <= len(words) <= 3 or "of" in words:
        return []
    mod = _bare(words[-2])
    return [words[:-2] + [mod, link, words[-1]] for link in LINKING_WORDS]


def _apostrophes(words: list[str]) -> list[list[str]]:
    """A possessive written without its apostrophe, or with it misplaced: peoples, peoples', people."""
    out = []
    for i, w in enumerate(words):
        if w.endswith("'s") and len(w) > 3:  # people's: peoples, peoples', people
            root = w[:-2]
            alts = (root + "s", root + "s'", root)
        elif w.endswith("s'") and len(w) > 3:  # workers': workers, worker's
            root = w[:-2]
            alts = (root + "s", root + "'s")
        else:
            continue
        out += [words[:i] + [alt] + words[i + 1:] for alt in alts]
    return out


def _respelled(words: list[str]) -> list[list[str]]:
    """The form with any of its words in the other spelling (labor mobilization for labour mobilisation)."""
    from itertools import islice, product

    options = [[w, *sorted(spellings(w))] for w in words]
    return [list(p) for p in islice(product(*options), 1, 16)]


def is_name(form: str) -> bool:
    """A capitalised form (Workers' Party of Korea): a name, whose words keep their order and links."""
    words = [w for w in form.replace("-", " ").split() if w.isalpha() or "'" in w]
    return bool(words) and all(w[:1].isupper() for w in words if w.lower() not in _SMALL_WORDS)


_SMALL_WORDS = frozenset({"of", "the", "a", "an", "and", "for", "on", "in", "to"})


_ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ary", "ous", "ist", "ian", "ern", "ed", "ar", "ile", "ful", "less", "able", "ible")


def _modifiers_are_nouns(words: list[str]) -> bool:
    """Whether a form's modifiers may stand after 'of' or before a linking word: 'economy of the people'
    is English, 'economy of the national' is not (an adjective's ending tells)."""
    return not any(_bare(w).endswith(_ADJECTIVE_ENDINGS) for w in words[:-1])


def _adjective_twins(words: list[str]) -> list[list[str]]:
    """The form with one adjective in its -ic/-ical twin ('numeric economy' for 'numerical economy')."""
    out = []
    for i, w in enumerate(words):
        if len(w) >= 8 and w.endswith("ical"):
            out.append(words[:i] + [w[:-2]] + words[i + 1:])
        elif len(w) >= 6 and w.endswith("ic"):
            out.append(words[:i] + [w + "al"] + words[i + 1:])
    return out


def variant_keys(form: str, rejected: bool = False) -> set[str]:
    """Keys of a listed English form's unlisted variants (its family), not counting its own keys.

    Inflection (Snowball), British/American spelling, 'X of Y' ↔ 'Y X' and articles, a two-word
    compound written closed, linking words after a possessive modifier ('people-oriented economy'
    for 'people's economy': the calque writes the possessive as a link) and, for forms that are not
    names, possessive apostrophes dropped or misplaced (names: see punctuation_keys, a rule of its
    own). A rejected form that is no name (`rejected`) also matches with an adjective in its
    -ic/-ical twin: a calque stays the same calque ('numeric economy' for the wrong 'numerical
    economy'); approved forms do not, as 'economic' and 'economical' are two words. Each family is a
    few keys (a dozen for a possessive form), so a glossary's automaton grows by a small factor, not by
    the product of every kind of variant.
    """
    words = fold_key(form).split()
    if not words or not any(w.isalpha() for w in words):
        return set()
    name = is_name(form)
    compound = "-" in form  # self-reliance: one word in two parts, no modifier and head
    respelled = [words] + _respelled(words)
    keys = set()

    def add(b, inflect=True):
        text = " ".join(b)
        # The form and its plurals; no possessive keys: a match may end before "'s" (an apostrophe is
        # a word boundary), and a variant's found text need not include it.
        keys.add(text)
        if inflect:
            head, _, last = text.rpartition(" ")
            keys.update((head + " " if head else "") + w for w in (_plurals(last) if name else inflections(last)))

    for b in respelled[:_MAX_FAMILY]:
        add(b)
        # Not for names and titles: 'Foreign Affairs Minister' is as often another state's minister.
        if not compound and not name and ("of" in b[1:-1] or _modifiers_are_nouns(b)):
            for r in _reorders(b):
                add(r, inflect=False)  # the words alone: their last is no head
    if name:
        return keys - english_keys(form)
    for b in _apostrophes(words):
        add(b)
    if rejected:
        for b in _adjective_twins(words):
            add(b)
    if len(words) == 2 and all(w.isalpha() for w in words):
        add([words[0] + words[1]])  # a compound written closed: workteam for work team
    if len(words) in (2, 3) and "'" in words[-2] and "of" not in words:
        for linked in _linked(words):
            add(linked)
    return keys - english_keys(form)


def punctuation_keys(form: str) -> set[str]:
    """Keys of a name's possessives with the apostrophe dropped or misplaced (Workers Party of Korea)."""
    if "'" not in form or not is_name(form):
        return set()
    words = fold_key(form).split()
    keys = set()
    for b in _apostrophes(words):
        keys.add(" ".join(b))
    return keys - english_keys(form)


def short_core(form: str) -> str | None:
    """The short name inside a name with a possessive: "Workers' Party" in "Workers' Party of Korea",
    "People's Army" in "Korean People's Army" — the possessive word and the word after it, when the
    rest is an 'of …' complement after them or one word before them, the parts a text drops once
    the name is known. None for other shapes ("Korean People's Army Navy", a longer title)."""
    if "'" not in form or not is_name(form):
        return None
    words = form.replace("\u2019", "'").split()
    for i, w in enumerate(words[:-1]):
        if w.endswith(("'s", "s'")) and w[:1].isupper() and words[i + 1][:1].isupper():
            core = words[i:i + 2]
            rest = words[:i] + words[i + 2:]
            if (i == 0 and len(words) > 2 and words[2] == "of") or (i == 1 and len(words) == 3):
                return " ".join(core) if rest else None
            return None
    return None


def short_punctuation_keys(form: str) -> set[str]:
    """Keys of a name's short core (short_core) with its apostrophe dropped or misplaced: 'Workers Party',
    'Peoples Army'. Such a short name is common English for other parties and armies too, so a rule
    reports it only where the document names the concept otherwise."""
    core = short_core(form)
    if core is None:
        return set()
    keys = {" ".join(b) for b in _apostrophes(fold_key(core).split())}
    return keys - english_keys(core) - english_keys(form)
