"""termkit: a curated Korean–English glossary of North Korean terminology and a checker for translations."""
__version__ = "0.1.0"

__all__ = ["__version__", "check_paths", "check_text", "load_matcher"]


def __getattr__(name):  # the public API, imported lazily so that `import termkit` stays light
    if name in ("check_paths", "check_text"):
        from .checking import checker
        return getattr(checker, name)
    if name == "load_matcher":
        from .glossary.assemble import load_matcher
        return load_matcher
    raise AttributeError(name)
