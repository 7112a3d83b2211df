"""Term statistics for `extract`: C-value (termhood), Dice and log-likelihood (translation association).

Pure functions over counts, so that each can be checked against a hand computation.

* **C-value** — Frantzi, Ananiadou and Mima, "Automatic recognition of multi-word terms: the
  C-value/NC-value method", International Journal on Digital Libraries 3(2), 2000:

      C(a) = log2|a| · f(a)                                   if a is nested in no longer candidate
      C(a) = log2|a| · (f(a) − (1 / P(T_a)) · Σ_{b ∈ T_a} f(b))   otherwise

  where f is the frequency in the corpus, T_a the set of longer candidates that contain a and P(T_a)
  their number. The paper measures |a| in words and scores multi-word candidates only (log2 1 = 0).
  Korean writes compounds without spaces (인민경제계획 is one word), so termkit measures |a| in
  syllables (Hangul and hanja characters; a run of digits or symbols counts as one) and requires at
  least two, which keeps the formula and scores one-word compounds too.
* **Dice coefficient** over aligned segments, as Smadja, McKeown and Hatzivassiloglou used it to pair
  collocations with their translations ("Translating collocations for bilingual lexicons",
  Computational Linguistics 22(1), 1996): Dice(k, e) = 2·f(k, e) / (f(k) + f(e)), where f counts
  segments.
* **Log-likelihood ratio** G² of the 2×2 contingency table (Dunning, "Accurate methods for the
  statistics of surprise and coincidence", Computational Linguistics 19(1), 1993), signed: negative
  when the two occur together less often than independence predicts.
"""
from __future__ import annotations

import math
import re
from typing import Iterable, Mapping

_SYLLABLE = re.compile("[\uac00-\ud7a3\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_OTHER_RUN = re.compile("[^\uac00-\ud7a3\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\\s]+")


def term_length(text: str) -> int:
    """|a| for C-value: Hangul and hanja syllables, plus one per run of other characters (digits, ×)."""
    return len(_SYLLABLE.findall(text)) + len(_OTHER_RUN.findall(text))


def c_values(freq: Mapping[str, int], length: Mapping[str, int],
             containers: Mapping[str, Iterable[str]]) -> dict[str, float]:
    """C-value of every candidate.

    freq: candidate -> frequency; length: candidate -> |a| (≥ 1); containers: candidate -> the longer
    candidates that contain it (T_a; candidates missing from freq are ignored).
    """
    out = {}
    for a, f in freq.items():
        weight = math.log2(length[a]) if length[a] > 1 else 0.0
        longer = [b for b in set(containers.get(a, ())) if b in freq and b != a]
        if longer:
            f = f - sum(freq[b] for b in longer) / len(longer)
        out[a] = weight * f
    return out


def dice(together: int, a: int, b: int) -> float:
    """Dice coefficient of two items seen in a and b segments, together in `together`."""
    return 2.0 * together / (a + b) if a + b else 0.0


def _xlogx_ratio(k: float, expected: float) -> float:
    return k * math.log(k / expected) if k > 0 else 0.0


def log_likelihood(together: int, a: int, b: int, n: int) -> float:
    """Signed G² for items seen in a and b of n segments, together in `together` (Dunning 1993)."""
    k11, k12, k21 = together, a - together, b - together
    k22 = n - a - b + together
    if min(k11, k12, k21, k22) < 0 or n <= 0:
        raise ValueError("inconsistent counts")
    g2 = 0.0
    for k, row, col in ((k11, a, b), (k12, a, n - b), (k21, n - a, b), (k22, n - a, n - b)):
        if k:
            g2 += _xlogx_ratio(k, row * col / n)
    g2 *= 2.0
    return g2 if together * n >= a * b else -g2


def dice_array(together, a, b):
    """dice() over numpy arrays (together and b arrays, a a number or array)."""
    return 2.0 * together / (a + b)


def log_likelihood_array(together, a, b, n):
    """log_likelihood() over numpy arrays: together and b arrays of counts, a and n numbers."""
    import numpy as np

    together = np.asarray(together, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    cells = (together, a - together, b - together, n - a - b + together)
    expected = (a * b / n, a * (n - b) / n, (n - a) * b / n, (n - a) * (n - b) / n)
    g2 = np.zeros_like(together)
    with np.errstate(divide="ignore", invalid="ignore"):
        for k, e in zip(cells, expected):
            g2 += np.where(k > 0, k * np.log(np.where(k > 0, k, 1.0) / e), 0.0)
    g2 *= 2.0
    return np.where(together * n >= a * b, g2, -g2)


def singular(word: str) -> str:
    """A light English singular for matching keys: families → family, forces → force, glasses → glass.

    Words in -ss, -us, -is and -ics stay (business, status, thesis, economics); so do short words.
    """
    if len(word) <= 3 or not word.endswith("s"):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith(("ss", "us", "is", "ics", "'s")):
        return word
    return word[:-1]
