"""Output: findings written for people and machines, and editorial QA reports.

Takes `Finding`s and a run's signature; gives text (colour on a TTY), JSON, SARIF 2.1.0, GitHub
workflow annotations and CSV (`write_findings`), and reports over many files as self-contained
HTML, XLSX or CSV (`build_report`).
"""
from .._lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    "write_findings": "findings", "signature": "findings", "summary": "findings", "write_csv": "findings",
    "printable": "findings",
    "build_report": "report", "report_format": "report",
})
