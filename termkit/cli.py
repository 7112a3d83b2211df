"""The termkit command line: check, rule and glossary commands. Only this module prints and exits."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from . import __version__
from .errors import TermkitError

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  pretty_exceptions_enable=False,
                  help="Terminology checker for Korean→English translations of North Korea research.")
glossary_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                           help="Validate, test, search and summarise the glossary.")
app.add_typer(glossary_app, name="glossary")

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class Format(str, Enum):
    text = "text"
    json = "json"


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    csv = "csv"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    never = "never"


class NameStyle(str, Enum):
    dprk = "dprk"
    sk = "sk"


class RomanizationStyle(str, Enum):
    mr = "mr"
    rr = "rr"


GlossaryOpt = typer.Option(None, "--glossary", "-g", help="Extra glossary file or directory (YAML, CSV, TSV); "
                           "repeatable; overrides bundled concepts with the same id.")
NoBundledOpt = typer.Option(False, "--no-bundled", help="Leave the bundled glossary out.")


def _codes(values: Optional[List[str]]) -> list[str]:
    out = []
    for v in values or ():
        for code in v.split(","):
            code = code.strip().upper()
            if code:
                if not code.startswith("TK") or not code[2:].isdigit() and code != "TK":
                    raise typer.BadParameter(f"{code!r} is not a rule code or prefix (TK, TK1, TK101)")
                out.append(code)
    return out


def _config(glossary, no_bundled, select=None, ignore=None, fail_on=None, encoding=None, names=None,
            config_path=None, romanization=None):
    from .config import load_config

    cfg = load_config(explicit=config_path)
    if glossary:
        cfg.glossary = cfg.glossary + [str(g) for g in glossary]
    if no_bundled:
        cfg.bundled = False
    if select:
        cfg.select = _codes(select)
    if ignore:
        cfg.ignore = cfg.ignore + _codes(ignore)
    if fail_on:
        cfg.fail_on = fail_on.value
    if encoding:
        cfg.encoding = encoding
    if names:
        cfg.names = names.value
    if romanization:
        cfg.romanization = romanization.value
    return cfg


def _err(message: str) -> None:
    typer.echo(f"termkit: error: {message}", err=True)


@app.command()
def check(
    paths: Optional[List[Path]] = typer.Argument(None, help="Files or directories to check: .txt, .md, "
                                                 ".docx, .html, .pdf (English); .tsv, .csv, .tmx, .xlf/.xliff, .po "
                                                 "(Korean–English)."),
    format: CheckFormat = typer.Option(CheckFormat.text, "--format", "-f", help="Output format."),
    glossary: Optional[List[Path]] = GlossaryOpt,
    no_bundled: bool = NoBundledOpt,
    select: Optional[List[str]] = typer.Option(None, "--select", help="Rule codes or prefixes to report."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Rule codes or prefixes to leave out."),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", help="Lowest severity that exits 1 "
                                              "[default: error]."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Input encoding (default: detected)."),
    names: Optional[NameStyle] = typer.Option(None, "--names", help="House style for personal names."),
    romanization: Optional[RomanizationStyle] = typer.Option(None, "--romanization",
                                                             help="House style for romanized terms."),
    config: Optional[Path] = typer.Option(None, "--config", help="Configuration file (default: nearest "
                                          ".termkit.toml or pyproject.toml)."),
    source_col: Optional[str] = typer.Option(None, "--source-col", help="TSV/CSV: the Korean column."),
    target_col: Optional[str] = typer.Option(None, "--target-col", help="TSV/CSV: the English column."),
    doc_col: Optional[str] = typer.Option(None, "--doc-col", help="TSV/CSV: the column naming documents."),
    source: Optional[Path] = typer.Option(None, "--source", help="Korean plain file, line-aligned with --target."),
    target: Optional[Path] = typer.Option(None, "--target", help="English plain file, line-aligned with --source."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary line."),
    fix: bool = typer.Option(False, "--fix", help="Replace wrong and deprecated renderings (TK101, TK102) and "
                             "known misspellings (TK401) where exactly one replacement is right; .txt/.md only."),
    diff: bool = typer.Option(False, "--diff", help="With --fix: show the changes as a unified diff, write nothing."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Processes to check files with "
                                       "[default: every core for 4 MB of input or more, else 1]."),
) -> int:
    """Check translations against the glossary."""
    from .checking.checker import Checker, exceeds
    from .output.findings import signature, summary, write_findings

    if (source is None) != (target is None):
        raise typer.BadParameter("--source and --target go together")
    if not paths and source is None:
        raise typer.BadParameter("give files or directories to check, or --source and --target")
    cfg = _config(glossary, no_bundled, select, ignore, fail_on, encoding, names, config, romanization)
    for name, value in (("source_col", source_col), ("target_col", target_col), ("doc_col", doc_col)):
        if value:
            setattr(cfg, name, value)
    checker = Checker(cfg)
    findings, errors, nfiles = [], [], 0
    files: list[Path] = []
    for path in paths or ():  # a missing path is reported; the others are still checked
        try:
            files += checker.files([str(path)])
        except TermkitError as e:
            errors.append(e)
    if diff and not fix:
        raise typer.BadParameter("--diff goes with --fix")
    if source is not None:
        nfiles += 1
        try:
            findings.extend(checker.check_paired(source, target))
        except TermkitError as e:
            errors.append(e)
    fixed = 0
    if fix:
        from .checking.fix import fix_file

        for item in files:
            nfiles += 1
            try:
                result = fix_file(checker, item, write=not diff)
            except TermkitError as e:  # report it, keep checking the other files, exit 2 at the end
                errors.append(e)
                continue
            fixed += len(result.edits)
            if diff and result.diff:
                sys.stdout.write(result.diff)
            findings.extend(result.remaining)
    else:
        from .checking.parallel import auto_jobs, check_files

        for _, found, error in check_files(checker, files, jobs or auto_jobs(files)):
            nfiles += 1
            findings.extend(found)
            if error is not None:  # report it, keep checking the other files, exit 2 at the end
                errors.append(error)
    if not diff:  # with --diff the diff is the output
        write_findings(format.value, findings, sys.stdout, signature(checker.matcher.glossary_hash, cfg),
                       colour=sys.stdout.isatty())
    if not quiet and format is CheckFormat.text:
        typer.echo(summary(findings, nfiles), err=True)
    if fix and not quiet:
        typer.echo(f"{fixed} fix{'es' if fixed != 1 else ''} {'shown' if diff else 'applied'}", err=True)
    for e in errors:
        _err(str(e))
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if exceeds(findings, cfg.fail_on) else EXIT_CLEAN


@app.command()
def report(
    paths: List[Path] = typer.Argument(..., help="Files or directories, English-only and bilingual."),
    output: Path = typer.Option(..., "--output", "-o", help="report.html (self-contained), report.xlsx or "
                                "report.csv: the format follows the extension."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Processes to check files with."),
    glossary: Optional[List[Path]] = GlossaryOpt,
    no_bundled: bool = NoBundledOpt,
    select: Optional[List[str]] = typer.Option(None, "--select", help="Rule codes or prefixes to report."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Rule codes or prefixes to leave out."),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", help="Lowest severity that exits 1."),
    names: Optional[NameStyle] = typer.Option(None, "--names", help="House style for personal names."),
    romanization: Optional[RomanizationStyle] = typer.Option(None, "--romanization",
                                                             help="House style for romanized terms."),
    config: Optional[Path] = typer.Option(None, "--config", help="Configuration file."),
) -> int:
    """Editorial QA report over many files: findings per document and rule, worst concepts, rendering matrix."""
    from .output.report import build_report, report_format

    report_format(output)  # an unknown extension is a usage error before any work
    cfg = _config(glossary, no_bundled, select, ignore, fail_on, None, names, config, romanization)
    summary = build_report([str(p) for p in paths], cfg, output, jobs=jobs, progress=True)
    for problem in summary.problems:
        _err(problem)
    typer.echo(f"{summary.documents} documents, {summary.errors} errors, {summary.warnings} warnings: "
               f"{summary.output}", err=True)
    if summary.problems:
        return EXIT_ERROR
    if cfg.fail_on == "never":
        return EXIT_CLEAN
    bad = summary.errors + (summary.warnings if cfg.fail_on == "warning" else 0)
    return EXIT_FINDINGS if bad else EXIT_CLEAN


@app.command()
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
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Input encoding (default: detected)."),
    config: Optional[Path] = typer.Option(None, "--config", help="Configuration file."),
) -> int:
    """BLEU, chrF++, TER (sacrebleu) with terminology accuracy (WMT 2021) and term consistency."""
    from .tools.score import format_text, score_files

    if table is None and (hyp is None or not ref):
        raise typer.BadParameter("give a table, or --hyp and --ref")
    cfg = _config(glossary, no_bundled, encoding=encoding, config_path=config)
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


@app.command()
def extract(
    corpus: Optional[List[Path]] = typer.Argument(None, help="Korean–English files: TSV/CSV, TMX, XLIFF, PO."),
    source: Optional[Path] = typer.Option(None, "--source", help="Korean plain file, line-aligned with --target."),
    target: Optional[Path] = typer.Option(None, "--target", help="English plain file, line-aligned with --source."),
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
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Input encoding (default: detected)."),
    config: Optional[Path] = typer.Option(None, "--config", help="Configuration file."),
    source_col: Optional[str] = typer.Option(None, "--source-col", help="TSV/CSV: the Korean column."),
    target_col: Optional[str] = typer.Option(None, "--target-col", help="TSV/CSV: the English column."),
) -> int:
    """Propose terms the glossary lacks, with English renderings, as stubs for review (sentencepiece)."""
    from .tools.extract import ExtractOptions, extract_files, format_text
    from .tools.stubs import review_yaml, write_review

    if (source is None) != (target is None):
        raise typer.BadParameter("--source and --target go together")
    if not corpus and source is None:
        raise typer.BadParameter("give corpus files, or --source and --target")
    cfg = _config(glossary, no_bundled, encoding=encoding, config_path=config)
    cfg.source_col, cfg.target_col = source_col or cfg.source_col, target_col or cfg.target_col
    options = ExtractOptions(top=top, min_count=min_count, max_words=max_words,
                             max_english_words=max_english_words, vocab_size=vocab_size, seed=seed, jobs=jobs)
    result = extract_files([str(p) for p in corpus or ()], cfg, options, source, target, model_out)
    if output:
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


@app.command()
def rule(code: Optional[str] = typer.Argument(None, help="A rule code; all rules when left out.")) -> int:
    """Show rule documentation."""
    from .rules import all_rules, get

    if code:
        r = get(code)
        if r is None:
            _err(f"no rule {code!r}; see 'termkit rule'")
            return EXIT_ERROR
        typer.echo(f"{r.code} {r.name} ({r.severity})\n\n{r.doc}")
        return EXIT_CLEAN
    for r in all_rules():
        typer.echo(f"{r.code}  {r.name:<26} {r.severity:<8} {r.summary}")
    return EXIT_CLEAN


@glossary_app.command("validate")
def glossary_validate(glossary: Optional[List[Path]] = GlossaryOpt, no_bundled: bool = NoBundledOpt) -> int:
    """Validate glossary files (schema) and run the data lints."""
    from .checking.checker import Checker
    from .config import Config
    from .glossary.assemble import load_concepts, load_matcher
    from .glossary.lints import lint
    from .glossary.specs import run_specs

    cfg = Config(glossary=[str(g) for g in glossary or ()], bundled=not no_bundled)
    concepts = load_concepts(cfg.glossary, cfg.bundled)  # raises on YAML/schema/duplicate-id errors
    checker = Checker(cfg, matcher=load_matcher(cfg.glossary, cfg.bundled))
    problems = lint(concepts, run_specs(checker))
    for p in problems:
        typer.echo(str(p))
    typer.echo(f"{len(concepts)} concepts, {len(problems)} problem{'s' if len(problems) != 1 else ''}", err=True)
    return EXIT_FINDINGS if problems else EXIT_CLEAN


@glossary_app.command("test")
def glossary_test(glossary: Optional[List[Path]] = GlossaryOpt, no_bundled: bool = NoBundledOpt,
                  verbose: bool = typer.Option(False, "--verbose", "-v", help="Show every spec.")) -> int:
    """Run every concept's specs against the whole glossary."""
    from .checking.checker import Checker
    from .config import Config
    from .glossary.specs import run_specs

    checker = Checker(Config(glossary=[str(g) for g in glossary or ()], bundled=not no_bundled))
    results = run_specs(checker)
    failed = [r for r in results if not r.ok]
    for r in results if verbose else failed:
        status = "ok" if r.ok else "FAIL"
        typer.echo(f"{r.concept.origin}: {status} spec {r.number} of {r.concept.id}: expected "
                   f"[{', '.join(sorted(r.expected))}], got [{', '.join(r.got)}]")
        if not r.ok:
            typer.echo(f"    text: {r.text}")
            for f in r.findings:
                typer.echo(f"    {f.code} {f.message}")
    typer.echo(f"{len(results)} specs, {len(failed)} failed", err=True)
    return EXIT_FINDINGS if failed else EXIT_CLEAN


@glossary_app.command("lookup")
def glossary_lookup(query: str = typer.Argument(..., help="Hangul, romanization, English or a concept id."),
                    format: Format = typer.Option(Format.text, "--format", "-f"),
                    glossary: Optional[List[Path]] = GlossaryOpt, no_bundled: bool = NoBundledOpt) -> int:
    """Find concepts by Hangul (either spelling), romanization, English or id."""
    from .glossary.assemble import load_matcher
    from .glossary.lookup import lookup

    matcher = load_matcher([str(g) for g in glossary or ()], not no_bundled)
    concepts = lookup(matcher, query)
    if format is Format.json:
        import json

        typer.echo(json.dumps([c.to_lookup() for c in concepts], ensure_ascii=False, indent=2))
    else:
        for c in concepts:
            d = c.to_lookup()
            typer.echo(f"{c.id}  {c.ko}" + (f" / {c.ko_nk}" if c.ko_nk else ""))
            for label, value in (("hanja", c.hanja), ("MR", c.mr), ("RR", c.rr)):
                if value:
                    typer.echo(f"  {label}: {value}")
            for status, forms in d["en"].items():
                if forms:
                    typer.echo(f"  {status}: " + "; ".join(
                        f + (f" — {d['reasons'][f]}" if f in d["reasons"] else "") for f in forms))
            if c.note:
                typer.echo(f"  note: {c.note}")
        if not concepts:
            typer.echo(f"no concept matches {query!r}", err=True)
    return EXIT_CLEAN if concepts else EXIT_FINDINGS


@glossary_app.command("stats")
def glossary_stats(format: Format = typer.Option(Format.text, "--format", "-f"),
                   glossary: Optional[List[Path]] = GlossaryOpt, no_bundled: bool = NoBundledOpt) -> int:
    """Counts by domain, type, status and confidence, and completeness."""
    from .glossary.assemble import load_concepts
    from .glossary.stats import glossary_stats as compute

    stats = compute(load_concepts([str(g) for g in glossary or ()], not no_bundled))
    if format is Format.json:
        import json

        typer.echo(json.dumps(stats, ensure_ascii=False, indent=2))
        return EXIT_CLEAN
    typer.echo(f"concepts: {stats['concepts']}   terms: {stats['terms']}   specs: {stats['specs']}   "
               f"misspellings: {stats['misspellings']}")
    for section in ("by_domain", "by_type", "by_status", "by_confidence", "completeness"):
        typer.echo(f"{section.replace('_', ' ')}:")
        for k, v in stats[section].items():
            typer.echo(f"  {k:<20} {v:.1%}" if section == "completeness" else f"  {k:<20} {v}")
    return EXIT_CLEAN


class System(str, Enum):
    mr = "mr"
    mr_ascii = "mr-ascii"
    rr = "rr"
    dprk = "dprk"


@app.command()
def romanize(texts: List[str] = typer.Argument(..., help="Hangul texts; spaces divide words."),
             system: System = typer.Option(System.mr, "--system", "-s", help="mr (McCune–Reischauer, ALA-LC), "
                                           "mr-ascii (no breves or apostrophes), rr (Revised), dprk (names).")) -> int:
    """Romanize Hangul: one line per input."""
    from .matching.romanize import romanize as run

    for text in texts:
        typer.echo(run(text, system.value))
    return EXIT_CLEAN


class ExportFormat(str, Enum):
    tbx = "tbx"
    csv = "csv"
    tsv = "tsv"
    xlsx = "xlsx"
    yaml = "yaml"


@glossary_app.command("export")
def glossary_export(output: Path = typer.Option(..., "--output", "-o", help="File (.tbx, .csv, .tsv, .xlsx) or, "
                                                "for yaml, a directory."),
                    format: Optional[ExportFormat] = typer.Option(None, "--format", "-f",
                                                                  help="Default: from the output's extension."),
                    glossary: Optional[List[Path]] = GlossaryOpt, no_bundled: bool = NoBundledOpt) -> int:
    """Export the glossary as TBX-Basic, flat CSV/TSV, XLSX (for editors) or YAML files."""
    from .glossary.assemble import load_concepts

    fmt = format.value if format else (output.suffix.lower().lstrip(".") or "yaml")
    if fmt not in {f.value for f in ExportFormat}:
        raise typer.BadParameter(f"cannot tell the format from {output.name!r}; give --format")
    concepts = load_concepts([str(g) for g in glossary or ()], not no_bundled)
    if fmt == "tbx":
        from .glossary.tbx import export_tbx

        export_tbx(concepts, output)
    elif fmt == "yaml":
        from .glossary.yamlio import write_glossary

        write_glossary(concepts, output)
    else:
        from .glossary.flat import export_flat

        export_flat(concepts, output.with_suffix(f".{fmt}") if output.suffix.lower() != f".{fmt}" else output)
    typer.echo(f"{len(concepts)} concepts written to {output}", err=True)
    return EXIT_CLEAN


@glossary_app.command("import")
def glossary_import(source: Path = typer.Argument(..., help="A TBX, CSV, TSV or YAML glossary file."),
                    output: Path = typer.Option(..., "--output", "-o", help="Directory for the YAML files "
                                                "(one per domain).")) -> int:
    """Convert a TBX or flat CSV/TSV glossary into termkit's YAML files."""
    from .glossary.loader import load_files
    from .glossary.sources import glossary_files
    from .glossary.yamlio import write_glossary

    concepts = load_files(glossary_files(source))
    for path in write_glossary(concepts, output):
        typer.echo(str(path))
    typer.echo(f"{len(concepts)} concepts imported; add specs before they enter the bundled glossary", err=True)
    return EXIT_CLEAN


@glossary_app.command("fmt")
def glossary_fmt(paths: Optional[List[Path]] = typer.Argument(None, help="YAML files or directories "
                                                               "(default: the bundled glossary)."),
                 check: bool = typer.Option(False, "--check", help="Change nothing; exit 1 if a file is "
                                            "not canonical.")) -> int:
    """Rewrite glossary YAML canonically: concepts sorted by id, stable key order, comments kept."""
    from .glossary.loader import load_yaml_file
    from .glossary.sources import bundled_glossary_dir, glossary_files
    from .glossary.yamlio import format_file

    files = [f for p in (paths or [bundled_glossary_dir()]) for f in glossary_files(Path(p))
             if f.suffix.lower() in (".yaml", ".yml")]
    changed = []
    for f in files:
        load_yaml_file(f)  # never rewrite a file that does not validate
        if format_file(f, check=check):
            changed.append(f)
            typer.echo(f"{'would reformat' if check else 'reformatted'} {f}")
    typer.echo(f"{len(files)} files, {len(changed)} {'not canonical' if check else 'reformatted'}", err=True)
    return EXIT_FINDINGS if check and changed else EXIT_CLEAN


def _version(value: bool):
    if value:
        typer.echo(f"termkit {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Show the version and exit.")):
    pass


def _app_for(args: list[str]):
    """The application to run: `check` alone when that is the command asked for.

    Typer builds a click command for every command on each start (signatures, type hints): about
    20 ms for termkit's thirteen. A pre-commit hook runs `check` on every commit, so `check` gets an
    application of its own; its usage, help and errors read exactly as in the full one.
    """
    if not args or args[0] != "check":
        return app
    only = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                       pretty_exceptions_enable=False, help=app.info.help)
    only.command(name="check")(check)
    only.callback()(_main)
    return only


def main(argv: list[str] | None = None) -> int:
    """Entry point: exit 0 clean, 1 findings, 2 usage, configuration, glossary or input error."""
    try:
        args = sys.argv[1:] if argv is None else argv
        rv = _app_for(args)(args=args, standalone_mode=False, prog_name="termkit")
    except TermkitError as e:
        _err(str(e))
        rv = EXIT_ERROR
    except KeyboardInterrupt:
        rv = 130
    except Exception as e:  # click's usage errors (typer vendors click, so match by shape, not class)
        if hasattr(e, "format_message"):
            _err(e.format_message().replace("\n", " ") + " (see --help)")
        elif type(e).__name__ != "Abort":
            raise
        rv = EXIT_ERROR
    code = rv if isinstance(rv, int) else EXIT_CLEAN
    if argv is None:
        sys.exit(code)
    return code


if __name__ == "__main__":
    main()
