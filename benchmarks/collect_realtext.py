"""Rebuild the extra real-English corpus (outside the repository) from fetched git mirrors of its sources.

    .venv/bin/python benchmarks/collect_realtext.py --out /work/realtext-extra \\
        --wikipedia /work/.mirror/chinapedia+wikipedia.abstract.en/repo \\
        --thinktank /work/.mirror/agorahub+pen0/repo \\
        --factbook /work/.mirror/openfactbook+master/repo

Each mirror is read at a pinned commit (`git show COMMIT:PATH`), so the corpus is the same whenever it
is rebuilt. One file per article, each opening with an HTML comment naming the source, the repository,
path, commit and licence; `OUT/README.md` lists the sources and sizes. The texts stay out of the
repository: only this script and the judgments (positions and found terms) are kept in it.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple


class Source(NamedTuple):
    name: str  # the folder under OUT
    repo: str
    commit: str
    licence: str
    about: str


WIKIPEDIA = Source(
    "wikipedia", "chinapedia/wikipedia.abstract.en", "4f3e897da088cbe89a4f1d4cba3fa2e439c3721b",
    "CC BY-SA 3.0 (English Wikipedia)",
    "English Wikipedia articles (dump of 2019-07-20) as plain Markdown; that conversion dropped the Hangul "
    "and hanja and kept the romanizations")
WIKIPEDIA_PAGES = [
    "2nd_Conference_of_the_Workers'_Party_of_Korea", "Battle_of_Pyongyang_(1950)", "Cannabis_in_North_Korea",
    "Demographics_of_North_Korea", "Economy_of_North_Korea", "Foreign_relations_of_North_Korea",
    "Geography_of_North_Korea", "History_of_North_Korea", "Korean_People's_Army",
    "List_of_tallest_buildings_in_North_Korea", "North_Korea", "Politics_of_North_Korea",
    "Sanctions_against_North_Korea", "Telecommunications_in_North_Korea", "Transport_in_North_Korea",
    "Under_the_Sun_(2015_film)", "Women's_rights_in_North_Korea",
]

THINKTANK = Source(
    "thinktank", "agorahub/pen0", "6195bf2463162f45ca721457d103fd17bf5a58a7",
    "copyright of the original publisher; reposted by agorahub/pen0; kept outside the repository, for "
    "measurement only",
    "think-tank reports and commentaries on North Korea (CSIS, RUSI, Open Nuclear Network and others), "
    "as reposted in Markdown")
# file stem under _collections/_hkers/ -> the publisher its author notes name
THINKTANK_POSTS = {
    "2023-01-19-n-korea-policy-and-deterrence": "CSIS",
    "2023-03-14-unanswered-questions-on-kim": "CSIS",
    "2023-11-22-north-koreas-sanctions-busting": "RUSI",
    "2023-12-15-profiting-from-proliferation": "RUSI",
    "2024-03-26-uphold-north-korea-sanctions": "RUSI",
    "2024-08-01-shopping-for-mass-destruction": "RUSI",
    "2024-10-01-north-koreas-nuclear-deterrence": "Open Nuclear Network",
    "2024-12-04-north-korean-troops-in-russia": "author at the Institute for National Security Strategy (Seoul)",
    "2025-06-17-behind-shuttered-borders": "CSIS",
    "2025-07-16-north-koreas-chemical-steps": "RUSI",
    "2025-08-08-europes-north-korea-policy": "RUSI",
    "2025-08-19-north-koreas-space-capabilities": "CSIS",
    "2025-09-30-north-koreas-chemical-imports": "RUSI",
}

FACTBOOK = Source(
    "factbook", "openfactbook/master", "f30f67635de90460d36b3bef7b5c7625fdf2bcfb",
    "public domain (CIA World Factbook)",
    "the CIA World Factbook's entry on North Korea as retrieved on 2014-08-31")

FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def git_show(mirror: Path, commit: str, path: str) -> str:
    """A file's text at a commit of a mirror (a bare or a working repository)."""
    out = subprocess.run(["git", "-C", str(mirror), "show", f"{commit}:{path}"],
                         capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def header(url: str, src: Source, path: str, extra: str = "") -> str:
    """The opening comment that names where a file came from."""
    more = f"; {extra}" if extra else ""
    return (f"<!-- source: {url} via github.com/{src.repo} {path} @ {src.commit[:12]}; "
            f"licence: {src.licence}{more} -->\n\n")


def front_matter(text: str) -> tuple[dict, str]:
    """A Jekyll post's front matter (simple `key : value` lines) and its body."""
    m = FRONT_MATTER.match(text)
    if not m:
        return {}, text
    meta = {}
    for line in m.group(1).splitlines():
        k, sep, v = line.partition(":")
        if sep and not k.startswith("#"):
            meta[k.strip()] = v.strip().strip('"')
    return meta, text[m.end():]


def wikipedia(mirror: Path) -> dict[str, str]:
    """Wikipedia articles: file name -> text."""
    out = {}
    for page in WIKIPEDIA_PAGES:
        path = f"Page/{page}.md"
        url = "https://en.wikipedia.org/wiki/" + page
        out[_safe(page) + ".md"] = header(url, WIKIPEDIA, path, "dump of 2019-07-20") + git_show(
            mirror, WIKIPEDIA.commit, path)
    return out


def thinktank(mirror: Path) -> dict[str, str]:
    """Think-tank reposts: front matter replaced by the source comment and a title line."""
    out = {}
    for stem, publisher in THINKTANK_POSTS.items():
        path = f"_collections/_hkers/{stem}.md"
        meta, body = front_matter(git_show(mirror, THINKTANK.commit, path))
        extra = f"publisher: {publisher}; author: {meta.get('author', '?')}; dated {meta.get('date', '?')[:10]}"
        url = f"https://github.com/{THINKTANK.repo}/blob/{THINKTANK.commit}/{path}"
        out[stem + ".md"] = header(url, THINKTANK, path, extra) + f"# {meta.get('title', stem)}\n\n" + body
    return out


def factbook(mirror: Path) -> dict[str, str]:
    """The World Factbook's North Korea entry."""
    path = "geos.md/kn.md"
    url = "https://www.cia.gov/the-world-factbook/countries/korea-north/ (2014 edition)"
    return {"korea-north-2014.md": header(url, FACTBOOK, path, "retrieved 2014-08-31") + git_show(
        mirror, FACTBOOK.commit, path)}


def _safe(name: str) -> str:
    """A file name without quotes or parentheses."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("_")


def write(out: Path, src: Source, files: dict[str, str]) -> int:
    """Write one source's files under OUT/<source>; return their bytes."""
    folder = out / src.name
    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    for name, text in sorted(files.items()):
        data = text.encode("utf-8")
        (folder / name).write_bytes(data)
        size += len(data)
    return size


def readme(rows: list[tuple[Source, int, int]]) -> str:
    """OUT/README.md: what each folder holds, from where, under which licence."""
    lines = ["# Extra real English about North Korea (not KCNA)", "",
             "Rebuilt by `benchmarks/collect_realtext.py` in the termkit repository; read by "
             "`benchmarks/precision_real.py`. Never copy these texts' sentences into the project.", "",
             "| folder | files | bytes | source | licence |", "|---|---|---|---|---|"]
    for src, n, size in rows:
        lines.append(f"| `{src.name}/` | {n} | {size:,} | {src.about}: github.com/{src.repo} @ {src.commit[:12]} "
                     f"| {src.licence} |")
    total = sum(size for _, _, size in rows)
    lines += ["", f"Total: {sum(n for _, n, _ in rows)} files, {total:,} bytes.",
              "Each file opens with an HTML comment naming its source URL, repository, path, commit and licence.", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--wikipedia", type=Path, required=True, help="mirror of chinapedia/wikipedia.abstract.en")
    ap.add_argument("--thinktank", type=Path, required=True, help="mirror of agorahub/pen0")
    ap.add_argument("--factbook", type=Path, required=True, help="mirror of openfactbook/master")
    args = ap.parse_args(argv)
    rows = []
    for src, files in ((WIKIPEDIA, wikipedia(args.wikipedia)), (THINKTANK, thinktank(args.thinktank)),
                       (FACTBOOK, factbook(args.factbook))):
        rows.append((src, len(files), write(args.out, src, files)))
    (args.out / "README.md").write_text(readme(rows), encoding="utf-8")
    print(readme(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
