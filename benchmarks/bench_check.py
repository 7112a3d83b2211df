"""Benchmark `termkit check` on a generated corpus: throughput, glossary scaling, memory, start-up, recall."""
from __future__ import annotations

import argparse
import cProfile
import csv
import json
import os
import platform
import pstats
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

import ahocorasick

from termkit.checking.checker import Checker
from termkit.config import Config
from termkit.glossary.assemble import load_concepts
from termkit.matching.matcher import Matcher
from termkit.model import APPROVED, REJECTED
from termkit.matching.normalize import Normalized, fold_key, nfc_with_map, strip_diacritics
from termkit.checking.parallel import check_files, cpus

SEED = 1729
MB = 1_000_000  # decimal megabytes throughout
REPEATS, START_RUNS, SUBSET_MB, SMALL_MB, SCALING_REAL = 3, 10, 10, 5, 50
FLAGGED_CODES = ("TK101", "TK102", "TK401")
TERMKIT = str(Path(sys.executable).parent / "termkit")
LAUNCHER = ("import os, sys, time\nt0 = time.perf_counter()\npid = os.fork()\n"
            "if pid == 0:\n    os.execv(sys.argv[2], sys.argv[2:])\n_, status, ru = os.wait4(pid, 0)\n"
            "open(sys.argv[1], 'w').write(f'{ru.ru_maxrss} {time.perf_counter() - t0}')\n"
            "sys.exit(os.waitstatus_to_exitcode(status))")
MEM_SCRIPT = ("import sys\nfrom termkit.checking import Checker\nc = Checker()\n"
              "print(sum(len(c.check_file(p)) for p in sys.argv[1:]))")

SUBJECTS = ("The ministry|Regional planners|The committee report|Analysts at the institute|The trade survey|"
            "Provincial officials|The budget office|Most economists|The annual review|A working paper|"
            "The lending agency|Several advisers").split("|")
VERBS = ("argued that|noted that|suggested that|warned that|estimated that|concluded that|doubted that|"
         "reported that|assumed that|conceded that").split("|")
CLAUSES = ("consumer prices rose faster than wages|credit to small firms remained scarce|the tax base narrowed "
           "after the reform|export earnings depended on a few commodities|fiscal transfers favoured the coastal "
           "regions|interest rates stayed below inflation|public investment crowded out private lending|the "
           "exchange rate drifted lower all winter|household savings moved into foreign currency|power shortages "
           "held back textile output|rail freight volumes recovered slowly|the deficit was financed by printing "
           "money|procurement quotas were revised twice|wage arrears grew in the mining areas|tariff cuts helped "
           "food processing|the statistics office changed its price index").split("|")
TAILS = ("| in the second quarter| over the decade| despite new incentives| for a while| according to later "
         "revisions| in most provinces| after the harvest").split("|")
TOPICS = ("Prices and wages|Credit and banking|Trade balance|Public finance|Energy supply|Agricultural output|"
          "Labour and housing|Transport").split("|")
FRAMES = [("The report discussed ", " at length."), ("Delegates revisited ", " several times."),
          ("In this account ", " appears only once."), ("A footnote mentions ", " without comment."),
          ("The survey lists ", " among its headings.")]
_CARON = str.maketrans("ŏŭŎŬ", "ǒǔǑǓ")


def _emphasis_inside(f: str, rng: random.Random) -> str:
    tokens = re.split(r"([ -])", f)
    i = rng.randrange(0, len(tokens), 2)
    return "".join(tokens[:i] + [f"*{tokens[i]}*"] + tokens[i + 1:])


def _line_wrap(f: str, rng: random.Random) -> str:
    i = rng.choice([k for k, ch in enumerate(f) if ch in " -"])
    return f[:i] + "\n" + f[i + 1:] if f[i] == " " else f[:i + 1] + "\n" + f[i + 1:]


RENDER = {  # kind -> (form, rng) -> (before, core, after); the expected hit is core without *_ at its ends
    "plain": lambda f, r: ("", f, ""), "upper case": lambda f, r: ("", f.upper(), ""),
    "title case": lambda f, r: ("", " ".join(w[:1].upper() + w[1:] for w in f.split(" ")), ""),
    "typographic apostrophe": lambda f, r: ("", f.replace("'", "\u2019"), ""),
    "hyphen as space": lambda f, r: ("", f.replace("-", " "), ""),
    "hyphen dropped": lambda f, r: ("", f.replace("-", ""), ""),
    "plural": lambda f, r: ("", re.sub("(?<=[^aeiou])y$", "ie", f) + ("es" if f.endswith(("s", "x", "z", "ch", "sh"))
                                                                       else "s"), ""),
    "possessive": lambda f, r: ("", f + ("'" if f.endswith("s") else "'s"), ""),
    "emphasis around": lambda f, r: (m := r.choice(["*", "**", "_"]), f, m),
    "emphasis inside": lambda f, r: ("", _emphasis_inside(f, r), ""),
    "line wrap": lambda f, r: ("", _line_wrap(f, r), ""),
    "<sup> after": lambda f, r: ("", f, f"<sup>{r.randint(1, 99)}</sup>"),
    "diacritics: breve": lambda f, r: ("", unicodedata.normalize("NFC", f), ""),
    "diacritics: decomposed": lambda f, r: ("", unicodedata.normalize("NFD", f), ""),
    "diacritics: caron": lambda f, r: ("", f.translate(_CARON), ""),
    "diacritics: stripped": lambda f, r: ("", strip_diacritics(f), ""),
    "misspelled romanization": lambda f, r: ("", f, ""),
}
EN_KINDS = [k for k in RENDER if not k.startswith(("diacritics", "misspelled"))] + ["Hangul gloss"]


class Planter:
    """Draws a glossary form in a random difficulty; renders it with its expected hit spans and findings."""

    def __init__(self, concepts, rng: random.Random):
        self.concepts, self.rng = concepts, rng
        en = [(t.form, i) for i, c in enumerate(concepts) for t in c.terms]
        has = lambda chars: [(f, i) for f, i in en if any(ch in f for ch in chars)]  # noqa: E731
        roms = [(c.mr, i) for i, c in enumerate(concepts)  # a person's romanization is a name, not a gloss
                if c.type != "person" and c.mr and not c.mr.isascii() and len(fold_key(c.mr)) >= 5]
        self.pools = {k: en if k in EN_KINDS else roms for k in [*RENDER, "Hangul gloss"]}
        self.pools["typographic apostrophe"] = has("'") + [(f, i) for f, i in roms if "'" in f]
        self.pools["hyphen as space"] = self.pools["hyphen dropped"] = has("-")
        self.pools["emphasis inside"] = self.pools["line wrap"] = has(" -")
        self.pools["plural"] = [(f, i) for f, i in en if concepts[i].type in ("term", "facility")
                                and f.rsplit(" ", 1)[-1].isalpha() and f.rsplit(" ", 1)[-1].islower()]
        self.pools["misspelled romanization"] = [(m.form, i) for i, c in enumerate(concepts) for m in c.misspellings]
        self.kinds = sorted(k for k, pool in self.pools.items() if pool)

    def flags(self, kind: str, form: str, glossed_by: frozenset) -> int:
        """TK101/TK102/TK401 findings one planted form must raise, from the glossary data (README rules)."""
        if kind == "misspelled romanization":
            return len({i for i, c in enumerate(self.concepts) for m in c.misspellings if m.form == form})
        if kind not in EN_KINDS:
            return 0
        key = form.casefold()
        approvers = {i for i, c in enumerate(self.concepts) for t in c.terms
                     if t.status in APPROVED and t.form.casefold() == key}
        n = 0
        for i, c in enumerate(self.concepts):
            term = next((t for t in c.terms if t.status in REJECTED and t.form.casefold() == key), None)
            # Another state's institution needs evidence of North Korea as a needs_evidence form does
            # (glossary/README.md); the filler prose names no North Korean body, so it stays quiet there.
            quiet = term and (term.needs_evidence or term.other_state)
            n += bool(term and (i in glossed_by or (not quiet and not approvers - {i})))
        return n

    def plant(self) -> tuple[str, list[tuple[int, int, str]], int]:
        kind = self.rng.choice(self.kinds)
        form, ci = self.rng.choice(self.pools[kind])
        if kind == "Hangul gloss":
            ko = self.concepts[ci].ko
            glossed = frozenset(i for i, c in enumerate(self.concepts) if ko in c.korean_forms())
            text = f"{form} ({ko})"
            spans = [(0, len(form), "Hangul gloss: English term"), (len(form) + 2, len(text) - 1, kind)]
            return text, spans, self.flags("plain", form, glossed)
        before, core, after = RENDER[kind](form, self.rng)
        start, end = len(before) + len(core) - len(core.lstrip("*_")), len(before) + len(core.rstrip("*_"))
        return before + core + after, [(start, end, kind)], self.flags(kind, form, frozenset())


def paragraph(rng: random.Random, planter: Planter) -> tuple[str, list, int]:
    """Four to seven sentences, one or two of them with a planted form; spans relative to the paragraph."""
    n = rng.randint(4, 7)
    planted_at = set(rng.sample(range(n), rng.randint(1, 2)))
    parts, spans, flags, pos = [], [], 0, 0
    for k in range(n):
        if k in planted_at:
            before, after = rng.choice(FRAMES)
            text, sp, fl = planter.plant()
            spans += [(pos + len(before) + s, pos + len(before) + e, kind) for s, e, kind in sp]
            flags += fl
            sentence = before + text + after
        else:
            sentence = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(CLAUSES)}{rng.choice(TAILS)}."
        parts.append(sentence)
        pos += len(sentence) + 1
    return " ".join(parts), spans, flags


def make_document(rng: random.Random, planter: Planter, size: int, title: str) -> tuple[str, list, int]:
    """A Markdown document of at least `size` UTF-8 bytes; planted spans as character offsets."""
    parts, spans, flags = [f"# {title}\n\n"], [], 0
    pos = nbytes = len(parts[0])
    while nbytes < size:
        if rng.random() < 0.05:
            parts.append(head := f"## {rng.choice(TOPICS)}\n\n")
            pos, nbytes = pos + len(head), nbytes + len(head)
        text, sp, fl = paragraph(rng, planter)
        spans += [(pos + s, pos + e, kind) for s, e, kind in sp]
        flags += fl
        parts.append(text + "\n\n")
        pos, nbytes = pos + len(text) + 2, nbytes + len(text.encode()) + 2
    return "".join(parts), spans, flags


def write_corpus(root: Path, mb: int, planter: Planter, rng: random.Random) -> tuple[list[Path], dict, int]:
    """`mb` files of ~1 MB; returns the files, each file's planted spans and the expected findings."""
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    files, spans, flags = [], {}, 0
    for n in range(1, mb + 1):
        text, sp, fl = make_document(rng, planter, MB, f"Working notes on economic policy, part {n}")
        files.append(path := root / f"part-{n:03d}.md")
        path.write_text(text, encoding="utf-8", newline="")
        spans[path], flags = sp, flags + fl
    return files, spans, flags


def prune_filler(matcher: Matcher) -> int:
    """Drop filler phrases that hold a glossary form (the glossary grows): every hit must be a planted one."""
    dropped = 0
    for pool in (SUBJECTS, VERBS, CLAUSES, TAILS, TOPICS, FRAMES):
        keep = [p for p in pool if not matcher.find(p if isinstance(p, str) else " and ".join(p))]
        dropped, pool[:] = dropped + len(pool) - len(keep), keep
        assert keep, "every filler phrase of a kind holds a glossary form"
    return dropped


def timed(fn) -> tuple[float, object]:
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


def best_interleaved(*fns, repeats: int = REPEATS) -> list[tuple[float, object]]:
    """Best (seconds, result) of each function over `repeats` rounds, run in turn so that bursts of load on
    a shared machine hit every candidate alike."""
    rounds = [[timed(fn) for fn in fns] for _ in range(repeats)]
    return [min((r[i] for r in rounds), key=lambda x: x[0]) for i in range(len(fns))]


def check_corpus(checker: Checker, files: list[Path]) -> Counter:
    """termkit in-process: check every file, count the findings by code."""
    codes = Counter()
    for f in files:
        codes.update(x.code for x in checker.check_file(f))
    return codes


def check_corpus_parallel(checker: Checker, files: list[Path], jobs: int) -> Counter:
    """termkit in-process over `jobs` processes (termkit.checking.parallel, as `termkit check --jobs`)."""
    codes = Counter()
    for _, found, error in check_files(checker, files, jobs):
        if error is not None:
            raise error
        codes.update(x.code for x in found)
    return codes


def raw_scan(automaton: ahocorasick.Automaton, files: list[Path]) -> int:
    """The baseline: read, lower-case and run a plain Aho–Corasick scan over each file."""
    return sum(1 for f in files for _ in automaton.iter(f.read_text(encoding="utf-8").lower()))


def run_measured(cmd: list[str], cwd: Path, stdout=subprocess.DEVNULL, env=None) -> tuple[float, float]:
    """Wall time (s) and peak RSS (MB) of cmd, forked from a bare Python launcher: Linux carries the
    parent's RSS high-water mark across fork and exec into ru_maxrss, so not from this large process."""
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as report:
        rc = subprocess.call([sys.executable, "-c", LAUNCHER, report.name, *cmd], cwd=cwd, stdout=stdout,
                             stderr=err, env=env)
        err.seek(0)
        if rc not in (0, 1) or b"Traceback" in (msg := err.read()):  # 1: findings, or a crash
            raise RuntimeError(f"{cmd[:3]} failed:\n{msg.decode(errors='replace')}")
        maxrss_kb, elapsed = report.read().split()
    return float(elapsed), int(maxrss_kb) / 1024


def cli_check(out: Path, target: list[Path], dest: Path) -> tuple[float, float, Counter]:
    """`termkit check --format json` in a subprocess: seconds, peak RSS MB, findings by code."""
    with open(dest, "w", encoding="utf-8") as fh:
        secs, rss = run_measured([TERMKIT, "check", "--format", "json", *map(str, target)], out, fh)
    with open(dest, encoding="utf-8") as fh:
        return secs, rss, Counter(f["code"] for f in json.load(fh)["findings"])


def pseudo_word(rng: random.Random) -> str:
    syllables = [o + v for o in ("br", "dr", "fl", "gr", "kl", "pl", "qu", "sn", "tr", "v", "z", "x")
                 for v in ("a", "e", "i", "o", "u", "ae")]
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) + rng.choice("nrstlx")


def write_flat_glossary(path: Path, concepts, total: int, rng: random.Random) -> None:
    """A flat CSV glossary: the first SCALING_REAL real concepts, made-up ones (absent from the corpus) to `total`."""
    corpus_words = set(re.findall(r"[a-z]+", " ".join(SUBJECTS + VERBS + CLAUSES + TAILS + TOPICS + [
        a + b for a, b in FRAMES] + [t.form for c in concepts for t in c.terms] + ["sup working notes part"]).lower()))
    corpus_ko = " ".join(f for c in concepts for f in c.korean_forms())
    rows = [["concept", "ko", "en", "status", "reason", "mr", "rr", "hanja"]]
    for c in concepts[:SCALING_REAL]:
        rows += [[c.id, c.ko, t.form, "deprecated" if t.status == "superseded" else t.status, t.reason or "",
                  c.mr or "", c.rr or "", c.hanja or ""] for t in c.terms]
    for n in range(total - min(SCALING_REAL, len(concepts))):
        words, ko = [], corpus_ko[:4]
        while not words or set(words) & corpus_words or ko in corpus_ko:  # redraw what the corpus holds
            words = [pseudo_word(rng) for _ in range(rng.randint(1, 3))]
            ko = "".join(chr(0xAC00 + rng.randrange(11172)) for _ in range(4))
        rows.append([f"synthetic-{n:05d}", ko, " ".join(words), "preferred", "", "", pseudo_word(rng), ""])
        rows.append([f"synthetic-{n:05d}", ko, "-".join(words), "wrong", "a synthetic wrong form", "", "", ""])
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)


def mb_of(files: list[Path]) -> float:
    return sum(f.stat().st_size for f in files) / MB


def table(title: str, rows: list[tuple]) -> None:
    width = max(len(str(r[0])) for r in rows)
    print(f"\n{title}\n" + "\n".join(f"  {str(r[0]):<{width}}  " + "  ".join(map(str, r[1:])) for r in rows))


def step_corpus(res: dict, out: Path, mb: int, concepts, rng: random.Random):
    t0 = time.perf_counter()
    files, spans, expected = write_corpus(out / "corpus", mb, Planter(concepts, rng), rng)
    planted = Counter(kind for sp in spans.values() for _, _, kind in sp)
    res["corpus"] = {"files": len(files), "mb": mb_of(files), "generate_s": time.perf_counter() - t0,
                     "planted": dict(sorted(planted.items())), "expected_flagged_findings": expected}
    table(f"Corpus: {len(files)} files, {mb_of(files):.1f} MB; planted spans by difficulty",
          sorted(planted.items()) + [("expected TK101/TK102/TK401 findings", expected)])
    return files, spans, expected


def step_throughput(res: dict, out: Path, concepts, checker: Checker, files: list[Path]):
    """Raw Aho–Corasick scan, termkit in-process and the termkit CLI over the whole corpus."""
    mb, automaton = mb_of(files), ahocorasick.Automaton()
    for form in sorted({t.form.lower() for c in concepts for t in c.terms}):
        automaton.add_word(form, form)
    automaton.make_automaton()
    jobs = cpus()
    (raw_s, raw_hits), (tk_s, codes), (par_s, par_codes), (_, (cli_s, cli_rss, cli_codes)) = best_interleaved(
        lambda: raw_scan(automaton, files), lambda: check_corpus(checker, files),
        lambda: check_corpus_parallel(checker, files, jobs),
        lambda: cli_check(out, [out / "corpus"], out / "cli-findings.json"))
    res["throughput"] = {"raw_s": raw_s, "raw_hits": raw_hits, "termkit_s": tk_s, "parallel_s": par_s,
                         "parallel_jobs": jobs, "cli_s": cli_s, "raw_mb_s": mb / raw_s, "termkit_mb_s": mb / tk_s,
                         "parallel_mb_s": mb / par_s, "cli_mb_s": mb / cli_s, "ratio": tk_s / raw_s,
                         "parallel_ratio": par_s / raw_s, "cli_ratio": cli_s / raw_s,
                         "findings": dict(sorted(codes.items())), "parallel_findings_same": par_codes == codes,
                         "cli_findings_same": cli_codes == codes}
    table(f"Throughput over {mb:.1f} MB (best of {REPEATS})", [
        ("raw pyahocorasick scan", f"{raw_s:7.2f} s", f"{mb / raw_s:6.1f} MB/s", " 1.00x"),
        ("termkit Checker, in-process, 1 process", f"{tk_s:7.2f} s", f"{mb / tk_s:6.1f} MB/s",
         f"{tk_s / raw_s:5.2f}x (target <= 1.5x)"),
        (f"termkit in-process, {jobs} processes", f"{par_s:7.2f} s", f"{mb / par_s:6.1f} MB/s",
         f"{par_s / raw_s:5.2f}x (same findings: {par_codes == codes})"),
        (f"termkit check --format json DIR ({jobs} jobs)", f"{cli_s:7.2f} s", f"{mb / cli_s:6.1f} MB/s",
         f"{cli_s / raw_s:5.2f}x (same findings: {cli_codes == codes})")])
    return codes, cli_rss


def step_stages(res: dict, checker: Checker, automaton_forms: list[str], files: list[Path]) -> None:
    """Where the time goes: each stage of the check and of the raw scan timed alone, in ms per MB."""
    from termkit.documents.formats import open_document

    m, mb = checker.matcher, mb_of(files)
    raws = [f.read_text(encoding="utf-8") for f in files]
    segs = [s for f in files for s in open_document(f, checker.config).segments()]
    nfc = [nfc_with_map(s.target)[0] for s in segs]
    norms = [Normalized(t).text for t in nfc]
    scanner = m._latin_scanner()
    automaton = ahocorasick.Automaton()
    for form in automaton_forms:
        automaton.add_word(form, form)
    automaton.make_automaton()
    lowered = [t.lower() for t in raws]
    from termkit.matching.romanized import candidates

    stages = {
        "raw: read and decode": lambda: [f.read_text(encoding="utf-8") for f in files],
        "raw: lower-case": lambda: [t.lower() for t in raws],
        "raw: pyahocorasick iteration": lambda: [sum(1 for _ in automaton.iter(t)) for t in lowered],
        "termkit: read (decode, Markdown blanking, suppressions)":
            lambda: [list(open_document(f, checker.config).segments()) for f in files],
        "termkit: NFC with offset map": lambda: [nfc_with_map(s.target) for s in segs],
        "termkit: fold, lower-case, collapse (offset map)": lambda: [Normalized(t) for t in nfc],
        "termkit: Latin automaton scan (ahocorasick_rs)":
            lambda: [scanner.find_matches_as_indexes(t, overlapping=True) for t in norms],
        "termkit: Korean runs and automaton": lambda: [m._korean_spans(t) for t in nfc],
        "termkit: romanized candidates": lambda: [candidates(t) for t in nfc],
        "termkit: matching, all of it (Matcher.find)": lambda: [m.find(s.target, s.path, s.line) for s in segs],
        "termkit: whole check (Checker.check_file)": lambda: [checker.check_file(f) for f in files],
    }
    timings = best_interleaved(*stages.values())
    rows = {k: 1000 * t / mb for k, (t, _) in zip(stages, timings)}
    rows["termkit: rules and the rest (check - read - matching)"] = (
        rows["termkit: whole check (Checker.check_file)"] - rows["termkit: matching, all of it (Matcher.find)"]
        - rows["termkit: read (decode, Markdown blanking, suppressions)"])
    res["stages_ms_per_mb"] = {"mb": mb, **rows}
    table(f"Stages over {mb:.1f} MB, each timed alone (best of {REPEATS}, ms per MB)",
          [(k, f"{v:6.1f} ms/MB") for k, v in rows.items()])


def step_scaling(res: dict, out: Path, concepts, files: list[Path], rng: random.Random) -> None:
    """The same subset checked with a 100- and a 10,000-concept flat glossary holding the same real concepts."""
    rows, checkers = {}, []
    for total in (100, 10_000):
        write_flat_glossary(path := out / f"glossary-{total}.csv", concepts, total, rng)
        compile_s, matcher = timed(lambda: Matcher(load_concepts([path], bundled=False)))
        checkers.append(Checker(Config(glossary=[str(path)], bundled=False), matcher=matcher))
        rows[str(total)] = {"concepts": len(matcher.concepts), "compile_s": compile_s}
    timings = best_interleaved(*[lambda c=c: check_corpus(c, files) for c in checkers])
    for row, (secs, codes) in zip(rows.values(), timings):
        row.update(check_s=secs, findings=sum(codes.values()))
    ratio = rows["10000"]["check_s"] / rows["100"]["check_s"]
    res["glossary_scaling"] = {"mb": mb_of(files), **rows, "ratio": ratio}
    table(f"Glossary size: check over {mb_of(files):.1f} MB, the same {SCALING_REAL} real concepts in both "
          f"(best of {REPEATS})", [
        (f"{v['concepts']:>6} concepts", f"compile {v['compile_s']:5.2f} s", f"check {v['check_s']:6.2f} s",
         f"{mb_of(files) / v['check_s']:5.1f} MB/s", f"{v['findings']} findings") for v in rows.values()]
        + [("ratio 10,000 / 100", f"{ratio:.2f}x (target <= 1.2x)")])


def step_memory(res: dict, out: Path, files: list[Path], cli_rss_all: float) -> None:
    """Peak RSS of a check subprocess over a small and the whole corpus."""
    small, rows = files[:SMALL_MB], {}
    for subset in ([small, files] if len(files) > len(small) else [files]):
        cmd = [sys.executable, "-c", MEM_SCRIPT, *map(str, subset)]
        rows[f"Checker, findings dropped per file, {mb_of(subset):.0f} MB"] = run_measured(cmd, out)[1]
    if len(files) > len(small):
        rows[f"CLI --format json, {mb_of(small):.0f} MB"] = cli_check(out, small, out / "cli-small.json")[1]
    rows[f"CLI --format json, {mb_of(files):.0f} MB"] = cli_rss_all
    res["peak_rss_mb"] = rows
    table("Peak RSS of one check subprocess (wait4 ru_maxrss)", [(k, f"{v:6.1f} MB") for k, v in rows.items()])


def step_start_up(res: dict, out: Path, concepts) -> None:
    """Best-of-10 wall times on one ~5 KB file: warm and empty matcher cache, with and without bytecode."""
    text, _, _ = make_document(random.Random(SEED + 1), Planter(concepts, random.Random(SEED + 2)), 5_000, "Sample")
    (out / "sample").mkdir(exist_ok=True)
    (sample := out / "sample" / "sample.md").write_text(text, encoding="utf-8")
    shutil.rmtree(cold_root := out / "cold-caches", ignore_errors=True)
    cold_root.mkdir()
    cold = lambda: dict(os.environ, TERMKIT_CACHE_DIR=tempfile.mkdtemp(dir=cold_root))  # noqa: E731
    no_pyc = lambda: {k: v for k, v in os.environ.items() if k != "PYTHONPYCACHEPREFIX"} | {  # noqa: E731
        "PYTHONDONTWRITEBYTECODE": "1"}
    run_measured(check := [TERMKIT, "check", str(sample)], out)  # warms the matcher and bytecode caches
    runs = {"python -c pass": ([sys.executable, "-c", "pass"], dict),
            "python -c 'import termkit.cli'": ([sys.executable, "-c", "import termkit.cli"], dict),
            "termkit check, warm cache": (check, dict), "termkit check, empty cache": (check, cold),
            "termkit check, warm cache, no .pyc for termkit": (check, no_pyc)}
    timings = best_interleaved(*[lambda c=cmd, e=env: run_measured(c, out, env=e() or None)
                                 for cmd, env in runs.values()], repeats=START_RUNS)
    rows = {k: 1000 * measured[0] for k, (_, measured) in zip(runs, timings)}
    res["start_up_ms"] = {"file_kb": sample.stat().st_size / 1000, **rows}
    table(f"Start-up: one {sample.stat().st_size / 1000:.1f} KB file, best of {START_RUNS}",
          [(k, f"{v:6.1f} ms") for k, v in rows.items()] + [("target, warm cache", "< 120 ms")])


def step_recall(res: dict, matcher: Matcher, files: list[Path], spans: dict, codes: Counter, expected: int):
    """Matcher.find over raw files, span by span; TK101/TK102/TK401 findings of the timed run vs planted."""
    planted, found, unplanted = Counter(), Counter(), 0
    for f in files:
        got = {(h.start, h.end) for h in matcher.find(f.read_text(encoding="utf-8"))}
        for s, e, kind in spans[f]:
            planted[kind] += 1
            found[kind] += (s, e) in got
        unplanted += len(got - {(s, e) for s, e, _ in spans[f]})
    flagged = sum(codes[c] for c in FLAGGED_CODES)
    res["recall"] = {"mb": mb_of(files), "planted": dict(sorted(planted.items())), "unplanted_hits": unplanted,
                     "found": dict(sorted(found.items())), "flagged_expected": expected, "flagged_found": flagged}
    table(f"Recall: Matcher.find over {mb_of(files):.1f} MB, found / planted spans", [
        (k, f"{found[k]:>6} / {planted[k]:<6}", "" if found[k] == planted[k] else "MISSED") for k in sorted(planted)]
        + [("hits on no planted span", unplanted),
           ("TK101/TK102/TK401 findings, whole corpus", f"{flagged} found / {expected} planted")])
    return found == planted and not unplanted and flagged == expected


def step_profile(res: dict, checker: Checker, files: list[Path], top: int = 15) -> None:
    """cProfile the in-process check; the functions with the most own time."""
    prof = cProfile.Profile()
    prof.runcall(check_corpus, checker, files)
    rows = sorted(pstats.Stats(prof).stats.items(), key=lambda kv: -kv[1][2])[:top]
    res["profile"] = [{"function": f"{Path(fn).name}:{line}({name})", "calls": nc, "tottime_s": round(tt, 3),
                       "cumtime_s": round(ct, 3)} for (fn, line, name), (_, nc, tt, ct, _) in rows]
    table(f"cProfile of the in-process check over {mb_of(files):.1f} MB (by own time)",
          [(r["function"], f"{r['tottime_s']:6.3f} s own", f"{r['cumtime_s']:6.3f} s cum", f"{r['calls']} calls")
           for r in res["profile"]])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=int, default=50, help="corpus size in MB, in files of ~1 MB (default 50)")
    ap.add_argument("--out", type=Path, default=Path("/tmp/termkit-bench"), help="work and results directory")
    ap.add_argument("--profile", action="store_true", help="profile even if the throughput target is met")
    args = ap.parse_args()
    (out := args.out.resolve()).mkdir(parents=True, exist_ok=True)
    os.environ.update(TERMKIT_CACHE_DIR=str(out / "cache"), PYTHONPYCACHEPREFIX=str(out / "pycache"))
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # subprocesses run byte-compiled, as an installed termkit
    rng, concepts, checker = random.Random(SEED), load_concepts(), Checker(Config())
    dropped = prune_filler(checker.matcher)
    res = {"date": datetime.now(timezone.utc).isoformat(timespec="seconds"), "seed": SEED, "args": vars(args) | {
        "out": str(out)}, "glossary_concepts": len(concepts),
           "filler_phrases_dropped": dropped,
           "termkit": str(Path(sys.modules["termkit"].__file__).parent), "machine": {
        "cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()}}
    files, spans, expected = step_corpus(res, out, args.mb, concepts, rng)
    codes, cli_rss = step_throughput(res, out, concepts, checker, files)
    step_stages(res, checker, sorted({t.form.lower() for c in concepts for t in c.terms}), files[:SMALL_MB])
    step_scaling(res, out, concepts, files[:SUBSET_MB], rng)
    step_memory(res, out, files, cli_rss)
    step_start_up(res, out, concepts)
    ok = step_recall(res, checker.matcher, files[:SUBSET_MB], spans, codes, expected)
    if args.profile or res["throughput"]["ratio"] > 1.5:
        step_profile(res, checker, files[:3])
    (out / "results.json").write_text(json.dumps(res, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\nresults: {out / 'results.json'}")
    if not ok:
        print("RECALL CHECK FAILED: termkit missed planted forms or hit unplanted text", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
