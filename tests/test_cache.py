"""The matcher cache: plain data behind a checked header; anything else in the cache directory is rebuilt, never run."""
import hashlib
import json
import marshal
import os
import pickle
import stat

import pytest

from conftest import FIXTURE_GLOSSARY, deadline
from termkit.errors import GlossaryError
from termkit.glossary.assemble import load_concepts, load_matcher
from termkit.matching import Matcher

SAMPLE = "Localization (국산화) and self-reliance (*Charkyok Kaengsaeng*); autarky; the Korean Workers' Party."


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    d = tmp_path / "cache"
    monkeypatch.setenv("TERMKIT_CACHE_DIR", str(d))
    return d


def load():
    return load_matcher([str(FIXTURE_GLOSSARY)], bundled=False)


def fresh():
    m = load_matcher([str(FIXTURE_GLOSSARY)], bundled=False, use_cache=False)
    assert isinstance(m, Matcher)
    return m


def cache_files(d):
    return sorted(p for p in d.iterdir()) if d.exists() else []


def found(m) -> list[tuple]:
    return [(h.start, h.end, h.found, [e.concept for e in m.keys[h.key]]) for h in m.find(SAMPLE)]


def assert_same_matcher(a, b):
    """Two matchers hold the same data and find the same hits."""
    assert list(a.concepts) == list(b.concepts)
    assert [c.extra_ko for c in a.concepts] == [c.extra_ko for c in b.concepts]
    for name in ("index", "glossary_hash", "keys", "latin", "syllables", "fuzzy_key", "rom_skeletons", "rom_owner",
                 "rom_blocks", "key_masks"):
        assert getattr(a, name) == getattr(b, name), name
    assert sorted(a.latin_automaton.items()) == sorted(b.latin_automaton.items())
    assert sorted(a.korean.items()) == sorted(b.korean.items())
    assert found(a) == found(b) and found(a)




# -- the format --------------------------------------------------------------------------------

def test_warm_cache_gives_the_same_matcher(cache_dir):
    load()
    (path,) = cache_files(cache_dir)
    before = path.read_bytes()
    assert_same_matcher(load(), fresh())
    assert path.read_bytes() == before  # read, not rewritten


def test_plain_data_round_trip_of_the_bundled_glossary(bundled):
    m = bundled.matcher
    plain = m.to_plain()
    assert_same_matcher(Matcher.from_plain(marshal.loads(marshal.dumps(plain))), m)


def test_cache_file_is_magic_header_and_marshal_payload(cache_dir):
    from termkit.glossary.cache import MAGIC

    load()
    (path,) = cache_files(cache_dir)
    data = path.read_bytes()
    assert data.startswith(MAGIC) and path.suffix == ".tkc"
    header_line, _, payload = data[len(MAGIC):].partition(b"\n")
    header = json.loads(header_line)
    assert header["length"] == len(payload) and header["sha256"] == hashlib.sha256(payload).hexdigest()
    assert header["glossary"] == fresh().glossary_hash and header["format"] == 1
    assert b"pickle" not in payload and payload[:1] != b"\x80"  # a pickle starts with PROTO 0x80


def test_concept_records_round_trip():
    from termkit.matching.matcher import concept_from_record, concept_record

    for c in load_concepts([str(FIXTURE_GLOSSARY)], bundled=False):
        back = concept_from_record(marshal.loads(marshal.dumps(concept_record(c))))
        assert back == c and back.origin == c.origin and back.extra_ko == c.extra_ko


@pytest.mark.parametrize("record", [(1,), ("not", "a", "record"), None, b"bytes"])
def test_malformed_concept_record_is_a_glossary_error(record):
    from termkit.matching.matcher import LazyConcepts

    with pytest.raises(GlossaryError, match="malformed concept in the matcher cache"):
        LazyConcepts([marshal.dumps(record)])[0]


# -- files that fail a check are rebuilt and rewritten --------------------------------------------

def test_pickled_none_in_the_cache_is_ignored(cache_dir):
    """A pickled None used to be returned as the matcher, breaking every later run until deleted."""
    load()
    for p in cache_files(cache_dir):
        p.write_bytes(pickle.dumps(None))
    assert_same_matcher(load(), fresh())
    assert_same_matcher(load(), fresh())


class _Planted:
    """A pickle that, when loaded, creates a file: the stand-in for code an attacker would run."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


def test_crafted_pickle_in_the_cache_never_runs(cache_dir, tmp_path):
    marker = tmp_path / "pwned"
    load()
    for p in cache_files(cache_dir):
        p.write_bytes(pickle.dumps(_Planted(marker)))
    assert_same_matcher(load(), fresh())
    assert not marker.exists()


def _rewrite_header(data: bytes, **changes) -> bytes:
    from termkit.glossary.cache import MAGIC

    header_line, _, payload = data[len(MAGIC):].partition(b"\n")
    header = dict(json.loads(header_line), **changes)
    return MAGIC + json.dumps(header).encode() + b"\n" + payload


def _with_payload(data: bytes, payload: bytes) -> bytes:
    """A file whose header and checksum are right for a payload of termkit's choosing."""
    from termkit.glossary.cache import MAGIC

    header_line, _, _ = data[len(MAGIC):].partition(b"\n")
    header = dict(json.loads(header_line), length=len(payload), sha256=hashlib.sha256(payload).hexdigest())
    return MAGIC + json.dumps(header).encode() + b"\n" + payload


CORRUPTIONS = {
    "empty": lambda d: b"",
    "truncated": lambda d: d[: len(d) // 2],
    "one payload byte flipped": lambda d: d[:-100] + bytes([d[-100] ^ 1]) + d[-99:],
    "no magic": lambda d: b"X" + d[1:],
    "header not JSON": lambda d: d.replace(b'"format"', b"format", 1),
    "other termkit version": lambda d: _rewrite_header(d, termkit="0.0.1"),
    "other format": lambda d: _rewrite_header(d, format=99),
    "other glossary": lambda d: _rewrite_header(d, glossary="0" * 64),
    "checksummed None": lambda d: _with_payload(d, marshal.dumps(None)),
    "checksummed code object": lambda d: _with_payload(d, marshal.dumps(compile("open('x', 'w')", "x", "exec"))),
    "checksummed wrong types": lambda d: _with_payload(d, marshal.dumps(
        dict(marshal.loads(d[d.index(b"\n", 30) + 1:]), key_masks=["1"]))),
    "checksummed marshal garbage": lambda d: _with_payload(d, b"\xff\x00garbage"),
}


@pytest.mark.parametrize("corruption", list(CORRUPTIONS))
def test_cache_failing_any_check_is_rebuilt_and_rewritten(cache_dir, corruption):
    from termkit.glossary.cache import MAGIC

    load()
    (path,) = cache_files(cache_dir)
    good = path.read_bytes()
    path.write_bytes(CORRUPTIONS[corruption](good))
    assert path.read_bytes() != good
    assert_same_matcher(load(), fresh())
    (again,) = cache_files(cache_dir)
    assert again == path and path.read_bytes().startswith(MAGIC)
    assert_same_matcher(load(), fresh())


def test_fifo_in_place_of_the_cache_file_does_not_block(cache_dir):
    load()
    (path,) = cache_files(cache_dir)
    path.unlink()
    os.mkfifo(path)
    with deadline(30):
        assert_same_matcher(load(), fresh())
    assert stat.S_ISREG(path.stat().st_mode)


# -- writing -----------------------------------------------------------------------------------

@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_failed_write_leaves_no_temporary_file(cache_dir, monkeypatch, error):
    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr(os, "replace", fail)
    if isinstance(error, OSError):
        assert_same_matcher(load(), fresh())  # a failed cache write never fails the run
    else:
        with pytest.raises(KeyboardInterrupt):
            load()
    assert cache_files(cache_dir) == []


def test_cache_directory_is_created_private(tmp_path, monkeypatch):
    d = tmp_path / "new" / "cache"
    monkeypatch.setenv("TERMKIT_CACHE_DIR", str(d))
    old_umask = os.umask(0o022)
    try:
        load()
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(d.stat().st_mode) == 0o700


@pytest.mark.parametrize("mode", [0o770, 0o707, 0o777])
def test_cache_directory_writable_by_others_is_neither_read_nor_written(cache_dir, monkeypatch, mode):
    from termkit.glossary import cache

    load()
    (path,) = cache_files(cache_dir)
    planted = pickle.dumps(None)
    path.write_bytes(planted)
    os.chmod(cache_dir, mode)

    def never(*args, **kwargs):
        raise AssertionError("read a cache file from a shared directory")

    monkeypatch.setattr(cache, "parse_cache", never)
    assert_same_matcher(load(), fresh())  # built in memory, no error
    assert cache_files(cache_dir) == [path] and path.read_bytes() == planted


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown to another user needs root")
def test_cache_directory_of_another_user_is_not_used(cache_dir, monkeypatch):
    from termkit.glossary import cache

    cache_dir.mkdir(mode=0o700)
    os.chown(cache_dir, 65534, 65534)
    monkeypatch.setattr(cache, "parse_cache", lambda *a: pytest.fail("read another user's cache"))
    assert_same_matcher(load(), fresh())
    assert cache_files(cache_dir) == []
