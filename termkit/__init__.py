"""termkit: a curated Korean–English glossary of North Korean terminology and a checker for translations.

The public Python API; every name is imported on first use, so that `import termkit` stays light.
"""
from ._lazy import lazy_exports
from ._version import __version__

_all, __getattr__, __dir__ = lazy_exports(__name__, {
    "Checker": "checking", "check_paths": "checking", "check_text": "checking",
    "Config": "config",
    "load_concepts": "glossary", "load_matcher": "glossary", "lookup": "glossary",
    "romanize": "matching",
    "Finding": "model", "Segment": "model", "Concept": "model", "Hit": "model",
    "TermkitError": "errors",
})
__all__ = ["__version__", *_all]
