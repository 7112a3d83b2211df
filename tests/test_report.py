"""Editorial QA reports (termkit.report): HTML in headless Chromium, tables against the findings, XLSX, CSV.

The corpus is the worked examples (English and bilingual) plus a missing path, checked with the
bundled glossary and default options. Expected values come from `Checker.check_file` and
`Checker.renderings` directly, never from the report code.
"""
import base64
import csv
import io
import os
import re
import shutil
import subprocess
import sys
import warnings
from collections import Counter
from pathlib import Path

import pytest

from conftest import FIXTURE_GLOSSARY, ROOT

from termkit.checking.checker import Checker
from termkit.config import Config
from termkit.errors import TermkitError
from termkit.model import Finding
from termkit.output.findings import signature, write_csv
from termkit.output.report import FINDING_COLUMNS, _Progress, build_report, report_format, report_tables

FILES = ["examples/kinu-passage.md", "examples/kinu-passage-corrected.md", "examples/bilingual/analysis.tsv",
         "examples/bilingual/analysis.xlf", "examples/bilingual/analysis.tmx"]
MISSING = "examples/no-such-file.md"
SHEETS = {"Documents": "documents", "Rules": "rules", "Concepts": "concepts", "Renderings": "renderings",
          "Findings": "findings"}
CONSOLE = re.compile(r":CONSOLE[(:]\d*")  # Chromium logs each console message as INFO:CONSOLE:N] or CONSOLE(N)


@pytest.fixture(scope="module")
def cwd_root():
    old = os.getcwd()
    os.chdir(ROOT)  # paths in the reports are relative to the repository root, as FILES are
    yield
    os.chdir(old)


@pytest.fixture(scope="module")
def checker():
    return Checker(Config())


@pytest.fixture(scope="module")
def expected(cwd_root, checker):
    """The findings of every file, checked one by one, in report order."""
    return sorted((f for p in FILES for f in checker.check_file(p)), key=Finding.sort_key)


@pytest.fixture(scope="module")
def reports(cwd_root, tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    summaries = {ext: build_report(FILES + [MISSING], Config(), out / f"report.{ext}", jobs=jobs)
                 for ext, jobs in (("html", 1), ("xlsx", 2), ("csv", 1))}
    return out, summaries


def cells(finding: Finding) -> list[str]:
    """A finding as the report's text cells."""
    d = finding.to_dict()
    d["suggestions"] = " | ".join(finding.suggestions)
    return ["" if d[c] is None else str(d[c]) for c in FINDING_COLUMNS]


def html_table(path: Path, table_id: str) -> tuple[list[str], list[list[str]]]:
    """Header and body rows of a table, rowspans filled in."""
    import lxml.html

    table = lxml.html.parse(str(path)).getroot().get_element_by_id(table_id)
    header = [th.text_content() for th in table.findall("thead/tr/th")]
    rows, carry = [], {}  # column -> (text, rows left)
    for tr in table.findall("tbody/tr"):
        tds, row, col = list(tr.findall("td")), [], 0
        while tds or col in carry:
            if col in carry:
                text, left = carry[col]
                row.append(text)
                carry[col] = (text, left - 1)
                if left == 1:
                    del carry[col]
            else:
                td = tds.pop(0)
                row.append(td.text_content())
                span = int(td.get("rowspan", 1))
                if span > 1:
                    carry[col] = (td.text_content(), span - 1)
            col += 1
        rows.append(row)
    return header, rows


def as_text(v) -> str:
    return "" if v is None else str(v)


# -- the checker's renderings ----------------------------------------------------------------------

RENDERING_CASES = [
    # (text, [(concept, glossary form, status)])
    ("Localization of parts went on.", [("gukssanhwa", "localization", "preferred")]),
    ("Localization (주체화) again.", [("juchehwa", "localization", "wrong")]),
    ("Subjectivization again.", [("juchehwa", "subjectivization", "wrong")]),
    ("False reporting was punished.", [("heowi-bogo", "false reporting", "preferred")]),
    ("False reporting (*yangsaengwon*).", [("yangsaengwon", "false reporting", "wrong")]),
    ("The water was cold.", []),  # an ordinary word listed as wrong counts only beside a gloss
    ("*saemmul* (water)", [("saemmul", "water", "wrong")]),
    ("The Korean Workers' Party met.", [("josen-nodongdang", "Korean Workers' Party", "deprecated")]),
    ("The spirit of *charyŏk kaengsaeng*.", []),  # a romanized gloss is not a rendering
    ("Kim Jong Un spoke.", [("gim-jeong-eun", "Kim Jong Un", "dprk")]),
    ("Kim Jong-un spoke.", [("gim-jeong-eun", "Kim Jong-un", "sk")]),
    ("Kim Jong-eun spoke.", [("gim-jeong-eun", "Kim Jong-eun", "other")]),
    ("Autarky was the aim. <!-- termkit: ignore -->", [("jaryeok-gaengsaeng", "autarky", "wrong")]),
]


@pytest.mark.parametrize("text,want", RENDERING_CASES)
def test_renderings_attribute_concepts(mini, tmp_path, text, want):
    path = tmp_path / "doc.md"
    path.write_text(text + "\n", encoding="utf-8")
    got = [(r.concept, r.form, r.status) for r in mini.renderings(path)]
    assert got == want


def test_renderings_bilingual_source_proves_the_concept(mini, tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("ko\ten\n허위보고가 늘었다.\tFalse reporting grew.\n"
                    "양생원을 지었다.\tA false reporting was built.\n"
                    "국산화를 했다.\tLocalization went on.\n", encoding="utf-8")
    got = [(r.concept, r.form, r.status, r.line) for r in mini.renderings(path)]
    assert got == [("heowi-bogo", "false reporting", "preferred", 2), ("yangsaengwon", "false reporting", "wrong", 3),
                   ("gukssanhwa", "localization", "preferred", 4)]


def test_renderings_locate_and_keep_raw_text(mini, tmp_path):
    path = tmp_path / "doc.md"
    path.write_text("Intro.\n\nThe *Juche\norientation* and localizations.\n", encoding="utf-8")
    got = [(r.line, r.column, r.found) for r in mini.renderings(path)]
    assert got == [(3, 6, "Juche\norientation"), (4, 18, "localizations")]


# -- the HTML in Chromium --------------------------------------------------------------------------

@pytest.fixture(scope="session")
def chromium():
    """Debian's chromium, installed with apt-get when missing (as root); skipped, with the reason, otherwise."""
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    why = "no chromium on PATH"
    if not exe and shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        try:
            for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
                p = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=1200)
                if p.returncode:
                    why = f"{' '.join(cmd)} failed: {(p.stderr or p.stdout).strip()[-300:]}"
                    break
        except (OSError, subprocess.TimeoutExpired) as e:
            why = f"apt-get install chromium failed: {e}"
        exe = shutil.which("chromium")
    elif not exe:
        why = "no chromium on PATH, and apt-get cannot install it here (not root, or no apt-get)"
    if not exe:
        reason = f"headless Chromium not available ({why}): the HTML report was not opened in a browser"
        warnings.warn(reason, stacklevel=2)
        pytest.skip(reason)
    return exe


def open_in_chromium(exe: str, page: Path, tmp_path: Path) -> tuple[str, list[str]]:
    """The page's DOM after loading, and the console messages Chromium logged."""
    profile = tmp_path / f"profile-{page.stem}"
    p = subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run",
                        f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
                        "--dump-dom", page.resolve().as_uri()], capture_output=True, text=True, timeout=180)
    assert p.returncode == 0, p.stderr[-2000:]
    return p.stdout, [line for line in p.stderr.splitlines() if CONSOLE.search(line)]


def test_chromium_reports_console_errors(chromium, tmp_path):
    """The control: the detection sees a blocked inline script and a blocked external image."""
    page = tmp_path / "bad.html"
    page.write_text("<!DOCTYPE html><html><head><meta charset='utf-8'><meta http-equiv='Content-Security-Policy' "
                    "content=\"default-src 'none'; img-src data:\"><title>x</title></head><body><p>x</p>"
                    "<script>document.title = 'ran'</script><img src='https://example.invalid/x.png'></body></html>",
                    encoding="utf-8")
    dom, console = open_in_chromium(chromium, page, tmp_path)
    assert "<p>x</p>" in dom
    assert len(console) == 2, console
    assert "Content Security Policy" in console[0]


def test_html_opens_in_chromium_without_console_errors(chromium, reports, expected, tmp_path):
    out, _ = reports
    dom, console = open_in_chromium(chromium, out / "report.html", tmp_path)
    assert console == []
    for table in ("summary", "documents", "rules", "concepts", "renderings", "findings"):
        assert f'id="{table}"' in dom
    assert dom.count('src="data:image/svg+xml;base64,') == 4
    findings = dom[dom.index('<table id="findings">'):]
    assert findings[:findings.index("</table>")].count("<tr") == len(expected) + 1  # and the header


# -- the HTML itself -------------------------------------------------------------------------------

def test_html_is_self_contained(reports):
    import lxml.etree
    import lxml.html

    out, _ = reports
    root = lxml.html.parse(str(out / "report.html")).getroot()
    assert root.findall(".//script") == [] and root.findall(".//link") == [] and root.findall(".//iframe") == []
    csp = root.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert csp == ["default-src 'none'; img-src data:; style-src 'unsafe-inline'"]
    for el in root.iter():
        for attr in ("src", "href", "action", "srcset", "poster", "data"):
            value = el.get(attr)
            assert value is None or value.startswith(("data:image/svg+xml;base64,", "#")), (el.tag, value)
    assert "url(" not in "".join(root.xpath("//style/text()"))
    images = root.xpath("//img/@src")
    assert len(images) == 4
    for src in images:
        svg = lxml.etree.fromstring(base64.b64decode(src.split(",", 1)[1]))
        assert svg.tag == "{http://www.w3.org/2000/svg}svg"
        assert not svg.xpath("//@*[starts-with(., 'http') and local-name() != 'xmlns']")
        assert not [v for v in svg.xpath("//@*[local-name()='href']") if not v.startswith("#")]


def test_html_findings_table_is_the_findings(reports, expected):
    out, summaries = reports
    header, rows = html_table(out / "report.html", "findings")
    assert header == FINDING_COLUMNS
    assert rows == [cells(f) for f in expected]
    assert summaries["html"].findings == len(expected) > 40


def test_html_documents_table_counts_the_findings(reports, expected):
    out, _ = reports
    header, rows = html_table(out / "report.html", "documents")
    got = {(r[0], r[1]): dict(zip(header, r)) for r in rows}
    per_doc = Counter((f.path, f.doc or "") for f in expected)
    for key, n in per_doc.items():
        assert got[key]["findings"] == str(n)
        assert got[key]["errors"] == str(sum(1 for f in expected if (f.path, f.doc or "") == key
                                              and f.severity == "error"))
        for code, k in Counter(f.code for f in expected if (f.path, f.doc or "") == key).items():
            assert got[key][code] == str(k)
    assert got[("examples/kinu-passage-corrected.md", "")]["findings"] == "0"  # clean documents are listed
    assert {p for p, _ in got} == set(FILES)  # every file checked, the missing one left out
    errors = [int(got[k]["errors"]) for k in got]
    assert errors == sorted(errors, reverse=True)  # worst first


def test_html_rules_and_concepts_tables(reports, expected, checker):
    out, _ = reports
    header, rows = html_table(out / "report.html", "rules")
    assert [r[0] for r in rows] == [r.code for r in checker.rules]
    by_code = Counter(f.code for f in expected)
    assert {r[0]: int(r[header.index("findings")]) for r in rows} == {r.code: by_code.get(r.code, 0)
                                                                       for r in checker.rules}
    header, rows = html_table(out / "report.html", "concepts")
    by_concept = Counter(f.concept for f in expected if f.concept)
    assert {r[0]: int(r[header.index("findings")]) for r in rows} == dict(by_concept)
    counts = [int(r[header.index("findings")]) for r in rows]
    assert counts == sorted(counts, reverse=True)


def test_html_rendering_matrix_counts_every_rendering(reports, checker):
    out, _ = reports
    uses = [r for p in FILES for r in checker.renderings(p)]
    header, rows = html_table(out / "report.html", "renderings")
    col = {name: header.index(name) for name in header}
    got = {(r[col["concept"]], r[col["rendering"]], r[col["status"]]): int(r[col["occurrences"]]) for r in rows}
    assert got == dict(Counter((u.concept, u.form, u.status) for u in uses))
    totals = Counter(u.concept for u in uses)
    forms = Counter(c for c, _, _ in got)
    for r in rows:
        c = r[col["concept"]]
        assert int(r[col["total"]]) == totals[c] and int(r[col["renderings"]]) == forms[c]
        assert int(r[col["documents"]]) == len({(u.path, u.doc) for u in uses if (u.concept, u.form, u.status)
                                                == (c, r[col["rendering"]], r[col["status"]])})
    # Consistency at a glance: concepts rendered the most ways first, and a wrong rendering is located.
    ways = [int(r[col["renderings"]]) for r in rows]
    assert ways == sorted(ways, reverse=True) and ways[0] > 1
    subj = next(r for r in rows if r[col["rendering"]] == "subjectivization")
    assert (subj[col["concept"]], subj[col["status"]]) == ("juchehwa", "wrong")
    assert "examples/kinu-passage.md (1): 16" in subj[col["where"]]


def test_html_lists_problems_and_signature(reports, checker):
    import lxml.html

    out, summaries = reports
    sig = signature(checker.matcher.glossary_hash, Config())
    assert all(s.signature == sig for s in summaries.values())
    root = lxml.html.parse(str(out / "report.html")).getroot()
    assert root.get_element_by_id("signature").text_content() == sig
    assert [li.text_content() for li in root.get_element_by_id("problems")] == \
        [f"{MISSING}: no such file or directory"]
    assert summaries["html"].problems == [f"{MISSING}: no such file or directory"]
    assert summaries["html"].files == len(FILES)


# -- XLSX and CSV ----------------------------------------------------------------------------------

def test_xlsx_has_the_same_rows(reports, expected):
    from openpyxl import load_workbook

    out, summaries = reports
    wb = load_workbook(out / "report.xlsx", read_only=True)
    assert wb.sheetnames == ["Summary", "Documents", "Rules", "Concepts", "Renderings", "Uses", "Findings"]
    summary = {k: v for k, v in wb["Summary"].iter_rows(values_only=True)}
    assert summary["signature"] == summaries["xlsx"].signature
    assert summary["findings"] == len(expected) and summary["problem"].startswith(MISSING)
    rows = list(wb["Findings"].iter_rows(values_only=True))
    assert list(rows[0]) == FINDING_COLUMNS
    want = [[None if v in (None, "") else v for v in f.to_dict().values()] for f in expected]
    for w, f in zip(want, expected):
        w[FINDING_COLUMNS.index("suggestions")] = " | ".join(f.suggestions) or None
    assert [list(r) for r in rows[1:]] == want
    for sheet, table in SHEETS.items():  # every table as in the HTML, row for row
        header, html_rows = html_table(out / "report.html", table)
        xrows = list(wb[sheet].iter_rows(values_only=True))
        assert list(xrows[0]) == header
        assert [[as_text(v) for v in r] for r in xrows[1:]] == html_rows, sheet


def test_csv_is_the_findings(reports, expected):
    out, summaries = reports
    with open(out / "report.csv", encoding="utf-8", newline="") as fh:
        first = fh.readline()
        rows = list(csv.reader(fh))
    assert first == f"# termkit report {summaries['csv'].signature}\n"
    assert rows[0] == FINDING_COLUMNS
    assert rows[1:] == [cells(f) for f in expected]
    assert summaries["csv"].findings == len(expected)
    buf = io.StringIO()  # the same as `termkit check --format csv` over the same files
    write_csv(expected, buf)
    assert (out / "report.csv").read_text(encoding="utf-8") == first + buf.getvalue()


def test_csv_reads_back_with_pandas(reports, expected):
    import pandas as pd

    out, _ = reports
    df = pd.read_csv(out / "report.csv", skiprows=1, keep_default_na=False, dtype=str)
    assert df.values.tolist() == [cells(f) for f in expected]


# -- runs ------------------------------------------------------------------------------------------

def test_jobs_do_not_change_the_report(cwd_root, tmp_path):
    paths = FILES[:3]
    for ext in ("html", "csv"):
        one = build_report(paths, Config(), tmp_path / f"one.{ext}", jobs=1)
        two = build_report(paths, Config(), tmp_path / f"two.{ext}", jobs=2)
        assert (tmp_path / f"one.{ext}").read_bytes() == (tmp_path / f"two.{ext}").read_bytes()
        assert (one.findings, one.documents) == (two.findings, two.documents)
    a, b = report_tables(paths, jobs=1), report_tables(paths, jobs=3)
    assert all(a[k].equals(b[k]) for k in a)


def test_empty_corpus_gives_a_valid_report(tmp_path):
    import lxml.html
    from openpyxl import load_workbook

    empty = tmp_path / "empty"
    empty.mkdir()
    for ext in ("html", "xlsx", "csv"):
        s = build_report([str(empty)], Config(), tmp_path / f"r.{ext}")
        assert (s.files, s.findings, s.problems) == (0, 0, [])
    root = lxml.html.parse(str(tmp_path / "r.html")).getroot()
    assert root.get_element_by_id("findings").findall("tbody/tr") == []
    assert root.findall(".//img") == []  # no chart without data
    assert load_workbook(tmp_path / "r.xlsx")["Findings"].max_row == 1
    assert (tmp_path / "r.csv").read_text(encoding="utf-8").splitlines()[1] == ",".join(FINDING_COLUMNS)


def test_output_format_from_extension(tmp_path):
    assert [report_format(f"r{e}") for e in (".html", ".HTM", ".xlsx", ".csv")] == ["html", "html", "xlsx", "csv"]
    with pytest.raises(TermkitError, match="use .html, .xlsx or .csv"):
        build_report([str(ROOT / FILES[0])], Config(), tmp_path / "r.pdf")
    assert list(tmp_path.iterdir()) == []


def test_failed_write_leaves_no_file(tmp_path, monkeypatch):
    import termkit.output.report as report

    def boom(*args):
        raise RuntimeError("disk full")
    monkeypatch.setattr(report, "_csv", boom)
    target = tmp_path / "r.csv"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        build_report([str(ROOT / FILES[0])], Config(), target)
    assert target.read_text(encoding="utf-8") == "old\n" and sorted(tmp_path.iterdir()) == [target]


def test_select_and_glossary_options_reach_the_report(tmp_path):
    cfg = Config(glossary=[str(FIXTURE_GLOSSARY)], bundled=False, select=["TK1"])
    doc = tmp_path / "d.md"
    doc.write_text("Subjectivization and the Korean Workers' Party.\n", encoding="utf-8")
    s = build_report([str(doc)], cfg, tmp_path / "r.csv")
    with open(tmp_path / "r.csv", encoding="utf-8") as fh:
        fh.readline()
        codes = [r["code"] for r in csv.DictReader(fh)]
    assert codes == ["TK101", "TK102"]
    assert "bundled:no" in s.signature and "select:TK1" in s.signature


class _Tty:
    def __init__(self, tty):
        self.tty, self.text = tty, ""

    def isatty(self):
        return self.tty

    def write(self, s):
        self.text += s

    def flush(self):
        pass


def test_progress_bar_only_on_a_terminal():
    tty, pipe = _Tty(True), _Tty(False)
    for stream in (tty, pipe):
        bar = _Progress(4, True, stream)
        for _ in range(4):
            bar.update(1)
        bar.close()
    assert tty.text.endswith("] 4/4 files  0 s\n") and tty.text.startswith("\rchecking [")
    assert pipe.text == ""
    off = _Tty(True)
    bar = _Progress(4, False, off)
    bar.update(4)
    bar.close()
    assert off.text == ""


def test_report_module_imports_no_heavy_library():
    code = ("import sys, termkit.output.report, termkit.cli; "
            "print(' '.join(m for m in ('pandas', 'matplotlib', 'numpy', 'openpyxl') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == ""


def test_example_script(tmp_path):
    p = subprocess.run([sys.executable, str(ROOT / "examples" / "report" / "make_report.py"), "--out", str(tmp_path),
                        "--jobs", "2"], capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert p.returncode == 0, p.stderr
    assert sorted(f.name for f in tmp_path.iterdir()) == ["report.csv", "report.html", "report.xlsx"]
    checker = Checker(Config())
    n = sum(len(checker.check_file(ROOT / f)) for f in FILES)
    assert p.stdout.count(f": {n} findings") == 3, p.stdout
    _, rows = html_table(tmp_path / "report.html", "findings")
    assert len(rows) == n and {r[0] for r in rows} <= set(FILES)


@pytest.mark.parametrize("cache_hits", [200_000, 0])  # 0: document rules match each file a second time
def test_report_checker_collects_renderings_in_the_check_pass(cwd_root, checker, monkeypatch, cache_hits):
    from termkit.output.report import _report_checker

    rc = _report_checker(Config())
    monkeypatch.setattr(type(rc), "CACHE_HITS", cache_hits)
    for p in FILES:
        findings, uses = rc.check_with_renderings(p)
        assert findings == checker.check_file(p)
        assert uses == list(checker.renderings(p))
    assert rc.check_file(FILES[0]) == checker.check_file(FILES[0])  # and plain checks collect nothing
