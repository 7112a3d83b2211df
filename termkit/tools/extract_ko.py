"""The Korean side of `extract`: words, stems, candidate spans and their filters.

A Korean word (어절) is split by the sentencepiece model into pieces; its *stem* drops trailing
particles and copula endings (termkit.korean's list), preferring the longest stem the corpus shows
with two or more different endings, else the piece boundaries; particles no noun ends with
(에서, 으로, 까지) go in any case, and a glossary form at the start of the word is never cut. Words
that are predicates, adjectives or adverbs (by their endings) give no candidate and join none.

Candidates are spans of stem pieces inside a word, and runs of up to `max_words` words whose inner
words carry no particle. A stoplist of function words (KO_STOPWORDS) bounds them, and general nouns
of research prose (KO_GENERAL_NOUNS) are never proposed alone: the usual stoplists of a term
extractor (Frantzi et al. 2000 filter candidates with one too).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterator

from ..matching import canonical, is_particle_tail

HANGUL = "\uac00-\ud7a3"
CJK = HANGUL + "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
KO_WORD = re.compile(f"[{CJK}0-9]+(?:[×·.\\-][{CJK}0-9]+)*")
_HAS_SYLLABLE = _SYLLABLE = re.compile(f"[{CJK}]")
# Endings after a stem that make the word a predicate: 강조하였다, 진행되는, 완화시키고.
VERBAL_TAIL = ("하", "되", "시키", "시켜", "시킨", "했", "됐", "한", "된", "할", "될", "해", "돼")
# Word endings of predicates, adnominal and adverbial forms (작동하는지, 새로운, 자세히): such a word is
# no term and joins no multi-word candidate. Nouns do not end so (무게 and 차이 are why 게 and 이 are
# not listed). A syllable with the final ㅆ (했, 었, 있) marks a predicate too.
_PREDICATE_ENDINGS = (
    "다", "는지", "면서", "려고", "려면", "도록", "지만", "는데", "으며", "하며", "되며", "하여", "되어", "하고", "되고",
    "하는", "되는", "하던", "되던", "해야", "어야", "아야", "르면", "보면", "으면", "하면", "되면", "하기", "되기", "으려",
    "하려", "되려", "려야", "이며", "인지", "로운", "러운", "스러운", "하게", "되게", "않은", "않는", "없는", "있는", "같은",
    "는", "을", "를", "히", "워", "와서", "어서", "아서", "하지", "되지", "보아", "려", "된", "린", "진", "인")
# Particles no noun ends with: stripped whatever comes before, even one syllable (장에서 is 장 + 에서).
_STRONG_TAILS = ("에서는", "에서의", "으로의", "이라는", "에서", "에게", "으로", "에는", "까지", "부터", "처럼", "만큼", "에도",
                 "께서", "라는")
# Particles that end no two-syllable noun: a one-syllable stem may drop them without evidence (글은).
_SAFE_TAILS = frozenset(("은", "는", "를", "에", "에서", "에게", "으로", "에는", "에서는"))
# Dependent nouns and one-syllable words that start no term: 것이, 수도, 때에.
_BOUND_NOUNS = frozenset("것 수 때 중 등 바 데 줄 뿐 듯 측 간 내 외 후 전 앞 뒤 속 위 밖".split())
_SS_FINAL = re.compile("[" + "".join(chr(0xAC00 + i * 28 + 20) for i in range(399)) + "]")
# General nouns of research prose: never proposed alone (정책 is no term; 지방발전 20×10 정책 may be).
# A term extractor's usual stoplist of general vocabulary, as in Frantzi et al. (2000).
KO_GENERAL_NOUNS = frozenset("""
자료 연구 연구자 전문가 변화 문제 정부 부문 분야 방법 방안 경우 결과 과정 내용 상황 의미 의의 영향 평가 분석 현황 실태 목표
성과 지표 수치 통계 규정 제도 정책 발전 지방 지역 행사 부담 논의 회의 결정 사업 과제 과업 문제점 측면 관계 사례 배경 원인
보고서 논문 본고 이론 자료집 증언 면담 조사 설명 주장 보도 사설 기사 매체 언론 당국 지도부 주민 인민 사람 사람들 국가 사회
경제 정치 군사 문화 교육 보건 건설 생산 농업 공업 산업 기업 기관 조직 단체 간부진 실적 계획 전략 노선 체제 체계 방식 운영
관리 지원 협력 대응 개선 강화 확대 추진 시행 실시 도입 공개 발표 강조 주목 관심 중요성 필요 가능성 역할 기능 수준 규모 비중
근거 기준 원칙 목적 방향 시기 기간 이후 단계 중심 핵심 요소 부분 전체 일부 대부분 모두 자체 당시 현재 미래 과거 최근
실제 대책 방침 조치 지시 지침 문건 수단 형태 구조 상태 효과 차원 모습 특징 성격 목표치
""".split())
# Korean words that are never a term or the edge of one: adverbs, determiners, times, connectives.
KO_STOPWORDS = frozenset("""
이러한 그러한 이런 그런 이번 지난 올해 지난해 작년 금년 최근 현재 당시 이후 이전 앞서 가운데 때문 경우 정도 대부분
각 해당 모든 여러 다른 같은 새로운 주요 일부 전체 관련 대한 관한 위한 통한 따른 의한 대해 관해 위해 통해 따라 의해
인해 인한 관련한 들어 본 본고 여기 여기서 지금까지 현재까지 역시 흔히 좀처럼 점차 적지 제대로 우리 그들 이들 자신
그리고 그러나 하지만 또한 또 및 등 또는 즉 특히 다만 아직 이미 다시 거듭 함께 서로 다소 매우 크게 주로 거의 꾸준히
처음 실제로 직접적으로 자세히 상세히 대폭 대거 눈에 띄게 거기 이것 그것 무엇 어떻게 왜 것 수 때 전 총 약 이 그 저
다음 위 아래 앞 뒤 이상 이하 이내 본 달리 따로 새로 대해서 관해서 위해서 통해서 따라서 의해서 조금 좀 많이 더 덜 가장 계속
""".split())


@dataclass(frozen=True)
class Word:
    text: str
    units: tuple[str, ...]  # the stem's pieces (digits and symbols merged into one unit)
    stem: str
    tail: str  # particles and endings after the stem
    predicate: bool  # a verb, adjective or adverb form, or a stopword: no term, no part of one

    @property
    def joins(self) -> bool:
        """Whether the word can be an inner word of a multi-word candidate (국가경제발전 | 5개년계획)."""
        return not self.tail and not self.predicate and self.text not in KO_STOPWORDS


def is_predicate(stem: str, tail: str = "") -> bool:
    """A verb, adjective or adverb form: by its ending, or a closed syllable before 다/고/며/… (어렵다, 살펴본다).

    After a noun ending in a consonant the copula keeps its 이 (과제이다, 정책이며); a bare 다, 고 or
    며 after one marks a verb or adjective stem.
    """
    if _SS_FINAL.search(stem) or stem.endswith(_PREDICATE_ENDINGS):
        return True
    if stem.endswith(("하", "되")) and tail[:1] in ("다", "고", "며", "면", "여", "는", "기", "지", "게", "자"):
        return True  # 모호하다, 강화하는 (but 산하에, 지하의)
    last = ord(stem[-1]) - 0xAC00 if stem else -1
    return 0 <= last < 11172 and last % 28 != 0 and tail[:1] in ("다", "고", "며", "면", "자", "지", "기", "게")


def units_of(word: str, pieces: list[str]) -> tuple[str, ...]:
    """Pieces of one word without the ▁ marker; consecutive pieces without a syllable are one unit."""
    out: list[str] = []
    plain = False
    for p in pieces:
        p = p.replace("\u2581", "")
        if not p:
            continue
        has = bool(_HAS_SYLLABLE.search(p))
        if out and not has and plain:
            out[-1] += p
        else:
            out.append(p)
        plain = not has
    if "".join(out) != word:  # an unknown character or a normalisation: fall back to characters
        return tuple(word)
    return tuple(out)


def stems(types: dict[str, tuple[str, ...]], protected: dict[str, int] | None = None) -> dict[str, Word]:
    """Each word type's stem: the longest with two or more endings in the corpus, else a piece boundary.

    protected: word -> length of a glossary form it starts with; no stem is cut inside one (김정은 is
    not 김정 + 은).
    """
    protected = protected or {}
    endings: dict[str, set[str]] = defaultdict(set)
    for w in types:
        for p in range(len(w), 0, -1):
            tail = w[p:]
            if is_particle_tail(tail):
                endings[w[:p]].add(tail)
    out = {}
    for w, units in types.items():
        bounds, pos = [], 0
        for u in units:
            pos += len(u)
            bounds.append(pos)
        protect = protected.get(w, 0)
        cut = None
        for p in range(len(w), max(0, protect - 1), -1):
            if len(endings.get(w[:p], ())) >= 2 and is_particle_tail(w[p:]) and _HAS_SYLLABLE.search(w[:p]):
                cut = p
                break
        if cut is None:  # no evidence: drop the trailing pieces that are particles (바탕|으|로: 바탕)
            cut = len(w)
            for p in bounds[:-1]:
                if p >= max(2, protect) and is_particle_tail(w[p:]) or p == 1 >= protect and w[1:] in _SAFE_TAILS:
                    cut = p
                    break
        stripped = True
        while stripped:  # particles no noun ends with go, even inside a piece or an evidenced stem (부문에서|도)
            stripped = False
            for t in _STRONG_TAILS:
                if w[:cut].endswith(t) and cut - len(t) >= max(1, protect):
                    cut -= len(t)
                    stripped = True
                    break
        if cut == len(w) and len(w) > 1 and w[0] in _BOUND_NOUNS and is_particle_tail(w[1:]):
            cut = 1  # a dependent noun and its particle (것이): never a term, but the particle ends the run
        if w[:cut].endswith("들") and cut >= 3 and w[:cut - 1] in endings:
            cut -= 1  # the plural suffix: 간부들 is 간부
        stem_units, pos = [], 0
        for u in units:
            if pos >= cut:
                break
            stem_units.append(u[:cut - pos])  # a stem ending inside a piece keeps that piece's head
            pos += len(u)
        stem = w[:cut]
        skip = is_predicate(stem, w[cut:]) or w in KO_STOPWORDS or stem in KO_STOPWORDS
        out[w] = Word(w, tuple(stem_units), stem, w[cut:], skip)
    return out


def spans(run: list[Word], max_words: int) -> Iterator[tuple[str, tuple[tuple[str, ...], ...], Word]]:
    """Candidate spans of a run: (text, its units by word, the last word) — inside stems, and whole words."""
    for w in run:
        if w.predicate:
            continue
        units = w.units
        for i in range(len(units)):
            for j in range(i + 1, len(units) + 1):
                yield "".join(units[i:j]), (units[i:j],), w
    for i in range(len(run)):
        for j in range(i + 2, min(len(run), i + max_words) + 1):
            words = run[i:j]
            if words[-1].predicate:
                continue
            yield " ".join(x.stem for x in words), tuple(x.units for x in words), words[-1]


def runs(source: str, words: dict[str, Word]) -> list[list[Word]]:
    """Word runs of one Korean sentence: words joined by single spaces, every word but the last able to join."""
    out: list[list[Word]] = []
    current: list[Word] = []
    last_end = 0
    for m in KO_WORD.finditer(source):
        w = words[m.group()]
        if current and (source[last_end:m.start()] != " " or not current[-1].joins):
            out.append(current)
            current = []
        current.append(w)
        last_end = m.end()
    if current:
        out.append(current)
    return out


def valid(text: str) -> bool:
    """Two syllables at least, and no stopword at either end."""
    if len(_SYLLABLE.findall(text)) < 2:
        return False
    words = text.split(" ")
    return words[0] not in KO_STOPWORDS and words[-1] not in KO_STOPWORDS


def protected_lengths(matcher, types: list[str]) -> dict[str, int]:
    """Words that begin with a glossary form, and its length."""
    out = {}
    for w in types:
        ends = [h.end for h in matcher.find(w, korean_only=True) if h.start == 0]
        if ends:
            out[w] = max(ends)
    return out


def proposable(text: str) -> bool:
    """Not a general noun, a date or count, or an adjectival noun alone (제한적, 직접적: 'limited', 'direct')."""
    if text in KO_GENERAL_NOUNS or is_count(text):
        return False
    return " " in text or not (text.endswith("적") and len(text) >= 3)


def sub_keys(structure: tuple[tuple[str, ...], ...]) -> set[str]:
    """The keys of every shorter candidate inside a candidate of this structure."""
    out = set()
    for units in structure:
        for i in range(len(units)):
            for j in range(i + 1, len(units) + 1):
                out.add(canonical("".join(units[i:j])))
    m = len(structure)
    for i in range(m):
        for j in range(i + 2, m + 1):
            if (i, j) != (0, m):
                out.add(canonical(" ".join("".join(u) for u in structure[i:j])))
    out.discard(canonical(" ".join("".join(u) for u in structure)))
    return out


def covered(matcher, text: str) -> bool:
    """Whether the glossary holds this Korean form (the matcher finds it whole)."""
    return any(h.start == 0 and h.end == len(text) for h in matcher.find(text, korean_only=True))


_COUNT_WORD = re.compile(f"[0-9][0-9.,×·]*[{HANGUL}]{{0,2}}")


def is_count(text: str) -> bool:
    """Dates, counts and ordinals (2012년, 2019년 12월, 2000년대, 20개 군): every word a number and a unit."""
    words = text.split(" ")
    counts = sum(1 for w in words if _COUNT_WORD.fullmatch(w))
    return counts == len(words) or bool(counts) and len(_SYLLABLE.findall(text)) - 2 * counts <= 1


def pieces_of(structure) -> tuple[str, ...]:
    """A candidate's sentencepiece pieces, ▁ marking each word's first."""
    return tuple(("\u2581" if i == 0 else "") + u for units in structure for i, u in enumerate(units))


