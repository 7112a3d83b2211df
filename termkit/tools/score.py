"""Score a translation against a reference: sacrebleu's BLEU, chrF++ and TER, plus terminology accuracy.

`score_files(...)` reads the inputs and `score(data, matcher)` computes a `ScoreReport`:

* **BLEU, chrF++, TER**: sacrebleu's corpus scores with its default settings (BLEU: 13a
  tokenization, exponential smoothing; chrF++: `CHRF(word_order=2)`; TER: TERCOM defaults), each
  with its sacrebleu signature. The same files give the same numbers as
  `sacrebleu REF -i HYP -m bleu chrf ter --chrf-word-order 2`.
* **Terminology exact-match accuracy**, as defined for the WMT 2021 shared task on machine
  translation using terminologies (http://www.statmt.org/wmt21/terminology-task.html; Alam et al.,
  "On the Evaluation of Machine Translation for Terminology Consistency", arXiv:2106.11891, 2021;
  the task's scorer `evaluate_term_wmt.py` in github.com/mahfuzibnalam/terminology_evaluation,
  functions `compare_EXACT` and `exact_match`): every annotated source term occurrence counts once;
  it is correct if one of its allowed target renderings appears in the hypothesis, a hypothesis
  occurrence serving one source occurrence only, and the accuracy is correct occurrences over all
  occurrences in the corpus (micro-averaged). termkit annotates the source itself: a source term
  occurrence is a glossary concept that termkit's matcher finds in the Korean source segment
  (particles, spacing and North/South spelling folded), its allowed renderings are the concept's
  preferred and admitted English forms (and, for a person, the name in DPRK or South Korean style),
  and "appears" means the matcher finds it in the hypothesis segment (case, hyphenation, plurals
  and possessives folded), or inside a longer glossary form found there ('market' in 'market
  price'). Source occurrences are taken in order, each paired with the first unused hypothesis
  form, as the task's scorer does. The WMT scorer also tries a lemmatized hypothesis; termkit's
  plural and possessive folding stands in for that.
* **Term consistency**: the share of concepts, among those whose rendering could be identified in
  two or more occurrences, that are rendered by one glossary form throughout (a deprecated or wrong
  form counts as a way of rendering the concept; 'plenary meeting' and 'plenum' are two ways).
  `None` when no concept qualifies.
* A per-concept breakdown, and with `per_segment` a per-segment table (sentence-level BLEU with
  effective order, chrF++ and TER, and the segment's term counts).

Deterministic: the same inputs and glossary give the same report. sacrebleu loads only here.
"""
from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .._version import __version__
from ..config import Config
from ..errors import InputError, TermkitError
from ..model import APPROVED
from ..matching import fold_key

HYP_NAMES = ("hyp", "hypothesis", "mt", "output", "system")
REF_NAMES = ("ref", "reference", "en", "target", "tgt")
SRC_NAMES = ("ko", "source", "src", "korean")


@dataclass
class ScoreInput:
    """Aligned segments: hypotheses, one list per reference set (sacrebleu's shape), optional sources."""

    hypotheses: list[str]
    references: list[list[str]]
    sources: list[str] | None = None
    lines: list[int] | None = None  # the line of each segment in its file (tables: the data row's line)
    files: dict = field(default_factory=dict)

    def __post_init__(self):
        n = len(self.hypotheses)
        if not self.references:
            raise TermkitError("no reference given")
        for refs in self.references:
            if len(refs) != n:
                raise InputError(f"the hypothesis has {n} segments but a reference has {len(refs)}")
        if self.sources is not None and len(self.sources) != n:
            raise InputError(f"the hypothesis has {n} segments but the source has {len(self.sources)}")


def _read_lines(path: Path, encoding: str | None) -> list[str]:
    """Lines as sacrebleu's command line reads them: split at LF, trailing whitespace stripped."""
    from ..documents import file_encoding

    enc = file_encoding(path, encoding)
    try:
        with open(path, encoding=enc, newline="\n") as fh:
            lines = [line.rstrip() for line in fh]
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror}", str(path)) from None
    except UnicodeDecodeError as e:
        raise InputError(f"not valid {enc}: {e.reason}; give --encoding", str(path)) from None
    if lines and lines[0].startswith("\ufeff"):
        lines[0] = lines[0][1:]
    return lines


def read_plain(hyp: str | Path, refs: list[str | Path], src: str | Path | None = None,
               encoding: str | None = None) -> ScoreInput:
    """Line-aligned plain files: line N of each is segment N."""
    if not refs:
        raise TermkitError("give at least one reference file")
    hyps = _read_lines(Path(hyp), encoding)
    if not hyps:  # sacrebleu cannot score nothing, and a score of nothing would mean nothing
        raise InputError("is empty: no segment to score", str(hyp))
    references = [_read_lines(Path(r), encoding) for r in refs]
    for r, lines in zip(refs, references):
        if len(lines) != len(hyps):
            raise InputError(f"has {len(lines)} lines but the hypothesis {hyp} has {len(hyps)}", str(r))
    sources = None
    if src is not None:
        sources = _read_lines(Path(src), encoding)
        if len(sources) != len(hyps):
            raise InputError(f"has {len(sources)} lines but the hypothesis {hyp} has {len(hyps)}", str(src))
    files = {"hyp": str(hyp), "ref": [str(r) for r in refs], "src": str(src) if src is not None else None}
    return ScoreInput(hyps, references, sources, list(range(1, len(hyps) + 1)), files)


def read_table(path: str | Path, hyp_col: str | None = None, ref_cols: list[str] | None = None,
               src_col: str | None = None, encoding: str | None = None) -> ScoreInput:
    """A TSV (no quoting) or CSV file with a header: hypothesis, reference(s) and optional source columns."""
    import pandas as pd

    from ..documents import csv_record_lines, file_encoding, pick_column

    path = Path(path)
    if path.suffix.lower() not in (".tsv", ".csv"):
        raise InputError("a table to score must be .tsv or .csv", str(path))
    tsv = path.suffix.lower() == ".tsv"
    enc = file_encoding(path, encoding)
    try:
        with open(path, encoding=enc, newline="") as fh:
            first = fh.readline().lstrip("\ufeff").rstrip("\r\n")
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror}", str(path)) from None
    header = first.split("\t") if tsv else next(csv.reader([first]), [])
    h = pick_column(header, hyp_col, HYP_NAMES, "hyp", path)
    refs = [pick_column(header, c, REF_NAMES, "ref", path) for c in (ref_cols or [None])]
    s = pick_column(header, src_col, SRC_NAMES, "src", path, required=src_col is not None)
    if h in refs or (s is not None and (s == h or s in refs)):
        raise InputError("the hypothesis, reference and source columns must differ", str(path), 1)
    try:
        table = pd.read_csv(path, sep="\t" if tsv else ",", quoting=csv.QUOTE_NONE if tsv else csv.QUOTE_MINIMAL,
                            dtype=str, keep_default_na=False, na_filter=False, encoding=enc, header=0)
    except (pd.errors.ParserError, ValueError) as e:
        raise InputError(f"malformed {'TSV' if tsv else 'CSV'}: {str(e).strip().splitlines()[-1]}", str(path)) from None
    except UnicodeDecodeError as e:
        raise InputError(f"not valid {enc}: {e.reason}; give --encoding", str(path)) from None
    if table.empty:
        raise InputError("has no rows: no segment to score", str(path))
    cols = list(table.columns)
    lines = list(range(2, len(table) + 2)) if tsv else list(csv_record_lines(path, enc))
    return ScoreInput(
        [x.strip() for x in table[cols[h]]],
        [[x.strip() for x in table[cols[r]]] for r in refs],
        [x.strip() for x in table[cols[s]]] if s is not None else None,
        lines,
        {"table": str(path), "hyp": header[h], "ref": [header[r] for r in refs],
         "src": header[s] if s is not None else None},
    )


@dataclass
class ConceptScore:
    concept: str
    ko: str
    preferred: str
    occurrences: int = 0
    correct: int = 0
    missing: int = 0  # occurrences with no rendering of the concept at all (not even a wrong one)
    renderings: Counter = field(default_factory=Counter)  # glossary form used -> occurrences

    @property
    def accuracy(self) -> float:
        return self.correct / self.occurrences if self.occurrences else 0.0

    @property
    def consistent(self) -> bool | None:
        """One glossary form throughout; None with fewer than two identified renderings."""
        if sum(self.renderings.values()) < 2:
            return None
        return len(self.renderings) == 1

    def to_dict(self) -> dict:
        return {"concept": self.concept, "ko": self.ko, "preferred": self.preferred, "occurrences": self.occurrences,
                "correct": self.correct, "accuracy": self.accuracy, "missing": self.missing,
                "renderings": dict(sorted(self.renderings.items(), key=lambda x: (-x[1], x[0]))),
                "consistent": self.consistent}


@dataclass
class SegmentScore:
    segment: int
    line: int
    bleu: float
    chrf: float
    ter: float
    terms: int
    correct: int
    missing: list[str]  # concepts whose source occurrence has no approved rendering in the hypothesis

    def to_dict(self) -> dict:
        return {"segment": self.segment, "line": self.line, "bleu": self.bleu, "chrf": self.chrf, "ter": self.ter,
                "terms": self.terms, "correct": self.correct, "missing": self.missing}


@dataclass
class ScoreReport:
    metrics: dict  # bleu/chrf/ter -> {"name", "score", "signature", "verbose"}
    term_accuracy: float | None
    term_consistency: float | None
    counts: dict
    concepts: list[ConceptScore]
    segments: list[SegmentScore] | None
    signature: str
    segment_signatures: dict | None = None
    files: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        """The stable JSON shape of `termkit score --format json`."""
        d = {
            "termkit": __version__,
            "signature": self.signature,
            "files": self.files,
            "bleu": self.metrics["bleu"]["score"],
            "chrf": self.metrics["chrf"]["score"],
            "ter": self.metrics["ter"]["score"],
            "term_accuracy": self.term_accuracy,
            "term_consistency": self.term_consistency,
            "sacrebleu": self.metrics,
            "counts": self.counts,
            "per_concept": [c.to_dict() for c in self.concepts],
        }
        if self.segments is not None:
            d["per_segment"] = [s.to_dict() for s in self.segments]
            d["segment_signatures"] = self.segment_signatures
        return d


def _renders(matcher, hit, concepts) -> list[tuple[int, str]]:
    """(concept, glossary form) pairs for which this hypothesis hit is an approved rendering."""
    out = []
    for e in matcher.keys[hit.key]:
        if e.concept in concepts and (e.kind == "en" and e.status in APPROVED or
                                      e.kind == "name" and e.status in ("dprk", "sk")):
            out.append((e.concept, e.form))
    return sorted(set(out))


def _any_form(matcher, hit, concepts) -> list[tuple[int, str]]:
    """(concept, form) pairs for which the hit is any English form of the concept (deprecated, wrong, other name)."""
    return sorted({(e.concept, e.form) for e in matcher.keys[hit.key] if e.concept in concepts
                   and e.kind in ("en", "name")})


def _inside(matcher, concepts, hits) -> tuple[int, str] | None:
    """An approved form of the concepts inside a longer glossary form in the hypothesis ('market' in 'market price').

    Only hits that are forms of other concepts count: a hit that is itself a form of the concept was
    offered to the concept's occurrences directly, once.
    """
    hits = [h for h in hits if not _any_form(matcher, h, concepts)]
    for ci in sorted(concepts, key=lambda i: matcher.concepts[i].id):
        c = matcher.concepts[ci]
        forms = c.forms(*APPROVED) + [f for s, f in c.names if s in ("dprk", "sk")]
        for h in hits:
            found = f" {fold_key(h.found)} "
            for f in forms:
                k = fold_key(f)
                if f" {k} " in found or f" {k}s " in found:
                    return ci, f
    return None



def _first_unused(hits, used: set[int], pairs_of):
    """(index, first pair) of the first hit not yet used whose pairs_of(hit) is non-empty, else None."""
    for i, h in enumerate(hits):
        if i not in used:
            pairs = pairs_of(h)
            if pairs:
                return i, pairs[0]
    return None

def term_scores(matcher, sources: list[str], hypotheses: list[str]):
    """Per segment, the source term occurrences and their outcome: [(concept, correct, form or None)]."""
    per_segment = []
    for src, hyp in zip(sources, hypotheses):
        source_hits = matcher.find(src, korean_only=True)
        occurrences = []
        for h in source_hits:
            concepts = frozenset(e.concept for e in matcher.keys[h.key] if e.kind in ("ko", "hanja"))
            if concepts:
                occurrences.append(concepts)
        if not occurrences:
            per_segment.append([])
            continue
        context = frozenset().union(*occurrences)
        hyp_hits = matcher.find(hyp, context=context)
        used: set[int] = set()
        outcome = []
        for concepts in occurrences:
            chosen = _first_unused(hyp_hits, used, lambda h: _renders(matcher, h, concepts))
            if chosen is not None:
                used.add(chosen[0])
                outcome.append((chosen[1][0], True, chosen[1][1]))
                continue
            inside = _inside(matcher, concepts, hyp_hits)
            if inside is not None:
                outcome.append((inside[0], True, inside[1]))
                continue
            other = _first_unused(hyp_hits, used, lambda h: _any_form(matcher, h, concepts))
            first = min(concepts, key=lambda ci: matcher.concepts[ci].id)
            if other is not None:
                used.add(other[0])
                outcome.append((other[1][0], False, other[1][1]))
            else:
                outcome.append((first, False, None))
        per_segment.append(outcome)
    return per_segment


def score(data: ScoreInput, matcher, per_segment: bool = False, config: Config | None = None) -> ScoreReport:
    """Metrics for aligned hypotheses and references (and sources, for the terminology scores)."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    hyps, refs = data.hypotheses, data.references
    metrics = {}
    objects = {"bleu": BLEU(), "chrf": CHRF(word_order=2), "ter": TER()}
    for name, m in objects.items():
        s = m.corpus_score(hyps, refs)
        metrics[name] = {"name": s.name, "score": s.score, "signature": str(m.get_signature()),
                         "verbose": s.format(width=2)}
    concepts: dict[int, ConceptScore] = {}
    outcomes = term_scores(matcher, data.sources, hyps) if data.sources is not None else None
    accuracy = consistency = None
    counts = {"segments": len(hyps), "term_occurrences": 0, "term_correct": 0, "concepts": 0,
              "consistency_concepts": 0, "consistent_concepts": 0}
    if outcomes is not None:
        for seg in outcomes:
            for ci, ok, form in seg:
                c = matcher.concepts[ci]
                cs = concepts.get(ci)
                if cs is None:
                    cs = concepts[ci] = ConceptScore(c.id, c.ko, c.preferred)
                cs.occurrences += 1
                cs.correct += ok
                if form is None:
                    cs.missing += 1
                else:
                    cs.renderings[form] += 1
        total = sum(c.occurrences for c in concepts.values())
        correct = sum(c.correct for c in concepts.values())
        judged = [c for c in concepts.values() if c.consistent is not None]
        accuracy = correct / total if total else None
        consistency = sum(1 for c in judged if c.consistent) / len(judged) if judged else None
        counts.update(term_occurrences=total, term_correct=correct, concepts=len(concepts),
                      consistency_concepts=len(judged), consistent_concepts=sum(1 for c in judged if c.consistent))
    segments = segment_signatures = None
    if per_segment:
        segments, segment_signatures = _segment_scores(data, outcomes, matcher)
    cfg = config or Config()
    sig = (f"termkit:{__version__}|glossary:{matcher.glossary_hash[:12]}|bundled:{'yes' if cfg.bundled else 'no'}|"
           f"terms:{'wmt21-exact-match' if data.sources is not None else 'none'}|refs:{len(refs)}")
    return ScoreReport(metrics, accuracy, consistency, counts, sorted(concepts.values(), key=lambda c: c.concept),
                       segments, sig, segment_signatures, data.files)


def _segment_scores(data: ScoreInput, outcomes, matcher):
    from sacrebleu.metrics import BLEU, CHRF, TER

    bleu, chrf, ter = BLEU(effective_order=True), CHRF(word_order=2), TER()
    out = []
    for i, hyp in enumerate(data.hypotheses):
        refs = [r[i] for r in data.references]
        seg = outcomes[i] if outcomes is not None else []
        missing = sorted({matcher.concepts[ci].id for ci, ok, _ in seg if not ok})
        out.append(SegmentScore(i + 1, data.lines[i] if data.lines else i + 1, bleu.sentence_score(hyp, refs).score,
                                chrf.sentence_score(hyp, refs).score, ter.sentence_score(hyp, refs).score,
                                len(seg), sum(1 for _, ok, _ in seg if ok), missing))
    sigs = {"bleu": str(bleu.get_signature()), "chrf": str(chrf.get_signature()), "ter": str(ter.get_signature())}
    return out, sigs


def score_files(hyp: str | Path | None = None, refs: list[str | Path] = (), src: str | Path | None = None,
                table: str | Path | None = None, hyp_col: str | None = None, ref_cols: list[str] | None = None,
                src_col: str | None = None, config: Config | None = None, per_segment: bool = False) -> ScoreReport:
    """The CLI's entry point: plain files (hyp, refs, src) or one table (table with its columns)."""
    from ..glossary import load_matcher

    config = config or Config()
    if table is not None:
        if hyp is not None or refs or src is not None:
            raise TermkitError("give either a table or --hyp/--ref/--src files, not both")
        data = read_table(table, hyp_col, ref_cols, src_col, config.encoding)
    else:
        if hyp is None or not refs:
            raise TermkitError("give --hyp and --ref (or a table with hypothesis and reference columns)")
        if hyp_col or ref_cols or src_col:
            raise TermkitError("--hyp-col, --ref-col and --src-col apply to a table")
        data = read_plain(hyp, list(refs), src, config.encoding)
    matcher = load_matcher(config.glossary, config.bundled)
    return score(data, matcher, per_segment, config)


def _fmt(x: float | None, digits: int = 3) -> str:
    return "n/a" if x is None else f"{x:.{digits}f}"


def format_text(report: ScoreReport) -> str:
    """The terminal report: sacrebleu's lines, the terminology scores, the per-concept (and per-segment) tables."""
    lines = []
    for name in ("bleu", "chrf", "ter"):
        m = report.metrics[name]
        lines.append(f"{m['verbose']}  {m['name']}|{m['signature']}")
    c = report.counts
    if report.term_accuracy is None and c["term_occurrences"] == 0 and not report.concepts:
        lines.append("term accuracy = n/a (no source given, or no glossary term in it)")
    else:
        lines.append(f"term accuracy = {_fmt(report.term_accuracy)} ({c['term_correct']} of {c['term_occurrences']} "
                     f"source term occurrences rendered; WMT 2021 exact match)")
    lines.append(f"term consistency = {_fmt(report.term_consistency)} ({c['consistent_concepts']} of "
                 f"{c['consistency_concepts']} concepts rendered 2+ times use one form)")
    lines.append(f"signature: {report.signature}")
    if report.concepts:
        lines.append("")
        lines.append(f"{'concept':<40} {'occ':>4} {'ok':>4} {'acc':>6}  renderings")
        for cs in report.concepts:
            forms = ", ".join(f"{f} ×{n}" for f, n in sorted(cs.renderings.items(), key=lambda x: (-x[1], x[0])))
            if cs.missing:
                forms = (forms + ", " if forms else "") + f"(none) ×{cs.missing}"
            lines.append(f"{cs.concept:<40} {cs.occurrences:>4} {cs.correct:>4} {cs.accuracy:>6.2f}  {forms}")
    if report.segments is not None:
        lines.append("")
        lines.append(f"{'seg':>5} {'line':>6} {'BLEU':>6} {'chrF++':>7} {'TER':>6} {'terms':>5} {'ok':>4}  missing")
        for s in report.segments:
            lines.append(f"{s.segment:>5} {s.line:>6} {s.bleu:>6.1f} {s.chrf:>7.1f} {s.ter:>6.1f} {s.terms:>5} "
                         f"{s.correct:>4}  {', '.join(s.missing)}")
    return "\n".join(lines) + "\n"
