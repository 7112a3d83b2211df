"""Lazy re-exports for the stage packages: a name is imported from its module on first use."""
from __future__ import annotations

import importlib
import sys


def lazy_exports(package: str, table: dict[str, str]):
    """`__all__`, `__getattr__` and `__dir__` for a package that re-exports `table` (name -> "module[:attr]").

    Importing a stage package costs nothing until a name is used, so `import termkit.cli` and the
    check path load only the modules they run (a pre-commit hook must start fast).
    """
    def __getattr__(name: str):
        try:
            module, _, attr = table[name].partition(":")
        except KeyError:
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        value = getattr(importlib.import_module(f"{package}.{module}"), attr or name)
        setattr(sys.modules[package], name, value)  # the next lookup is a plain attribute
        return value

    def __dir__():
        return sorted(set(table) | set(vars(sys.modules[package])))

    sys.modules[package].__lazy_exports__ = dict(table)  # read by the layout test
    return sorted(table), __getattr__, __dir__
