"""`termkit score`, `termkit extract` and `termkit romanize`: the tools beside the check."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from .options import (EXIT_CLEAN, ConfigOpt, EncodingOpt, Format, GlossaryOpt, NoBundledOpt, SourceColOpt,
                      SourceFileOpt, TargetColOpt, TargetFileOpt, build_config, writable, writing)

def score(
    table: Optional[Path] = typer.Argument(None, help="A bilingual table (TSV/CSV) with hypothesis, reference "
                                           "and source columns; or use --hyp/--ref/--src."),
    hyp: Optional[Path] = typer.Option(None, "--hyp", help="Hypothesis: line-aligned plain file."),
    ref: Optional[List[Path]] = typer.Option(None, "--ref", help="Reference (repeatable)."),
    src: Optional[Path] = typer.Option(None, "--src", help="Korean source, for terminology accuracy."),
    hyp_col: Optional[str] = typer.Option(None, "--hyp-col", help="Table: the hypothesis column."),
    ref_col: Optional[List[str]] = typer.Option(None, "--ref-col", help="Table: reference column(s)."),
    src_col: Optional[str] = typer.Option(None, "--src-col", help="Table: the source column."),
    per_segment: bool = typer.Option(False, "--per-segment", help="Add a per-segment table."),
    format: Format = typer.Option(Format.text, "--format", "-f"),
    glossary: Optional[List[Path]] = GlossaryOpt,
    no_bundled: bool = NoBundledOpt,
    encoding: Optional[str] = EncodingOpt,
    config: Optional[Path] = ConfigOpt,
) -> int:
    """BLEU, chrF++, TER (sacrebleu) with terminology accuracy (WMT 2021) and term consistency."""
    from ..tools import format_score as format_text, score_files

    if table is None and (hyp is None or not ref):
        raise typer.BadParameter("give a table, or --hyp and --ref")
    cfg = build_config(glossary, no_bundled, encoding=encoding, config_path=config)
    result = score_files(hyp, ref or [], src, table, hyp_col, ref_col or None, src_col, cfg, per_segment)
    if format is Format.json:
        import json

        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        typer.echo(format_text(result))
    return EXIT_CLEAN


class ExtractFormat(str, Enum):
    text = "text"
    json = "json"
    yaml = "yaml"


def extract(
    corpus: Optional[List[Path]] = typer.Argument(None, help="Korean–English files: TSV/CSV, TMX, XLIFF, PO."),
    source: Optional[Path] = SourceFileOpt,
    target: Optional[Path] = TargetFileOpt,
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the review YAML here."),
    format: ExtractFormat = typer.Option(ExtractFormat.text, "--format", "-f"),
    top: int = typer.Option(50, "--top", min=1, help="How many candidates."),
    min_count: int = typer.Option(3, "--min-count", min=1, help="Minimum occurrences of a candidate."),
    max_words: int = typer.Option(4, "--max-words", min=1, help="Longest Korean candidate, in words."),
    max_english_words: int = typer.Option(6, "--max-english-words", min=1, help="Longest English rendering."),
    vocab_size: int = typer.Option(8000, "--vocab-size", min=16, help="sentencepiece vocabulary (capped by "
                                   "the corpus)."),
    seed: int = typer.Option(1729, "--seed", help="sentencepiece seed."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, help="Processes for the English pass (0: every core)."),
    model_out: Optional[Path] = typer.Option(None, "--model-out", help="Keep the sentencepiece model here."),
    glossary: Optional[List[Path]] = GlossaryOpt,
    no_bundled: bool = NoBundledOpt,
    encoding: Optional[str] = EncodingOpt,
    config: Optional[Path] = ConfigOpt,
    source_col: Optional[str] = SourceColOpt,
    target_col: Optional[str] = TargetColOpt,
) -> int:
    """Propose terms the glossary lacks, with English renderings, as stubs for review (sentencepiece)."""
    from ..tools import ExtractOptions, extract_files, format_extract as format_text
    from ..checking import cpus
    from ..tools import review_yaml, write_review

    if (source is None) != (target is None):
        raise typer.BadParameter("--source and --target go together")
    if not corpus and source is None:
        raise typer.BadParameter("give corpus files, or --source and --target")
    for path in (output, model_out):
        if path is not None:
            writable(path)
    cfg = build_config(glossary, no_bundled, encoding=encoding, config_path=config)
    cfg.source_col, cfg.target_col = source_col or cfg.source_col, target_col or cfg.target_col
    options = ExtractOptions(top=top, min_count=min_count, max_words=max_words, max_english_words=max_english_words,
                             vocab_size=vocab_size, seed=seed, jobs=min(jobs, 8 * cpus()))
    result = extract_files([str(p) for p in corpus or ()], cfg, options, source, target, model_out)
    if output:
        with writing(output):
            write_review(result, output)
        typer.echo(f"{len(result.candidates)} candidates written to {output}", err=True)
    if format is ExtractFormat.json:
        import json

        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    elif format is ExtractFormat.yaml:
        typer.echo(review_yaml(result), nl=False)
    elif not output:
        typer.echo(format_text(result))
    return EXIT_CLEAN


class System(str, Enum):
    mr = "mr"
    mr_ascii = "mr-ascii"
    rr = "rr"
    dprk = "dprk"


def romanize(texts: List[str] = typer.Argument(..., help="Hangul texts; spaces divide words."),
             system: System = typer.Option(System.mr, "--system", "-s", help="mr (McCune–Reischauer, ALA-LC), "
                                           "mr-ascii (no breves or apostrophes), rr (Revised), dprk (names).")) -> int:
    """Romanize Hangul: one line per input."""
    from ..matching import romanize as run

    for text in texts:
        typer.echo(run(text, system.value))
    return EXIT_CLEAN
