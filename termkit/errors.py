"""The one error family termkit's library raises; the CLI turns it into a message and exit code 2."""
from __future__ import annotations


class TermkitError(Exception):
    """A user-facing error: bad input, glossary, config or option, located where possible."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 column: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def __reduce__(self):  # keep the place when sent between processes (termkit check --jobs)
        return (type(self), (self.message, self.path, self.line, self.column))

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = str(self.path)
            if self.line:
                where += f":{self.line}"
                if self.column:
                    where += f":{self.column}"
            where += ": "
        return where + self.message


class GlossaryError(TermkitError):
    """A glossary file that cannot be loaded or fails validation."""


class InputError(TermkitError):
    """A document that cannot be read."""


class ConfigError(TermkitError):
    """A configuration file or option that is invalid."""
