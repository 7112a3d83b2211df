"""termkit's matcher cache file: a checked header and plain data (marshal), never a pickle.

Layout: MAGIC, one line of JSON (format, termkit and Python versions, cache key, glossary hash,
payload length and SHA-256), then the payload: marshal bytes of `Matcher.to_plain()` — str, int,
bool, None, bytes, lists, tuples and dicts only, type-checked again by `Matcher.from_plain`.
A file that fails any check is a miss: the caller rebuilds the matcher and rewrites the file.
"""
from __future__ import annotations

import hashlib
import json
import marshal
import os
import stat
import sys
from pathlib import Path

from .._version import __version__

MAGIC = b"termkit matcher cache\n"
FORMAT = 1  # raise when the header or payload layout changes
PYTHON = f"{sys.implementation.cache_tag}/marshal-{marshal.version}"  # marshal bytes differ between versions
MAX_HEADER = 1024
MAX_CACHE_BYTES = 1 << 30  # far above any real glossary's (the bundled one: about 1 MB)
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


def cache_dir() -> Path:
    env = os.environ.get("TERMKIT_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "termkit"


def cache_path(key: str) -> Path:
    return cache_dir() / f"matcher-{key}.tkc"


def trusted_dir(directory: Path) -> bool:
    """Whether a cache directory is ours alone: owned by this user, not writable by group or others.

    Anyone who can write to the directory decides what the next run reads, so a shared one is
    neither read nor written (the matcher is then built in memory). Not checked where there are
    no Unix owners (Windows).
    """
    try:
        st = os.stat(directory)
    except OSError:
        return False
    if not stat.S_ISDIR(st.st_mode):
        return False
    if hasattr(os, "geteuid") and (st.st_uid != os.geteuid() or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)):
        return False
    return True


def _header(key: str, glossary_hash: str, payload: bytes | None = None) -> dict:
    h = {"format": FORMAT, "termkit": __version__, "python": PYTHON, "key": key, "glossary": glossary_hash}
    if payload is not None:
        h.update(length=len(payload), sha256=hashlib.sha256(payload).hexdigest())
    return h


def read_cache(path: Path, key: str, glossary_hash: str):
    """The plain data of a cache file that passes every check, else None (missing, foreign, stale, corrupt)."""
    if not trusted_dir(path.parent):
        return None
    try:
        fd = os.open(path, _OPEN_FLAGS)  # no symlink, and a FIFO planted here cannot block the run
    except OSError:
        return None
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_CACHE_BYTES:
            return None
        try:
            data = fh.read()
        except OSError:
            return None
    return parse_cache(data, key, glossary_hash)


def parse_cache(data: bytes, key: str, glossary_hash: str):
    """The payload's plain data if the header matches this key and versions and the checksum holds, else None."""
    if not data.startswith(MAGIC):
        return None
    end = data.find(b"\n", len(MAGIC), len(MAGIC) + MAX_HEADER)
    if end < 0:
        return None
    try:
        header = json.loads(data[len(MAGIC):end])
    except ValueError:  # not JSON, or not UTF-8
        return None
    payload = memoryview(data)[end + 1:]
    if (type(header) is not dict or header.get("length") != len(payload)
            or {k: header.get(k) for k in _header(key, glossary_hash)} != _header(key, glossary_hash)
            or header.get("sha256") != hashlib.sha256(payload).hexdigest()):
        return None
    try:
        return marshal.loads(payload)
    except (ValueError, EOFError, TypeError):  # what marshal raises for bad data
        return None


def write_cache(path: Path, key: str, glossary_hash: str, plain: dict) -> None:
    """Write the cache atomically (temp file, then rename); any failure leaves no file behind and no error."""
    import tempfile

    payload = marshal.dumps(plain)
    blob = MAGIC + json.dumps(_header(key, glossary_hash, payload), sort_keys=True).encode() + b"\n" + payload
    tmp = None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not trusted_dir(path.parent):
            return
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".matcher-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
        os.replace(tmp, path)
        tmp = None
    except OSError:  # a read-only or full disk is no reason to fail a check
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
