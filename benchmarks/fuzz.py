"""Seeded, time-boxed fuzzer over termkit's readers, the library API, the command line and --fix.

Every case is built from (seed, case number) alone, so a run is reproducible and one case can be
rebuilt with --case. Cases run in a worker process that the parent watches: a case that takes
longer than --timeout is a hang (the worker is killed and a new one started). What counts as a
fault:

* exception: a traceback (anything but termkit's own error family from the API; anything at all
  escaping `termkit.cli.main`, or "Traceback" on a subprocess's stderr);
* wrong exit: a command line exit code outside 0 (clean), 1 (findings), 2 (error);
* hang: no answer within --timeout seconds;
* bad found: a finding whose `found` is not the raw text at its line:column..end (txt, md, csv,
  tsv and line-aligned pairs, where positions are the file's own);
* edit outside spans: `--fix` changed text outside the spans of the findings it fixed.

Each failing case is saved under OUT/cases/<kind>-<n>/ (its files, the argv and what failed), so it
can be rerun by hand: `cd OUT/cases/...; python -m termkit <argv>`.

    .venv/bin/python benchmarks/fuzz.py --minutes 10 --seed 12 --out /tmp/tk-fuzz
"""
from __future__ import annotations

import argparse
import codecs
import contextlib
import csv
import io
import json
import multiprocessing as mp
import os
import random
import shutil
import subprocess
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"
KINDS = ("txt", "md", "csv", "tsv", "pairs", "html", "docx", "po", "xliff", "tmx", "glossary-yaml",
         "glossary-tbx", "glossary-csv", "fix")
ENCODINGS = ("utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32",
             "utf-32-le", "utf-32-be", "cp949", "latin-1")
BIG = 0.02  # the share of texts that hold something large (most cases stay small: thousands a minute)
POSITIONS_EXACT = {"txt", "md", "csv", "tsv", "pairs", "fix"}

# -- text generation -------------------------------------------------------------------------------

FILLER = ("the", "of", "and", "a", "plan", "factory", "was", "in", "Pyongyang", "economy", "said", "party",
          "to", "work", "on", "by", "its", "report", "local", "new", "the spirit of", "(", ")", ",", ".", ";",
          "'", "\"", "’s", "-", "—")
JUNK = ("\x00", "\ufeff", "\r", "\r\n", "\n", "\n\n", "\t", "\u00a0", "\u200b", "\u2028", "\u202e", "\x1b[31m",
        "\u0301", "\u0308\u0323", "\u3099", "\u1100\u1161\u11a8", "\u1112\u1161\u11ab", "\u3131\u314f",
        "\uf900", "\ufa4f\u033a", "\uff21\uff22", "\u0130", "\u0149", "\ufb03", "\U0001f600", "\ud7b0",
        "ŏ", "ŭ", "ǒ", "ō", "\u0306", "\u030c", "<", ">", "&amp;", "&#x0;", "&", "*", "_", "**", "`", "```\n",
        "[", "](", "<!--", "-->", "<br>", "<sup>1</sup>", "> ", "# ", "- ", "1. ", "|", "\\", "termkit: ignore",
        "<!-- termkit: ignore[TK101] -->", "---\ndate: 2019-01-01\n---\n", '"', '""', ",", ";", "msgid", "%s")


def vocabulary() -> list[str]:
    """Every form of the fixture glossary and a sample of the bundled one: English, Korean, hanja, romanized."""
    from termkit.glossary import load_concepts

    forms: list[str] = []
    mini = load_concepts([str(MINI)], False)
    bundled = load_concepts([], True)
    rng = random.Random(0)
    for c in list(mini) + rng.sample(list(bundled), min(120, len(bundled))):
        forms += [t.form for t in c.terms] + [m.form for m in c.misspellings] + c.korean_forms()
        forms += [x for x in (c.hanja, c.mr, c.rr) if x] + [f for _, f in c.names]
    return sorted(set(forms))


def piece(rng: random.Random, vocab: list[str]) -> str:
    r = rng.random()
    if r < 0.35:
        return rng.choice(FILLER)
    if r < 0.65:
        form = rng.choice(vocab)
        style = rng.random()
        if style < 0.15:
            return form.upper()
        if style < 0.3:
            return form.title()
        if style < 0.4:
            return f"{form} ({rng.choice(vocab)})"
        if style < 0.5:
            return f"*{form}*"
        if style < 0.55:
            import unicodedata

            return unicodedata.normalize("NFD", form)
        if style < 0.6:
            return form.replace(" ", rng.choice(("\n", "  ", "-", "\u00a0", " \r\n")))
        return form
    if r < 0.9:
        return rng.choice(JUNK)
    # a random code point, any plane (no lone surrogates: files are encoded text)
    cp = rng.choice((rng.randrange(0x20, 0x3000), rng.randrange(0xAC00, 0xD7A4), rng.randrange(0x110000)))
    return "" if 0xD800 <= cp < 0xE000 else chr(cp)


def big(rng: random.Random, vocab: list[str]) -> str:
    """Something large: a run of combining marks or jamo, a huge field or line, a long repeated text."""
    kind = rng.random()
    if kind < 0.4:
        return rng.choice(("\u0301", "\u0323\u0301", "\u0308", "\u1161", "\u302e")) * rng.choice((31, 200, 3000))
    if kind < 0.7:
        return rng.choice(vocab) + " " + "x" * rng.choice((1000, 70_000, 140_000))
    return (" ".join(rng.choice(vocab) for _ in range(50)) + "\n") * rng.choice((10, 60))


def text(rng: random.Random, vocab: list[str], size: int | None = None) -> str:
    n = size if size is not None else rng.choice((0, 1, 3, 10, 10, 30, 30, 100, 300))
    sep = rng.choice((" ", " ", "", "\n"))
    pieces = [piece(rng, vocab) for _ in range(n)]
    if pieces and rng.random() < BIG:
        pieces.insert(rng.randrange(len(pieces) + 1), big(rng, vocab))
    return sep.join(pieces)


def line_text(rng, vocab) -> str:
    return text(rng, vocab, rng.choice((0, 1, 4, 12))).replace("\n", " ").replace("\r", " ")


def encode(rng: random.Random, s: str, encoding: str) -> bytes:
    if encoding == "utf-8-sig" or encoding.startswith("utf-16") or encoding.startswith("utf-32"):
        return s.encode(encoding, "surrogatepass")
    return s.encode(encoding, "replace" if rng.random() < 0.5 else "ignore")


def mutate(rng: random.Random, data: bytes) -> bytes:
    """A few byte-level edits: flips, cuts, duplicated runs, inserted bytes."""
    b = bytearray(data)
    for _ in range(rng.choice((1, 2, 5))):
        if not b:
            b += bytes([rng.randrange(256)])
            continue
        i = rng.randrange(len(b))
        op = rng.random()
        if op < 0.3:
            b[i] = rng.randrange(256)
        elif op < 0.5:
            del b[i:i + rng.randrange(1, 16)]
        elif op < 0.7:
            b[i:i] = b[max(0, i - 20):i] * rng.randrange(1, 4)
        elif op < 0.85:
            b[i:i] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 6)))
        else:
            del b[i:]
    return bytes(b)


def xml_escape(s: str) -> str:
    s = "".join(c for c in s if c in "\t\n\r" or (" " <= c and not 0xD800 <= ord(c) < 0xE000 and c not in "\ufffe\uffff"))
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def po_escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")


# -- cases ---------------------------------------------------------------------------------------

def build_case(seed: int, n: int, vocab: list[str], seeds: dict[str, bytes]) -> dict:
    """Case n of a run: its kind, its files (name -> bytes), what to run and which checker."""
    rng = random.Random(f"{seed}-{n}")
    kind = KINDS[n % len(KINDS)] if rng.random() < 0.7 else rng.choice(KINDS)
    enc = rng.choice(ENCODINGS)
    files: dict[str, bytes] = {}
    main = None
    if kind in ("txt", "md", "fix"):
        main = f"doc.{'txt' if kind == 'txt' else rng.choice(('md', 'txt'))}"
        files[main] = encode(rng, text(rng, vocab), enc)
    elif kind == "pairs":
        lines = rng.choice((0, 1, 2, 5, 20))
        extra = rng.random() < 0.1
        nl = rng.choice(("\n", "\r\n"))
        files["ko.txt"] = encode(rng, nl.join(line_text(rng, vocab) for _ in range(lines + extra)), enc)
        files["en.txt"] = encode(rng, nl.join(line_text(rng, vocab) for _ in range(lines)), enc)
        main = "en.txt"
    elif kind in ("csv", "tsv"):
        main = f"doc.{kind}"
        cols = ["ko", "en"] + (["doc"] if rng.random() < 0.3 else []) + (["note"] if rng.random() < 0.3 else [])
        rng.shuffle(cols)
        rows = [cols] + [[(line_text(rng, vocab) if c != "doc" else rng.choice(("a", "b", "")))
                          if c in ("ko", "en", "note", "doc") else "" for c in cols]
                         for _ in range(rng.choice((0, 1, 3, 10, 60)))]
        if rng.random() < 0.3:  # multi-line fields and quotes
            for row in rows[1:]:
                i = rng.randrange(len(row))
                row[i] = row[i] + rng.choice(('\n', '"', '""', ',', '\r\n')) + text(rng, vocab, 3)
        out = io.StringIO()
        if kind == "csv":
            csv.writer(out, lineterminator=rng.choice(("\n", "\r\n")),
                       quoting=rng.choice((csv.QUOTE_MINIMAL, csv.QUOTE_ALL))).writerows(rows)
        else:
            for row in rows:
                out.write("\t".join(f.replace("\t", " ").replace("\n", " ").replace("\r", " ") for f in row) + "\n")
        files[main] = encode(rng, out.getvalue(), enc)
    elif kind == "html":
        main = "doc.html"
        depth = rng.choice((0, 1, 5, 300, 3000))
        body = "".join(f"<{rng.choice(('p', 'div', 'b', 'li'))}>{xml_escape(text(rng, vocab, 10))}"
                       for _ in range(rng.choice((1, 5, 20))))
        doc = f"<html><head><title>{xml_escape(line_text(rng, vocab))}</title></head><body>" + "<div>" * depth + body
        files[main] = encode(rng, doc + "</div>" * depth + "</body></html>", enc)
    elif kind == "docx":
        main = "doc.docx"
        files[main] = seeds["docx"]
    elif kind == "po":
        main = "doc.po"
        entries = [f'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n']
        for _ in range(rng.choice((0, 1, 5, 30))):
            entries.append(f'msgid "{po_escape(line_text(rng, vocab))}"\nmsgstr "{po_escape(line_text(rng, vocab))}"\n')
        files[main] = "\n".join(entries).encode("utf-8")
    elif kind == "xliff":
        main = "doc.xlf"
        units = "".join(f'<trans-unit id="{i}"><source>{xml_escape(line_text(rng, vocab))}</source><target>'
                        f'{xml_escape(line_text(rng, vocab))}</target></trans-unit>\n' for i in range(rng.choice((0, 1, 8))))
        files[main] = (f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
                       f'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="ko" '
                       f'target-language="en" datatype="plaintext" original="x"><body>\n{units}</body></file></xliff>\n'
                       ).encode("utf-8")
    elif kind == "tmx":
        main = "doc.tmx"
        units = "".join(f'<tu><tuv xml:lang="ko"><seg>{xml_escape(line_text(rng, vocab))}</seg></tuv><tuv xml:lang="en">'
                        f'<seg>{xml_escape(line_text(rng, vocab))}</seg></tuv></tu>\n' for _ in range(rng.choice((0, 1, 8))))
        files[main] = (f'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="ko" '
                       f'datatype="plaintext" segtype="sentence" adminlang="en" creationtool="x" '
                       f'creationtoolversion="1" o-tmf="x"/><body>\n{units}</body></tmx>\n').encode("utf-8")
    else:  # glossaries: the fixture glossary in each format, mutated, then used to check a small text
        suffix = kind.split("-")[1]
        main = f"g.{suffix}"
        data = seeds[suffix]
        if rng.random() < 0.3:  # a field's text replaced with generated text (valid syntax, odd content)
            s = data.decode("utf-8")
            for _ in range(rng.choice((1, 3))):
                form = rng.choice(("self-reliance", "localization", "autarky", "국산화", "false reporting"))
                s = s.replace(form, line_text(rng, vocab).replace('"', "").replace("<", "").replace("\t", " ")
                              or form, 1)
            data = s.encode("utf-8")
        files[main] = data
        files["t.md"] = text(rng, vocab, 20).encode("utf-8")
    if kind not in ("po", "xliff", "tmx", "docx") and not kind.startswith("glossary") or rng.random() < 0.6:
        if rng.random() < 0.25:
            files[main] = mutate(rng, files[main])
    mode = rng.choices(("api", "cli", "subprocess"), (70, 29, 1))[0]
    if kind == "fix":
        mode = rng.choice(("fix", "fix", "cli-fix"))
    checker = "mini" if rng.random() < (0.6 if mode == "api" else 0.9) else "bundled"
    argv = ["check", "--format", rng.choice(("text", "json", "sarif", "github", "csv"))]
    if checker == "mini" or kind.startswith("glossary"):
        argv += ["--no-bundled", "-g", main if kind.startswith("glossary") else str(MINI)]
    if rng.random() < 0.1:
        argv += ["--encoding", rng.choice(("utf-8", "cp949", "latin-1", "utf-16", "rot13", "nope"))]
    if rng.random() < 0.05:
        argv += ["--jobs", "2"]
    if kind == "pairs":
        argv += ["--source", "ko.txt", "--target", "en.txt"]
    elif kind.startswith("glossary"):
        argv += ["t.md"]
        if rng.random() < 0.5:
            argv = rng.choice((["glossary", "validate", "--no-bundled", "-g", main],
                               ["glossary", "test", "--no-bundled", "-g", main],
                               ["glossary", "lookup", "--no-bundled", "-g", main, "자력갱생"],
                               ["glossary", "import", main, "-o", "imported"],
                               ["glossary", "fmt", "--check", main] if suffix == "yaml" else ["glossary", "stats",
                                                                                                "--no-bundled", "-g", main]))
    else:
        argv += [main]
    if mode == "cli-fix":
        argv = argv[:1] + ["--fix"] + argv[1:]
    return {"n": n, "kind": kind, "mode": mode, "files": files, "main": main, "argv": argv, "checker": checker,
            "encoding": next((argv[i + 1] for i, a in enumerate(argv) if a == "--encoding"), None)}


def make_seeds(work: Path) -> dict[str, bytes]:
    """Valid files to mutate: the fixture glossary as YAML, TBX and CSV, and a small .docx."""
    from termkit.cli import main

    out = {"yaml": MINI.read_bytes()}
    for suffix in ("tbx", "csv"):
        target = work / f"seed.{suffix}"
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            main(["glossary", "export", "--no-bundled", "-g", str(MINI), "-o", str(target)])
        out[suffix] = target.read_bytes()
    import docx

    d = docx.Document()
    d.add_paragraph("The spirit of self-reliance (Charkyok Kaengsaeng) turned into autarky.")
    d.add_paragraph("Localization (국산화) went on; false reporting was punished.")
    buf = io.BytesIO()
    d.save(buf)
    out["docx"] = buf.getvalue()
    return out


# -- checking a case (in the worker) -----------------------------------------------------------------

_CHECKERS: dict = {}


def checker_for(name: str, encoding: str | None):
    from termkit.checking.checker import Checker
    from termkit.config import Config

    key = (name, encoding)
    if key not in _CHECKERS:
        cfg = Config(glossary=[str(MINI)], bundled=False) if name == "mini" else Config()
        cfg.encoding = encoding
        base = _CHECKERS.get((name, None))
        _CHECKERS[key] = Checker(cfg, matcher=base.matcher if base else None)
    return _CHECKERS[key]


def raw_text(path: Path, encoding: str | None) -> str | None:
    """The text termkit read from a file (its own encoding detection), leading U+FEFF dropped."""
    from termkit.documents.encoding import SAMPLE, detect

    data = path.read_bytes()
    try:
        enc = encoding or detect(data[:SAMPLE], str(path))
        return data.decode(enc).lstrip("\ufeff")
    except Exception:
        return None


def slice_at(raw: str, f) -> str | None:
    starts = [0]
    for i, ch in enumerate(raw):
        if ch == "\n":
            starts.append(i + 1)
    if not (1 <= f.line <= len(starts) and 1 <= f.end_line <= len(starts)):
        return None
    return raw[starts[f.line - 1] + f.column - 1:starts[f.end_line - 1] + f.end_column - 1]


def bad_found(case: dict, work: Path, findings) -> list[str]:
    """Findings whose found is not the raw text at their place (formats whose positions are the file's)."""
    if case["kind"] not in POSITIONS_EXACT:
        return []
    texts: dict[str, str | None] = {}
    bad = []
    for f in findings:
        if f.path not in texts:
            p = Path(f.path)
            texts[f.path] = raw_text(p, case["encoding"]) if p.is_file() else None
        raw = texts[f.path]
        if case["kind"] == "pairs" and f.side == "source" and Path(f.path).name != "ko.txt":
            bad.append(f"source-side finding named {f.path}:{f.line}:{f.column} {f.code}")
            continue
        if raw is None:
            bad.append(f"finding in a file that is not there: {f.path}")
            continue
        got = slice_at(raw, f)
        if got != f.found and not (case["kind"] == "csv" and got is not None and got.replace('""', '"') == f.found):
            bad.append(f"{Path(f.path).name}:{f.line}:{f.column}-{f.end_line}:{f.end_column} {f.code} "
                       f"found={f.found!r} raw={got!r}")
    return bad


def edits_outside(before: str, after: str, findings, edits) -> list[str]:
    """Changes --fix made outside the spans of the findings it could fix.

    The file must read as `before` with the planned edits applied and nothing else, and every edit
    must lie inside a fixable finding's span and replace exactly the text found there.
    """
    from termkit.checking.fix import FIXABLE, apply

    starts = [0] + [i + 1 for i, ch in enumerate(before) if ch == "\n"]
    spans = []
    for f in findings:
        if f.code in FIXABLE and f.line <= len(starts) and f.end_line <= len(starts):
            spans.append((starts[f.line - 1] + f.column - 1, starts[f.end_line - 1] + f.end_column - 1))
    out = []
    for e in edits:
        if not any(s <= e.start and e.end <= t for s, t in spans) or before[e.start:e.end] != e.old:
            out.append(f"edit {e.start}..{e.end} {e.old!r} -> {e.new!r} is not a flagged span's text")
    expected = apply(before, edits)
    if expected != after:  # where they part: a common prefix and suffix (difflib is quadratic here)
        a = 0
        while a < min(len(expected), len(after)) and expected[a] == after[a]:
            a += 1
        b = 0
        while b < min(len(expected), len(after)) - a and expected[-1 - b] == after[-1 - b]:
            b += 1
        out.append(f"the file differs from its planned edits at {a}: {expected[a:len(expected) - b][:200]!r} -> "
                   f"{after[a:len(after) - b][:200]!r}")
    return out


def run_cli_inprocess(argv: list[str]) -> tuple[int | None, str, str | None]:
    from termkit.cli import main

    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
    except BaseException:  # anything escaping main is a fault: main turns every expected error into a code
        return None, err.getvalue(), traceback.format_exc()
    return code, err.getvalue(), None


def run_case(case: dict, work: Path) -> dict:
    """Run one case in `work` (its files written there); returns the faults found."""
    from termkit.errors import TermkitError

    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    for name, data in case["files"].items():
        (work / name).write_bytes(data)
    os.chdir(work)
    faults: dict[str, list[str]] = {}
    mode, kind = case["mode"], case["kind"]
    if mode in ("cli", "cli-fix"):
        before = {n: (work / n).read_bytes() for n in case["files"]}
        code, err, tb = run_cli_inprocess(case["argv"])
        if tb:
            faults["exception"] = [tb]
        elif code not in (0, 1, 2):
            faults["wrong_exit"] = [f"exit {code}: {err[-500:]}"]
        elif "Traceback" in err:
            faults["exception"] = [err]
        if mode == "cli-fix" and not tb:
            enc = case["encoding"]
            chk = checker_for(case["checker"], enc)  # the file as the command line read it (--encoding)
            for name, old in before.items():
                new = (work / name).read_bytes()
                outside = _fix_diff(case, work / name, old, new, chk, enc) if new != old else []
                if outside:
                    faults.setdefault("edit_outside", []).extend(outside)
        return faults
    if mode == "subprocess":
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        try:
            p = subprocess.run([sys.executable, "-m", "termkit", *case["argv"]], capture_output=True, cwd=work,
                               env=env, timeout=60)
        except subprocess.TimeoutExpired:
            faults["hang"] = ["subprocess over 60 s"]
            return faults
        err = p.stderr.decode("utf-8", "replace")
        if "Traceback" in err or p.returncode < 0:
            faults["exception"] = [f"exit {p.returncode}: {err[-3000:]}"]
        elif p.returncode not in (0, 1, 2):
            faults["wrong_exit"] = [f"exit {p.returncode}: {err[-500:]}"]
        return faults
    # the library API
    try:
        if kind.startswith("glossary"):
            from termkit.checking.checker import Checker
            from termkit.config import Config

            findings = Checker(Config(glossary=[str(work / case["main"])], bundled=False)).check_file(work / "t.md")
        else:
            chk = checker_for(case["checker"], case["encoding"])
            if mode == "fix":
                old = (work / case["main"]).read_bytes()
                from termkit.checking import fix_file

                fix_file(chk, work / case["main"])
                new = (work / case["main"]).read_bytes()
                outside = _fix_diff(case, work / case["main"], old, new, chk, case["encoding"]) if new != old else []
                if outside:
                    faults["edit_outside"] = outside
                return faults
            if kind == "pairs":
                findings = chk.check_paired(work / "ko.txt", work / "en.txt")
            else:
                findings = chk.check_file(work / case["main"])
    except TermkitError:
        return faults
    except BaseException:
        faults["exception"] = [traceback.format_exc()]
        return faults
    bad = bad_found(case, work, findings)
    if bad:
        faults["bad_found"] = bad
    return faults


def _fix_diff(case, path: Path, old: bytes, new: bytes, chk, encoding) -> list[str]:
    """The fix's changes outside the flagged spans (the findings and planned edits of the file as it was)."""
    from termkit.checking import fix_file
    from termkit.documents.encoding import SAMPLE, detect

    tmp = path.with_name("before" + path.suffix)
    tmp.write_bytes(old)
    try:
        enc = encoding or detect(old[:SAMPLE], str(tmp))
        findings = chk.check_file(tmp)
        edits = fix_file(chk, tmp, write=False).edits
        before = old.decode(enc).lstrip("\ufeff")
        after = new.decode(enc).lstrip("\ufeff")
    except Exception as e:
        return [f"the file changed but its first version cannot be read again: {type(e).__name__}: {e}"]
    finally:
        tmp.unlink()
    if new.startswith(codecs.BOM_UTF8) != old.startswith(codecs.BOM_UTF8):
        return ["the BOM changed"]
    return edits_outside(before, after, findings, edits)


def worker(conn, work: Path, cache: Path) -> None:
    os.environ["TERMKIT_CACHE_DIR"] = str(cache)
    checker_for("mini", None)  # compiled (or read from the cache) before the first case's clock starts
    checker_for("bundled", None)
    conn.send("ready")
    while True:
        case = conn.recv()
        if case is None:
            return
        try:
            faults = run_case(case, work)
        except BaseException:
            faults = {"exception": ["in the fuzzer itself: " + traceback.format_exc()]}
        conn.send(faults)


# -- the run -------------------------------------------------------------------------------------

class Worker:
    """One worker process with a directory of its own, restarted after a hang or a crash."""

    def __init__(self, work: Path, cache: Path):
        self.work, self.cache, self.proc, self.conn = work, cache, None, None
        self.case, self.started = None, 0.0

    def start(self) -> None:
        ctx = mp.get_context("fork")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=worker, args=(child, self.work, self.cache), daemon=True)
        self.proc.start()
        if not self.conn.poll(600) or self.conn.recv() != "ready":
            raise SystemExit("the fuzzing worker did not start")

    def send(self, case: dict) -> None:
        if self.proc is None or not self.proc.is_alive():
            self.start()
        self.case, self.started = case, time.monotonic()
        self.conn.send(case)

    def receive(self) -> dict:
        try:
            return self.conn.recv()
        except EOFError:
            self.proc.join()
            code, self.proc = self.proc.exitcode, None
            return {"exception": [f"the worker died (exit {code})"]}

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join()
        self.proc = None

    def stop(self) -> None:
        if self.proc is not None and self.proc.is_alive():
            self.conn.send(None)
            self.proc.join(10)


def run_all(cases, workers: list[Worker], timeout: float):
    """(case, faults, seconds) for every case, run by the workers in turn; faults None for a hang."""
    from multiprocessing.connection import wait

    pending = iter(cases)
    busy: dict = {}
    for w in workers:
        case = next(pending, None)
        if case is None:
            break
        w.send(case)
        busy[w.conn] = w
    while busy:
        now = time.monotonic()
        left = min(w.started + timeout for w in busy.values()) - now
        ready = wait(list(busy), max(0.0, left))
        done = [(busy.pop(c), None) for c in ready]
        if not ready:  # the oldest case is over its time: a hang
            w = min(busy.values(), key=lambda w: w.started)
            busy.pop(w.conn)
            w.kill()
            done = [(w, "hang")]
        for w, how in done:
            faults = None if how == "hang" else w.receive()
            yield w.case, faults, time.monotonic() - w.started
            case = next(pending, None)
            if case is not None:
                w.send(case)
                busy[w.conn] = w


def save(out: Path, case: dict, faults: dict) -> None:
    d = out / "cases" / f"{case['kind']}-{case['n']}"
    d.mkdir(parents=True, exist_ok=True)
    for name, data in case["files"].items():
        (d / name).write_bytes(data)
    meta = {k: case[k] for k in ("n", "kind", "mode", "main", "argv", "checker", "encoding")}
    (d / "case.json").write_text(json.dumps({**meta, "faults": faults}, indent=1, ensure_ascii=False), encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=Path("/tmp/termkit-fuzz"))
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds before a case counts as a hang")
    ap.add_argument("--case", type=int, action="append", help="run only these case numbers (to reproduce)")
    ap.add_argument("--max-cases", type=int, default=None)
    ap.add_argument("--workers", type=int, default=2, help="worker processes [default: 2]")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    (out / "seeds").mkdir(exist_ok=True)
    os.environ["TERMKIT_CACHE_DIR"] = str(out / "cache")
    vocab = vocabulary()
    seeds = make_seeds(out / "seeds")
    workers = [Worker(out / "work" / f"w{k}", out / "cache") for k in range(args.workers)]
    counts: Counter = Counter()
    by_kind: Counter = Counter()
    seconds: Counter = Counter()  # time per kind and mode, to see where a run's minutes go
    end = time.monotonic() + 60 * args.minutes

    def cases():
        for n in (args.case or range(10 ** 9)):
            if not args.case and (time.monotonic() > end or (args.max_cases and n >= args.max_cases)):
                return
            yield build_case(args.seed, n, vocab, seeds)

    for case, faults, took in run_all(cases(), workers, args.timeout):
        counts["cases"] += 1
        seconds[(case["kind"], case["mode"])] += took
        if faults is None:
            faults = {"hang": [f"no answer in {args.timeout} s"]}
        for what in faults:
            counts[what] += 1
            by_kind[(case["kind"], case["mode"], what)] += 1
        if faults:
            save(out, case, faults)
            if args.case:
                print(json.dumps(faults, indent=1, ensure_ascii=False)[:5000])
    for w in workers:
        w.stop()
    names = ("exception", "wrong_exit", "hang", "bad_found", "edit_outside")
    summary = {"seed": args.seed, "minutes": args.minutes, **{k: counts[k] for k in ("cases", *names)},
               "by_kind": {" ".join(k): v for k, v in sorted(by_kind.items())}}
    summary["seconds"] = {" ".join(k): round(v, 1) for k, v in seconds.most_common()}
    (out / "summary.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    print(f"seed {args.seed}: {counts['cases']} cases in {args.minutes} min; " +
          ", ".join(f"{k.replace('_', ' ')} {counts[k]}" for k in names))
    for k, v in summary["by_kind"].items():
        print(f"  {k}: {v}")
    return 1 if any(counts[k] for k in names) else 0


if __name__ == "__main__":
    sys.exit(main())
