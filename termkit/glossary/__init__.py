"""The glossary: load, validate, compile, search, test and convert the curated terminology.

Takes glossary files (domain YAML, flat CSV/TSV, TBX) from the bundled set and the user's paths;
gives validated `Concept` records (`load_concepts`), the compiled and cached `Matcher`
(`load_matcher`), lookups, data lints, self-test (spec) results, statistics, and exports.
"""
from .._lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    "load_concepts": "assemble", "load_matcher": "assemble", "glossary_hash": "assemble",
    "load_files": "loader", "load_yaml_file": "loader",
    "bundled_glossary_dir": "sources", "glossary_files": "sources",
    "lookup": "search",
    "lint": "lints",
    "run_specs": "specs",
    "glossary_stats": "stats",
    "export_tbx": "tbx_export", "load_tbx": "tbx_import", "read_tbx": "tbx_import",
    "import_glossary": "importing",
    "export_flat": "flat",
    "write_glossary": "yamlio", "format_file": "yamlio",
})
