"""`termkit rule`: the rules' documentation."""
from __future__ import annotations

from typing import Optional

import typer

from .options import (EXIT_CLEAN, EXIT_ERROR, error)

def rule(code: Optional[str] = typer.Argument(None, help="A rule code; all rules when left out.")) -> int:
    """Show rule documentation."""
    from ..rules import all_rules, get

    if code:
        r = get(code)
        if r is None:
            error(f"no rule {code!r}; see 'termkit rule'")
            return EXIT_ERROR
        typer.echo(f"{r.code} {r.name} ({r.severity})\n\n{r.doc}")
        return EXIT_CLEAN
    for r in all_rules():
        typer.echo(f"{r.code}  {r.name:<26} {r.severity:<8} {r.summary}")
    return EXIT_CLEAN
