"""`termkit glossary …`: validate, test, look up, count, export, import and format the glossary."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from .options import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, Format, error, GlossaryOpt, NoBundledOpt, writable, writing

def glossary_validate(glossary: Optional[List[Path]] = GlossaryOpt, no_bundled: bool = NoBundledOpt) -> int:
    """Validate glossary files (schema) and run the data lints."""
    from ..checking import Checker
    from ..config import Config
    from ..glossary import load_concepts, load_matcher
    from ..glossary import lint
    from ..glossary import run_specs

    cfg = Config(glossary=[str(g) for g in glossary or ()], bundled=not no_bundled)
    concepts = load_concepts(cfg.glossary, cfg.bundled)  # raises on YAML/schema/duplicate-id errors
    checker = Checker(cfg, matcher=load_matcher(cfg.glossary, cfg.bundled))
    problems = lint(concepts, run_specs(checker))
    for p in problems:
        typer.echo(str(p))
    typer.echo(f"{len(concepts)} concepts, {len(problems)} problem{'s' if len(problems) != 1 else ''}", err=True)
    return EXIT_FINDINGS if problems else EXIT_CLEAN


def glossary_test(glossary: Optional[List[Path]] = GlossaryOpt, no_bundled: bool = NoBundledOpt,
                  verbose: bool = typer.Option(False, "--verbose", "-v", help="Show every spec.")) -> int:
    """Run every concept's specs against the whole glossary."""
    from ..checking import Checker
    from ..config import Config
    from ..glossary import run_specs

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


def glossary_lookup(query: str = typer.Argument(..., help="Hangul, romanization, English or a concept id."),
                    format: Format = typer.Option(Format.text, "--format", "-f"),
                    glossary: Optional[List[Path]] = GlossaryOpt, no_bundled: bool = NoBundledOpt) -> int:
    """Find concepts by Hangul (either spelling), romanization, English or id."""
    from ..glossary import load_matcher
    from ..glossary import lookup

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


def glossary_stats(format: Format = typer.Option(Format.text, "--format", "-f"),
                   glossary: Optional[List[Path]] = GlossaryOpt, no_bundled: bool = NoBundledOpt) -> int:
    """Counts by domain, type, status and confidence, and completeness."""
    from ..glossary import load_concepts
    from ..glossary import glossary_stats as compute

    stats = compute(load_concepts([str(g) for g in glossary or ()], not no_bundled))
    if format is Format.json:
        import json

        typer.echo(json.dumps(stats, ensure_ascii=False, indent=2))
        return EXIT_CLEAN
    typer.echo(f"concepts: {stats['concepts']}   terms: {stats['terms']}   specs: {stats['specs']}   "
               f"misspellings: {stats['misspellings']}")
    typer.echo(f"wrong or deprecated forms: {stats['wrong_or_deprecated']}   with seen_in: {stats['seen_in']} "
               f"(from {stats['seen_in_sources']} sources)")
    for section in ("by_type", "by_status", "by_confidence", "completeness"):
        typer.echo(f"{section.replace('_', ' ')}:")
        for k, v in stats[section].items():
            typer.echo(f"  {k:<20} {v:.1%}" if section == "completeness" else f"  {k:<20} {v}")
    typer.echo("by domain:  concepts  wrong/depr.  seen_in  sources  high/med/low  both-rom  hanja  specs")
    for name, d in stats["domains"].items():
        conf, comp = d["by_confidence"], d["completeness"]
        typer.echo(f"  {name:<16} {d['concepts']:>6} {d['wrong_or_deprecated']:>12} {d['seen_in']:>8} "
                   f"{d['seen_in_sources']:>8}  {conf['high']:>4}/{conf['medium']}/{conf['low']:<4} "
                   f"{comp['both_romanizations']:>8.0%} {comp['hanja']:>6.0%} {comp['specs']:>6.0%}")
    return EXIT_CLEAN


class ExportFormat(str, Enum):
    tbx = "tbx"
    csv = "csv"
    tsv = "tsv"
    xlsx = "xlsx"
    yaml = "yaml"


def glossary_export(output: Path = typer.Option(..., "--output", "-o", help="File (.tbx, .csv, .tsv, .xlsx) or, "
                                                "for yaml, a directory."),
                    format: Optional[ExportFormat] = typer.Option(None, "--format", "-f",
                                                                  help="Default: from the output's extension."),
                    glossary: Optional[List[Path]] = GlossaryOpt, no_bundled: bool = NoBundledOpt) -> int:
    """Export the glossary as TBX-Basic, flat CSV/TSV, XLSX (for editors) or YAML files."""
    from ..glossary import load_concepts

    fmt = format.value if format else (output.suffix.lower().lstrip(".") or "yaml")
    if fmt not in {f.value for f in ExportFormat}:
        raise typer.BadParameter(f"cannot tell the format from {output.name!r}; give --format")
    if fmt not in ("yaml", "tbx") and output.suffix.lower() != f".{fmt}":
        output = output.with_suffix(f".{fmt}")
    writable(output, directory=fmt == "yaml")
    concepts = load_concepts([str(g) for g in glossary or ()], not no_bundled)
    with writing(output):
        if fmt == "tbx":
            from ..glossary import export_tbx

            export_tbx(concepts, output)
        elif fmt == "yaml":
            from ..glossary import write_glossary

            write_glossary(concepts, output)
        else:
            from ..glossary import export_flat

            export_flat(concepts, output)
    typer.echo(f"{len(concepts)} concepts written to {output}", err=True)
    return EXIT_CLEAN


def glossary_import(source: Path = typer.Argument(..., help="A TBX, CSV, TSV or YAML glossary file, or a directory "
                                                "of them."),
                    output: Path = typer.Option(..., "--output", "-o", help="Directory for the YAML files "
                                                "(one per domain)."),
                    skip_invalid: bool = typer.Option(False, "--skip-invalid", help="Import the concepts that can "
                                                      "be imported and list the ones skipped (TBX).")) -> int:
    """Convert a TBX termbase or a flat CSV/TSV glossary into termkit's YAML files.

    TBX: TBX-Basic 2019 (DCA or DCT), the 2008 martif layout and MultiTerm-style exports; Korean
    (ko, ko-KR, ko_KR …) and English terms. A term without a status is admitted; a language with no
    preferred term takes its first such term as preferred. Imported concepts get confidence low.
    """
    from ..glossary import import_glossary
    from ..output import printable

    writable(output, directory=True)
    with writing(output):
        result = import_glossary(source, output, skip_invalid)
    if result.problems and not result.written:
        for problem in result.problems:
            error(str(problem))
        rest = " (--skip-invalid imports the rest)" if result.concepts else ""
        typer.echo(f"{len(result.problems)} of {len(result.concepts) + len(result.problems)} concepts cannot be "
                   f"imported; nothing written{rest}", err=True)
        return EXIT_ERROR
    for path in result.written:
        typer.echo(str(path))
    for problem in result.problems:
        typer.echo(f"skipped: {printable(str(problem))}", err=True)
    skipped = f", {len(result.problems)} skipped" if result.problems else ""
    typer.echo(f"{len(result.concepts)} concepts imported{skipped}; add specs before they enter the bundled "
               "glossary", err=True)
    return EXIT_CLEAN


def glossary_fmt(paths: Optional[List[Path]] = typer.Argument(None, help="YAML files or directories "
                                                               "(default: the bundled glossary)."),
                 check: bool = typer.Option(False, "--check", help="Change nothing; exit 1 if a file is "
                                            "not canonical.")) -> int:
    """Rewrite glossary YAML canonically: concepts sorted by id, stable key order, comments kept."""
    from ..glossary import load_yaml_file
    from ..glossary import bundled_glossary_dir, glossary_files
    from ..glossary import format_file

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
