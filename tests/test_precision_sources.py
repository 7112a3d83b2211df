"""Precision on real English, second round: cited sources, abbreviated names, personal names, dated corpora.

Every sentence here is written for these tests (the titles, authors and addresses are made up). They
run against the bundled glossary, whose data the mechanisms read.
"""
import importlib.util
from types import SimpleNamespace

import pytest

from conftest import ROOT


def found(checker, text, code=None):
    return [(f.code, f.found) for f in checker.check_text(text) if code is None or f.code == code]


def at(text, form, nth=0):
    """A stand-in hit over the nth occurrence of `form` in `text` (what the surroundings functions read)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(form, start + 1)
    return SimpleNamespace(start=start, end=start + len(form), found=form)


# -- where a form belongs to a cited source ---------------------------------------------------------

@pytest.mark.parametrize("text, form, where", [
    # reference entries: a note number opens the line (Wikipedia's [n], a caret)
    ("[14] Lee Mi-ran, The Kim Jong Un Years, Seoul: Hanul, 2020, p. 9.", "Kim Jong Un", "reference"),
    ("Body text.\n  [7] An interview with Kim Jong Un's former tutor, 2015.", "Kim Jong Un", "reference"),
    ("^ Park, \"Portraits\", 2011, on Kim Il Sung.", "Kim Il Sung", "reference"),
    # a caption's source line, after the label only
    ("Figure 2: The new dam. Source: KCTV footage of Kim Jong Un, 4 May 2022.", "Kim Jong Un", "reference"),
    # web addresses, bare and as a Markdown link's target
    ("See https://example.org/news/Kim-Jong-Un-visits-farm for the report.", "Kim-Jong-Un", "URL"),
    ("See [the report](http://example.org/Kim-Jong-eun-speech.html) for details.", "Kim-Jong-eun", "URL"),
    ("Archived at www.example.org/kim-jong-eun/ since May.", "kim-jong-eun", "URL"),
    # quoted titles: capitalised words, small words in lower case, at least two words besides the form
    ("The choir sang \u201cOde to Marshal Kim Jong Un\u201d at the close.", "Kim Jong Un", "title"),
    ("Her essay \"Kim Il Sung and the Making of a State\" is widely read.", "Kim Il Sung", "title"),
    # a bibliography entry: 'Surname, Given' opens the line, the year in parentheses, then the title
    ("- Ri, Chol-min and Smith, Anna (2011) Kim Jong Un and the ports, J. Ports 4.", "Kim Jong Un", "reference"),
    ("Lee, S. & Cho, M. (2019a). Kim Jong-eun's first years. Seoul: Example Press.", "Kim Jong-eun", "reference"),
])
def test_cited_source_places(text, form, where):
    from termkit.rules.surroundings import cited_source

    assert cited_source(text, at(text, form)) == where


@pytest.mark.parametrize("text, form", [
    # a quoted sentence is someone's words, not a title: still a use
    ("He said \u201cthe talks with Kim Jong Un will go on\u201d and left.", "Kim Jong Un"),
    # a quoted name alone is no title
    ("The so-called \u201cKim Jong-eun\u201d spelling spread in 2010.", "Kim Jong-eun"),
    # the straight quotes before the form closed an earlier quotation
    ("The word \"reform\" was banned, and Kim Jong Un Said Nothing \"New\" Later.", "Kim Jong Un"),
    # a curly quotation closed before the form
    ("The \u201cOde to the Marshal\u201d was sung before Kim Jong Un Arrived \u201dlate.", "Kim Jong Un"),
    # 'source' in running text, and a note number inside a line, are no reference entry
    ("The source: Kim Jong Un himself told the envoys [14] that he agreed.", "Kim Jong Un"),
    ("In 2018 [14] Kim Jong Un met the envoys.", "Kim Jong Un"),
    # a Markdown footnote is the text's own note, often the translator's prose
    ("Body text.[^3]\n\n[^3]: Kim Jong Un's tutor said so in 2015.", "Kim Jong Un"),
    # a URL earlier on the line does not make the rest of it one
    ("See https://example.org/a for it; Kim Jong Un spoke later.", "Kim Jong Un"),
    # a line opening 'Name, …' with a year in parentheses after the form is prose, not a bibliography entry
    ("Pyongyang, where Kim Jong Un spoke (2019), was calm.", "Kim Jong Un"),
    ("In his speech, Kim Jong Un (2019) set the goal.", "Kim Jong Un"),
])
def test_not_a_cited_source(text, form):
    from termkit.rules.surroundings import cited_source

    assert cited_source(text, at(text, form)) is None


def test_names_in_cited_sources_count_for_no_style_and_are_not_reported(bundled):
    body = "Kim Jong-un met Choe Ryong-hae, and Kim Jong-il had met him before."
    # DPRK-style names only in a reference entry, a quoted title and a URL
    text = (body + "\nHis speech \u201cKim Jong Un Speaks on the Plan\u201d was printed."
            "\n\n[2] A. Writer, Kim Jong Un and the Party, 2019, at https://example.org/Kim-Jong-Eun-profile\n")
    assert found(bundled, text) == []
    # the same DPRK-style name in the body is a mix of styles, reported as before
    assert found(bundled, body + "\nLater Kim Jong Un spoke.\n") == [("TK502", "Kim Jong Un")]


def test_a_non_standard_name_in_a_title_or_url_is_the_sources_spelling(bundled):
    assert found(bundled, "Kim Jong-eun chaired the meeting.", "TK501") == [("TK501", "Kim Jong-eun")]
    assert found(bundled, "The profile \"Kim Jong-eun at Thirty\" ran in 2014.", "TK501") == []
    assert found(bundled, "[9] Staff, Kim Jong-eun's first year, a news feature, 2012.", "TK501") == []


def test_a_deprecated_rendering_in_a_cited_title_is_left_alone(bundled):
    assert found(bundled, "The Korean Workers' Party held a congress.") == [("TK102", "Korean Workers' Party")]
    text = "[5] J. Author, The Korean Workers' Party in the 1960s, London, 1978."
    assert found(bundled, text) == []
    assert found(bundled, "Read \u201cA History of the Korean Workers' Party\u201d first.") == []


def test_mentions_report_shows_cited_sources_marked(bundled):
    from termkit.checking.checker import Checker
    from termkit.config import Config

    report = Checker(Config(mentions="report"), matcher=bundled.matcher)
    text = "[5] J. Author, The Korean Workers' Party in the 1960s, London, 1978."
    got = report.check_text(text)
    assert [(f.code, f.found) for f in got] == [("TK102", "Korean Workers' Party")]
    assert got[0].message.endswith("(in a cited source's reference)")


def test_romanized_terms_in_a_reference_count_for_no_system(bundled):
    body = "Self-reliance (*charyŏk kaengsaeng*) and localization (*kuksanhwa*) were the themes."
    cited = "\n\n[3] K. Writer, *Jeongbohwa* in the Provinces, Seoul, 2016.\n"
    assert found(bundled, body + cited) == []
    assert found(bundled, body + "\nSo was informatization (*jeongbohwa*).\n") == [("TK402", "jeongbohwa")]


# -- abbreviated and short forms of one name -------------------------------------------------------

@pytest.mark.parametrize("form, forms, expected", [
    ("UN Security Council", ["United Nations Security Council"], True),
    ("SPA Standing Committee", ["Supreme People's Assembly Standing Committee"], True),
    ("Chairman of the WPK", ["Chairman of the Workers' Party of Korea"], True),
    ("UN Security Council", ["UN Security Council"], False),  # itself
    ("UN Command", ["United Nations Security Council"], False),  # the rest of the words differ
    ("UN Security Council", ["Ukrainian National Security Council"], True),  # initials only: data decides
    ("US Security Council", ["United Nations Security Council"], False),
    ("KPA General Staff", ["General Staff of the Korean People's Army"], False),  # word order: not an abbreviation
    ("Security Council", ["United Nations Security Council"], False),  # no acronym at all
])
def test_abbreviates(form, forms, expected):
    from termkit.rules.consistency import _abbreviates

    assert _abbreviates(form, forms) is expected


@pytest.mark.parametrize("text", [
    "The UN Security Council met twice; the United Nations Security Council then adopted a resolution.",
    "The Ministry of Foreign Affairs protested, and the Foreign Ministry issued a memorandum later.",
    "The Political Bureau met in May; the Politburo met once more in June.",
])
def test_short_and_full_forms_are_one_rendering(bundled, text):
    assert found(bundled, text, "TK301") == []


def test_two_renderings_that_are_not_short_forms_are_still_inconsistent(bundled):
    text = "The frontal breakthrough was declared in 2019 and the head-on breakthrough went on."
    assert found(bundled, text, "TK301") == [("TK301", "head-on breakthrough")]


# -- Korean personal names are not misspelled terms ------------------------------------------------

@pytest.mark.parametrize("name, expected", [
    ("Guk Sen-hwa", True),  # surname, hyphenated given name
    ("Guk Sen Hwa", True),  # DPRK style
    ("Sen-hwa Guk", True),  # given name first, as in a byline
    ("Guksen Hwa", False),  # two syllables, then one: no name's shape
    ("Guk Sen-hwa-ri", False),
    ("guk sen-hwa", False),  # not capitalised
    ("Chongchon River", False),  # English words
    ("Kuksenhwa", False),
])
def test_personal_name_shape(bundled, name, expected):
    from termkit.rules.romanization import personal_name

    assert personal_name(name, bundled.matcher.syllables) is expected


def test_a_personal_name_is_not_a_probable_misspelling(bundled):
    # the same letters that TK403 takes for 국산화 (guksanhwa) when written as a term
    assert found(bundled, "Localization (*guksenhwa*) was the theme.", "TK403") == [("TK403", "guksenhwa")]
    assert found(bundled, "According to Guk Sen-hwa of a Seoul institute, the plan will fail.", "TK403") == []
    assert found(bundled, "According to Guk Sen Hwa, a defector, the plan will fail.", "TK403") == []


# -- dated corpora in the precision benchmark ------------------------------------------------------

@pytest.fixture(scope="module")
def pr():
    spec = importlib.util.spec_from_file_location("precision_real", ROOT / "benchmarks" / "precision_real.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_as_of_globs(pr):
    dates = pr.parse_dates(["wiki/*=2019-07-20", "2024"])
    assert dates == [("wiki/*", "2019-07-20"), ("*", "2024")]
    assert pr.date_of("wiki/a.md", dates) == "2019-07-20"
    assert pr.date_of("news/b.md", dates) == "2024"
    assert pr.date_of("news/b.md", pr.parse_dates(["wiki/*=2019"])) is None


def test_as_of_turns_off_a_status_dated_after_the_file(pr, tmp_path):
    root = tmp_path / "corpus"
    (root / "old").mkdir(parents=True)
    (root / "new").mkdir()
    for sub in ("old", "new"):
        (root / sub / "a.md").write_text("The SPA Presidium adopted the decree.\n", encoding="utf-8")
    checker = pr.make_checker(["README.md"])
    records, _, _ = pr.check_corpus([str(root)], checker, pr.parse_dates(["old/*=2018-05"]))
    assert [(r["path"], r["code"]) for r in records] == [("new/a.md", "TK102")]
    records, _, _ = pr.check_corpus([str(root)], checker)
    assert [(r["path"], r["code"]) for r in records] == [("new/a.md", "TK102"), ("old/a.md", "TK102")]


# -- quotations of someone's words ------------------------------------------------------------------

@pytest.mark.parametrize("text, form, expected", [
    ("She said the plan was \u201ca frontal breakthrough for the whole economy\u201d and sat down.",
     "frontal breakthrough", True),
    ("The minister called it \"our frontal breakthrough in farming\" twice.", "frontal breakthrough", True),
    ("The \u201cfrontal breakthrough\u201d was declared in 2019.", "frontal breakthrough", False),  # a quoted term
    ("The \u201cfrontal breakthrough now\u201d was declared.", "frontal breakthrough", False),  # one more word only
    ("The frontal breakthrough was declared \u201cwith great fanfare and joy\u201d in 2019.",
     "frontal breakthrough", False),  # the quotation is elsewhere on the line
])
def test_quoted_passage(text, form, expected):
    from termkit.rules.surroundings import quoted_passage

    assert quoted_passage(text, at(text, form)) is expected


def test_a_quotation_does_not_count_for_consistency(bundled):
    quoted = ("The envoy spoke of \u201ca frontal breakthrough that will not be stopped\u201d; "
              "the head-on breakthrough went on, and the head-on breakthrough ended in 2021.")
    assert found(bundled, quoted, "TK301") == []
    own = ("The envoy spoke of the frontal breakthrough; "
           "the head-on breakthrough went on, and the head-on breakthrough ended in 2021.")
    assert found(bundled, own, "TK301") == [("TK301", "frontal breakthrough")]
    # a wrong rendering inside a quotation is still reported: the rules that correct forms read quotes
    assert found(bundled, "He praised \u201cthe subjectivization of all our industry\u201d loudly.", "TK101") \
        == [("TK101", "subjectivization")]


def test_names_listed_after_known_as_are_no_rendering_choice(bundled):
    listed = "The trading arm, commonly referred to as Room 39 or Office 39, earns currency. Office 39 grew."
    assert found(bundled, listed, "TK301") == []
    called = "The bureau is also called Room 39 in the press. Office 39 grew."
    assert found(bundled, called, "TK301") == []
    # the author's own two choices are still two renderings
    chosen = "Room 39 earns currency for the party. Office 39 grew quickly."
    assert found(bundled, chosen, "TK301") == [("TK301", "Room 39")]


def test_a_bibliography_entry_counts_for_no_system(bundled):
    refs = ("Ships call at Rajin and Sonbong, and at Ch'ŏngjin.\n\n"
            "- Jo, Min-su et Martin, Paul (2008) Rajin-Seonbong and the northern ports, Ports 2.\n")
    assert [f for f in found(bundled, refs) if f[1] == "Seonbong"] == []
