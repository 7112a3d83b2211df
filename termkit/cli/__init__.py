"""The termkit command line: one module per command group; only this package prints and exits.

Exit codes: 0 clean, 1 findings (or a failed lint, spec or format check), 2 usage, configuration,
glossary or input error, 130 interrupted.
"""
from __future__ import annotations

import errno
import io
import os
import sys

import typer

from .._version import __version__
from ..errors import TermkitError
from .options import EXIT_CLEAN, EXIT_ERROR, EXIT_INTERRUPTED, error

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
    """Entry point: exit 0 clean, 1 findings, 2 usage, configuration, glossary, input or output error,
    130 interrupted. Nothing escapes as a traceback: an output that cannot be written is one error
    line, a reader that stopped reading (a closed pipe) ends the run quietly."""
    _safe_streams()
    try:
        args = sys.argv[1:] if argv is None else argv
        app = build_app("check" if args[:1] == ["check"] else None)
        rv = app(args=args, standalone_mode=False, prog_name="termkit")
        if sys.stdout is not None:
            sys.stdout.flush()  # a full disk or closed pipe shows here, not as an ignored error at exit
    except TermkitError as e:
        error(str(e))
        rv = EXIT_ERROR
    except KeyboardInterrupt:
        rv = EXIT_INTERRUPTED
    except SystemExit as e:  # typer ends a run whose stdout pipe closed with sys.exit(1)
        if not isinstance(e.__context__, BrokenPipeError):
            raise
        rv = _broken_pipe()
    except BrokenPipeError:
        rv = _broken_pipe()
    except OSError as e:  # most often the output: a full disk, a closed descriptor, a directory
        _flush_or_discard()
        error(_os_message(e))
        rv = EXIT_ERROR
    except Exception as e:  # click's usage errors (typer vendors click, so match by shape, not class)
        if hasattr(e, "format_message"):
            error(e.format_message().replace("\n", " ") + " (see --help)")
        elif type(e).__name__ != "Abort":
            raise
        rv = EXIT_ERROR
    if rv == EXIT_INTERRUPTED:  # typer turns Ctrl-C inside a command into this code
        error("interrupted")
    code = rv if isinstance(rv, int) else EXIT_CLEAN
    if argv is None:
        sys.exit(code)
    return code


def _safe_streams() -> None:
    """Standard streams that cannot crash a run.

    Text the terminal's encoding lacks (Hangul under cp1252, a lone surrogate from a file) is written
    as backslash escapes instead of raising; a closed stdout raises an OSError where it is written
    (an error line, exit 2), a closed stderr swallows what it is given (there is nowhere to say it).
    """
    if sys.stdout is None:
        sys.stdout = _ClosedStream()
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="backslashreplace")


class _ClosedStream(io.TextIOBase):
    """sys.stdout when the process was started with descriptor 1 closed (`termkit check x >&-`)."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def writable(self) -> bool:
        return True


def _broken_pipe() -> int:
    """The reader of stdout went away (`termkit check … | head`): stop quietly, as the Python
    documentation recommends for SIGPIPE, with termkit's error code since the output is incomplete."""
    _discard_stdout()
    return EXIT_ERROR


def _flush_or_discard() -> None:
    """What stdout still holds is written if it can be (the error may have been elsewhere), else dropped."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        _discard_stdout()


def _discard_stdout() -> None:
    """Point descriptor 1 at /dev/null, so the interpreter's last flush of output that could not be
    written does not fail again ('Exception ignored … BrokenPipeError')."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def _os_message(e: OSError) -> str:
    """One line for an OSError: the file and the reason, or the output that failed."""
    reason = e.strerror or str(e)
    if e.filename is not None:
        return f"{e.filename}: {reason}"
    return f"cannot write output: {reason}"
