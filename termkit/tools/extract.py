"""Term discovery: Korean terms the glossary lacks, with their English renderings, from aligned segments.

`extract_files(paths, config)` (or `extract(segments, matcher)`) runs five steps:

1. **Read** Korean–English segments (TSV/CSV, TMX, XLIFF, PO, or two line-aligned plain files).
2. **Segment the Korean side with sentencepiece**, a unigram model trained on that side alone, in a
   temporary directory, with a fixed seed; no model is downloaded. The parameters are recorded in the
   result (`spm`). Each Korean word is split into pieces; a word's *stem* drops trailing pieces that
   are particles or copula endings (인민경제계획**에**, 전원회의**는**), preferring the longest stem the
   corpus shows with two or more different endings.
3. **Korean candidates**: piece-aligned spans inside a stem (사회주의 | 기업 | 책임 | 관리제) and runs of
   up to `max_words` words whose inner words carry no particle (국가경제발전 5개년계획), keyed by
   termkit's Korean matching key (spacing and North/South spelling folded). Each gets its frequency
   and **C-value** (termstats). Candidates the glossary already holds (the matcher finds the whole
   candidate), dates and counts, predicates (always followed by 하다/되다 endings) and a short stoplist
   of function words are left out.
4. **English counterparts** for the `shortlist` best candidates by C-value: English n-grams (up to
   `max_english_words` words, no stopword at either end, no punctuation inside, last word singular)
   of the aligned target segments, ranked by **Dice** over segments, then **log-likelihood**, then
   length. Target spans that render a glossary concept found in the same source segment are masked
   first: the glossary explains them, so they cannot be a new term's rendering.
5. **Rank** by C-value × Dice of the best rendering, drop a candidate nested in a better one with
   the same rendering (지방발전 20×10 inside 지방발전 20×10 정책), and keep `top` candidates, each with
   its renderings, counts and example segments. termkit.stubs writes them as glossary stubs for
   review.

The Korean side lives in termkit.extract_ko, the English side in termkit.extract_en, the statistics
in termkit.termstats. Deterministic: the same corpus, glossary and options give the same candidates
in the same order, whatever `jobs` is. Heavy libraries (sentencepiece, numpy, pandas through the
readers) load only inside functions.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .._version import __version__
from ..config import Config
from ..errors import InputError, TermkitError
from .extract_en import choose, english_pass, ngrams, rank_renderings, rendering_forms
from .extract_ko import (KO_WORD, VERBAL_TAIL, covered, pieces_of, proposable, protected_lengths, runs, spans,
                         stems, sub_keys, units_of, valid)
from ..matching import canonical
from ..model import Segment
from .termstats import c_values, term_length

@dataclass(frozen=True)
class ExtractOptions:
    """Settings of one extraction; every field that can change the result is in its signature (not `jobs`)."""

    top: int = 50  # candidates kept
    min_count: int = 3  # a Korean candidate must occur at least this often
    max_words: int = 4  # Korean words in one candidate
    max_english_words: int = 6  # words in one English rendering
    shortlist: int = 0  # candidates (by C-value) given English counterparts; 0: max(300, 5 × top)
    renderings: int = 3  # English renderings listed per candidate
    examples: int = 3  # example segments per candidate
    vocab_size: int = 8000  # sentencepiece: a soft limit (hard_vocab_limit is off)
    model_type: str = "unigram"
    character_coverage: float = 1.0
    seed: int = 1729
    threads: int = 1  # sentencepiece training threads (1: identical models on every machine)
    jobs: int = 0  # processes for the English pass; 0: every core (the result does not depend on it)

    def __post_init__(self):
        for name in ("top", "min_count", "max_words", "max_english_words", "renderings", "examples", "vocab_size",
                     "threads"):
            if getattr(self, name) < 1:
                raise TermkitError(f"extract: {name.replace('_', '-')} must be at least 1")
        if self.shortlist < 0 or self.jobs < 0:
            raise TermkitError("extract: shortlist and jobs cannot be negative")
        if self.model_type not in ("unigram", "bpe"):
            raise TermkitError("extract: the sentencepiece model type must be unigram or bpe")
        if not 0 < self.character_coverage <= 1:
            raise TermkitError("extract: character coverage must be in (0, 1]")

    def signature(self) -> str:
        return (f"spm:{self.model_type},vocab:{self.vocab_size},coverage:{self.character_coverage},"
                f"seed:{self.seed},threads:{self.threads}|min-count:{self.min_count}|max-words:{self.max_words}|"
                f"max-english-words:{self.max_english_words}|shortlist:{self.shortlist or 'auto'}|top:{self.top}|"
                f"renderings:{self.renderings}|examples:{self.examples}")


@dataclass(frozen=True)
class Rendering:
    """An English counterpart of a Korean candidate, with its association over aligned segments."""

    form: str  # the most common surface form (singular where the corpus has it)
    segments: int  # segments whose target holds it (f(e))
    together: int  # segments holding both it and the Korean candidate (f(k, e))
    dice: float
    llr: float


@dataclass(frozen=True)
class Example:
    path: str
    line: int
    source: str
    target: str


@dataclass(frozen=True)
class Candidate:
    """A Korean term the glossary does not hold, ranked, with its likely English renderings."""

    ko: str  # the most common surface form
    rank: int
    score: float  # C-value × Dice of the first rendering
    c_value: float
    occurrences: int  # f(a) in C-value: every occurrence, nested ones included
    segments: int  # segments whose source holds it
    forms: tuple[tuple[str, int], ...]  # surface forms (spacing, spelling) and their counts
    pieces: tuple[str, ...]  # its sentencepiece pieces (▁ marks a word start)
    renderings: tuple[Rendering, ...]
    examples: tuple[Example, ...]

    @property
    def rendering(self) -> str | None:
        return self.renderings[0].form if self.renderings else None


@dataclass
class ExtractResult:
    candidates: list[Candidate]
    segments: int
    files: list[str]
    options: ExtractOptions
    spm: dict  # sentencepiece training parameters and the trained vocabulary's size
    glossary_hash: str
    bundled: bool
    timings: dict = field(default_factory=dict)  # seconds per step (not part of any output file)
    glossary_ids: frozenset = frozenset()  # the glossary's concept ids, so that stub ids do not clash

    @property
    def signature(self) -> str:
        return (f"termkit:{__version__}|glossary:{self.glossary_hash[:12]}|bundled:{'yes' if self.bundled else 'no'}|"
                + self.options.signature())

    def to_dict(self) -> dict:
        """The stable JSON shape of `termkit extract --format json` (no timings: outputs are deterministic)."""
        return {
            "termkit": __version__,
            "signature": self.signature,
            "corpus": {"files": self.files, "segments": self.segments},
            "sentencepiece": self.spm,
            "candidates": [_candidate_dict(c) for c in self.candidates],
        }


def _candidate_dict(c: Candidate) -> dict:
    d = asdict(c)
    d["forms"] = {f: n for f, n in c.forms}
    d["pieces"] = list(c.pieces)
    d["renderings"] = [asdict(r) for r in c.renderings]
    d["examples"] = [asdict(e) for e in c.examples]
    return d


# -- reading --------------------------------------------------------------------------------------

def read_segments(paths: Iterable[str | Path], config: Config, source: Path | None = None,
                  target: Path | None = None) -> Iterator[Segment]:
    """Aligned segments from bilingual files, and from a pair of line-aligned plain files."""
    from ..documents import PairedDocument, open_document

    if (source is None) != (target is None):
        raise TermkitError("a source file needs its target file, and the other way round")
    if source is not None:
        yield from PairedDocument(Path(source), Path(target), config.encoding).segments()
    for p in paths:
        path = Path(p)
        if path.is_dir():
            raise InputError("extract reads files, not directories", str(path))
        if not path.is_file():
            raise InputError("no such file", str(path))
        doc = open_document(path, config)
        if not doc.bilingual:
            raise InputError("not a Korean–English bilingual file (use .tsv, .csv, .tmx, .xlf, .po, or "
                             "--source with --target)", str(path))
        yield from doc.segments()


def extract_files(paths: Iterable[str | Path], config: Config | None = None,
                  options: ExtractOptions | None = None, source: Path | None = None,
                  target: Path | None = None, model_out: Path | None = None) -> ExtractResult:
    """Extract from files with the glossary the configuration names (the CLI's entry point)."""
    from ..glossary import load_matcher

    config = config or Config()
    paths = [str(p) for p in paths]
    matcher = load_matcher(config.glossary, config.bundled)
    files = ([str(source), str(target)] if source is not None else []) + paths
    return extract(read_segments(paths, config, source, target), matcher, options, files=files,
                   bundled=config.bundled, model_out=model_out)


# -- sentencepiece --------------------------------------------------------------------------------

def train_sentencepiece(sentences: list[str], options: ExtractOptions, workdir: Path):
    """Train the Korean model in workdir; returns (processor, recorded parameters)."""
    import sentencepiece as spm

    corpus = workdir / "korean.txt"
    with open(corpus, "w", encoding="utf-8", newline="\n") as fh:
        for s in sentences:
            fh.write(s + "\n")
    params = {
        "model_type": options.model_type,
        "vocab_size": options.vocab_size,
        "hard_vocab_limit": False,
        "character_coverage": options.character_coverage,
        "normalization_rule_name": "identity",  # the text is NFC already; offsets stay exact
        "split_by_whitespace": True,
        "split_by_number": True,
        "max_sentence_length": 65536,
        "input_sentence_size": 0,  # every sentence, no sampling
        "shuffle_input_sentence": False,
        "num_threads": options.threads,
        "seed": options.seed,  # sentencepiece.set_random_generator_seed
    }
    spm.set_random_generator_seed(options.seed)
    train_args = {k: v for k, v in params.items() if k != "seed"}
    try:
        spm.SentencePieceTrainer.train(input=str(corpus), model_prefix=str(workdir / "korean"), minloglevel=2,
                                       bos_id=-1, eos_id=-1, **train_args)
    except RuntimeError as e:
        raise TermkitError(f"sentencepiece training failed on the Korean side: {e}") from None
    sp = spm.SentencePieceProcessor(model_file=str(workdir / "korean.model"))
    params["pieces"] = sp.get_piece_size()
    params["sentences"] = len(sentences)
    params["version"] = getattr(spm, "__version__", "?")
    return sp, params


# -- the pipeline ---------------------------------------------------------------------------------

def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def extract(segments: Iterable[Segment], matcher, options: ExtractOptions | None = None,
            files: list[str] | None = None, bundled: bool = True, workdir: Path | None = None,
            model_out: Path | None = None) -> ExtractResult:
    """Candidates from aligned segments (Segment.source Korean, Segment.target English)."""
    import numpy as np

    options = options or ExtractOptions()
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    rows: list[tuple[str, int, str, str]] = []
    for seg in segments:
        if seg.source and seg.target and seg.source.strip() and seg.target.strip():
            rows.append((seg.path, seg.line, _clean(seg.source), _clean(seg.target)))
    if not rows:
        raise InputError("no aligned segments with both a Korean source and an English target")
    timings["read"] = time.perf_counter() - t0

    # 2. sentencepiece on the Korean side
    t = time.perf_counter()
    own = workdir is None
    work = Path(tempfile.mkdtemp(prefix="termkit-spm-")) if own else workdir
    try:
        sp, spm_params = train_sentencepiece([r[2] for r in rows], options, work)
        if model_out is not None:
            shutil.copyfile(work / "korean.model", model_out)
    finally:
        if own:
            shutil.rmtree(work, ignore_errors=True)
    timings["sentencepiece"] = time.perf_counter() - t

    # 3. Korean candidates
    t = time.perf_counter()
    type_list = sorted({m.group() for _, _, ko, _ in rows for m in KO_WORD.finditer(ko)})
    pieces = sp.encode(type_list, out_type=str) if type_list else []
    words = stems({w: units_of(w, p) for w, p in zip(type_list, pieces)}, protected_lengths(matcher, type_list))
    freq: Counter = Counter()
    verbal: Counter = Counter()
    surfaces: dict[str, Counter] = defaultdict(Counter)
    structure: dict[str, tuple] = {}
    postings: dict[str, list[int]] = defaultdict(list)
    for n, (_, _, ko, _) in enumerate(rows):
        for run in runs(ko, words):
            for text, units, last in spans(run, options.max_words):
                if not valid(text):
                    continue
                key = canonical(text)
                freq[key] += 1
                surfaces[key][text] += 1
                if key not in structure:
                    structure[key] = units
                if last.tail.startswith(VERBAL_TAIL) and text.endswith(last.stem):
                    verbal[key] += 1
                p = postings[key]
                if not p or p[-1] != n:
                    p.append(n)
    frequent = {k: f for k, f in freq.items() if f >= options.min_count}
    containers: dict[str, list[str]] = defaultdict(list)
    for b in frequent:
        for a in sub_keys(structure[b]):
            if a in frequent:
                containers[a].append(b)
    display = {k: _most_common(surfaces[k]) for k in frequent}
    lengths = {k: term_length(display[k]) for k in frequent}
    cval = c_values(frequent, lengths, containers)
    eligible = [k for k in frequent if verbal[k] < frequent[k] and proposable(display[k])
                and not covered(matcher, display[k])
                and not (" " in display[k] and all(covered(matcher, x) for x in display[k].split(" ")))]
    eligible.sort(key=lambda k: (-cval[k], -frequent[k], k))
    shortlist = eligible[:options.shortlist or max(300, 5 * options.top)]
    timings["korean"] = time.perf_counter() - t

    # 4. English counterparts
    t = time.perf_counter()
    ids, seg_ngrams, masks, lower_seen = english_pass(rows, matcher, options.max_english_words,
                                                       options.jobs or os.cpu_count() or 1)
    n_rows = len(rows)
    doc_freq = (np.bincount(np.concatenate(seg_ngrams), minlength=len(ids)) if ids
                else np.zeros(0, dtype=np.int64))
    keys_by_id = [""] * len(ids)
    for key, i in ids.items():
        keys_by_id[i] = key
    n_words = np.array([k.count(" ") + 1 for k in keys_by_id], dtype=np.int64)
    scored = []
    for k in shortlist:
        segs = postings[k]
        ranked = rank_renderings(np.concatenate([seg_ngrams[s] for s in segs]), len(segs), doc_freq, n_words,
                                  keys_by_id, n_rows)
        best = choose(ranked, options.renderings)
        score = cval[k] * -best[0][0] if best else 0.0
        scored.append((k, score, best))
    scored.sort(key=lambda x: (-x[1], -cval[x[0]], x[0]))
    scored = _distinct(scored)
    timings["english"] = time.perf_counter() - t

    # 5. the top candidates, with surface forms of their renderings and examples
    t = time.perf_counter()
    candidates = []
    for rank, (k, score, best) in enumerate(scored[:options.top], 1):
        segs = postings[k]
        forms = rendering_forms(rows, masks, segs, best, seg_ngrams, options, lower_seen)
        renderings = tuple(Rendering(forms.get(key, key), fe, c, round(-d, 4), round(-llr, 2))
                           for d, llr, _, key, _, c, fe in best)
        top_key = best[0][3] if best else None
        examples = _examples(rows, segs, top_key, options)
        ko_forms = tuple(sorted(surfaces[k].items(), key=lambda x: (-x[1], x[0])))
        candidates.append(Candidate(display[k], rank, round(score, 4), round(cval[k], 4), frequent[k], len(segs),
                                    ko_forms, pieces_of(structure[k]), renderings, examples))
    timings["output"] = time.perf_counter() - t
    timings["total"] = time.perf_counter() - t0
    return ExtractResult(candidates, len(rows), files or [], options, spm_params, matcher.glossary_hash, bundled,
                         timings, frozenset(c.id for c in matcher.concepts))


def _distinct(scored: list[tuple]) -> list[tuple]:
    """Drop a candidate nested in a better one (or holding it) that has the same first rendering.

    지방발전 20×10 and 지방발전 20×10 정책 both give 'Regional Development 20×10 Policy': one term.
    """
    kept: list[tuple] = []
    for item in scored:
        k, _, best = item
        top = best[0][3] if best else None
        if top is not None and any(b and b[0][3] == top and (k in k2 or k2 in k) for k2, _, b in kept):
            continue
        kept.append(item)
    return kept


def _most_common(counter: Counter) -> str:
    return min(counter.items(), key=lambda x: (-x[1], x[0]))[0]


def _examples(rows, segs, top_key: str | None, options) -> tuple[Example, ...]:
    """Example segments in corpus order, those holding the first rendering first."""
    with_rendering, others = [], []
    for s in segs:
        path, line, ko, en = rows[s]
        has = top_key is not None and any(k == top_key for k, _, _ in ngrams(en, None, options.max_english_words))
        (with_rendering if has else others).append(Example(path, line, ko, en))
        if len(with_rendering) >= options.examples:
            break
    return tuple((with_rendering + others)[:options.examples])


def format_text(result: ExtractResult) -> str:
    """A table for the terminal: rank, Korean, first rendering, Dice, counts, C-value."""
    lines = [f"{'#':>3}  {'Korean':<24} {'English (first rendering)':<44} {'Dice':>5} {'n':>5} {'C-value':>8}"]
    for c in result.candidates:
        r = c.renderings[0] if c.renderings else None
        lines.append(f"{c.rank:>3}  {_pad(c.ko, 24)} {_pad(r.form if r else '-', 44)} "
                     f"{(r.dice if r else 0):>5.2f} {c.occurrences:>5} {c.c_value:>8.1f}")
    lines.append(f"{len(result.candidates)} candidates from {result.segments} segments "
                 f"(sentencepiece {result.spm['model_type']}, {result.spm['pieces']} pieces)")
    return "\n".join(lines) + "\n"


def _pad(text: str, width: int) -> str:
    """Pad to a display width: Hangul and other wide characters take two columns."""
    cols = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    if cols > width:
        while cols > width - 1 and text:
            cols -= 2 if unicodedata.east_asian_width(text[-1]) in "WF" else 1
            text = text[:-1]
        return text + "…" + " " * (width - 1 - cols)
    return text + " " * (width - cols)
