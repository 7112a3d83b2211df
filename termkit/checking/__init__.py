"""Checking: documents against the glossary, the rules over their hits, findings filtered and sorted.

Takes a `Config` (glossary sources, selected rules, house styles) and paths or text; gives `Finding`s
in document order, with inline suppressions applied. Also the safe auto-fix (`fix_file`) and the
multi-process runner (`check_files`).
"""
from .._lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    "Checker": "checker", "check_text": "checker", "check_paths": "checker", "exceeds": "checker",
    "fix_file": "fix",
    "check_files": "parallel", "auto_jobs": "parallel", "cap_jobs": "parallel", "in_processes": "parallel",
    "cpus": "parallel",
})
