"""Compile a glossary into Aho–Corasick automata (English, Korean, romanized keys); find its forms in raw text."""
from __future__ import annotations

import dataclasses
import marshal
import re
from bisect import bisect_left, bisect_right
from array import array
from collections import deque
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain, repeat
from typing import NamedTuple

import ahocorasick

from .korean import JOINER_RE, KoreanRuns, canonical, canonical_same_length, is_particle_tail
from ..model import Concept, Hit, Spec, Term, APPROVED
from .normalize import Normalized, fold_same_length, joined_after, joined_before, nfc_with_map

_NONE: frozenset = frozenset()
GLOSS_KINDS = frozenset({"rom", "ko", "hanja", "misspelling", "fuzzy"})
MIN_ROMANIZATION_KEY = 5  # shorter romanizations (do, gun, si) are ordinary English strings
# One syllable (리, 도, 군) is an ordinary word or a particle in running Korean (리 folds to 이):
# such forms match only standing alone, as a gloss does: "village (리)".
MIN_KOREAN_IN_TEXT = 2
_PAREN_AFTER = re.compile(r"[ \t*_]*\r?\n?[ \t*_]*\(")
_MAX_PAREN = 300
_SPACE = re.compile(r"\s")
# Where a romanized term may stand: emphasis, parentheses, or two capitalised words in a row.
_ROMANIZED_HINT = re.compile(r"[*_(]|[A-Z][a-z]+[ -][A-Z]")


@lru_cache(maxsize=1)
def _rapidfuzz():
    """rapidfuzz's OSA distance and `process`, from its compiled implementation only.

    Its pure-Python fallbacks cost ~10 ms more to import. rapidfuzz reads RAPIDFUZZ_IMPL at import
    time, so the variable is set for the import alone and the process environment is left as it was
    (a user's subprocesses must not inherit it).
    """
    import os

    before = os.environ.get("RAPIDFUZZ_IMPL")
    os.environ["RAPIDFUZZ_IMPL"] = before or "cpp"
    try:
        from rapidfuzz import process
        from rapidfuzz.distance import OSA
    finally:
        if before is None:
            del os.environ["RAPIDFUZZ_IMPL"]
    return OSA, process


# What a key's entries are, as bits (Matcher.key_masks): a rule names the bits it looks at, and the
# checker hands it only the hits whose key has one of them (EVIDENCE: the hit has a gloss beside it).
EN_APPROVED, EN_WRONG, EN_DEPRECATED, MISSPELLING, ROM, FUZZY, NAME, KOREAN, EVIDENCE, PUNCT = (1 << i for i in range(10))


def entry_mask(entries) -> int:
    mask = 0
    for e in entries:
        if e.kind == "en":
            mask |= EN_APPROVED if e.status in APPROVED else EN_WRONG if e.status == "wrong" else EN_DEPRECATED
        else:
            mask |= {"misspelling": MISSPELLING, "rom": ROM, "fuzzy": FUZZY, "name": NAME, "punct": PUNCT,
                      "block": 0}.get(e.kind, KOREAN)
    return mask


GENERATED = "generated"  # the status of a name entry the matcher spelled itself (matching.names)


class Entry(NamedTuple):
    """What a matching key stands for: a concept's form of one kind (and status, for English).

    A NamedTuple, not a dataclass: the compiled glossary holds thousands and rebuilds them at start-up.
    """

    concept: int
    kind: str  # en, name, rom, ko, hanja, misspelling, punct (a name's apostrophes dropped or misplaced);
    # block: a longer name that is not the concept
    form: str
    status: str | None = None  # en: preferred…wrong; name: dprk, sk, other, generated
    needs_evidence: bool = False


class LazyConcepts(Sequence):
    """A cached matcher's concepts, each decoded from its plain record when first used.

    Decoding every concept is the largest part of loading the cache, which is most of a short
    check's start-up (a pre-commit run); a few pages touch a few dozen concepts of the glossary.
    """

    __slots__ = ("_blobs", "_items")

    def __init__(self, blobs: list[bytes]):
        self._blobs = blobs  # marshal.dumps(concept_record(c)): bytes only, so the list itself is plain data
        self._items: list[Concept | None] = [None] * len(blobs)

    @classmethod
    def of(cls, concepts) -> LazyConcepts:
        if isinstance(concepts, LazyConcepts):
            return concepts
        return cls([marshal.dumps(concept_record(c)) for c in concepts])

    def __len__(self) -> int:
        return len(self._blobs)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        c = self._items[i]
        if c is None:
            c = self._items[i] = concept_from_blob(self._blobs[i])
        return c

    def __iter__(self):
        return (self[i] for i in range(len(self)))

    def __reduce__(self):
        return (LazyConcepts, (self._blobs,))


# A Concept as a tuple of its fields in declaration order, Terms and Specs as tuples: plain data
# that marshal writes and reads without running code. The types each field must have on the way back:
_FIELDS = tuple(f.name for f in dataclasses.fields(Concept))
_STR, _OPT = (str,), (str, type(None))
_SCALAR_TYPES = {"id": _STR, "domain": _STR, "ko": _STR, "confidence": _STR, "type": _STR, "ko_nk": _OPT,
                 "hanja": _OPT, "mr": _OPT, "rr": _OPT, "definition": _OPT, "note": _OPT, "origin": _STR}
_STR_TUPLES = ("ko_variants", "rom_variants", "sources", "extra_ko", "conventional", "short_forms",
               "blocking_contexts", "context_cues")


def concept_record(c: Concept) -> tuple:
    """A Concept as plain data (str, bool, None and tuples of them)."""
    out = []
    for name in _FIELDS:
        v = getattr(c, name)
        if name in ("terms", "misspellings"):
            v = tuple((t.form, t.status, t.reason, t.needs_evidence, t.since, t.seen_in, t.other_state) for t in v)
        elif name == "specs":
            v = tuple((s.text, tuple(s.expect)) for s in v)
        elif name == "names":
            v = tuple(tuple(n) for n in v)
        out.append(v)
    return tuple(out)


def _str_tuple(v, n: int | None = None) -> bool:
    return type(v) is tuple and (n is None or len(v) == n) and all(type(x) is str for x in v)


def concept_from_record(rec) -> Concept:
    """The Concept a plain record holds; ValueError if any field has another shape or type."""
    if type(rec) is not tuple or len(rec) != len(_FIELDS):
        raise ValueError("not a concept record")
    values = dict(zip(_FIELDS, rec))
    for name, types in _SCALAR_TYPES.items():
        if type(values[name]) not in types:
            raise ValueError(f"concept record: {name} is {type(values[name]).__name__}")
    for name in _STR_TUPLES:
        if not _str_tuple(values[name]):
            raise ValueError(f"concept record: {name} is not a tuple of strings")
    if not all(_str_tuple(n, 2) for n in _tuple(values["names"])):
        raise ValueError("concept record: names")
    for name in ("terms", "misspellings"):
        terms = []
        for t in _tuple(values[name]):
            if (type(t) is not tuple or len(t) != 7 or type(t[0]) is not str or type(t[1]) is not str
                    or type(t[2]) not in _OPT or type(t[3]) is not bool or type(t[4]) not in _OPT
                    or type(t[5]) not in _OPT or type(t[6]) not in _OPT):
                raise ValueError(f"concept record: {name}")
            terms.append(Term(*t))
        values[name] = tuple(terms)
    specs = []
    for s in _tuple(values["specs"]):
        if type(s) is not tuple or len(s) != 2 or type(s[0]) is not str or not _str_tuple(s[1]):
            raise ValueError("concept record: specs")
        specs.append(Spec(*s))
    values["specs"] = tuple(specs)
    c = object.__new__(Concept)  # as unpickling does: the frozen __init__ sets each field through object.__setattr__
    c.__dict__.update(values)
    return c


def _tuple(v) -> tuple:
    if type(v) is not tuple:
        raise ValueError("concept record: a tuple was expected")
    return v


def concept_from_blob(blob: bytes) -> Concept:
    """A concept of a cached matcher. Its bytes passed the cache file's checksum with the rest, so a
    record that does not decode was written by hand into the user's own cache: say so."""
    try:
        return concept_from_record(marshal.loads(blob))
    except (ValueError, EOFError, TypeError) as e:
        from ..errors import GlossaryError

        raise GlossaryError(f"malformed concept in the matcher cache ({e}); delete the cache directory "
                            "(TERMKIT_CACHE_DIR or ~/.cache/termkit)") from None


class Matcher:
    """The compiled glossary: concepts, key table and automata. Picklable, so it can be cached."""

    def __init__(self, concepts: list[Concept], glossary_hash: str = ""):
        from .variants import english_keys, name_keys, romanization_keys  # compile time only

        self.concepts = concepts
        self.index = {c.id: i for i, c in enumerate(concepts)}
        self.glossary_hash = glossary_hash
        latin: dict[str, list[Entry]] = {}
        korean: dict[str, list[Entry]] = {}

        def add(table, key, entry):
            if key:
                bucket = table.setdefault(key, [])
                if entry not in bucket:
                    bucket.append(entry)

        for ci, c in enumerate(concepts):
            for t in c.terms:
                # Another state's institution is wrong only with evidence, as an ordinary word is.
                entry = Entry(ci, "en", t.form, t.status, t.needs_evidence or bool(t.other_state))
                for k in english_keys(t.form):
                    add(latin, k, entry)
            for style, form in c.names:
                for k in name_keys(form):
                    add(latin, k, Entry(ci, "name", form, style))
            # A person's romanized name is the name itself (Pak Pong Ju), not a gloss of something else.
            for form in [] if c.type == "person" else [c.mr, c.rr, *c.rom_variants, *c.conventional]:
                if form:
                    for k in romanization_keys(form):
                        if len(k) >= MIN_ROMANIZATION_KEY:
                            add(latin, k, Entry(ci, "rom", form))
            for m in c.misspellings:
                for k in romanization_keys(m.form):
                    add(latin, k, Entry(ci, "misspelling", m.form, None))
            # A blocking context is matched like a form, so that leftmost-longest takes it instead of the
            # shorter form inside it; no rule reads a block entry.
            for form in c.blocking_contexts:
                for k in english_keys(form):
                    add(latin, k, Entry(ci, "block", form))
            for form in c.korean_forms():
                add(korean, canonical(form), Entry(ci, "ko", form))
            if c.hanja:
                add(korean, canonical(c.hanja), Entry(ci, "hanja", c.hanja))
        self._add_variants(latin, add)
        self.keys: list[tuple[Entry, ...]] = []
        self.latin = self._key_table(latin)
        self.latin_automaton = ahocorasick.Automaton()
        for key, value in self.latin.items():
            self.latin_automaton.add_word(key, value)
        if self.latin:
            self.latin_automaton.make_automaton()
        self.korean = self._automaton(korean)
        self._index_romanizations()
        self.key_masks = [entry_mask(entries) for entries in self.keys]
        self._start_run()

        self.title_heads = title_heads(concepts)

    def _add_variants(self, latin: dict, add) -> None:
        """A listed English form's family (variants.variant_keys) matches as the form itself, and a name's
        mispunctuations as `punct` entries, and a person's generated spellings (names.name_spellings) as
        `name` entries of status "generated" — on keys no concept lists, so that a listed form always wins."""
        from .names import name_spellings
        from .variants import name_keys, punctuation_keys, short_punctuation_keys, variant_keys

        listed = set(latin)
        for ci, c in enumerate(self.concepts):
            for t in c.terms:
                entry = Entry(ci, "en", t.form, t.status, t.needs_evidence or bool(t.other_state))
                for k in variant_keys(t.form, t.status not in APPROVED):
                    if k not in listed:
                        add(latin, k, entry)
                if t.status in APPROVED:
                    for k in punctuation_keys(t.form):
                        if k not in listed:
                            add(latin, k, Entry(ci, "punct", t.form, t.status))
                    for k in short_punctuation_keys(t.form):  # 'Workers Party': only with evidence (TK103)
                        if k not in listed:
                            add(latin, k, Entry(ci, "punct", t.form, t.status, True))
                else:  # a rejected name mispunctuated is still that name: 'Korean Workers Party'
                    for k in punctuation_keys(t.form):
                        if k not in listed:
                            add(latin, k, entry)
            if c.type == "person":
                for form in name_spellings(c.ko):
                    for k in name_keys(form, possessive=False):  # a match may end before "'s"
                        if k not in listed:
                            add(latin, k, Entry(ci, "name", form, GENERATED))

    def approved_owners(self, key: int) -> frozenset[int]:
        """The concepts whose preferred or admitted English form a key matches.

        Such a form is wrong for any other concept only with evidence of that concept (a gloss, the
        bilingual source): 'false reporting' is right for 허위보고 and wrong for 양생원.
        """
        return frozenset(e.concept for e in self.keys[key] if e.kind == "en" and e.status in APPROVED)

    def _index_romanizations(self):
        """Tolerant skeletons of every concept's romanizations (stored and generated), for fuzzy lookup."""
        from .romanizer import romanize
        from .romanized import skeleton, syllable_inventory

        self.syllables = syllable_inventory()
        owners: dict[str, set[int]] = {}
        self.fuzzy_key: dict[int, int] = {}
        for ci, c in enumerate(self.concepts):
            if c.type == "person":
                continue  # names have their own rules (TK501, TK502)
            forms = [f for f in (c.mr, c.rr, *c.rom_variants, *c.conventional) if f]
            for ko in filter(None, (c.ko_nk, c.ko)):
                if all("\uac00" <= ch <= "\ud7a3" or ch == " " for ch in ko):
                    forms += [romanize(ko, "mr"), romanize(ko, "rr")]
            for f in forms:
                sk = skeleton(f)
                if len(sk) >= 4:
                    owners.setdefault(sk, set()).add(ci)
            if forms:
                self.fuzzy_key[ci] = len(self.keys)
                self.keys.append((Entry(ci, "fuzzy", c.mr or c.rr or forms[0]),))
        self.rom_skeletons = sorted(owners)
        self.rom_owner = {k: tuple(sorted(v)) for k, v in owners.items()}
        # Blocks for fuzzy lookup: a misspelling keeps its first letter and roughly its length, so a
        # candidate is compared with one block, not the whole glossary (cost stays flat as it grows).
        self.rom_blocks: dict[tuple[str, int], list[str]] = {}
        for sk in self.rom_skeletons:
            self.rom_blocks.setdefault((sk[0], len(sk)), []).append(sk)

    def _fuzzy_spans(self, text: str, spans) -> list[tuple[int, int, int]]:
        """Romanized-looking stretches that match no form exactly but resemble one closely (misspellings)."""
        from .romanized import candidates, cutoff, skeleton

        starts = [s for s, _, _ in spans]  # spans are sorted and do not overlap
        out, seen = [], set()
        memo, by_text = self._fuzzy_memo, self._fuzzy_cands
        for s, e, kind in candidates(text, self._fuzzy_initials()):
            k = bisect_left(starts, e)
            if (s, e) in seen or (k and spans[k - 1][1] > s) or any(s < oe and os < e for os, oe, _ in out):
                continue
            seen.add((s, e))
            cand = text[s:e]
            # A text repeats its capitalised names and its glosses: judge each (text, kind) once.
            key = by_text.get((cand, kind), by_text)
            if key is by_text:
                if len(by_text) >= 100_000:
                    by_text.clear()
                key = None
                if cutoff(cand, kind, self.syllables) is not None:
                    sk = skeleton(cand)
                    key = memo.get(sk, memo)
                    if key is memo:  # misspellings recur in other shapes: look each skeleton up once
                        if len(memo) >= 100_000:
                            memo.clear()
                        key = memo[sk] = self._fuzzy_lookup(sk)
                by_text[(cand, kind)] = key
            if key is not None:
                out.append((s, e, key))
        return out

    def _fuzzy_initials(self) -> str:
        """Capital letters a capitalised run must begin with to be near some romanization's skeleton.

        A skeleton keeps a misspelling's first letter (see rom_blocks), folded: B → p, D → t, G → k,
        J and Ch → c, Eo/Eu → o/u, Wo → o. Runs beginning with any other capital cannot match.
        """
        got = self._initials
        if got is None:
            firsts = {sk[0] for sk in self.rom_skeletons}
            folds = {"B": "p", "D": "t", "G": "k", "J": "c", "E": "eou", "W": "wo"}
            got = self._initials = "".join(
                c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if firsts & set(folds.get(c, c.lower())))
        return got

    def _fuzzy_lookup(self, sk: str) -> int | None:
        """The fuzzy key of the concept a romanized skeleton misspells, if it is close to exactly one form."""
        from .romanized import max_edits

        if sk in self.rom_owner or len(sk) < 6:
            return None  # a correct romanization in some system or spelling, or too short to judge
        need = max_edits(sk)
        osa, process = _rapidfuzz()
        block = self._block(sk[0], len(sk), need)
        best = process.extractOne(sk, block, scorer=osa.distance, score_cutoff=need) if block else None
        if best is None:
            return None
        if any(sk in known for known in self.rom_skeletons):
            return None  # part of a longer romanization: a shortened name (sahoejuŭi hŏnpŏp)
        return self.fuzzy_key[self.rom_owner[best[0]][0]]

    def _block(self, first: str, n: int, need: int) -> list[str]:
        """Known skeletons a candidate may be `need` edits from: same first letter, length within `need`.

        An edit changes the length by one at most, so nothing outside n ± need can match; the
        blocks are put together once per process (a large glossary makes them long).
        """
        block = self._blocks.get((first, n, need))
        if block is None:
            block = self._blocks[(first, n, need)] = [
                x for length in range(n - need, n + need + 1) for x in self.rom_blocks.get((first, length), ())]
        return block

    def _key_table(self, table: dict[str, list[Entry]]) -> dict[str, tuple[int, int]]:
        """Latin keys → (key id, length), in key-id order: the scanner is built from it when first used."""
        out = {}
        for key in sorted(table):
            out[key] = (len(self.keys), len(key))
            self.keys.append(tuple(table[key]))
        return out

    def _start_run(self) -> None:
        """State of one process's run, never pickled: the Rust automaton (it does not pickle; built
        when first needed), the text scanned before it, fuzzy lookup blocks and results, the Korean runs."""
        self._scanner = None
        self._scanned = 0
        self._blocks: dict[tuple[str, int, int], list[str]] = {}
        self._fuzzy_memo: dict[str, int | None] = {}
        self._fuzzy_cands: dict[tuple[str, str], int | None] = {}
        self._initials: str | None = None
        self._korean_runs = KoreanRuns()

    def __getstate__(self):
        run_state = ("_scanner", "_scanned", "_blocks", "_fuzzy_memo", "_fuzzy_cands", "_initials", "_korean_runs")
        state = {k: v for k, v in self.__dict__.items() if k not in run_state}
        state["concepts"] = LazyConcepts.of(self.concepts)
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._start_run()

    # -- plain data, for termkit's cache file (glossary/cache.py): no pickle, nothing that runs code ---

    def to_plain(self) -> dict:
        """The compiled glossary as plain data: str, int, bool, None, bytes, and lists and tuples of them.

        The automata are not stored: from_plain rebuilds them from the key lists, so that reading a
        cache never hands file bytes to pyahocorasick's unpickler (which also crashes on very long keys).
        Layouts are chosen so that from_plain runs at C speed (map and zip, few Python loops).
        """
        entry_ids: dict[Entry, int] = {}
        keys = [tuple(entry_ids.setdefault(e, len(entry_ids)) for e in entries) for entries in self.keys]
        multi = [i for i, ids in enumerate(keys) if len(ids) != 1]  # most keys stand for one entry
        latin, korean = list(self.latin), sorted(self.korean.keys())
        latin_base = self.latin[latin[0]][0] if latin else 0
        korean_base = self.korean.get(korean[0])[0] if korean else 0
        assert all(self.latin[k] == (latin_base + i, len(k)) for i, k in enumerate(latin))
        assert all(self.korean.get(k) == (korean_base + i, len(k)) for i, k in enumerate(korean))
        return {
            "concepts": LazyConcepts.of(self.concepts)._blobs,
            "ids": [c_id for c_id, _ in sorted(self.index.items(), key=lambda kv: kv[1])],
            "glossary_hash": self.glossary_hash,
            # concept, kind, form, status, needs_evidence: one list per field
            "entries": [list(col) for col in zip(*entry_ids)] if entry_ids else [[], [], [], [], []],
            "keys": ([ids[0] if len(ids) == 1 else 0 for ids in keys], multi, [keys[i] for i in multi]),
            "latin": (latin_base, latin),
            "korean": (korean_base, korean),
            "syllables": sorted(self.syllables),
            "fuzzy_key": (list(self.fuzzy_key), list(self.fuzzy_key.values())),
            "rom_skeletons": self.rom_skeletons,
            "rom_owner": [self.rom_owner[k] for k in self.rom_skeletons],
            "rom_blocks": (list(self.rom_blocks), list(self.rom_blocks.values())),
            "key_masks": self.key_masks,
            "title_heads": sorted(self.title_heads),
        }

    @classmethod
    def from_plain(cls, d: dict) -> Matcher:
        """The Matcher to_plain described; ValueError if a field has another shape or type than it writes."""
        _expect(type(d) is dict and d.keys() == _PLAIN_KEYS, "fields")
        self = cls.__new__(cls)
        blobs, ids = d["concepts"], d["ids"]
        _expect(_all(blobs, bytes) and _strs(ids) and len(ids) == len(blobs), "concepts")
        self.concepts = LazyConcepts(blobs)
        self.index = dict(zip(ids, range(len(ids))))
        self.glossary_hash = d["glossary_hash"]
        _expect(type(self.glossary_hash) is str, "glossary_hash")
        self.keys = _keys(d["entries"], d["keys"], len(blobs))
        n_keys = len(self.keys)
        self.latin = _key_ids(d["latin"], n_keys, "latin")
        self.latin_automaton = _build_automaton(self.latin)
        self.korean = _build_automaton(_key_ids(d["korean"], n_keys, "korean"))

        syllables, skeletons, owners, masks = d["syllables"], d["rom_skeletons"], d["rom_owner"], d["key_masks"]
        _expect(_strs(syllables) and _strs(skeletons) and _all(owners, tuple) and _ints(_chain(owners))
                and len(owners) == len(skeletons) and _ints(masks) and len(masks) == n_keys, "romanizations")
        self.syllables = frozenset(syllables)
        self.rom_skeletons = skeletons
        self.rom_owner = dict(zip(skeletons, owners))
        blocks, block_lists = d["rom_blocks"]
        _expect(_all(blocks, tuple) and all(len(b) == 2 for b in blocks) and _strs([b[0] for b in blocks])
                and _ints([b[1] for b in blocks]) and _all(block_lists, list) and _strs(_chain(block_lists))
                and len(blocks) == len(block_lists), "rom_blocks")
        self.rom_blocks = dict(zip(blocks, block_lists))
        self.key_masks = masks
        _expect(_strs(d["title_heads"]), "title_heads")
        self.title_heads = frozenset(d["title_heads"])
        fuzzy_concepts, fuzzy_keys = d["fuzzy_key"]
        _expect(_ints(fuzzy_concepts) and _ints(fuzzy_keys) and len(fuzzy_concepts) == len(fuzzy_keys)
                and _in_range(fuzzy_keys, n_keys), "fuzzy_key")
        self.fuzzy_key = dict(zip(fuzzy_concepts, fuzzy_keys))
        self._start_run()
        return self

    # Text scanned by the pyahocorasick automaton before the faster Rust one is built: the
    # build (~9 ms for the bundled glossary) pays for itself only after about a megabyte.
    SCANNER_AFTER = 1_000_000

    def _latin_matches(self, t: str):
        """(start, end, key id) of every Latin key in folded text, overlapping, in either automaton."""
        if self._scanner is None:
            self._scanned += len(t)
            if self._scanned < self.SCANNER_AFTER:
                return [(end - klen + 1, end + 1, kid) for end, (kid, klen) in self.latin_automaton.iter(t)]
        base = next(iter(self.latin.values()))[0]  # the first Latin key's id; the rest follow in order
        return [(s, e, base + i) for i, s, e in self._latin_scanner().find_matches_as_indexes(t, overlapping=True)]

    def _latin_scanner(self):
        """The Latin keys' automaton (ahocorasick_rs: twice pyahocorasick's speed, matches as one list)."""
        scanner = self._scanner
        if scanner is None:
            import ahocorasick_rs as ars

            scanner = self._scanner = ars.AhoCorasick(
                list(self.latin), matchkind=ars.MatchKind.Standard, implementation=ars.Implementation.ContiguousNFA)
        return scanner

    def _automaton(self, table: dict[str, list[Entry]]):
        a = ahocorasick.Automaton()
        for key in sorted(table):
            a.add_word(key, (len(self.keys), len(key)))
            self.keys.append(tuple(table[key]))
        if len(a):
            a.make_automaton()
        return a

    # -- finding -------------------------------------------------------------------------------

    def _latin_spans(self, text: str) -> list[tuple[int, int, int]]:
        if not self.latin:
            return []
        norm = Normalized(text)
        t = norm.text
        n = len(t)
        cands = []
        for start, end, kid in self._latin_matches(t):
            if start and t[start - 1].isalnum():
                continue  # inside a longer word
            if end < n and t[end].isalnum():
                continue
            cands.append((start, end, kid))
        raw_offset, raw_end = norm.raw_offset, norm.raw_end
        if "_" in text:  # folded to a space above (emphasis); in the raw text it may join an identifier
            m = len(text)
            cands = [c for c in cands
                     if not joined_before(text, raw_offset(c[0])) and not joined_after(text, raw_end(c[1]), m)]
        return [(raw_offset(s), raw_end(e), kid) for s, e, kid in _leftmost_longest(cands)]

    def _korean_spans(self, text: str) -> list[tuple[int, int, int]]:
        if text.isascii() or not len(self.korean):  # KoreanRuns scans for Hangul and hanja itself
            return []
        cands = []
        for m in self._korean_runs(text):
            run, base = m.group(), m.start()
            # Joiners (spaces, hyphens, middle dots) are left out of the key: 자력 갱생 = 자력갱생.
            cut_at, cut_total, pieces, last = [], [], [], 0
            for j in JOINER_RE.finditer(run):
                pieces.append(run[last:j.start()])
                cut_at.append(j.start() - (cut_total[-1] if cut_total else 0))
                cut_total.append((cut_total[-1] if cut_total else 0) + j.end() - j.start())
                last = j.end()
            pieces.append(run[last:])
            canon = canonical_same_length("".join(pieces))

            def raw(i):  # compact offset -> offset in run
                k = bisect_right(cut_at, i)
                return i + (cut_total[k - 1] if k else 0)

            for end, (kid, klen) in self.korean.iter(canon):
                start = raw(end - klen + 1)
                if start > 0 and not run[start - 1].isspace():
                    continue  # starts inside a word (a hyphen joins words into one)
                e_raw = raw(end) + 1
                if klen < MIN_KOREAN_IN_TEXT and (start > 0 or e_raw < len(run)):
                    continue
                space = _SPACE.search(run, e_raw)
                tail = run[e_raw:space.start() if space else len(run)]
                if tail and not is_particle_tail(JOINER_RE.sub("", tail)):
                    continue  # ends inside a longer word
                cands.append((base + start, base + e_raw, kid))
        return _leftmost_longest(cands)

    def find(self, raw: str, path: str = "", first_line: int = 1, segment: int = 0, first_column: int = 1,
             context: frozenset = frozenset(), side: str | None = None, doc: str | None = None,
             korean_only: bool = False) -> list[Hit]:
        """Every glossary form in raw text, leftmost-longest, with glosses paired and lines resolved.

        first_line/first_column place the text in its file; context holds the concepts a bilingual
        segment's source proves; korean_only restricts matching to Hangul and hanja (a source side).
        """
        text, cmap = nfc_with_map(raw)
        latin = [] if korean_only else self._latin_spans(text)
        spans = sorted(latin + self._korean_spans(text))
        if not korean_only and self.rom_skeletons and _ROMANIZED_HINT.search(text):
            spans = sorted(spans + self._fuzzy_spans(text, spans))
        if not spans:
            return []
        evidence, glosses = self._pair_glosses(text, spans) if not korean_only else ({}, {})
        if cmap is not None:  # exact: a span covers whole clusters of the raw text
            start, end = cmap.start, cmap.end
            spans = [(start(s), end(e), kid) for s, e, kid in spans]
        # Line and column of both ends, inlined (a megabyte holds thousands of hits): 1-based, the
        # first line shifted by first_column.
        newlines = [m.start() for m in re.finditer("\n", raw)] if "\n" in raw else []
        shift = first_column - 1
        hits = []
        for i, (s, e, kid) in enumerate(spans):
            k = bisect_left(newlines, s)
            line, col = (first_line, s + 1 + shift) if k == 0 else (first_line + k, s - newlines[k - 1])
            k = bisect_left(newlines, e - 1, k)
            end_line, end_col = (first_line, e + shift) if k == 0 else (first_line + k, e - 1 - newlines[k - 1])
            ev = frozenset(evidence[i]) if i in evidence else _NONE
            hits.append(Hit(path, line, col, end_line, end_col + 1, raw[s:e], kid, s, e, ev,
                            glosses.get(i), segment, context, side, doc))
        return hits

    def _pair_glosses(self, text: str, spans):
        """Evidence: the concepts of glosses in parentheses right after a hit, or of the hit before them."""
        if "\uff08" in text or "\uff09" in text:
            text = fold_same_length(text)  # full-width brackets, offsets unchanged
        starts = [s for s, _, _ in spans]
        evidence: dict[int, set[int]] = {}
        glosses: dict[int, str] = {}
        for i, (s, e, kid) in enumerate(spans):
            m = _PAREN_AFTER.match(text, e)
            if not m:
                continue
            open_at = m.end() - 1
            close = text.find(")", open_at, open_at + _MAX_PAREN)
            if close < 0:
                continue
            outer_gloss, outer_word = self.is_gloss(kid), self.is_word(kid)
            j = bisect_left(starts, open_at)
            while j < len(spans) and spans[j][1] <= close:
                inner_kid = spans[j][2]
                if outer_gloss and self.is_word(inner_kid):  # gloss (rendering)
                    evidence.setdefault(j, set()).update(self.gloss_concepts(kid))
                    glosses.setdefault(j, text[s:e])
                if outer_word and self.is_gloss(inner_kid):  # rendering (gloss)
                    evidence.setdefault(i, set()).update(self.gloss_concepts(inner_kid))
                    glosses.setdefault(i, text[spans[j][0]:spans[j][1]])
                j += 1
        return evidence, glosses

    def is_word(self, kid: int) -> bool:
        return any(e.kind in ("en", "name", "punct") for e in self.keys[kid])

    def is_gloss(self, kid: int) -> bool:
        return any(e.kind in GLOSS_KINDS for e in self.keys[kid])

    def gloss_concepts(self, kid: int) -> set[int]:
        return {e.concept for e in self.keys[kid] if e.kind in GLOSS_KINDS}


NAMED_TYPES = frozenset({"institution", "office", "facility"})


def title_heads(concepts) -> frozenset[str]:
    """The head words of the glossary's names of institutions, offices and the like (Committee, College).

    A capitalised run that ends in one of them right after a form makes the form part of a longer
    name (Supreme People's Assembly Standing Committee); the words come from the data, not from code.
    The head of 'A of B' (for, on) is the last word of A; place names (Radio Pyongyang) are no heads.
    """
    heads, places = set(), set()
    for c in concepts:
        if c.type == "place":
            places.update(t.form.casefold() for t in c.terms)
        if c.type not in NAMED_TYPES:
            continue
        for t in c.terms:
            head = _HEAD_END.split(t.form, 1)[0].split()
            if len(t.form.split()) > 1 and head and head[-1][:1].isupper() and head[-1].isalpha():
                heads.add(head[-1].casefold())
    return frozenset(heads - places)


_HEAD_END = re.compile(r" (?:of|for|on|in|to)\b")


def _leftmost_longest(cands):
    """Non-overlapping matches, preferring the earliest and, among those, the longest."""
    if len(cands) < 2:
        return list(cands)
    # Sorting (start, -end, key) tuples as they are (no key function) is several times faster.
    order = sorted([(s, -e, kid) for s, e, kid in cands])
    out = []
    last_end = -1
    for s, neg_e, kid in order:
        if s >= last_end:
            out.append((s, -neg_e, kid))
            last_end = -neg_e
    return out


# -- checks for Matcher.from_plain: each walks a list at C speed (a cache load is part of start-up) --

_PLAIN_KEYS = frozenset({"concepts", "ids", "glossary_hash", "entries", "keys", "latin", "korean", "syllables",
                         "fuzzy_key", "rom_skeletons", "rom_owner", "rom_blocks", "key_masks", "title_heads"})


def _expect(ok: bool, what: str) -> None:
    if not ok:
        raise ValueError(f"matcher data: {what} malformed")


def _all(values, *types) -> bool:
    """A list (or tuple) whose items are all of exactly these types (bool is not an int here)."""
    return type(values) in (list, tuple) and set(map(type, values)) <= set(types)


def _strs(values) -> bool:
    """A list (or tuple) of strings: join refuses anything else, several times faster than a type per item."""
    if type(values) not in (list, tuple):
        return False
    try:
        "".join(values)
    except TypeError:
        return False
    return True


def _ints(values) -> bool:
    """A list (or tuple) of integers that fit 64 bits: array refuses anything else (floats, strings) at C speed."""
    if type(values) not in (list, tuple):
        return False
    try:
        array("q", values)
    except (TypeError, OverflowError):
        return False
    return True


def _chain(lists) -> list:
    return list(chain.from_iterable(lists))


def _in_range(ints, n: int) -> bool:
    return not ints or (min(ints) >= 0 and max(ints) < n)


def _keys(columns, keys, n_concepts: int) -> list[tuple[Entry, ...]]:
    """The key table: each key's entries, from the entry columns and the keys' entry ids."""
    _expect(type(columns) is list and len(columns) == 5 and _all(columns, list)
            and len(set(map(len, columns))) == 1, "entries")
    concept, kind, form, status, evidence = columns
    _expect(_ints(concept) and _strs(kind) and _strs(form) and _all(status, str, type(None))
            and _all(evidence, bool) and _in_range(concept, n_concepts), "entries")
    entries = list(map(tuple.__new__, repeat(Entry), zip(*columns)))  # Entry's own __new__ is Python
    _expect(type(keys) is tuple and len(keys) == 3, "keys")
    firsts, multi, multi_ids = keys
    # Ids out of range raise IndexError below (a negative one would only pick another entry).
    _expect(_ints(firsts) and _ints(multi) and _all(multi_ids, tuple) and len(multi) == len(multi_ids)
            and _ints(_chain(multi_ids)), "keys")
    get = entries.__getitem__
    out = list(zip(map(get, firsts)))  # one-entry tuples
    for i, ids in zip(multi, multi_ids):
        out[i] = tuple(map(get, ids))
    return out


def _key_ids(v, n_keys: int, what: str) -> dict[str, tuple[int, int]]:
    """key -> (key id, length) for keys whose ids run on from a base (Matcher._key_table, _automaton)."""
    _expect(type(v) is tuple and len(v) == 2 and type(v[0]) is int and _strs(v[1]), what)
    base, keys = v
    _expect(0 <= base and base + len(keys) <= n_keys, what)
    return dict(zip(keys, zip(range(base, base + len(keys)), map(len, keys))))


def _build_automaton(table: dict) -> ahocorasick.Automaton:
    a = ahocorasick.Automaton()
    deque(map(a.add_word, table.keys(), table.values()), maxlen=0)  # add every key at C speed
    if table:
        a.make_automaton()
    return a
