"""`termkit check`: translations against the glossary, with --fix and --diff; the pre-commit hook's command."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from ..errors import TermkitError
from .options import (EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, CheckFormat, ConfigOpt, EncodingOpt, FailOn, FailOnOpt,
                      GlossaryOpt, IgnoreOpt, NameStyle, NamesOpt, NoBundledOpt, RomanizationOpt, RomanizationStyle,
                      SelectOpt, SourceColOpt, SourceFileOpt, TargetColOpt, TargetFileOpt, as_of_date, build_config,
                      error, require_rules)


def check(
    paths: Optional[List[Path]] = typer.Argument(None, help="Files or directories to check: .txt, .md, "
                                                 ".docx, .html, .pdf (English); .tsv, .csv, .tmx, .xlf/.xliff, .po "
                                                 "(Korean–English)."),
    format: CheckFormat = typer.Option(CheckFormat.text, "--format", "-f", help="Output format."),
    glossary: Optional[List[Path]] = GlossaryOpt,
    no_bundled: bool = NoBundledOpt,
    select: Optional[List[str]] = SelectOpt,
    ignore: Optional[List[str]] = IgnoreOpt,
    fail_on: Optional[FailOn] = FailOnOpt,
    encoding: Optional[str] = EncodingOpt,
    names: Optional[NameStyle] = NamesOpt,
    romanization: Optional[RomanizationStyle] = RomanizationOpt,
    config: Optional[Path] = ConfigOpt,
    source_col: Optional[str] = SourceColOpt,
    target_col: Optional[str] = TargetColOpt,
    doc_col: Optional[str] = typer.Option(None, "--doc-col", help="TSV/CSV: the column naming documents."),
    source: Optional[Path] = SourceFileOpt,
    target: Optional[Path] = TargetFileOpt,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary line."),
    fix: bool = typer.Option(False, "--fix", help="Replace wrong and deprecated renderings (TK101, TK102) and "
                             "known misspellings (TK401) where exactly one replacement is right; .txt/.md only."),
    diff: bool = typer.Option(False, "--diff", help="With --fix: show the changes as a unified diff, write nothing."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Processes to check files with, at most "
                                       "one per file and 8 per core [default: every core for 4 MB of input or "
                                       "more, else 1]."),
    as_of: Optional[str] = typer.Option(None, "--as-of", callback=as_of_date, metavar="YYYY[-MM[-DD]]",
                                        help="Check documents as of this date: a deprecated or superseded status "
                                        "dated later does not apply (a Markdown front matter's date: wins)."),
) -> int:
    """Check translations against the glossary."""
    from ..checking import Checker, exceeds
    from ..output import signature, summary, write_findings

    if (source is None) != (target is None):
        raise typer.BadParameter("--source and --target go together")
    if not paths and source is None:
        raise typer.BadParameter("give files or directories to check, or --source and --target")
    if diff and not fix:
        raise typer.BadParameter("--diff goes with --fix")
    cfg = build_config(glossary, no_bundled, select, ignore, fail_on, encoding, names, config, romanization)
    for name, value in (("source_col", source_col), ("target_col", target_col), ("doc_col", doc_col),
                        ("as_of", as_of)):
        if value:
            setattr(cfg, name, value)
    require_rules(cfg)
    checker = Checker(cfg)
    run = _Run()
    files = run.collect(checker, paths or ())
    if source is not None:
        run.paired(checker, source, target)
    if fix:
        run.fix(checker, files, diff)
    else:
        run.check(checker, files, jobs)
    if not diff:  # with --diff the diff is the output
        write_findings(format.value, run.findings, sys.stdout, signature(checker.matcher.glossary_hash, cfg),
                       colour=sys.stdout.isatty())
    if not quiet and format is CheckFormat.text:
        typer.echo(summary(run.findings, run.files), err=True)
    if fix and not quiet:
        typer.echo(f"{run.fixed} fix{'es' if run.fixed != 1 else ''} {'shown' if diff else 'applied'}", err=True)
    for e in run.errors:
        error(str(e))
    if run.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if exceeds(run.findings, cfg.fail_on) else EXIT_CLEAN


class _Run:
    """One check run's results: findings, the errors met (each file's error is reported, the others still
    checked, and the run exits 2 at the end), files checked and fixes made."""

    def __init__(self):
        self.findings: list = []
        self.errors: list[TermkitError] = []
        self.files = 0
        self.fixed = 0

    def collect(self, checker, paths) -> list[Path]:
        files: list[Path] = []
        for path in paths:  # a missing path is reported; the others are still checked
            try:
                files += checker.files([str(path)])
            except TermkitError as e:
                self.errors.append(e)
        return files

    def paired(self, checker, source: Path, target: Path) -> None:
        self.files += 1
        try:
            self.findings.extend(checker.check_paired(source, target))
        except TermkitError as e:
            self.errors.append(e)

    def fix(self, checker, files: list[Path], diff: bool) -> None:
        from ..checking import fix_file

        for item in files:
            self.files += 1
            try:
                result = fix_file(checker, item, write=not diff)
            except TermkitError as e:
                self.errors.append(e)
                continue
            self.fixed += len(result.edits)
            self.errors.extend(result.errors)  # edits skipped (text not as found, encoding): exit 2
            if diff and result.diff:
                sys.stdout.write(result.diff)
            self.findings.extend(result.remaining)

    def check(self, checker, files: list[Path], jobs: Optional[int]) -> None:
        from ..checking import auto_jobs, check_files

        for _, found, err in check_files(checker, files, jobs or auto_jobs(files)):
            self.files += 1
            self.findings.extend(found)
            if err is not None:
                self.errors.append(err)
