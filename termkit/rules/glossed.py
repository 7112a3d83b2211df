"""TK203: an English phrase glossed with a known concept's Korean that is none of the concept's renderings."""
from __future__ import annotations

import re
from bisect import bisect_left

from ..matching import FUZZY, KOREAN, MISSPELLING, ROM, fold_key
from .base import approved, finding, hits_from, label, starts_in
from .registry import rule

# Where a phrase ends, walking back from the gloss: words that open or join a noun phrase but are
# not part of it (measured on benchmarks/devset: a phrase seldom crosses one of these).
STOP = frozenset("""
a an the this that these those its their his her our my your such each every any some all no both
is are was were be been being has have had do does did will would shall should can could may might must
called named known termed dubbed labelled labeled became become becomes use used uses using
introduced launched set adopted made make makes gave give given took take sent built build run runs
of in for on at by with from to into under through as via about against between among within without
toward towards over after before during since per than like and or but nor so yet if when while where
whose which who whom what that it they he she we i you them him us also not only just even new
""".split())
PREPOSITIONS = frozenset({"of", "on", "for", "in", "to"})
# Small words a capitalised title run may hold between capitalised words ('Ministry of Public Health').
CONNECT = frozenset({"of", "and", "for", "the", "on", "in", "to", "&"})
MAX_WORDS = 8
# Named types whose gloss often follows a description rather than a rendering ('his sister (김여정)',
# 'the capital (평양)'): only a capitalised phrase is a rendering of them.
NAME_TYPES = frozenset({"person", "place"})
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'\u2019\u2010\u2011-]*")
_OPENERS = {"(": ")", "[": "]"}
_DASHES = ("\u2014", "\u2013", " - ", " -- ")  # a bare hyphen joins words ('Juche Idea-Songun Idea')
_EMPHASIS = " \t*_"
_ASPIRATION = re.compile(r"(?<=[^\W\d_])['\u2019](?=[^\W\d_])(?!s\b)")
_DASH_GLOSS_END = re.compile(r"[ \t]*(?:[\u2014\u2013,;:.)]|-(?:[ \t]|$)|$)", re.M)
_LITERAL = re.compile(r"(?i)^(?:lit\.|literally|meaning|i\.e\.|e\.g\.|or\b|also\b|formerly|see\b|cf\.)")


def _words(text: str) -> list[re.Match]:
    return list(_WORD.finditer(text))


def _phrase_before(text: str, end: int) -> tuple[int, int] | None:
    """The noun phrase that ends at `end`: a capitalised title run, or lower-case words up to a stop word."""
    lo = max(0, end - 200)
    chunk = text[lo:end]
    words = _words(chunk)
    if not words or chunk[words[-1].end():].strip(_EMPHASIS):
        return None
    chosen: list[re.Match] = []
    title = words[-1].group()[0].isupper()
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        gap = chunk[w.end():chosen[-1].start()] if chosen else ""
        if gap.strip(_EMPHASIS + "\n\r\u2010\u2011-") or gap.count("\n") > 1:
            break  # punctuation, or a blank line, between words ends the phrase
        low = w.group().lower()
        if title:
            if not (w.group()[0].isupper() or low in CONNECT):
                break
        elif low in STOP:
            break
        chosen.append(w)
        if len(chosen) >= MAX_WORDS:
            break
    while chosen and (chosen[-1].group().lower() in CONNECT or chosen[-1].group().lower() in STOP):
        chosen.pop()  # a run does not open with 'of', 'the' …
    if not chosen:
        return None
    return lo + chosen[-1].start(), lo + chosen[0].end()


def _accepted(ctx, concepts, phrase: str) -> bool:
    """Whether the phrase is one of the concepts' renderings: a listed form or its plural, a listed form
    after modifiers ('small medical clinic'), its words reordered across a preposition ('expert panel' =
    'Panel of Experts'), a run of a listed form's words ('Workers' Party'), or its head word alone."""
    from ..matching import english_keys

    key = _unmarked(fold_key(phrase))
    words = [_singular(w) for w in key.split()]
    flat = " ".join(words)
    content = _content(key.split())
    for ci in concepts:
        c = ctx.concept(ci)
        forms = [t.form for t in c.terms] + list(c.conventional) + [f for _, f in c.names]
        forms += [f for f in (c.mr, c.rr) if f]
        for form in forms:
            fk = _unmarked(fold_key(form))
            if not fk:
                continue
            if key == fk or key in english_keys(form):
                return True
            fwords = [_singular(w) for w in fk.split()]
            ff = " ".join(fwords)
            if f" {flat}".endswith(f" {ff}"):
                return True  # modifiers before a listed form: English puts them before the head
            if f" {ff} ".find(f" {flat} ") >= 0:
                return True  # a run of a listed form's words: 'Workers' Party', 'the brigades'
            if (content == _content(fk.split()) and len(content) > 1
                    and (set(key.split()) | set(fk.split())) & PREPOSITIONS):
                return True  # 'X of Y' = 'Y X'
    return False


def _recomposed(doc, ctx, s: int, e: int):
    """The phrase text[s:e], then the phrase with a rendering of another concept inside it swapped for
    that concept's other approved renderings: 'mass technological innovation movement' is the listed
    'mass technical innovation movement' with 기술혁신's admitted form (TK301 judges such a mix)."""
    text = doc.text
    yield text[s:e]
    m = ctx.matcher
    for h in hits_from(doc, s, e):
        if h.end <= e and m.is_word(h.key):
            for ci in {en.concept for en in m.keys[h.key] if en.kind == "en"}:
                for form in approved(ctx.concept(ci)):
                    yield text[s:h.start] + form + text[h.end:e]


def _unmarked(key: str) -> str:
    """A folded phrase without MR aspiration marks ('North P'yongan' = 'North Pyongan'); a possessive keeps
    its apostrophe ('Workers Party' for 'Workers' Party' is a punctuation error, not a variant)."""
    return _ASPIRATION.sub("", key)


def _singular(word: str) -> str:
    """A crude singular, enough to tell 'the brigades' is a short mention of 'shock brigade'."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _content(words) -> list[str]:
    """The words of a phrase that carry meaning, singular and sorted: 'Panel of Experts' = 'expert panel'."""
    return sorted(_singular(w) for w in words if w not in CONNECT and w not in ("a", "an"))


def _located(g, text: str, s: int, e: int):
    """A hit-shaped record for text[s:e], located from the gloss hit g of the same segment."""
    line = g.line - text.count("\n", s, g.start)
    column = g.column - (g.start - s) if "\n" not in text[s:g.start] else s - text.rfind("\n", 0, s)
    end_line = line + text.count("\n", s, e)
    end_column = column + (e - s) if end_line == line else e - text.rfind("\n", 0, e)
    return g._replace(line=line, column=column, end_line=end_line, end_column=end_column, found=text[s:e],
                      start=s, end=e, evidence=frozenset(), gloss=None)


def _candidates(doc, ctx):
    """(gloss hit, phrase start, phrase end) for each gloss beside an English phrase that is no listed form."""
    text, m = doc.text, ctx.matcher
    glosses = [g for g in doc.hits if m.is_gloss(g.key) and not m.is_word(g.key)]
    if not glosses:
        return
    word_hits = [h for h in doc.all_hits if m.is_word(h.key)]  # the rule's view holds the glosses only
    word_starts = [h.start for h in word_hits]
    if any(a > b for a, b in zip(word_starts, word_starts[1:])):  # never from the matcher; kept exact anyway
        word_hits.sort(key=lambda h: h.start)
        word_starts.sort()
    # Listed forms do not overlap (leftmost-longest), so the one that may reach an offset k is the
    # last to start before it: found by bisection, not by scanning every hit for every gloss.
    def covering(k: int) -> bool:
        i = bisect_left(word_starts, k) - 1
        return i >= 0 and word_hits[i].end >= k
    for g in glosses:
        # "phrase (gloss)", "phrase [gloss]", "phrase — gloss": the gloss opens the bracket.
        i = g.start
        while i and text[i - 1] in _EMPHASIS:
            i -= 1
        opener = text[i - 1] if i else ""
        if opener in _OPENERS or any(text.endswith(d, 0, i) for d in _DASHES):
            j = g.end
            while j < len(text) and text[j] in "*_":
                j += 1
            close = text[j:j + 1]
            if opener in _OPENERS and close not in (_OPENERS[opener], ",", ";"):
                continue  # the gloss is part of a longer Korean phrase ("(*sŏn'gun chŏngch'i*)")
            if opener not in _OPENERS and not _DASH_GLOSS_END.match(text, j):
                continue  # a dash joining names ('the Khasan–Tumangang railway'), not setting off a gloss
            k = i - 1
            while k and text[k - 1] in _EMPHASIS + "\u2014\u2013-":
                k -= 1
            if covering(k):
                continue  # a listed form stands there, even with modifiers: TK101, TK102 or TK201 judges it
            span = _phrase_before(text, k)
            if span:
                yield g, span[0], span[1]
            continue
        # "gloss (phrase)": an English phrase in the brackets right after the gloss.
        j = g.end
        while j < len(text) and text[j] in _EMPHASIS:
            j += 1
        if text[j:j + 1] != "(":
            continue
        close = text.find(")", j, j + 80)
        if close < 0:
            continue
        inner_s, inner_e = j + 1, close
        while inner_s < inner_e and text[inner_s] in _EMPHASIS + "\"'\u201c\u2018":
            inner_s += 1
        while inner_e > inner_s and text[inner_e - 1] in _EMPHASIS + "\"'\u201d\u2019":
            inner_e -= 1
        inner = text[inner_s:inner_e]
        if (not inner or _LITERAL.match(inner) or not re.fullmatch(r"[A-Za-z][A-Za-z' \u2019-]*", inner)
                or len(inner.split()) > MAX_WORDS or starts_in(word_starts, inner_s, inner_e)):
            continue
        yield g, inner_s, inner_e


@rule("TK203", "unlisted-glossed-rendering", "warning", needs=KOREAN | ROM | MISSPELLING | FUZZY)
def unlisted_glossed_rendering(doc, ctx):
    """An English phrase glossed with a concept's Korean that is none of its renderings (English-only files).

    Why: a gloss tells the reader which Korean term the English renders, so the English should be
    the glossary's rendering of it. "shock troops (*tolgyŏktae*)" renders 돌격대 with a phrase the
    glossary does not list; the house rendering is 'shock brigade'. Checked in both orders
    ("phrase (gloss)" and "gloss (phrase)"), with parentheses, brackets or dashes. The phrase ends
    at the bracket and begins after the nearest determiner, preposition, verb or punctuation; a
    capitalised title run is taken whole ('Ministry of Foreign Trade').

    Not flagged, and why: a listed form beside the gloss, with modifiers or not, whatever its
    concept and status (TK101 and TK102 judge the status, TK201 a form of another concept); a listed
    form after modifiers, its words reordered across a preposition ('expert panel' for 'Panel of
    Experts'), a run of its words ('the Workers' Party', 'the brigades'), or its spelling with MR
    aspiration marks ("North P'yongan"); a description before a person's or place's gloss ('his
    sister (김여정)': only a capitalised phrase renders a name); a gloss that is only part of a longer
    Korean phrase in the brackets; a literal translation in the brackets ('(lit. ...)'); a dash
    that joins two names ('Khasan–Tumangang'); bilingual files, where TK601 compares the source with
    the target.

    Okay: The shock brigade (*tolgyŏktae*) built the road.
    Okay: The newly formed shock brigades (돌격대) built the road.
    Okay: His sister (김여정) issued the statement.
    Okay: The brigades (돌격대) moved north.
    TK203: The shock troops (*tolgyŏktae*) built the road.
    TK203: The elderly care centre (양로원) was rebuilt.
    TK203: Each 돌격대 (shock troops) worked in shifts.
    """
    if not doc.text or doc.bilingual:
        return
    memo = ctx.memo.setdefault("TK203", {})
    for g, s, e in _candidates(doc, ctx):
        phrase = doc.text[s:e]
        concepts = sorted(ctx.matcher.gloss_concepts(g.key))
        if not concepts or any(_accepted(ctx, concepts, p) for p in _recomposed(doc, ctx, s, e)):
            continue
        c = ctx.concept(concepts[0])
        if c.type in NAME_TYPES and not phrase[:1].isupper():
            continue
        good = memo.get(concepts[0])
        if good is None:
            good = memo[concepts[0]] = approved(c)
        if not good:
            continue
        yield finding(_located(g, doc.text, s, e), "TK203", "warning",
                      f"'{' '.join(phrase.split())}' is glossed as {label(c)}, which the glossary renders "
                      f"'{good[0]}': use it, or add the phrase to the glossary", c, good)
