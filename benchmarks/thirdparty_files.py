"""Third-party exchange files (XLIFF, TMX, PO, .sdlxliff, .mqxliff, TBX): tracebacks, exit codes and located findings.

Usage:
    python benchmarks/thirdparty_files.py DIR [DIR …]            # every exchange file under the dirs
    python benchmarks/thirdparty_files.py --speed BASELINE_TREE   # XLIFF reading: this tree vs another

Test suites in the wild are rarely Korean→English, so each file is read twice:
1. as a user's `termkit check` would (bundled glossary): exit 0/1, or 2 with the reason (most are
   refused as another language pair), or a traceback (a bug);
2. forced: the language-pair checks switched off, so that every text is read. Then
   - every character of every text that has a Places map is checked against the raw file: a
     verbatim character must be the raw character at its line:column, a decoded one must sit on a
     reference, an escape or a line break;
   - a benchmark glossary (ordinary English words, written here as wrong forms) is matched on every
     text, source and target, and each hit's line:column…end must hold its text in the raw file
     (entities, tags and PO escapes decoded for the comparison); findings from `check` likewise.
Nothing here is copied into the repository; the suites are fetched by hand (see benchmarks/README.md).
"""
from __future__ import annotations

import argparse
import collections
import html
import os
import re
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

SUFFIXES = {".xlf", ".xliff", ".xlf2", ".sdlxliff", ".mqxliff", ".tmx", ".po", ".tbx"}
# Ordinary English words that test files are full of: wrong forms of a made-up concept, so that
# hits and findings occur in files that hold no North Korean terms at all.
WORDS = ["file", "text", "button", "page", "sample", "test", "string", "menu", "window", "document",
         "paragraph", "translation", "value", "title", "name", "sample text", "test file", "hello world"]


def kind(path: Path) -> str:
    s = path.suffix.lower()
    return {".xliff": "xlf", ".xlf2": "xlf"}.get(s, s[1:])


def bench_glossary(directory: Path) -> Path:
    wrong = "".join(f"    - form: {w}\n      reason: a word of the benchmark, not a rendering\n" for w in WORDS)
    path = directory / "bench.yaml"
    path.write_text("domain: bench\ndescription: ordinary English words as wrong forms, to locate hits\n"
                    "concepts:\n- id: bench-word\n  ko: 벤치\n  en:\n    preferred: [bench mark]\n"
                    f"    wrong:\n{wrong}  confidence: low\n  specs:\n  - text: \"A bench mark.\"\n"
                    "    expect: []\n", encoding="utf-8")
    return path


def force_any_language_pair() -> None:
    """Switch off the Korean→English checks (benchmark only): every file's texts are read."""
    from termkit.documents import exchange, po, termbase

    exchange._korean_english = lambda *a: None
    exchange._korean_source = lambda *a: None
    po._direction = lambda *a: None
    termbase._no_korean = lambda *a: None


def raw_lines(path: Path) -> list[str] | None:
    from termkit.documents.rawxml import decode_xml_bytes

    data = path.read_bytes()
    if path.suffix.lower() == ".po":
        from termkit.documents.files import file_encoding
        try:
            text = data.decode(file_encoding(path, None))
        except Exception:
            return None
        text = text.lstrip("\ufeff")
    else:
        text = decode_xml_bytes(data)
        if text is None:
            return None
    return re.split(r"\r\n|\n|\r", text) if path.suffix.lower() == ".po" else text.split("\n")


def raw_span(lines: list[str], line: int, col: int, end_line: int, end_col: int) -> str | None:
    if not (0 < line <= len(lines) and 0 < end_line <= len(lines)):
        return None
    if line == end_line:
        return lines[line - 1][col - 1:end_col - 1]
    return "\n".join([lines[line - 1][col - 1:]] + lines[line:end_line - 1] + [lines[end_line - 1][:end_col - 1]])


_PO_JOIN = re.compile(r'"[ \t]*\n[ \t]*"')
_PO_ESC = re.compile(r"\\(.)")
_WS = re.compile(r"\s+")
_CODE = re.compile(r"<(ph|bpt|ept|it|ut)\b[^>]*>.*?</\1>", re.S)


def same_text(span: str | None, found: str, po: bool) -> str:
    """'exact', 'decoded' (after entities/tags or PO escapes are decoded) or 'off'."""
    if span is None:
        return "off"
    if span == found:
        return "exact"
    if po:
        dec = _PO_ESC.sub(lambda m: {"n": "\n", "t": "\t", "r": "\r"}.get(m.group(1), m.group(1)),
                          _PO_JOIN.sub("", span))
    else:
        # An inline code's native markup is no text: a term may run across one (para<ph>…</ph>graph).
        span = _CODE.sub("", span.replace("\r", ""))
        dec = html.unescape(re.sub(r"<[^>]*>", "", span))
    return "decoded" if _WS.sub(" ", dec).strip() == _WS.sub(" ", found).strip() else "off"


def verify_places(text: str, places, lines: list[str]) -> tuple[int, int]:
    """(characters checked, characters whose place does not hold them) for one decoded text."""
    checked = bad = 0
    for i, ch in enumerate(text):
        line, col = places.start(i)
        k = max(0, __import__("bisect").bisect_right(places.starts, i) - 1)
        if not (0 < line <= len(lines)):
            bad += 1
            continue
        raw = lines[line - 1][col - 1:col] if col - 1 < len(lines[line - 1]) else "\n"
        checked += 1
        if places.steps[k]:
            bad += raw != ch and not (ch == "\n" and raw in ("", "\n"))
        else:
            bad += raw not in ("&", "\\", "\r", "\n", "") and ch not in "\n"  # a barrier sits anywhere
    return checked, bad


def run_files(dirs: list[str], samples: int) -> None:
    from termkit.checking.checker import Checker
    from termkit.config import Config
    from termkit.documents import open_document
    from termkit.errors import TermkitError

    files = sorted(p for d in dirs for p in Path(d).rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    user = Checker(Config())
    tmp = Path(tempfile.mkdtemp(prefix="tk-thirdparty-"))
    out = collections.defaultdict(collections.Counter)
    reasons = collections.Counter()
    tracebacks = []
    for f in files:  # 1. as a user runs it
        k = kind(f)
        out[k]["files"] += 1
        try:
            out[k]["exit 1" if user.check_file(f) else "exit 0"] += 1
        except TermkitError as e:
            out[k]["exit 2"] += 1
            reasons[(k, re.sub(r"\bis \S+→\S+|Language is \S+|srclang is \S+|in \d+ entries.*", "…", e.message)[:90])] += 1
        except Exception:
            out[k]["traceback"] += 1
            tracebacks.append((str(f), traceback.format_exc(limit=3)))
    force_any_language_pair()
    forced = Checker(Config(glossary=[str(bench_glossary(tmp))], bundled=False))
    offs, seen = [], collections.Counter()
    for f in files:  # 2. forced: every text read, its places and hits verified
        k = kind(f)
        lines = raw_lines(f)
        po = f.suffix.lower() == ".po"
        try:
            doc = open_document(f, None)
            segs = list(doc.segments())
        except TermkitError as e:
            out[k]["forced: exit 2"] += 1
            continue
        except Exception:
            out[k]["forced: traceback"] += 1
            tracebacks.append((str(f), traceback.format_exc(limit=3)))
            continue
        out[k]["segments"] += len(segs)
        for s in segs:
            for text, places, line in ((s.target, s.places, s.line), (s.source, s.source_places, s.source_line)):
                if not text:
                    continue
                places = places.get() if places is not None else None  # a lazy map: built now
                out[k]["texts placed" if places is not None else "texts line only"] += 1
                if places is None or lines is None:
                    continue
                c, b = verify_places(text, places, lines)
                out[k]["chars checked"] += c
                out[k]["chars off"] += b
                for h in places.relocate(forced.matcher.find(text, str(f), line or 1)):
                    verdict = same_text(raw_span(lines, h.line, h.column, h.end_line, h.end_column), h.found, po)
                    out[k][f"hits {verdict}"] += 1
                    if verdict == "off" and len(offs) < samples:
                        offs.append(("hit", str(f), h.line, h.column, h.found))
        try:
            findings = forced.check_file(f)
        except TermkitError:
            continue
        except Exception:
            out[k]["forced: traceback"] += 1
            tracebacks.append((str(f), traceback.format_exc(limit=3)))
            continue
        for x in findings:
            verdict = same_text(raw_span(lines, x.line, x.column, x.end_line, x.end_column), x.found, po) \
                if lines else "off"
            out[k][f"findings {verdict}"] += 1
            if verdict == "off" and len(offs) < samples:
                offs.append(("finding", str(f), x.line, x.column, x.found))
            elif seen[k] < 2 and verdict != "off":
                seen[k] += 1
                print(f"sample {k}: {f}:{x.line}:{x.column} {x.found!r}")
    keys = sorted({key for c in out.values() for key in c})
    print("\n" + "kind".ljust(10) + "".join(f"{key:>18}" for key in keys))
    for k in sorted(out):
        print(k.ljust(10) + "".join(f"{out[k][key]:>18}" for key in keys))
    print("\nexit 2 reasons:")
    for (k, r), n in sorted(reasons.items()):
        print(f"  {k:9} {n:5}  {r}")
    print(f"\ntracebacks: {len(tracebacks)}")
    for f, tb in tracebacks[:samples]:
        print(f"  {f}\n{tb}")
    print(f"off (first {samples}):")
    for o in offs:
        print("  ", *o)


SPEED_SNIPPET = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from termkit.documents.formats import open_document
path = Path(sys.argv[2])
if sys.argv[4] == "check":
    from termkit.checking.checker import Checker
    checker = Checker()
    checker.check_file(path)  # the compiled glossary and the automata built before timing
best = None
for _ in range(int(sys.argv[3])):
    t = time.perf_counter()
    if sys.argv[4] == "check":
        n = len(checker.check_file(path))
    else:
        n = sum(1 for _ in open_document(path, None).segments())
    t = time.perf_counter() - t
    best = t if best is None else min(best, t)
print(best, n)
"""


def speed(baseline: str, units: int, repeat: int) -> None:
    """Reading a large XLIFF (inline codes, entities): this tree's reader against the baseline tree's."""
    tmp = Path(tempfile.mkdtemp(prefix="tk-xliff-speed-"))
    big = tmp / "big.xlf"
    unit = ('<trans-unit id="{i}"><source>자력갱생의 정신으로 <g id="1">주체화</g>를 강조하였다 {i}.</source>\n'
            '<target>They stressed <g id="1">localization</g> in the spirit of self-reliance &amp; '
            'autarky<x id="2"/> &lt;{i}&gt;.</target></trans-unit>\n')
    with open(big, "w", encoding="utf-8") as fh:
        fh.write('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
                 'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="big" source-language="ko" '
                 'target-language="en" datatype="plaintext"><body>\n')
        for i in range(units):
            fh.write(unit.format(i=i))
        fh.write("</body></file></xliff>\n")
    here = str(Path(__file__).resolve().parent.parent)
    for mode, what in (("read", "segments"), ("check", "findings")):
        times = {}
        for name, tree in (("baseline", baseline), ("this", here), ("baseline", baseline), ("this", here)):
            r = subprocess.run([sys.executable, "-c", SPEED_SNIPPET, tree, str(big), str(repeat), mode],
                               capture_output=True, text=True, env={**os.environ, "PYTHONPATH": tree})
            if r.returncode:
                sys.exit(r.stderr)
            t, n = r.stdout.split()
            times[name] = min(times.get(name, float("inf")), float(t))
        print(f"{mode}: {units} units ({big.stat().st_size / 1e6:.1f} MB), {n} {what}: baseline "
              f"{times['baseline']:.3f} s, this {times['this']:.3f} s, ratio {times['this'] / times['baseline']:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*")
    ap.add_argument("--samples", type=int, default=10, help="how many off positions and tracebacks to print")
    ap.add_argument("--speed", metavar="BASELINE_TREE", help="time XLIFF reading against another checkout")
    ap.add_argument("--units", type=int, default=20000)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    if a.speed:
        speed(a.speed, a.units, a.repeat)
    if a.dirs:
        t = time.perf_counter()
        run_files(a.dirs, a.samples)
        print(f"\n{time.perf_counter() - t:.0f} s")


if __name__ == "__main__":
    main()
