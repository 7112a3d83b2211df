"""`termkit report`: an editorial QA report over many files (HTML, XLSX or CSV)."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from .options import (EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, ConfigOpt, FailOn, FailOnOpt, GlossaryOpt,
                      IgnoreOpt, NameStyle, NamesOpt, NoBundledOpt, RomanizationOpt, RomanizationStyle, SelectOpt,
                      build_config, error, require_rules, writable)

def report(
    paths: List[Path] = typer.Argument(..., help="Files or directories, English-only and bilingual."),
    output: Path = typer.Option(..., "--output", "-o", help="report.html (self-contained), report.xlsx or "
                                "report.csv: the format follows the extension."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Processes to check files with."),
    glossary: Optional[List[Path]] = GlossaryOpt,
    no_bundled: bool = NoBundledOpt,
    select: Optional[List[str]] = SelectOpt,
    ignore: Optional[List[str]] = IgnoreOpt,
    fail_on: Optional[FailOn] = FailOnOpt,
    names: Optional[NameStyle] = NamesOpt,
    romanization: Optional[RomanizationStyle] = RomanizationOpt,
    config: Optional[Path] = ConfigOpt,
) -> int:
    """Editorial QA report over many files: findings per document and rule, worst concepts, rendering matrix."""
    from ..output import build_report, report_format

    report_format(output)  # an unknown extension or an unwritable place is an error before any work
    writable(output)
    cfg = build_config(glossary, no_bundled, select, ignore, fail_on, None, names, config, romanization)
    require_rules(cfg)
    summary = build_report([str(p) for p in paths], cfg, output, jobs=jobs, progress=True)
    for problem in summary.problems:
        error(problem)
    typer.echo(f"{summary.documents} documents, {summary.errors} errors, {summary.warnings} warnings: "
               f"{summary.output}", err=True)
    if summary.problems:
        return EXIT_ERROR
    if cfg.fail_on == "never":
        return EXIT_CLEAN
    bad = summary.errors + (summary.warnings if cfg.fail_on == "warning" else 0)
    return EXIT_FINDINGS if bad else EXIT_CLEAN
