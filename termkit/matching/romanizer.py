"""Romanize Hangul: McCune–Reischauer (ALA-LC style), its ASCII fold, Revised Romanization, DPRK name style."""
from __future__ import annotations

import re

SYSTEMS = ("mr", "mr-ascii", "rr", "dprk")

# Unicode arithmetic: syllable = 0xAC00 + (lead * 21 + vowel) * 28 + tail.
_SBASE, _NV, _NT = 0xAC00, 21, 28
_HANGUL_RUN = re.compile("[\uac00-\ud7a3]+")

# Lead consonants ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ as sounds before the system-specific spelling.
# Lower-case g d b j are lax and take their voicing from the context; G D B J are lax stops made
# tense (by a preceding cluster as in 앉다, 굶다, or by the words below), so MR never voices them.
_ONSET = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch'", "k'", "t'", "p'",
          "h")
_L_G, _L_N, _L_D, _L_R, _L_M, _L_B, _L_S, _L_NG, _L_J, _L_H = 0, 2, 3, 5, 6, 7, 9, 11, 12, 18

# Tails, in Unicode order: none ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ; 28 is ㄼ of 밟-, which
# ALA-LC (and standard pronunciation) treats as ㅂ before a consonant.
(_T_NONE, _T_G, _T_GG, _T_GS, _T_N, _T_NJ, _T_NH, _T_D, _T_L, _T_LG, _T_LM, _T_LB, _T_LS, _T_LT, _T_LP,
 _T_LH, _T_M, _T_B, _T_BS, _T_S, _T_SS, _T_NG, _T_J, _T_CH, _T_K, _T_T, _T_P, _T_H, _T_LB_P) = range(29)
# The tail as heard before a consonant or at the end of a word (final neutralisation).
_NEUTRAL = ("", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p",
            "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t", "p")
# The tail before a vowel-initial syllable: what stays, and what moves over as the next onset.
_LIAISON = (("", ""), ("", "g"), ("", "kk"), ("k", "s"), ("", "n"), ("n", "j"), ("", "n"), ("", "d"),
            ("", "r"), ("l", "g"), ("l", "m"), ("l", "b"), ("l", "s"), ("l", "t'"), ("l", "p'"),
            ("", "r"), ("", "m"), ("", "b"), ("p", "s"), ("", "s"), ("", "ss"), ("ng", ""), ("", "j"),
            ("", "ch'"), ("", "k'"), ("", "t'"), ("", "p'"), ("", ""), ("l", "b"))
# Verb-stem clusters make a following plain stop tense (맑게 malke, 얹다 ŏnta): MR must not voice it.
_TENSING = frozenset((_T_GS, _T_NJ, _T_LG, _T_LM, _T_LB, _T_LS, _T_LT, _T_LP, _T_BS, _T_LB_P))
_LAX = {"g": "G", "d": "D", "b": "B", "j": "J"}
_ASPIRATED = {_L_G: "k'", _L_D: "t'", _L_J: "ch'"}
_H_TAILS = {_T_H: "", _T_NH: "n", _T_LH: "l"}  # tails that aspirate a following ㄱㄷㅈ (좋고, 않다, 싫다)
_V_I = 20  # ㅣ: palatalises a preceding ㄷ/ㅌ (같이 kach'i, 굳히다 kuch'ida)

# Standard pronunciation reads ㄴ+ㄹ as nn, not ll, where ㄹ opens a suffix added to a noun ending in
# ㄴ (의견란, 생산량, 결단력, 음운론, 입원료, 상견례, 신문로). The Hangul cannot show the morpheme
# boundary, so this approximates it: a word of three or more syllables whose last syllable is one of
# these suffixes. Two-syllable words keep ll (선량 sŏllyang, 권력, 진리 chilli).
_NN_SUFFIXES = frozenset("란량력론료례로류")
# Tensification that spelling does not show but ALA-LC writes (it romanizes the dictionary
# pronunciation): the law suffix -법 [뻡] (형법 hyŏngpŏp, 헌법 hŏnpŏp, but 방법 pangbŏp) and a few
# common Sino-Korean words (평가 p'yŏngka, 물가 mulka). RR never shows tensification.
_TENSE_PAIRS = frozenset(("평가", "물가"))
_UNTENSED_BEOP = frozenset(("방법", "불법"))

_MR_VOWELS = ("a", "ae", "ya", "yae", "ŏ", "e", "yŏ", "ye", "o", "wa", "wae", "oe", "yo", "u", "wŏ",
              "we", "wi", "yu", "ŭ", "ŭi", "i")
_RR_VOWELS = ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo",
              "we", "wi", "yu", "eu", "ui", "i")
_DPRK_VOWELS = ("a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo",
                "we", "wi", "yu", "u", "ui", "i")
_V_E, _V_WI = 5, 16
_V_BEFORE_E_DIAERESIS = frozenset((0, 8))  # 아에 aë, 오에 oë, so they do not read as ㅐ ae / ㅚ oe

_MR_ONSET = {"G": "k", "D": "t", "B": "p", "J": "ch", "g": "k", "d": "t", "b": "p", "j": "ch", "jj": "tch"}
_MR_VOICED = {"g": "g", "d": "d", "b": "b", "j": "j"}
_RR_ONSET = {"G": "g", "D": "d", "B": "b", "J": "j", "ch'": "ch", "k'": "k", "t'": "t", "p'": "p"}
_ASCII_FOLD = str.maketrans({"ŏ": "o", "ŭ": "u", "Ŏ": "O", "Ŭ": "U", "ë": "e", "'": None})


def _decompose(word: str) -> list[tuple[int, int, int]]:
    out = []
    for ch in word:
        code = ord(ch) - _SBASE
        lead, rest = divmod(code, _NV * _NT)
        vowel, tail = divmod(rest, _NT)
        if ch == "밟":
            tail = _T_LB_P
        out.append((lead, vowel, tail))
    return out


def _boundary(tail: int, lead: int, vowel: int, nn_suffix: bool, rr: bool) -> tuple[str, str]:
    """The tail of one syllable and the onset of the next, as pronounced across their boundary."""
    if lead == _L_NG:
        if vowel == _V_I and tail in (_T_D, _T_T, _T_LT):  # palatalisation: 해돋이 haedoji, 같이
            return ("l" if tail == _T_LT else "", "j" if tail == _T_D else "ch'")
        return _LIAISON[tail]
    if lead == _L_H:
        if tail in (_T_G, _T_GG, _T_K, _T_GS, _T_LG):
            return "k", "h"  # MR and RR (nouns) keep kh: 학회 hakhoe, 묵호 Mukho
        if tail in (_T_B, _T_P, _T_BS, _T_LP, _T_LB_P):
            return "p", "h"  # 집현전 Jiphyeonjeon
        if tail == _T_D:
            return ("", "ch'") if vowel == _V_I else ("t", "h")
        if tail in (_T_S, _T_SS, _T_T):
            # MR writes the stop and h (못하다 mothada); RR writes the aspirate, since its noun
            # exception covers only ㄱㄷㅂ before ㅎ.
            return ("", "t'") if rr else ("t", "h")
        if tail in (_T_J, _T_CH):
            return "", "ch'"  # 맞히다 mach'ida
        if tail == _T_NJ:
            return "n", "ch'"
        if tail in (_T_H, _T_NONE):
            return "", "h"
        return _NEUTRAL[tail], "h"
    if tail in _H_TAILS:
        rest = _H_TAILS[tail]
        if lead in _ASPIRATED:
            return rest, _ASPIRATED[lead]
        if lead == _L_N:
            return ("l", "l") if tail == _T_LH else ("n", "n")  # 놓는 nonnŭn, 싫네 sille
        if lead == _L_S:
            return rest, "s"
    coda = _NEUTRAL[tail]
    if tail == _T_LG and lead == _L_G:
        coda = "l"  # 맑게 malke
    if lead == _L_N:
        return {"k": ("ng", "n"), "p": ("m", "n"), "t": ("n", "n"), "l": ("l", "l")}.get(coda, (coda, "n"))
    if lead == _L_M:
        return {"k": ("ng", "m"), "p": ("m", "m"), "t": ("n", "m")}.get(coda, (coda, "m"))
    if lead == _L_R:
        if coda == "":
            return "", "r"
        if coda == "l":
            return "l", "l"
        if coda == "n":
            return ("n", "n") if nn_suffix else ("l", "l")  # 신라 silla, 천리마 ch'ŏllima
        # Nasalisation: 국민-type ㄱ+ㄹ → ngn, 십리 simni, 종로 chongno, 금리.
        return {"k": "ng", "p": "m", "t": "n"}.get(coda, coda), "n"
    onset = _ONSET[lead]
    if tail in _TENSING and onset in _LAX:
        onset = _LAX[onset]
    return coda, onset


def _segments(word: str, rr: bool) -> list[tuple[str, int, str]]:
    """(onset, vowel index, coda) for each syllable of one word, after the sound changes."""
    sylls = _decompose(word)
    n = len(sylls)
    onsets = [_ONSET[sylls[0][0]]]
    codas = []
    for i in range(n - 1):
        tail = sylls[i][2]
        lead, vowel = sylls[i + 1][0], sylls[i + 1][1]
        nn = n >= 3 and i == n - 2 and word[-1] in _NN_SUFFIXES
        coda, onset = _boundary(tail, lead, vowel, nn, rr)
        if onset in _LAX and (word[i:i + 2] in _TENSE_PAIRS or (
                i == n - 2 and word[-1] == "법" and word[-2:] not in _UNTENSED_BEOP)):
            onset = _LAX[onset]
        codas.append(coda)
        onsets.append(onset)
    codas.append(_NEUTRAL[sylls[-1][2]])
    return [(onsets[i], sylls[i][1], codas[i]) for i in range(n)]


def _mr_word(word: str) -> str:
    out = []
    prev_coda, prev_vowel, prev_open = None, None, False
    for onset, vowel, coda in _segments(word, rr=False):
        if onset in _MR_VOICED and prev_coda is not None and (
                prev_coda in ("", "n", "m", "ng") or (prev_coda == "l" and onset in ("g", "b"))):
            # Voicing between voiced sounds; ㄹ before ㄷ/ㅈ stays lt/lch, as in the Sino-Korean
            # vocabulary that dominates these texts (일등 iltŭng, 결단력 kyŏltannyŏk).
            text = _MR_VOICED[onset]
        else:
            text = _MR_ONSET.get(onset, onset)
        if prev_coda == "n" and text.startswith("g"):
            text = "'" + text  # 선군 sŏn'gun, not sŏngun (성운)
        elif prev_coda == "l" and text == "h" and out:
            out[-1] = out[-1][:-1] + "r"  # 발해 Parhae, 실험 sirhŏm
        elif prev_coda and text == prev_coda * 2:
            # A stop before its own tense partner is one long consonant: 민족끼리 minjokkiri, not
            # minjokkkiri. (RR keeps its letter-by-letter k + kk.)
            out[-1] = out[-1][:-1]
        if onset == "s" and vowel == _V_WI:
            text = "sh"  # 쉬 shwi
        v = _MR_VOWELS[vowel]
        if vowel == _V_E and onset == "" and prev_open and prev_vowel in _V_BEFORE_E_DIAERESIS:
            v = "ë"
        out.append(text + v + coda)
        prev_coda, prev_vowel, prev_open = coda, vowel, coda == ""
    return "".join(out)


def _rr_word(word: str) -> str:
    return "".join(_RR_ONSET.get(o, o) + _RR_VOWELS[v] + c for o, v, c in _segments(word, rr=True))


# DPRK name forms (the 1992 system as KCNA's English prints names, without its breves). Each
# syllable is romanized on its own; the given name's first syllable takes the voiceless letter
# (Pak Pong Ju, Kim Tok Hun), later ones the voiced g/d/b (the system's Pak Tong Gu; KCNA's Ri Man
# Gon, Ju Chol Gyu, Ri Chol Bong).
# Not verified, and so left to the plain rule: (1) the system voices only after a vowel or a
# resonant; KCNA's Kim Rak Gyom (UPI, Yonhap) is the one obstruent-final case found, and it is
# voiced, so voicing is applied after every final; (2) the 2012 revision reportedly writes ㅚ as oi,
# but KCNA still prints Choe, so oe is kept; (3) older KCNA items voice a first syllable (Ri Gil
# Song, 1998) or write 태 as Tae (Pak Tae Hwa) and 성 as Sung (Sung Sang Sop), not followed here;
# (4) native given names written as one word (Kim Kkotpuni) cannot be told from Sino-Korean ones and
# are split like them; (5) two-syllable surnames (남궁, 황보, 선우) are not recognised.
_DPRK_LEAD = ("k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch", "kh", "th",
              "ph", "h")
_DPRK_VOICED = {0: "g", 3: "d", 7: "b"}
_DPRK_TAIL = ("", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
              "t", "t", "ng", "t", "t", "k", "t", "p", "t", "p")
# Surnames the syllable rule would get wrong. 李 is always 리 in North Korean spelling, so a 이 can
# only be the South Korean spelling of Ri. 노, 양, 임 and 유 are kept as written: North Korea writes
# them as distinct surnames (No Kwang Chol 노광철, Yang Hyong Sop 양형섭, Im Chol Ung 임철웅 in KCNA).
_DPRK_SURNAMES = {"이": "Ri"}
# A spelling fixed by the regime that no rule produces (성 is Song elsewhere: Pak Song Chol).
_DPRK_FIXED = {"김일성": "Kim Il Sung"}


def _dprk_syllable(ch: str, voiced: bool) -> str:
    lead, rest = divmod(ord(ch) - _SBASE, _NV * _NT)
    vowel, tail = divmod(rest, _NT)
    initial = _DPRK_VOICED.get(lead, _DPRK_LEAD[lead]) if voiced else _DPRK_LEAD[lead]
    return (initial + _DPRK_VOWELS[vowel] + _DPRK_TAIL[tail]).capitalize()


def _dprk_word(word: str) -> str:
    if word in _DPRK_FIXED:
        return _DPRK_FIXED[word]
    parts = [_DPRK_SURNAMES.get(word[0]) or _dprk_syllable(word[0], False)]
    parts += [_dprk_syllable(ch, i > 0) for i, ch in enumerate(word[1:])]
    return " ".join(parts)


def _mr_ascii_word(word: str) -> str:
    return _mr_word(word).translate(_ASCII_FOLD)


_WORD_FUNCS = {"mr": _mr_word, "mr-ascii": _mr_ascii_word, "rr": _rr_word, "dprk": _dprk_word}


def romanize(text: str, system: str) -> str:
    """Romanize each run of Hangul syllables in text; everything else passes through unchanged.

    A run is a word: sound changes apply inside it, never across a space or other character, so a
    compound written as one word (내각총리) is romanized as one (naegakch'ongni). For "dprk" each run
    is read as a personal name: surname, then each given-name syllable as its own word.
    """
    try:
        func = _WORD_FUNCS[system]
    except (KeyError, TypeError):
        raise ValueError(f"unknown romanization system {system!r}; "
                         f"choose one of {', '.join(SYSTEMS)}") from None
    return _HANGUL_RUN.sub(lambda m: func(m.group()), text)


def fold_mr(text: str) -> str:
    """MR without diacritics or apostrophes: ŏ→o, ŭ→u, ë→e, ch'ŏllima→chollima, sŏn'gun→songun."""
    return text.translate(_ASCII_FOLD)


def stored_form_matches(ko: str, stored: str, system: str) -> bool:
    """Whether a stored romanization is what this romanizer makes of some word division of the Hangul.

    The glossary divides words (and hyphenates names and jurisdictions) as ALA-LC and RR do, while
    the romanizer divides only where it is given spaces. MR hyphens join (ALA-LC keeps sound changes
    across them, and a hyphen between n and g does the apostrophe's work: Man-gŏn = man'gŏn); RR
    hyphens divide (no sound change across a given-name or jurisdiction hyphen: Inwang-ri).
    """
    import itertools

    syllables = re.sub("[^\uac00-\ud7a3]", "", ko)  # 황금평·위화도: the dot divides like a space
    text = stored.lower()
    text = text.replace("n-g", "n'g").replace("-", "") if system == "mr" else text.replace("-", " ")
    words = text.split()
    if not 0 < len(words) <= len(syllables):
        return False
    for cuts in itertools.combinations(range(1, len(syllables)), len(words) - 1):
        parts = [syllables[a:b] for a, b in zip((0,) + cuts, cuts + (len(syllables),))]
        if [romanize(part, system) for part in parts] == words:
            return True
    return False
