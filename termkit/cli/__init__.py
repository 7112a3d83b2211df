"""The termkit command line: one module per command group; only this package prints and exits.

Exit codes: 0 clean, 1 findings (or a failed lint, spec or format check), 2 usage, configuration,
glossary or input error, 130 interrupted.
"""
from __future__ import annotations

import sys

import typer

from .._version import __version__
from ..errors import TermkitError
from .options import EXIT_CLEAN, EXIT_ERROR, error

HELP = "Terminology checker for Korean→English translations of North Korea research."


def _typer(**kw) -> typer.Typer:
    return typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                       pretty_exceptions_enable=False, **kw)


def _version(value: bool):
    if value:
        typer.echo(f"termkit {__version__}")
        raise typer.Exit()


def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Show the version and exit.")):
    pass


def build_app(only: str | None = None) -> typer.Typer:
    """The application: every command, or `check` alone.

    Typer builds a click command for every command on each start (signatures, type hints): about
    20 ms for termkit's thirteen. A pre-commit hook runs `check` on every commit, so `check` gets an
    application of its own, which imports no other command module; its usage, help and errors read
    exactly as in the full one.
    """
    from .check import check

    app = _typer(help=HELP)
    app.callback()(_main)
    app.command(name="check")(check)
    if only == "check":
        return app
    from . import glossary, report, rule, tools

    app.command(name="report")(report.report)
    app.command(name="score")(tools.score)
    app.command(name="extract")(tools.extract)
    app.command(name="rule")(rule.rule)
    app.command(name="romanize")(tools.romanize)
    glossary_app = _typer(help="Validate, test, search and summarise the glossary.")
    for name in ("validate", "test", "lookup", "stats", "export", "import", "fmt"):
        glossary_app.command(name)(getattr(glossary, f"glossary_{name}"))
    app.add_typer(glossary_app, name="glossary")
    return app


def main(argv: list[str] | None = None) -> int:
    """Entry point: exit 0 clean, 1 findings, 2 usage, configuration, glossary or input error."""
    try:
        args = sys.argv[1:] if argv is None else argv
        app = build_app("check" if args[:1] == ["check"] else None)
        rv = app(args=args, standalone_mode=False, prog_name="termkit")
    except TermkitError as e:
        error(str(e))
        rv = EXIT_ERROR
    except KeyboardInterrupt:
        rv = 130
    except Exception as e:  # click's usage errors (typer vendors click, so match by shape, not class)
        if hasattr(e, "format_message"):
            error(e.format_message().replace("\n", " ") + " (see --help)")
        elif type(e).__name__ != "Abort":
            raise
        rv = EXIT_ERROR
    code = rv if isinstance(rv, int) else EXIT_CLEAN
    if argv is None:
        sys.exit(code)
    return code
