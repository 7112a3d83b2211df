"""Editorial QA reports over many files: pandas tables and matplotlib charts, as HTML, XLSX or CSV.

`build_report(paths, config, output)` checks every file (English-only and bilingual), collects its
findings and, in the same pass, every English rendering attributed to a concept (as
`Checker.renderings` gives them), builds the tables and writes the report in the format the
output's extension names:

* `.html` — one self-contained page: inline CSS, charts as inline SVG images (`data:` URLs), no
  script and no external reference, enforced by a Content-Security-Policy that allows nothing else;
* `.xlsx` — one sheet per table (openpyxl), plus a Summary sheet with the signature;
* `.csv` — the findings as `termkit check --format csv` writes them, after one `# termkit report …`
  line carrying the signature (read it back with `pandas.read_csv(path, skiprows=1)`).

pandas and matplotlib are imported inside the functions that need them, never at module import.
"""
from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .._version import __version__
from ..errors import TermkitError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..checking import Checker
    from ..config import Config
    from ..model import Finding

FORMATS = {".html": "html", ".htm": "html", ".xlsx": "xlsx", ".csv": "csv"}
FINDING_COLUMNS = ["path", "line", "column", "end_line", "end_column", "code", "severity", "message", "found",
                   "concept", "ko", "suggestions", "segment", "doc", "side"]
MAX_LINES = 10  # lines kept per rendering and document ("where" shows the first five)
MAX_WHERE = 8  # documents listed in the matrix's "where" cell; the Uses sheet has them all
TOP = 15  # bars per chart
APPROVED_STATUSES = ("preferred", "admitted", "dprk", "sk", "dprk/sk")
STATUS_ORDER = ("preferred", "admitted", "dprk/sk", "dprk", "sk", "deprecated", "superseded", "wrong", "other")


@dataclass
class ReportSummary:
    """What a report run produced, for the command line and for scripts."""

    output: Path
    format: str  # html | xlsx | csv
    signature: str
    files: int = 0  # files checked (those that could not be read are in problems)
    documents: int = 0  # files, and documents inside bilingual files that name them
    findings: int = 0
    errors: int = 0
    warnings: int = 0
    renderings: int = 0  # English renderings attributed to a concept (not counted for CSV)
    problems: list[str] = field(default_factory=list)  # "path:line: message" for inputs not checked
    timings: dict[str, float] = field(default_factory=dict)  # seconds: check, tables, charts, write, total


@dataclass
class FileResult:
    """One file's findings and rendering uses, as a worker returns them."""

    index: int
    path: str
    findings: list
    uses: list  # (concept, form, status, doc, count, lines, found) per rendering and document
    problem: str | None = None


def report_format(output: Path | str) -> str:
    """The report format an output path names; a TermkitError for any other extension."""
    suffix = Path(output).suffix.lower()
    if suffix not in FORMATS:
        raise TermkitError(f"cannot tell the report format from {suffix or 'no extension'!r}: "
                           "use .html, .xlsx or .csv", str(output))
    return FORMATS[suffix]


def build_report(paths: list[str], config: Config, output: Path, jobs: int = 1,
                 progress: bool = False) -> ReportSummary:
    """Check every file under paths and write a report to output (.html, .xlsx or .csv).

    jobs > 1 checks in that many processes, each building its own Checker once (the compiled
    glossary comes from the disk cache); results are merged in file order, so the report does not
    depend on jobs. progress shows a bar on stderr when stderr is a terminal. Files that cannot be
    read are listed in the summary's and the report's problems; the others are still reported.
    """
    from .findings import signature

    output = Path(output)
    fmt = report_format(output)
    t0 = time.perf_counter()
    checker = _report_checker(config)
    sig = signature(checker.matcher.glossary_hash, config)
    files, problems = _list_files(checker, paths)
    results = _check_files(checker, config, files, jobs, progress, renderings=fmt != "csv")
    problems += [r.problem for r in results if r.problem]
    t1 = time.perf_counter()
    tables = _tables(results, checker, only_findings=fmt == "csv")
    t2 = time.perf_counter()
    charts = _charts(tables) if fmt == "html" else []
    t3 = time.perf_counter()
    ok = [r for r in results if not r.problem]
    if "documents" in tables:
        documents = len(tables["documents"])
    else:  # CSV: the documents with findings, and the files without
        documents = len({(f.path, f.doc or "") for r in ok for f in r.findings}) + sum(not r.findings for r in ok)
    summary = ReportSummary(output, fmt, sig, files=len(ok), documents=documents,
                            findings=len(tables["findings"]), problems=problems)
    counts = tables["findings"]["severity"].value_counts()
    summary.errors, summary.warnings = int(counts.get("error", 0)), int(counts.get("warning", 0))
    summary.renderings = int(tables["uses"]["occurrences"].sum()) if "uses" in tables else 0
    if fmt == "html":
        _atomic_write(output, lambda p: p.write_text(_html(tables, charts, summary, config), encoding="utf-8"))
    elif fmt == "xlsx":
        _atomic_write(output, lambda p: _xlsx(tables, summary, config, p))
    else:
        _atomic_write(output, lambda p: _csv(_all_findings(results), summary, p))
    t4 = time.perf_counter()
    summary.timings = {"check": t1 - t0, "tables": t2 - t1, "charts": t3 - t2, "write": t4 - t3, "total": t4 - t0}
    return summary


def report_tables(paths: list[str], config: Config | None = None, jobs: int = 1) -> dict[str, pd.DataFrame]:
    """The report's tables as pandas DataFrames, for notebooks: findings, documents, rules, concepts,
    renderings (the matrix) and uses (renderings per document)."""
    from ..config import Config

    config = config or Config()
    checker = _report_checker(config)
    files, _ = _list_files(checker, paths)
    return _tables(_check_files(checker, config, files, jobs, False), checker)


# -- checking ---------------------------------------------------------------------------------------

def _list_files(checker: Checker, paths: list[str]) -> tuple[list[Path], list[str]]:
    """Files under each path, each once, in the order given; a missing path is a problem, not an end."""
    seen: set[str] = set()
    files, problems = [], []
    for p in paths:
        try:
            for f in checker.files([str(p)]):
                if str(f) not in seen:
                    seen.add(str(f))
                    files.append(f)
        except TermkitError as e:
            problems.append(str(e))
    return files, problems


_CLASS = None


def _report_checker(config: Config) -> Checker:
    """A Checker that also collects the renderings of what it checks, in the same pass over each file.

    check_file matches each segment once for its rules (`_matched`), and again only when document
    rules need a second pass; the renderings are taken from the first pass, so the report reads
    and matches each file once, as `termkit check` does. (`Checker.renderings` gives the same.)
    """
    global _CLASS
    if _CLASS is None:
        from ..checking import Checker

        class ReportChecker(Checker):
            _uses: list | None = None

            def check_with_renderings(self, path):
                self._uses = uses = []
                try:
                    return self.check_file(path), uses
                finally:
                    self._uses = None

            def _matched(self, path, segments, bilingual):
                uses, self._uses = self._uses, None  # the first pass only
                for d in super()._matched(path, segments, bilingual):
                    if uses is not None:
                        uses.extend(self.document_renderings(d))
                    yield d
        _CLASS = ReportChecker
    return _CLASS(config)


def _check_one(checker: Checker, index: int, path: str, renderings: bool = True) -> FileResult:
    try:
        if renderings:
            findings, rendered = checker.check_with_renderings(path)
        else:
            findings, rendered = checker.check_file(path), []
        uses: dict[tuple, list] = {}  # per rendering and document: count, first lines, surface forms
        for r in rendered:
            u = uses.setdefault((r.concept, r.form, r.status, r.doc or ""), [0, [], {}])
            u[0] += 1
            if not u[1] or u[1][-1] != r.line:
                if len(u[1]) < MAX_LINES:
                    u[1].append(r.line)
                elif u[1][-1] != "…":
                    u[1].append("…")
            surface = " ".join(r.found.split())  # a term wrapped over lines, as one line
            u[2][surface] = u[2].get(surface, 0) + 1
    except TermkitError as e:  # reported with the others; the remaining files are still checked
        return FileResult(index, str(path), [], [], str(e))
    return FileResult(index, str(path), findings,
                      [(*k, n, ", ".join(map(str, lines)), "; ".join(sorted(found, key=lambda s: (-found[s], s))))
                       for k, (n, lines, found) in uses.items()])


_WORKER: Checker | None = None


def _init_worker(config: Config) -> None:
    global _WORKER
    _WORKER = _report_checker(config)


def _work(items: list[tuple[int, str]], renderings: bool) -> list[FileResult]:
    return [_check_one(_WORKER, i, p, renderings) for i, p in items]


def _check_files(checker: Checker, config: Config, files: list[Path], jobs: int,
                 progress: bool, renderings: bool = True) -> list[FileResult]:
    from functools import partial

    from ..checking import cap_jobs, in_processes

    bar = _Progress(len(files), progress)
    results: list[FileResult | None] = [None] * len(files)
    try:
        jobs = cap_jobs(jobs, len(files))
        if jobs <= 1:
            for i, f in enumerate(files):
                results[i] = _check_one(checker, i, str(f), renderings)
                bar.update(1)
        else:
            import pandas  # noqa: F401  (the TSV reader and the tables need it: imported once, before a fork)

            size = max(1, min(64, -(-len(files) // (jobs * 8))))  # small chunks: balanced, little IPC
            chunks = [[(i, str(files[i])) for i in range(k, min(k + size, len(files)))]
                      for k in range(0, len(files), size)]
            for done in in_processes(partial(_work, renderings=renderings), chunks, jobs, _init_worker, (config,)):
                for r in done:
                    results[r.index] = r
                bar.update(len(done))
    finally:
        bar.close()
    return results  # type: ignore[return-value]


class _Progress:
    """A one-line progress bar on stderr, drawn only on a terminal and at most ten times a second."""

    WIDTH = 30

    def __init__(self, total: int, enabled: bool, stream=None):
        self.stream = stream or sys.stderr
        self.enabled = enabled and total > 0 and self.stream.isatty()
        self.total, self.done, self.start, self.drawn = total, 0, time.monotonic(), 0.0

    def update(self, n: int) -> None:
        self.done += n
        now = time.monotonic()
        if self.enabled and (now - self.drawn >= 0.1 or self.done == self.total):
            self.drawn = now
            filled = self.WIDTH * self.done // self.total
            self.stream.write(f"\rchecking [{'#' * filled}{'.' * (self.WIDTH - filled)}] "
                              f"{self.done}/{self.total} files  {now - self.start:.0f} s")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.drawn:
            self.stream.write("\n")
            self.stream.flush()


# -- tables -----------------------------------------------------------------------------------------

def _preferred(c) -> str:
    forms = c.forms("preferred") or [f for _, f in c.names]
    return forms[0] if forms else ""


def _doc_label(path: str, doc: str) -> str:
    return f"{path}#{doc}" if doc else path


def _first_lines(lines: str, n: int = 5) -> str:
    """The first n of a uses row's lines ("4, 20, 27, …")."""
    parts = lines.split(", ")
    return ", ".join(parts[:n]) + (", …" if len(parts) > n else "")


def _all_findings(results: list[FileResult]) -> list[Finding]:
    from ..model import Finding

    return sorted((f for r in results for f in r.findings), key=Finding.sort_key)


def _joined(counts: pd.Series, sep: str, by_count: bool = True) -> pd.Series:
    """Counts indexed by (concept, value) as one text per concept: "value ×n" joined, most first."""
    items: dict[str, list[tuple[str, int]]] = {}
    for (concept, value), n in counts.items():
        items.setdefault(concept, []).append((value, int(n)))
    import pandas as pd

    return pd.Series({c: sep.join(f"{v} ×{n}" for v, n in (sorted(vs, key=lambda x: (-x[1], x[0])) if by_count
                                                            else sorted(vs)))
                      for c, vs in items.items()}, dtype=object)


def _tables(results: list[FileResult], checker: Checker, only_findings: bool = False) -> dict[str, pd.DataFrame]:
    import pandas as pd

    findings = _all_findings(results)
    rows = []
    for f in findings:
        d = f.to_dict()
        d["suggestions"] = " | ".join(f.suggestions)  # as `termkit check --format csv` writes them
        rows.append([d[c] for c in FINDING_COLUMNS])
    fdf = pd.DataFrame(rows, columns=FINDING_COLUMNS)
    for col in ("line", "column", "end_line", "end_column"):
        fdf[col] = fdf[col].astype("int64")
    fdf["segment"] = fdf["segment"].astype("Int64")
    for col in ("concept", "ko", "doc", "side"):
        fdf[col] = fdf[col].fillna("").astype(object)
    tables = {"findings": fdf}
    if only_findings:
        return tables

    concepts = {c.id: c for c in checker.matcher.concepts}
    ok = [r for r in results if not r.problem]
    uses = pd.DataFrame([(c, form, status, r.path, doc, n, lines, found)
                         for r in ok for c, form, status, doc, n, lines, found in r.uses],
                        columns=["concept", "rendering", "status", "path", "doc", "occurrences", "lines", "found"])
    uses["occurrences"] = uses["occurrences"].astype("int64")
    uses.insert(1, "ko", uses["concept"].map(lambda c: concepts[c].ko if c in concepts else ""))
    uses["_rank"] = uses["status"].map(lambda s: STATUS_ORDER.index(s) if s in STATUS_ORDER else len(STATUS_ORDER))
    uses = uses.sort_values(["concept", "_rank", "rendering", "path", "doc"], kind="stable").reset_index(drop=True)

    # Documents: every file checked, and every document named inside one; worst first.
    fkey = fdf[["path", "doc", "code", "severity"]]
    keys = pd.concat([pd.DataFrame({"path": [r.path for r in ok], "doc": ""}), fkey[["path", "doc"]],
                      uses[["path", "doc"]]]).drop_duplicates()
    # A file whose documents are named gets no row of its own unless it has unnamed parts.
    named = set(keys.loc[keys["doc"] != "", "path"])
    unnamed = set(fkey.loc[fkey["doc"] == "", "path"]) | set(uses.loc[uses["doc"] == "", "path"])
    keys = keys[(keys["doc"] != "") | ~keys["path"].isin(named - unnamed)]
    by_code = fkey.pivot_table(index=["path", "doc"], columns="code", values="severity", aggfunc="size",
                               fill_value=0)
    sev = fkey.pivot_table(index=["path", "doc"], columns="severity", values="code", aggfunc="size", fill_value=0)
    docs = keys.set_index(["path", "doc"])
    docs["findings"] = by_code.sum(axis=1) if len(by_code.columns) else 0
    docs["errors"] = sev["error"] if "error" in sev else 0
    docs["warnings"] = sev["warning"] if "warning" in sev else 0
    for code in sorted(by_code.columns):
        docs[code] = by_code[code]
    docs["renderings"] = uses.groupby(["path", "doc"])["occurrences"].sum()
    docs["rejected renderings"] = uses[~uses["status"].isin(APPROVED_STATUSES)].groupby(
        ["path", "doc"])["occurrences"].sum()
    docs = docs.fillna(0).astype("int64").reset_index()
    docs = docs.sort_values(["errors", "findings", "path", "doc"], ascending=[False, False, True, True],
                            kind="stable").reset_index(drop=True)
    tables["documents"] = docs

    # Rules: every selected rule, with its counts.
    per_rule = fkey.groupby("code").size()
    docs_per_rule = fkey.drop_duplicates(["code", "path", "doc"]).groupby("code").size()
    tables["rules"] = pd.DataFrame(
        [(r.code, r.name, r.severity, int(per_rule.get(r.code, 0)), int(docs_per_rule.get(r.code, 0)), r.summary)
         for r in checker.rules], columns=["code", "name", "severity", "findings", "documents", "summary"])

    # Concepts most often wrong: counts by pandas, the text cells joined from grouped counts.
    fc = fdf.loc[fdf["concept"] != "", ["concept", "ko", "code", "severity", "path", "doc", "found"]].copy()
    fc["found"] = fc["found"].str.replace(r"\s+", " ", regex=True)
    fc["errors"] = (fc["severity"] == "error").astype("int64")
    fc["warnings"] = (fc["severity"] == "warning").astype("int64")
    cdf = fc.groupby("concept").agg(ko=("ko", "first"), findings=("code", "size"), errors=("errors", "sum"),
                                    warnings=("warnings", "sum"))
    cdf["documents"] = fc.drop_duplicates(["concept", "path", "doc"]).groupby("concept").size()
    cdf["codes"] = _joined(fc.groupby(["concept", "code"]).size(), ", ", by_count=False)
    cdf["found"] = _joined(fc.groupby(["concept", "found"]).size(), "; ")
    cdf = cdf.reset_index()
    cdf.insert(2, "preferred", cdf["concept"].map(lambda c: _preferred(concepts[c]) if c in concepts else ""))
    cdf = cdf.astype({k: "int64" for k in ("findings", "errors", "warnings", "documents")})
    tables["concepts"] = cdf.sort_values(["findings", "errors", "concept"], ascending=[False, False, True],
                                         kind="stable").reset_index(drop=True)

    # The rendering matrix: for each concept, every rendering used, how often and where.
    key = ["concept", "rendering", "status"]
    mdf = uses.groupby(key, sort=False).agg(ko=("ko", "first"), occurrences=("occurrences", "sum"),
                                           documents=("path", "size"), _rank=("_rank", "first"))
    per_concept = mdf.groupby(level="concept")["occurrences"]
    mdf["total"] = per_concept.transform("sum")
    mdf["renderings"] = per_concept.transform("size")
    mdf["share %"] = (100 * mdf["occurrences"] / mdf["total"]).round().astype("int64")
    where: dict[tuple, list[str]] = {}
    surface: dict[tuple, dict[str, int]] = {}
    for c, form, status, p, d, k, ls, found in uses[key + ["path", "doc", "occurrences", "lines", "found"]].itertuples(
            index=False, name=None):  # uses is sorted: documents in path order within each rendering
        w = where.setdefault((c, form, status), [])
        if len(w) < MAX_WHERE:
            w.append(f"{_doc_label(p, d)} ({k}): {_first_lines(ls)}")
        counts = surface.setdefault((c, form, status), {})
        for f in found.split("; ") if found else ():
            counts[f] = counts.get(f, 0) + 1
    mdf["where"] = [
        "\n".join(where[i] + ([f"… and {n - MAX_WHERE} more"] if n > MAX_WHERE else []))
        for i, n in zip(mdf.index, mdf["documents"])]
    mdf["found"] = ["; ".join(sorted(surface[i], key=lambda f, i=i: (-surface[i][f], f))) for i in mdf.index]
    mdf = mdf.reset_index()
    mdf["preferred"] = mdf["concept"].map(lambda c: _preferred(concepts[c]) if c in concepts else "")
    mdf = mdf[["concept", "ko", "preferred", "renderings", "total", "rendering", "status", "occurrences", "share %",
               "documents", "where", "found", "_rank"]]
    mdf["_rank"] = mdf["status"].map(lambda s: STATUS_ORDER.index(s) if s in STATUS_ORDER else len(STATUS_ORDER))
    mdf = mdf.sort_values(["renderings", "total", "concept", "occurrences", "_rank", "rendering"],
                          ascending=[False, False, True, False, True, True], kind="stable")
    tables["renderings"] = mdf.drop(columns="_rank").reset_index(drop=True)
    tables["uses"] = uses.drop(columns="_rank")
    return tables


# -- charts -----------------------------------------------------------------------------------------

COLOURS = {"error": "#c0392b", "warning": "#e1a13b", "approved": "#3a7dbf", "deprecated": "#e1a13b",
           "wrong": "#c0392b"}


def _charts(tables: dict[str, pd.DataFrame]) -> list[tuple[str, str, str]]:
    """(title, alt text, SVG) for each chart that has data."""
    import warnings

    import matplotlib
    from matplotlib import font_manager
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    cjk = [f.name for f in font_manager.fontManager.ttflist
           if any(k in f.name for k in ("CJK", "Nanum", "Noto Sans KR", "UnDotum", "Baekmuk"))]
    rc = {"svg.hashsalt": "termkit", "svg.fonttype": "none", "font.size": 9,
          "font.family": ["DejaVu Sans", *sorted(set(cjk))[:1]], "axes.spines.top": False,
          "axes.spines.right": False}
    out = []

    def bars(title, alt, labels, series, horizontal=True, xlabel="findings", legend=None):
        """Stacked bars; series are (name, values, colour or colours); legend: (name, colour) pairs."""
        labels = [_short(s) for s in labels]
        height = max(1.8, 0.28 * len(labels) + 1.1) if horizontal else 3.2
        fig = Figure(figsize=(7.2, height))
        ax = fig.add_subplot()
        base = [0] * len(labels)
        pos = list(range(len(labels)))
        for name, values, colour in series:
            if horizontal:
                ax.barh(pos, values, left=base, color=colour, label=name, height=0.7)
            else:
                ax.bar(pos, values, bottom=base, color=colour, label=name, width=0.7)
            base = [b + v for b, v in zip(base, values)]
        if horizontal:
            ax.set_yticks(pos, labels)
            ax.set_ylim(len(labels) - 0.5, -0.5)  # first label on top
            ax.set_xlabel(xlabel)
            ax.xaxis.get_major_locator().set_params(integer=True)
        else:
            ax.set_xticks(pos, labels)
            ax.set_xlim(-0.6, max(len(labels), 8) - 0.4)  # a few bars keep their width
            ax.set_ylabel(xlabel)
            ax.yaxis.get_major_locator().set_params(integer=True)
        # The title top left and the legend top right of the figure, in a band of their own: never over a bar.
        fig.text(0.01, 1 - 0.08 / height, title, ha="left", va="top", fontsize=10)
        handles = [Patch(color=c, label=n) for n, c in legend] if legend else ax.get_legend_handles_labels()[0]
        if legend or len(series) > 1:
            fig.legend(handles=handles, frameon=False, loc="upper right", bbox_to_anchor=(0.99, 1 - 0.04 / height),
                       ncols=len(handles), handlelength=1, fontsize=8)
        fig.tight_layout(rect=(0, 0, 1, 1 - 0.3 / height))
        import io

        buf = io.StringIO()
        # No metadata (a date would make reports differ run to run), no prolog or DTD reference.
        fig.savefig(buf, format="svg", metadata={"Date": None, "Type": None, "Format": None, "Creator": None})
        svg = buf.getvalue()
        out.append((title, alt, svg[svg.index("<svg"):]))

    with matplotlib.rc_context(rc), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing", category=UserWarning)
        docs = tables["documents"]
        worst = docs[docs["findings"] > 0].head(TOP)
        if len(worst):
            bars("Documents with the most findings", "Errors and warnings for the documents with the most findings",
                 [_doc_label(p, d) for p, d in zip(worst["path"], worst["doc"])],
                 [("errors", worst["errors"].tolist(), COLOURS["error"]),
                  ("warnings", worst["warnings"].tolist(), COLOURS["warning"])])
        rules = tables["rules"]
        rules = rules[rules["findings"] > 0]
        if len(rules):
            bars("Findings per rule", "Number of findings for each rule", rules["code"].tolist(),
                 [("findings", rules["findings"].tolist(), [COLOURS[s] for s in rules["severity"]])],
                 horizontal=False, legend=[(s, COLOURS[s]) for s in ("error", "warning")])
        cdf = tables["concepts"].head(TOP)
        if len(cdf):
            bars("Concepts most often wrong", "Errors and warnings for the concepts with the most findings",
                 cdf["concept"].tolist(), [("errors", cdf["errors"].tolist(), COLOURS["error"]),
                                           ("warnings", cdf["warnings"].tolist(), COLOURS["warning"])])
        m = tables["renderings"]
        m = m[m["renderings"] > 1]
        if len(m):
            top = m.drop_duplicates("concept").head(TOP)["concept"].tolist()
            sel = m[m["concept"].isin(top)]
            kind = sel["status"].map(lambda s: "approved" if s in APPROVED_STATUSES else
                                     "wrong" if s in ("wrong", "other") else "deprecated")
            counts = sel.assign(kind=kind).pivot_table(index="concept", columns="kind", values="occurrences",
                                                       aggfunc="sum", fill_value=0).reindex(top)
            bars("Concepts rendered more than one way", "Occurrences of approved, deprecated and wrong renderings "
                 "for concepts rendered more than one way across the corpus", top,
                 [(k, counts[k].tolist() if k in counts.columns else [0] * len(top), COLOURS[k])
                  for k in ("approved", "deprecated", "wrong")], xlabel="occurrences")
    return out


def _short(label: str, width: int = 48) -> str:
    return label if len(label) <= width else "…" + label[-(width - 1):]


# -- writers ----------------------------------------------------------------------------------------

def _atomic_write(path: Path, write) -> None:
    """Write through a temporary file beside the target, so a failed run leaves no half report."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException as e:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass  # the directory itself is gone or read-only: the error below says why
        if isinstance(e, OSError):
            raise TermkitError(f"cannot write the report: {e.strerror or e}", str(path)) from None
        raise


def _options(config: Config) -> list[tuple[str, str]]:
    return [("select", ", ".join(config.select) or "-"), ("ignore", ", ".join(config.ignore) or "-"),
            ("names", config.names or "any"), ("bundled glossary", "yes" if config.bundled else "no"),
            ("extra glossaries", ", ".join(config.glossary) or "-"), ("configuration", config.source or "-")]


def _csv(findings: list[Finding], summary: ReportSummary, path: Path) -> None:
    """`termkit check --format csv`, after a first line with the signature."""
    from .findings import write_csv

    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(f"# termkit report {summary.signature}\n")
        write_csv(findings, fh)


def _xlsx(tables: dict[str, pd.DataFrame], summary: ReportSummary, config: Config, path: Path) -> None:
    import pandas as pd
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    wb.properties.creator = f"termkit {__version__}"
    wb.properties.description = summary.signature
    bold = Font(bold=True)

    def cell(ws, value, header=False):
        if pd.api.types.is_scalar(value) and pd.isna(value):
            value = None
        elif hasattr(value, "item"):  # numpy scalars
            value = value.item()
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        c = WriteOnlyCell(ws, value=value)
        if isinstance(value, str) and value.startswith("="):
            c.data_type = "s"  # text, never a formula
        if header:
            c.font = bold
        return c

    ws = wb.create_sheet("Summary")
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 100
    rows = [("termkit report", f"termkit {__version__}"), ("signature", summary.signature),
            *_options(config), ("files", summary.files), ("documents", summary.documents),
            ("findings", summary.findings), ("errors", summary.errors), ("warnings", summary.warnings),
            ("renderings", summary.renderings)]
    rows += [("problem", p) for p in summary.problems]
    for k, v in rows:
        ws.append([cell(ws, k, header=True), cell(ws, v)])
    for name, key in SHEETS:
        df = tables[key]
        ws = wb.create_sheet(name)
        ws.freeze_panes = "A2"
        for i, col in enumerate(df.columns):
            longest = max([len(str(col))] + [len(str(v)) for v in df[col].head(200)])
            ws.column_dimensions[get_column_letter(i + 1)].width = min(60, max(6, longest + 2))
        if len(df.columns):
            ws.auto_filter.ref = f"A1:{get_column_letter(len(df.columns))}{len(df) + 1}"
        ws.append([cell(ws, c, header=True) for c in df.columns])
        for row in df.itertuples(index=False, name=None):
            ws.append([cell(ws, v) for v in row])
    wb.save(path)


SHEETS = [("Documents", "documents"), ("Rules", "rules"), ("Concepts", "concepts"), ("Renderings", "renderings"),
          ("Uses", "uses"), ("Findings", "findings")]


def _html(tables: dict[str, pd.DataFrame], charts: list[tuple[str, str, str]], summary: ReportSummary,
          config: Config) -> str:
    import base64
    from html import escape

    def kv(rows):
        return "".join(f"<tr><th>{escape(str(k))}</th><td>{escape(str(v))}</td></tr>" for k, v in rows)

    stats = [("files", summary.files), ("documents", summary.documents), ("findings", summary.findings),
             ("errors", summary.errors), ("warnings", summary.warnings),
             ("concepts with findings", len(tables["concepts"])), ("renderings", summary.renderings)]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        # Nothing but this file, its inline styles and data: images may load: the page is self-contained.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src data:; '
        'style-src \'unsafe-inline\'">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>termkit report: {summary.findings} findings in {summary.documents} documents</title>",
        f"<style>{CSS}</style></head><body>",
        "<header><h1>Terminology report</h1>",
        f'<p class="sig">Signature: <code id="signature">{escape(summary.signature)}</code></p>',
        '<div class="facts">',
        '<table class="kv" id="summary">' + kv(stats) + "</table>",
        '<table class="kv" id="options">' + kv([("termkit", __version__), *_options(config)]) + "</table>",
        "</div>",
        '<nav><a href="#documents-h">Documents</a> · <a href="#rules-h">Rules</a> · '
        '<a href="#concepts-h">Concepts</a> · <a href="#renderings-h">Rendering matrix</a> · '
        '<a href="#findings-h">Findings</a></nav></header><main>',
    ]
    if summary.problems:
        parts.append('<section class="problems"><h2>Not checked</h2><ul id="problems">'
                     + "".join(f"<li>{escape(p)}</li>" for p in summary.problems) + "</ul></section>")
    if charts:
        parts.append('<section class="charts">')
        for _title, alt, svg in charts:  # the title is drawn in the chart
            data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
            parts.append(f'<figure><img src="data:image/svg+xml;base64,{data}" alt="{escape(alt)}">'
                         f"<figcaption>{escape(alt)}</figcaption></figure>")
        parts.append("</section>")
    status = lambda col, v: f"st-{v.replace('/', '-')}" if col == "status" else None  # noqa: E731
    severity = lambda col, v: f"sev-{v}" if col == "severity" else None  # noqa: E731
    sections = [
        ("documents", "Documents", "Findings per document, worst first; renderings counts the English renderings "
         "of glossary concepts found, rejected renderings those deprecated, superseded, wrong or non-standard.",
         None, ()),
        ("rules", "Rules", "Findings per rule, and the documents they occur in.", severity, ()),
        ("concepts", "Concepts most often wrong", "Concepts with findings, most first, with the forms found.",
         None, ()),
        ("renderings", "Rendering matrix", "For each concept, every English rendering used across the corpus, "
         "how often, and where (document (occurrences): lines). Concepts rendered the most ways come first. "
         "A person's name has its style as status: dprk, sk, or other (neither).", status,
         ("concept", "ko", "preferred", "renderings", "total")),
        ("findings", "Findings", "Every finding, by document and position.", severity, ()),
    ]
    for key, title, note, classes, grouped in sections:
        parts.append(f'<section><h2 id="{key}-h">{escape(title)}</h2><p class="note">{escape(note)}</p>')
        parts.append(_html_table(tables[key], key, classes, grouped))
        parts.append("</section>")
    parts.append(f'</main><footer>termkit {escape(__version__)} · {escape(summary.signature)}</footer>'
                 "</body></html>\n")
    return "\n".join(parts)


NUMERIC_KINDS = "iuf"
NOWRAP = {"path", "doc", "code", "severity", "status", "concept", "side"}


def _html_table(df: pd.DataFrame, table_id: str, classes=None, grouped: tuple[str, ...] = ()) -> str:
    """A table with escaped cells, numbers right-aligned, optional cell classes; `grouped` columns span
    the rows of one concept (pandas.read_html fills them back in)."""
    from html import escape

    numeric = {c for c in df.columns if df[c].dtype.kind in NUMERIC_KINDS or str(df[c].dtype) == "Int64"}
    head = "".join(f'<th{" class=num" if c in numeric else ""} scope="col">{escape(str(c))}</th>'
                   for c in df.columns)
    out = [f'<div class="scroll"><table id="{table_id}"><thead><tr>{head}</tr></thead><tbody>']
    cols = list(df.columns)
    values = df.to_dict("list")
    n = len(df)
    span = [1] * n
    if grouped:
        key = values[grouped[0]]
        i = 0
        while i < n:
            j = i
            while j + 1 < n and key[j + 1] == key[i]:
                j += 1
            span[i] = j - i + 1
            for k in range(i + 1, j + 1):
                span[k] = 0
            i = j + 1
    for i in range(n):
        cells = []
        for c in cols:
            if c in grouped and not span[i]:
                continue
            v = values[c][i]
            text = "" if v is None or v != v or str(v) == "<NA>" else str(v)
            cls = []
            if c in numeric:
                cls.append("num")
            elif c in NOWRAP:
                cls.append("nw")
            extra = classes(c, text) if classes and text else None
            if extra:
                cls.append(extra)
            attrs = f' class="{" ".join(cls)}"' if cls else ""
            if c in grouped and span[i] > 1:
                attrs += f' rowspan="{span[i]}"'
            cells.append(f"<td{attrs}>{escape(text)}</td>")
        group_start = " class=g" if grouped and span[i] else ""
        out.append(f"<tr{group_start}>{''.join(cells)}</tr>")
    out.append("</tbody></table></div>")
    return "\n".join(out)


CSS = """
:root{--fg:#1d2430;--muted:#5b6472;--line:#d9dee6;--head:#f3f5f8;--err:#b03a2e;--warn:#a86a00;--ok:#2e6da4}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK KR","Malgun Gothic",
sans-serif;color:var(--fg);background:#fff}
header,main,footer{padding:0 24px}
header{border-bottom:1px solid var(--line);padding-bottom:12px}
h1{font-size:22px;margin:18px 0 6px}
h2{font-size:17px;margin:28px 0 4px}
.sig code{font-size:12px;background:var(--head);padding:2px 6px;border-radius:3px;word-break:break-all}
.facts{display:flex;gap:32px;flex-wrap:wrap}
table.kv th{text-align:left;font-weight:600;color:var(--muted);padding:1px 12px 1px 0}
table.kv td{padding:1px 0}
nav{margin-top:8px}
a{color:var(--ok)}
.note{color:var(--muted);margin:0 0 8px;max-width:70em}
.charts{display:flex;flex-wrap:wrap;gap:16px;margin-top:16px}
figure{margin:0;border:1px solid var(--line);border-radius:4px;padding:8px;max-width:100%}
figure img{max-width:100%;height:auto;display:block}
figcaption{color:var(--muted);font-size:12px}
.scroll{overflow-x:auto;max-height:80vh;overflow-y:auto;border:1px solid var(--line)}
table{border-collapse:collapse;font-size:13px}
.scroll table{width:100%}
.scroll th{position:sticky;top:0;background:var(--head);text-align:left;border-bottom:1px solid var(--line);
padding:4px 8px;white-space:nowrap}
.scroll td{border-top:1px solid var(--line);padding:3px 8px;vertical-align:top;white-space:pre-line}
tr.g td{border-top:1px solid #aab3c0}
.num{text-align:right;font-variant-numeric:tabular-nums}
.scroll td.nw{white-space:nowrap}
.sev-error,.st-wrong,.st-other{color:var(--err);font-weight:600}
.sev-warning,.st-deprecated,.st-superseded{color:var(--warn);font-weight:600}
.st-preferred,.st-dprk,.st-sk,.st-dprk-sk{color:var(--ok)}
.problems{border-left:4px solid var(--err);padding-left:12px}
footer{color:var(--muted);font-size:12px;margin:24px 0}
"""
