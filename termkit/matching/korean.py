"""Korean-side matching keys: spacing, North/South spelling (initial-sound rule, sai-siot) and particles."""
from __future__ import annotations

import re
from functools import lru_cache

from .scan import may_hold, utf8_leads

_SBASE, _NV, _NT = 0xAC00, 21, 28
_L_N, _L_R, _L_NG = 2, 5, 11  # ㄴ ㄹ ㅇ
_IOTIC = {2, 6, 7, 12, 17, 20}  # ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ
_T_S = 19  # final ㅅ


def _initial_fold_table() -> dict[int, int]:
    """Fold each syllable to its South Korean initial-sound spelling: 로→노, 리→이, 력→역, 녀→여.

    North Korean orthography keeps ㄹ and ㄴ where the South's initial-sound rule changes them, and
    compounds keep them inside (조선로동당 / 조선노동당), so both sides are folded at every position.
    """
    table = {}
    for lead in (_L_N, _L_R):  # only syllables that begin with ㄴ or ㄹ change
        for rest in range(_NV * _NT):
            iotic = rest // _NT in _IOTIC
            new = _L_NG if iotic else _L_N if lead == _L_R else lead
            if new != lead:
                table[_SBASE + lead * _NV * _NT + rest] = _SBASE + new * _NV * _NT + rest
    return table


_FOLD_TABLE: dict[int, int] = {}  # filled on first use: an 11,172-entry table is not built at import
def _fold_table() -> dict[int, int]:
    if not _FOLD_TABLE:
        _FOLD_TABLE.update(_initial_fold_table())
    return _FOLD_TABLE


# Sai-siot: 숫자 (South) / 수자 (North). Drop a final ㅅ before a plain or tense stop or affricate.
_S_FINAL = "".join(chr(_SBASE + l * _NV * _NT + v * _NT + _T_S) for l in range(19) for v in range(21))
_STOP_INITIAL = "".join(f"{chr(_SBASE + l * _NV * _NT)}-{chr(_SBASE + (l + 1) * _NV * _NT - 1)}"
                        for l in (0, 1, 3, 4, 7, 8, 9, 10, 12, 13))  # ㄱㄲㄷㄸㅂㅃㅅㅆㅈㅉ, as ranges
_SAI_SIOT_PATTERN = f"[{_S_FINAL}](?=[{_STOP_INITIAL}])"
CJK_CLASS = "\uac00-\ud7a3\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RANGES = ((0xAC00, 0xD7A3), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))  # CJK_CLASS's
# A run of Hangul or hanja words (digits allowed: 5개년) joined by spaces, hyphens, middle dots or
# single line breaks; the joiners are left out of matching keys.
JOINERS = " \t\u00a0-\u2010\u2011\u00b7\u30fb.\u00d7"  # the full stop joins 2.8 (February 8), × joins 20×10
_J = re.escape(JOINERS)
_KOREAN_RUN_PATTERN = f"[{CJK_CLASS}0-9]+(?:[{_J}]*\\r?\\n?[{_J}]*[{CJK_CLASS}0-9]+)*"
# The same for text without hanja: a class of 11,172 code points compiles in a fifth of the time of
# one with the hanja blocks too (re builds a map of every code point in a class; a few milliseconds
# at each start otherwise).
HANGUL_CLASS = "\uac00-\ud7a3"
_HANGUL_RUN_PATTERN = _KOREAN_RUN_PATTERN.replace(CJK_CLASS, HANGUL_CLASS)
JOINER_RE = re.compile(f"[{_J}\\r\\n]+")



def canonical(text: str) -> str:
    """The matching key of Korean text: spaces removed, initial-sound rule and sai-siot folded."""
    t = JOINER_RE.sub("", text).translate(_fold_table())
    return _compiled(_SAI_SIOT_PATTERN).sub(lambda m: chr(ord(m.group()) - _T_S), t)


def canonical_same_length(text: str) -> str:
    """canonical() for text already free of spaces; keeps one character per character."""
    t = text.translate(_fold_table())
    return _compiled(_SAI_SIOT_PATTERN).sub(lambda m: chr(ord(m.group()) - _T_S), t)


# Particles and copula endings that may follow a noun; a term matches only if the rest of the
# word is made of these (so 양생원 does not match inside a longer noun).
PARTICLES = sorted(set("""
의 을 를 은 는 이 가 에 에서 에게 께 께서 한테 으로 로 으로서 로서 으로써 로써 와 과 도 만 까지 부터 보다
처럼 만큼 마다 조차 마저 뿐 밖에 이나 나 이나마 이든 든 이란 란 이라 라 이라는 라는 이라고 라고 이라며 라며
이다 다 이며 며 이고 고 이자 자 였다 이었다 였고 이었고 였으며 이었으며 인 일 임 입니다 이었던 였던 이던 던
이므로 므로 이지만 지만 이어서 여서 이기 기 이라서 라서 에의 에서의 으로의 로의 과의 와의 에는 에서는 으로는
로는 과는 와는 에도 에서도 으로도 로도 과도 와도 에만 들 상 내 간 측 등 및 이라면 라면 이면 면
하 하는 한 할 하여 해 했다 했으며 하고 하며 된 되는 되어 됐다 되고 되며 시키는 시켜 시킨
""".split()), key=len, reverse=True)
_PARTICLE_TAIL_PATTERN = f"(?:{'|'.join(PARTICLES)}){{0,4}}"


@lru_cache(maxsize=None)
def _compiled(pattern: str) -> re.Pattern:
    """Compile on first use: these large patterns cost milliseconds and most English texts hold no Hangul."""
    return re.compile(pattern)


_CJK_PATTERN = f"[{CJK_CLASS}]"
_HANGUL_PATTERN = f"[{HANGUL_CLASS}]"


def has_hanja(text: str) -> bool:
    """Whether text holds a hanja (U+3400–U+9FFF, U+F900–U+FAFF): its UTF-8 lead bytes, found by memchr."""
    if text.isascii():
        return False
    data = text.encode("utf-8", "surrogatepass")
    if any(lead in data for lead in range(0xE4, 0xEA)):
        return True
    for lead, low, high in ((0xE3, 0x90, 0xBF), (0xEF, 0xA4, 0xAB)):  # E3 and EF lead other blocks too
        i = data.find(lead)
        while i >= 0:
            if i + 1 < len(data) and low <= data[i + 1] <= high:
                return True
            i = data.find(lead, i + 1)
    return False


_CJK_LEADS = utf8_leads(*CJK_RANGES)
SMALL_TEXT = 65_536  # characters: until this many, text without hanja is matched with the Hangul-only patterns
_RUN_LEAD = frozenset("0123456789" + JOINERS + "\r\n")


class KoreanRuns:
    """Finds runs of Hangul or hanja words; one per run of a matcher (it remembers how much text it saw).

    Found from their first Hangul or hanja character (a one-class scan, fast over English text);
    the run is then matched from the digits and joiners just before it (5개년), so a run of digits
    alone is never a run. Small runs of Hangul-only text use patterns that compile faster; once a
    run has seen 64K characters, or a text with hanja, the full patterns (compiled once per process)
    serve every later text, so a bilingual file's rows need no hanja test each. Both give the same runs.
    """

    def __init__(self):
        self.seen = 0  # characters given so far
        self.full = False  # the full patterns are in use

    def __call__(self, text: str):
        if not may_hold(text, _CJK_LEADS):  # English text: no Hangul or hanja seed can be there
            return
        self.seen += len(text)
        if self.full or self.seen >= SMALL_TEXT or has_hanja(text):
            run, cjk = _compiled(_KOREAN_RUN_PATTERN), _compiled(_CJK_PATTERN)
            self.full = True
        else:
            run, cjk = _compiled(_HANGUL_RUN_PATTERN), _compiled(_HANGUL_PATTERN)
        pos = 0
        while (seed := cjk.search(text, pos)) is not None:
            start = seed.start()
            while start > pos and text[start - 1] in _RUN_LEAD:
                start -= 1
            m = None
            while start < seed.start():  # the first digit whose run reaches the word (not a joiner)
                if "0" <= text[start] <= "9":
                    m = run.match(text, start)
                    if m.end() > seed.start():
                        break
                    start = m.end()
                    m = None
                else:
                    start += 1
            if m is None:
                m = run.match(text, seed.start())
            yield m
            pos = m.end()


def is_particle_tail(rest: str) -> bool:
    """True if the rest of a word after a term is empty or a chain of particles and endings."""
    return _compiled(_PARTICLE_TAIL_PATTERN).fullmatch(rest) is not None
