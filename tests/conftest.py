"""Shared fixtures: an isolated matcher cache and checkers over the fixture and bundled glossaries."""
import contextlib
import os
import signal
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_GLOSSARY = Path(__file__).parent / "fixtures" / "mini.yaml"


@pytest.fixture(scope="session", autouse=True)
def _cache_dir(tmp_path_factory):
    os.environ["TERMKIT_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def mini():
    from termkit.checking.checker import Checker
    from termkit.config import Config

    return Checker(Config(glossary=[str(FIXTURE_GLOSSARY)], bundled=False))


@pytest.fixture(scope="session")
def bundled():
    from termkit.checking.checker import Checker

    return Checker()


@pytest.fixture(scope="session")
def empty_config(tmp_path_factory):
    """An empty configuration file, so that no .termkit.toml or [tool.termkit] nearby changes a result."""
    path = tmp_path_factory.mktemp("config") / "termkit.toml"
    path.write_text("[tool.termkit]\n", encoding="utf-8")
    return path


def run_cli(*args, cwd=None, env=None):
    """Run the installed command line in a subprocess; returns (code, stdout, stderr)."""
    import subprocess

    e = dict(os.environ)
    e.update(env or {})
    p = subprocess.run([sys.executable, "-m", "termkit", *map(str, args)], capture_output=True, text=True,
                       cwd=cwd, env=e, encoding="utf-8")
    return p.returncode, p.stdout, p.stderr


@contextlib.contextmanager
def deadline(seconds: float):
    """Fail with TimeoutError instead of blocking: a subprocess.run under it is killed when the alarm fires."""
    def expire(signum, frame):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def checker_with(directory: Path, yaml_text: str, *glossaries):
    """A Checker over the given glossary paths plus one YAML glossary written into directory (no bundled data)."""
    from termkit.checking.checker import Checker
    from termkit.config import Config

    path = directory / "extra.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    return Checker(Config(glossary=[*map(str, glossaries), str(path)], bundled=False))
