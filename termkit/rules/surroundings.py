"""What the text around a hit says: part of a longer name, a mention, a cited source, a system label, a cue."""
from __future__ import annotations

import re

from ..matching import fold_key

# Rules see hits; these read the segment's raw text around one, and only for a hit that would
# otherwise be reported (or counted), so their cost is per finding, not per hit.

WINDOW = 80  # characters looked at on either side of a hit


class _lazy:
    """A pattern compiled when first used: a run with one finding needs two or three of these, and
    compiling all of them would add some milliseconds to every pre-commit check that reports."""

    __slots__ = ("args", "_compiled")

    def __init__(self, *args):
        self.args, self._compiled = args, None

    def __getattr__(self, name):  # search, match, finditer, findall
        if self._compiled is None:
            self._compiled = re.compile(*self.args)
        return getattr(self._compiled, name)

# A modifier that makes a title another office: vice-president, first vice-president, deputy director.
_PREFIX = _lazy(r"(?i)(?<![\w-])(?:vice|deputy|acting|honorary|former|ex)(?:[ \t]*[-\u2010\u2011][ \t]*|\s+)$")
# Capitalised words right after a form (same line or wrapped), at most four.
_CAPITALISED_RUN = _lazy(r"[ \t]*\r?\n?[ \t]*((?:[A-Z][\w'\u2019-]*[ \t]+){0,3}[A-Z][\w'\u2019-]*)")

_CLOSE = {"\"": "\"", "\u201c": "\u201d", "\u2018": "\u2019", "\u00ab": "\u00bb", "'": "'", "*": "*", "_": "_"}
# Words that introduce a quoted or italic form as a mention: 'usually translated as "self-reliance"'. Not
# 'the term *X*' or 'what the plan calls *X*': a text uses its terms that way too.
_TRIGGER = _lazy(
    r"(?i)(?:\b(?:translat|render|romani[sz]|transliterat|spel|writ|gloss|term|mistranslat|misrender|describ|"
    r"label|known|referr?\w*\s+to)\w*\s+(?:\w+\s+)?as|"
    r"\b(?:so[- ])?called|\bcall(?:s|ed|ing)?\s+(?:it|them|this|that)|\bdubbed|"
    r"\bliterally(?:\s+(?:meaning|means|translated\s+as|rendered\s+as))?|"
    r"\bas\s+opposed\s+to|\brather\s+than|\binstead\s+of)"
    r"(?:\s+(?:the|a|an))?[\s,:]*(?:\*\*|__)?$")
# An opening quotation mark or emphasis (not an apostrophe inside a word), then at most six words before the form;
# after it, at most six more words and the closing mark.
_QUOTE_OPEN = _lazy(r"(?<![\w\"\u201c\u2018'*_])(?P<mark>[\"\u201c\u2018\u00ab'*_]+)"
                         r"(?:[\w'\u2019,-]+[ \t]+){0,6}$")
_QUOTE_REST = r"[\w'\u2019-]*(?:[ \t]+[\w'\u2019,-]+){0,6}?[.,;:!?]?"
_ALIAS_OPEN = _lazy(
    r"(?i)\(\s*(?:(?:also|or|formerly|previously|once|officially|sometimes|often|earlier)\s+)?"
    r"(?:(?:called|known\s+as|translated\s+as|rendered\s+as|aka|a\.k\.a\.|i\.e\.,?|e\.g\.,?)\s+)?"
    r"(?:the\s+)?[\"\u201c\u2018'*_]*$")
# Words that give a thing's name: 'known as', 'referred to as', 'also called', 'dubbed', 'nicknamed'.
_NAMING_WORDS = (r"(?i)\b(?:(?:known|referr?ed[ \t]+to|identified)[ \t]+as|(?:also[ \t]+|so[- ])?called|"
                 r"dubbed|nicknamed)[ \t]+(?:the[ \t]+)?")
_NAMING = _lazy(_NAMING_WORDS + r"[\"\u201c\u2018'*_]*$")
_NAMING_LIST = _lazy(_NAMING_WORDS + r"[\"\u201c\u2018'*_]*(?P<alt>[^,;.()\n\"\u201c\u201d]{1,80}?)"
                     r"[\"\u201d\u2019'*_]*(?:,[ \t]*|[ \t]+)(?:or|and)?[ \t]*(?:the[ \t]+)?[\"\u201c\u2018'*_]*$")
_ALIAS_CLOSE = _lazy(r"[\"\u201d\u2019'*_]*\s*\)")
# An explicit label of a romanization system just before or after a form: 'McCune–Reischauer: Chosŏn'.
_LABEL = (r"(?:[Mm]c[Cc]une[\s\-\u2010\u2011\u2013\u2014]*[Rr]eischauer|\bMR\b|\bRR\b|[Rr]evised\s+[Rr]omani[sz]ation|"
          r"\bYale\b|\bDPRK\s+(?:romani[sz]ation|system)\b)")
_LABEL_BEFORE = _lazy(_LABEL + r"(?:\s+(?:romani[sz]ation|spelling|form|system))?"
                           r"(?:\s*[:,]|\s+as|\s+is|\s+gives|\s+writes|\s+spells\s+it)*[\s*_\"\u201c\u2018'(\[:,]*$")
_LABEL_AFTER = _lazy(r"[*_\"\u201d\u2019']*\s*[(\[,;]\s*" + _LABEL)
_CAPITALISED_BEFORE = _lazy(r"(?<![\w'\u2019-])[A-Z][\w'\u2019-]*(?:\s+(?:of|on|for|and|the|a|an|to|in))*\s+$")
_YEAR = _lazy(r"(?<![\w-])(1[89][0-9]{2}|20[0-9]{2})(?![\w-])")
# A full stop, ! or ? (closing quotes, brackets and reference marks such as [12] may follow) before a capital.
_SENTENCE_END = _lazy(r"[.!?](?:\[[0-9a-z]{1,4}\])*[\"\u201d\u2019')\]]*\s+(?=[\"\u201c\u2018(\[*_]*[A-Z0-9])"
                           r"|\n[ \t]*\n|\x00")


# A reference list's entry opens its line with a note number ('[12] ', or '^ ' as a copied reference list
# has it). Not a Markdown footnote ('[^3]: '): those are the text's own notes, often explanatory prose
# that a translator wrote, and stay checked.
_REFERENCE_ENTRY = _lazy(r"[ \t>*_-]*(?:\[[0-9]{1,4}\]|\^)[ \t]")
# A bibliography entry without a note number: the line (a list item or not) opens with 'Surname, Given'
# (several authors joined by 'and', '&', 'et' or commas) and gives the year in parentheses before the
# title — 'Ri, Chol-min and Smith, Anna (2011) Title …'. Only the text after the year is the source's.
_BIBLIOGRAPHY_ENTRY = _lazy(r"[ \t>*_-]*[A-Z][\w'\u2019-]*,[ \t]+[A-Z][^\n()]{0,120}?"
                            r"\((?:1[89][0-9]{2}|20[0-9]{2})[a-z]?\)")
# A caption's or table's source line: 'Source:' (capitalised, as a label is written) and what follows it.
_SOURCE_LABEL = _lazy(r"(?<![\w])Sources?:[ \t]")
# Words that English titles leave in lower case; every other word of a quoted title is capitalised.
_TITLE_SMALL = frozenset("""a an the and or nor but yet so of on in at to for by with from as via into onto over
under upon about after before since until through across against among between within without per vs""".split())
_TITLE_WORD = _lazy(r"[^\W\d_][\w'\u2019-]*")
_QUOTES = {"\u201c": "\u201d", "\"": "\""}


def cited_source(text: str, hit) -> str | None:
    """Where a form belongs to a cited source, which keeps its own spelling: None when it does not.

    - 'reference': the line is an entry of a reference list ('[62] … *Kim Il Sung: The North Korean
      Leader* …', '^ …', or 'Surname, Given (2007) Title …' after the year) or follows a 'Source:'
      label (a figure's or table's source line);
    - 'title': the form is inside a quoted title — double quotation marks around at least two more
      words than the form, every word capitalised but the small ones English titles keep in lower
      case ('the song "Song of General Kim Il Sung"'). A quoted sentence is no title and stays a use;
    - 'URL': the form is part of a web address.
    An author writing about a source repeats its title, its URL and its authors' spelling; changing
    them would misquote the source, so the rules that judge a rendering choice leave them alone.
    """
    line_start = text.rfind("\n", 0, hit.start) + 1
    if _REFERENCE_ENTRY.match(text, line_start) or 0 <= _source_label_end(text, line_start) <= hit.start:
        return "reference"
    m = _BIBLIOGRAPHY_ENTRY.match(text, line_start)
    if m and m.end() <= hit.start:
        return "reference"
    if _in_url(text, hit.start):
        return "URL"
    if _in_quoted_title(text, hit, line_start):
        return "title"
    return None


_LABELS: list = [None, {}]  # the last text looked at, and per line start where its first 'Source:' label ends


def _source_label_end(text: str, line_start: int) -> int:
    """Where the line's first 'Source:' label ends (-1 if it has none), searched once per line.

    Searching from the line's start to each hit instead costs a line's length per hit: a long line
    with many hits (a table's row, a text without line breaks) took time quadratic in its length.
    """
    if _LABELS[0] is not text:
        _LABELS[0], _LABELS[1] = text, {}
    memo = _LABELS[1]
    end = memo.get(line_start)
    if end is None:
        line_end = text.find("\n", line_start)
        m = _SOURCE_LABEL.search(text, line_start, line_end if line_end >= 0 else len(text))
        end = memo[line_start] = m.end() if m else -1
    return end


def _in_url(text: str, start: int) -> bool:
    """Whether the character at `start` is inside a web address (a token with '://' or opening 'www.')."""
    lo = max(0, start - 300)
    token_start = max(text.rfind(ch, lo, start) for ch in " \t\n(<[") + 1
    token = text[max(lo, token_start):start]
    return "://" in token or token.startswith("www.")


def _in_quoted_title(text: str, hit, line_start: int) -> bool:
    words = _quoted_words(text, hit, line_start)
    if words is None or len(words) < 2:
        return False  # a quoted name ('the so-called "Korean Workers' Party"') is no title
    return all(w[0].isupper() for w in words if w.casefold() not in _TITLE_SMALL)


def _quoted_words(text: str, hit, line_start: int) -> list[str] | None:
    """The other words of the double-quoted stretch (on one line) that holds the hit; None outside one."""
    left = text[max(line_start, hit.start - 300):hit.start]
    opened = max(left.rfind("\u201c"), left.rfind("\""))
    if opened < 0:
        return None
    mark = left[opened]
    close = _QUOTES[mark]
    if mark == "\"" and left.count("\"") % 2 == 0:
        return None  # that straight quote closed an earlier quotation
    if mark == "\u201c" and "\u201d" in left[opened:]:
        return None
    end = text.find(close, hit.end, hit.end + 300)
    if end < 0 or "\n" in text[hit.end:end]:
        return None
    return _TITLE_WORD.findall(left[opened + 1:] + text[hit.end:end])


def quoted_passage(text: str, hit) -> bool:
    """A form inside a quotation of someone's words: double quotation marks around three more words or more.

    ('… stated that the country's "status as a nuclear weapons state has become irreversible"'). A
    quoted term alone ('the "nuclear weapons state"') is not a passage.
    """
    words = _quoted_words(text, hit, text.rfind("\n", 0, hit.start) + 1)
    return words is not None and len(words) >= 3


def before(text: str, hit) -> str:
    return text[max(0, hit.start - WINDOW):hit.start]


def after(text: str, hit) -> str:
    return text[hit.end:hit.end + WINDOW]


def prefixed_title(text: str, hit) -> bool:
    """vice-, first vice-, deputy, acting, honorary, former (hyphenated or spaced) right before the form."""
    return bool(_PREFIX.search(before(text, hit)))


def extended_name(text: str, hit, heads: frozenset) -> bool:
    """A capitalised form followed by capitalised words ending in a head word of the glossary's names.

    'Supreme People's Assembly Standing Committee' holds the assembly's name but is the committee;
    a name after a title ('… Commission Kim Jong Un') ends in no head word and leaves the form alone.
    """
    if not hit.found[:1].isupper():
        return False
    m = _CAPITALISED_RUN.match(text, hit.end)
    if not m:
        return False
    return any(w.rstrip("'\u2019").removesuffix("'s").removesuffix("\u2019s").casefold() in heads
               for w in m.group(1).split())


def quoted_mention(text: str, hit) -> bool:
    """A form in quotation marks or italics introduced by 'translated as', 'called', 'literally' …

    The quotation may hold a few more words than the form (a quoted title: 'known as the "Ten
    Principles of the One-Ideology System"').
    """
    left = before(text, hit)
    m = _QUOTE_OPEN.search(left)
    if not m:
        return False
    close = _CLOSE[m.group("mark")[0]]
    if not re.match(_QUOTE_REST + re.escape(close), after(text, hit)):
        return False
    return bool(_TRIGGER.search(left[:m.start("mark")]))


# A form that a sentence defines or reports as someone's description, unquoted: 'economists define
# self-sufficiency as …', 'reporters describe the trade as a black market'. The words between the
# verb and 'as' stay within the clause (no full stop, colon or semicolon).
_DESCRIBED = _lazy(r"(?i)\b(?:describ(?:e|es|ed|ing)|label(?:s|l?ed|l?ing)?|characteri[sz](?:e|es|ed|ing))\b"
                   r"[^.;:!?\n]{0,80}?\bas[ \t]+(?:an?[ \t]+|the[ \t]+)?$")
_DEFINED = _lazy(r"(?i)\bdefin(?:e|es|ed|ing)[ \t]+(?:the[ \t]+(?:term[ \t]+|word[ \t]+)?)?$")


def described_mention(text: str, hit) -> bool:
    """A form given as someone's description ('describe X as a black market') or as the term a sentence
    defines ('define self-sufficiency as …'), quoted or not: the text is about the word, not using it."""
    left = before(text, hit)
    return bool(_DEFINED.search(left) or _DESCRIBED.search(left))


def capitalised_name(text: str, hit) -> bool:
    """A common noun capitalised inside a longer proper name ('… Law on Consolidating Position of Nuclear
    Weapons State'): the form comes right after a capitalised word (connectors allowed) within a sentence."""
    if not hit.found[:1].isupper():
        return False
    left = before(text, hit)
    m = _CAPITALISED_BEFORE.search(left)
    if not m:
        return False
    pre = left[:m.start()].rstrip(" \t*_\"\u201c\u2018(")
    return bool(pre) and pre[-1] not in ".!?:;\n"  # a sentence's or line's first word is no evidence


def sentence_years(text: str, hit) -> list[int]:
    """The years (1800–2099) written in the hit's sentence, outside the hit."""
    s, e = sentence(text, hit)
    return [int(y) for part in (text[s:hit.start], text[hit.end:e]) for y in _YEAR.findall(part)]


def parenthetical_alias(text: str, hit, forms) -> bool:
    """A form in parentheses right after another rendering of the same concept: 'X (formerly Y)'.

    `forms` gives the concept's folded renderings when called (only a hit in parentheses needs them).
    """
    left = before(text, hit)
    m = _ALIAS_OPEN.search(left) if "(" in left else None
    if not m or not _ALIAS_CLOSE.match(text, hit.end):
        return False
    outside = fold_key(left[:m.start()])
    return any(outside.endswith(f) or outside.endswith(f + "s") for f in forms())


def named_alias(text: str, hit, forms) -> bool:
    """A form given as a name right after 'known as', 'referred to as', 'called' …, alone or as one of a
    list of the concept's renderings ('commonly referred to as X or Y'): the author lists the names the
    thing goes by, which is no rendering choice.

    `forms` gives the concept's folded renderings when called (only a listed alternative needs them).
    """
    left = before(text, hit)
    if _NAMING.search(left):
        return True
    m = _NAMING_LIST.search(left)
    return bool(m) and fold_key(m.group("alt")) in set(forms())


def system_label(text: str, hit) -> bool:
    """A romanized form labelled with its system ('McCune–Reischauer: Chosŏn', 'Joseon (RR)'): a mention."""
    return bool(_LABEL_BEFORE.search(before(text, hit)) or _LABEL_AFTER.match(text, hit.end))


def sentence(text: str, hit) -> tuple[int, int]:
    """The bounds of the sentence around a hit (a full stop, ! or ? before a capital, or a blank line)."""
    lo = start = max(0, hit.start - 600)  # a longer sentence is cut: cues and years are near the form
    for m in _SENTENCE_END.finditer(text, lo, hit.start):
        start = m.end()
    m = _SENTENCE_END.search(text, hit.end, hit.end + 600)
    return start, (m.start() + 1 if m else min(len(text), hit.end + 600))


_BLANK_LINE = _lazy(r"\n[ \t]*\n")


def paragraph(text: str, hit, reach: int = 2000) -> tuple[int, int]:
    """The bounds of the paragraph around a hit: between blank lines, at most `reach` characters each way."""
    lo, hi = max(0, hit.start - reach), min(len(text), hit.end + reach)
    start = lo
    for m in _BLANK_LINE.finditer(text, lo, hit.start):
        start = m.end()
    m = _BLANK_LINE.search(text, hit.end, hi)
    return start, (m.start() if m else hi)


def cue_in_sentence(text: str, hit, cues) -> str | None:
    """The first of a concept's context cues that stands in the hit's sentence (outside the hit), if any."""
    if not cues or not text:
        return None
    s, e = sentence(text, hit)
    around = " " + fold_key(text[s:hit.start]) + " | " + fold_key(text[hit.end:e]) + " "
    for cue in cues:
        if re.search(r"(?<![\w])" + re.escape(fold_key(cue)) + r"(?![\w])", around):
            return cue
    return None


def next_sentence_end(text: str, at: int) -> int:
    """Where the sentence after the one holding offset `at` ends: a gloss there still explains a form."""
    end = at
    for _ in range(2):
        m = _SENTENCE_END.search(text, end, end + 600)
        if not m:
            return min(len(text), end + 600)
        end = m.end()
    return end
