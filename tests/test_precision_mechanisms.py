"""What is not a finding: conventional forms, longer names, one rendering, mentions, dates, context cues.

Every sentence here is written for these tests. Most run against the bundled glossary (the data the
mechanisms were made for); a fixture glossary that uses every precision field checks the data model.
"""
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import run_cli

PRECISION = Path(__file__).parent / "fixtures" / "precision.yaml"


def codes(checker, text):
    return [(f.code, f.found) for f in checker.check_text(text)]


@pytest.fixture(scope="module")
def fixture_checker():
    from termkit.checking.checker import Checker
    from termkit.config import Config

    return Checker(Config(glossary=[str(PRECISION)], bundled=False))


def configured(bundled, **options):
    from termkit.checking.checker import Checker
    from termkit.config import Config

    return Checker(Config(**options), matcher=bundled.matcher)


# -- conventional forms -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # Juche and jangmadang are Revised Romanization in form, but words of English: no system's choice
    "Juche, self-reliance (*charyŏk kaengsaeng*) and localization (*kuksanhwa*) were taught together.",
    "The jangmadang grew, while the plan praised self-reliance (*charyŏk kaengsaeng*) and localization (*kuksanhwa*).",
    # Pyongyang and Rodong Sinmun look like McCune–Reischauer without breves
    "In Pyongyang the plenary stressed self-reliance (*jaryeok gaengsaeng*) and localization (*guksanhwa*).",
    "Rodong Sinmun printed calls for self-reliance (*jaryeok gaengsaeng*) and localization (*guksanhwa*).",
])
def test_conventional_forms_count_for_no_system(bundled, text):
    assert codes(bundled, text) == []


def test_an_explicit_system_spelling_of_a_conventional_word_still_counts(bundled):
    text = ("Self-reliance (*jaryeok gaengsaeng*) and localization (*guksanhwa*) were the themes "
            "of the meeting in *P'yŏngyang*.")
    found = [f for f in bundled.check_text(text) if f.code == "TK402"]
    # the Revised Romanization of 평양 is listed as deprecated, so the conventional form is suggested
    assert [(f.found, f.suggestions) for f in found] == [("P'yŏngyang", ("Pyongyang",))]


@pytest.mark.parametrize("text, flagged", [
    ("Self-reliance (*charyŏk kaengsaeng*) and informatization (*jeongbohwa*).", []),  # one against one
    ("Self-reliance (*charyŏk kaengsaeng*), localization (*kuksanhwa*) and informatization (*jeongbohwa*).",
     ["jeongbohwa"]),  # two against one
    ("Self-reliance (*charyŏk kaengsaeng*), localization (*kuksanhwa*), modernization (*hyŏndaehwa*), "
     "informatization (*jeongbohwa*) and self-reliance again (*jaryeok gaengsaeng*).", []),  # 3 against 2
    # one term repeated is one choice: three times *charyŏk kaengsaeng* is still one term
    ("Self-reliance (*charyŏk kaengsaeng*), self-reliance (*charyŏk kaengsaeng*), self-reliance "
     "(*charyŏk kaengsaeng*) and informatization (*jeongbohwa*).", []),
])
def test_tk402_needs_evidence_of_a_dominant_system(bundled, text, flagged):
    assert [f.found for f in bundled.check_text(text) if f.code == "TK402"] == flagged


@pytest.mark.parametrize("text", [
    "Choson (McCune–Reischauer: *Chosŏn*; Revised Romanization: *Joseon*). Self-reliance (*charyŏk "
    "kaengsaeng*) and localization (*kuksanhwa*).",
    "Self-reliance (*charyŏk kaengsaeng*), localization (*kuksanhwa*); informatization (RR: *jeongbohwa*).",
    "Self-reliance (*charyŏk kaengsaeng*), localization (*kuksanhwa*); informatization (*jeongbohwa*, RR).",
    "Self-reliance (*charyŏk kaengsaeng*), localization (*kuksanhwa*); Seoul romanizes it as *jeongbohwa*.",
])
def test_a_form_labelled_with_its_system_is_a_mention(bundled, text):
    assert [f.code for f in bundled.check_text(text) if f.code == "TK402"] == []


def test_a_conventional_name_counts_for_no_style(bundled):
    assert codes(bundled, "Kim Il Sung founded the state; Kim Jong-il and Kim Jong-un inherited it.") == []
    sk_house = configured(bundled, names="sk")
    assert codes(sk_house, "Kim Il Sung founded the state, and Kim Jong-un rules it.") == []
    assert codes(sk_house, "Kim Jong Un rules it.") == [("TK501", "Kim Jong Un")]


def test_a_conventional_name_beside_another_style_of_the_same_person_is_inconsistent(bundled):
    found = codes(bundled, "Kim Il Sung founded the state, and Kim Il-sung ruled it until 1994.")
    assert found == [("TK502", "Kim Il-sung")]


# -- part of a longer name --------------------------------------------------------------------------

@pytest.mark.parametrize("prefix", ["vice-", "first vice-", "Vice ", "Vice-", "deputy ", "acting ",
                                    "honorary ", "former ", "ex-", "first vice - "])
def test_a_prefixed_title_is_another_office(bundled, prefix):
    text = f"Choe Ryong Hae, {prefix}president of the State Affairs Commission, opened the meeting."
    assert codes(bundled, text) == []


def test_the_bare_title_is_still_flagged(bundled):
    text = "Kim Jong Un, president of the State Affairs Commission, opened the meeting."
    assert codes(bundled, text) == [("TK102", "president of the State Affairs Commission")]


def test_prefixes_apply_to_names_and_titles_only(bundled):
    # 주체화 is a term, not a title: 'former' does not make the calque another concept
    assert codes(bundled, "The former subjectivization campaign failed.") == [("TK101", "subjectivization")]


@pytest.mark.parametrize("text, found", [
    # a title followed by the head word of another name is that other name
    ("The Chairman of the State Affairs Commission Office issued the notice.", []),
    ("The Chairman of the State Affairs Commission. Office staff spoke.",  # a sentence break
     [("TK102", "Chairman of the State Affairs Commission")]),
    ("The Chairman of the State Affairs Commission Kim Jong Un spoke.",  # a name ends in no head word
     [("TK102", "Chairman of the State Affairs Commission")]),
    # an institution's rejected name that modifies a longer name is still the rejected name
    ("The KWP Central Committee met.", [("TK102", "KWP")]),
    ("The SPA Presidium Chairman received the envoys.", [("TK102", "SPA Presidium")]),
])
def test_a_capitalised_run_ending_in_a_head_word_extends_a_title(bundled, text, found):
    assert codes(bundled, text) == found


@pytest.mark.parametrize("text", [
    # an approved form inside a fixed longer name is no rendering choice for consistency
    "The General Staff Department met; he taught at the Command and General Staff College.",
    # a common noun capitalised inside a title
    "The nuclear weapons state pledge came after the Law on Consolidating the Position of Nuclear-Armed State.",
])
def test_a_form_inside_a_longer_name_is_no_rendering_choice(bundled, text):
    assert [c for c, _ in codes(bundled, text) if c == "TK301"] == []


def test_a_capitalised_form_at_the_start_of_a_sentence_still_counts(bundled):
    text = "Technical innovation saved coal. Technological innovation saved steel."
    assert codes(bundled, text) == [("TK301", "Technological innovation")]


def test_title_heads_come_from_the_glossary(bundled):
    heads = bundled.matcher.title_heads
    assert {"committee", "commission", "university", "ministry"} <= heads
    assert "pyongyang" not in heads  # a place name is no head word (Radio Pyongyang)


def test_a_blocking_context_is_another_concept(bundled, fixture_checker):
    assert codes(bundled, "The Russian Strategic Rocket Forces held a drill near Moscow.") == []
    assert codes(bundled, "The Strategic Rocket Force (전략군) held a drill.") == [("TK102", "Strategic Rocket Force")]
    assert codes(fixture_checker, "The Presidium of the Political Bureau met.") == []


def test_the_longer_concept_wins(bundled):
    found = bundled.check_text("The President of the Presidium of the Supreme People's Assembly received them.")
    assert [(f.code, f.concept) for f in found] == [("TK102", "choego-inmin-hoeui-sangim-wiwonhoe-wiwonjang")]


# -- short and long forms: one rendering -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The SPA Standing Committee met, and the Standing Committee of the Supreme People's Assembly adopted the law.",
    "The Union of Agricultural Workers of Korea (UAWK) met, and UAWK officials then toured farms.",
    "Korean Central TV showed the parade, and Korean Central Television aired it again.",
    "The Teachers Training College opened, and two more teacher training colleges followed.",
    "The Ministry of Unification said so; the Unification Ministry later denied it.",
    "The founding anniversary of the Party and the party founding anniversary were both marked.",
])
def test_short_forms_case_number_and_word_order_are_one_rendering(bundled, text):
    assert codes(bundled, text) == []


def test_a_real_inconsistency_is_still_flagged(bundled):
    text = "Technical innovation (*kisul hyŏksin*) saved coal, and technological innovation saved steel."
    assert codes(bundled, text) == [("TK301", "technological innovation")]


def test_short_forms_from_the_data_and_acronyms(fixture_checker):
    text = "The Cooperative Farm Management Committee met; the CFMC and the farm committee reported."
    assert codes(fixture_checker, text) == []


@pytest.mark.parametrize("a, b", [
    ("Teachers Training College", "teacher training colleges"),
    ("Standing Committee of the Supreme People's Assembly", "Supreme People's Assembly Standing Committee"),
    ("the New Year's Address", "New Year Address"),
    ("Administrative Penalties Law", "Administrative Penalty Law"),
])
def test_rendering_key(a, b):
    from termkit.rules.consistency import rendering_key

    assert rendering_key(a) == rendering_key(b)


def test_rendering_key_keeps_different_words_apart():
    from termkit.rules.consistency import rendering_key

    assert rendering_key("technical innovation") != rendering_key("technological innovation")
    assert rendering_key("Yalu River") != rendering_key("Amnok River")


# -- mentions, not uses -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The slogan is usually translated as 'subjectivization' in older studies.",
    'The slogan is usually rendered as "subjectivization" in older studies.',
    "Some call it “subjectivization”, which says little.",
    "Older studies called it *subjectivization*.",
    "It was known as _subjectivization_ in the 1990s.",
    "The paper prefers 'Juche orientation' as opposed to 'subjectivization'.",
    "Write 'Juche orientation' rather than 'subjectivization'.",
    "The word means literally the 'subjectivization' of industry.",
    "The title is officially called the 'Presidium of the Supreme People's Assembly' in old documents.",
    "The Standing Committee of the Supreme People's Assembly (formerly the SPA Presidium) met.",
    "The Standing Committee of the Supreme People's Assembly (also called 'SPA Presidium') met.",
    'The rules are also known as the "Ten Principles of the Subjectivization of Industry" in one paper.',
])
def test_a_mention_is_not_a_use(bundled, text):
    assert [c for c, _ in codes(bundled, text) if c in ("TK101", "TK102")] == []


@pytest.mark.parametrize("text, found", [
    ("Party documents call for the subjectivization of industry.", "subjectivization"),  # no quotes
    ("The 'subjectivization' of industry was a priority.", "subjectivization"),  # quotes, no trigger
    ("The SPA Presidium (a body of the assembly) met.", "SPA Presidium"),  # parentheses, but no alias
    # a text introduces its own terms so: uses, not mentions
    ("Readers should note the term **subjectivization**, which recurs below.", "subjectivization"),
    ("What the plan calls *subjectivization* is, in substance, import substitution.", "subjectivization"),
])
def test_not_a_mention(bundled, text, found):
    assert found in [f for _, f in codes(bundled, text)]


def test_mentions_can_be_reported(bundled):
    text = "The slogan is usually translated as 'subjectivization' in older studies."
    found = configured(bundled, mentions="report").check_text(text)
    assert [(f.code, f.found) for f in found] == [("TK101", "subjectivization")]
    assert "mentioned, not used" in found[0].message


def test_a_quoted_misspelling_is_a_mention(bundled):
    assert codes(bundled, "One paper spelled it as *Charkyok Kaengsaeng*, a garbled form.") == []
    assert codes(bundled, "Self-reliance (*Charkyok Kaengsaeng*) was stressed.") == [("TK401", "Charkyok Kaengsaeng")]


# -- dates -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("date, flagged", [
    ("2017-05", False), ("2019", False), ("2019-03-31", False), ("2019-04", True), ("2019-04-01", True),
    ("2024", True),
])
def test_a_dated_status_holds_from_its_date(bundled, date, flagged):
    text = f"---\ntitle: A report\ndate: {date}\n---\n\nThe SPA Presidium adopted the law.\n"
    assert bool(codes(bundled, text)) is flagged


def test_without_a_date_the_message_says_since_when(bundled):
    found = bundled.check_text("The SPA Presidium adopted the law.")
    assert [f.code for f in found] == ["TK102"]
    assert "since 2019-04" in found[0].message


def test_as_of_in_the_configuration_and_the_front_matter_wins(bundled):
    old = configured(bundled, as_of="2018")
    assert codes(old, "The SPA Presidium adopted the law.") == []
    dated = "---\ndate: 2020-02-01\n---\n\nThe SPA Presidium adopted the law.\n"
    assert codes(old, dated) == [("TK102", "SPA Presidium")]


@pytest.mark.parametrize("text, flagged", [
    ("In April 2022 Kim Jong Un inspected the National Aerospace Development Administration.", False),
    ("The National Aerospace Development Administration launched the satellite in 2023.", True),
    ("The National Aerospace Development Administration, set up in 2013, launched it in 2024.", True),
    ("The National Aerospace Development Administration launched the satellite.", True),
])
def test_a_sentence_that_dates_its_event_before_the_status(bundled, text, flagged):
    assert bool(codes(bundled, text)) is flagged


def test_an_undated_status_holds_whatever_the_date(bundled):
    old = configured(bundled, as_of="1990")
    assert codes(old, "The Prime Minister (내각총리) inspected the plant.") == [("TK102", "Prime Minister")]


def test_in_force():
    from termkit.rules.rendering import in_force

    assert in_force("2019-04", "2019-04-01") and in_force("2019", "2019-01")
    assert not in_force("2019-04", "2019") and not in_force("2019-04-02", "2019-04")


def test_front_matter_date():
    from termkit.checking.checker import front_matter_date

    assert front_matter_date("---\ntitle: x\ndate: '2021-02-03'\n---\ntext") == "2021-02-03"
    assert front_matter_date("---\ntitle: x\n---\ndate: 2021\n") is None  # after the front matter
    assert front_matter_date("date: 2021\n") is None


def test_cli_as_of(tmp_path, empty_config):
    doc = tmp_path / "old.md"
    doc.write_text("The SPA Presidium adopted the law.\n", encoding="utf-8")
    code, out, _ = run_cli("check", doc, "--config", empty_config, "--as-of", "2018-12")
    assert code == 0 and out == ""
    code, out, _ = run_cli("check", doc, "--config", empty_config, "--as-of", "2019-05", "--fail-on", "warning")
    assert code == 1 and "TK102" in out
    code, _, err = run_cli("check", doc, "--config", empty_config, "--as-of", "May 2019")
    assert code == 2 and "YYYY" in err


def test_config_as_of_and_mentions(tmp_path):
    from termkit.config import load_config
    from termkit.errors import ConfigError

    cfg = tmp_path / ".termkit.toml"
    cfg.write_text('[tool.termkit]\nas-of = "2018-06"\nmentions = "report"\n', encoding="utf-8")
    loaded = load_config(explicit=cfg)
    assert (loaded.as_of, loaded.mentions) == ("2018-06", "report")
    cfg.write_text('[tool.termkit]\nas-of = "June 2018"\n', encoding="utf-8")
    with pytest.raises(ConfigError):
        load_config(explicit=cfg)


# -- evidence: context cues ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, found", [
    ("The Workers' Party of Korea held its party convention in January 2021.", [("TK101", "party convention")]),
    ("The WPK's Politburo Standing Committee met.", [("TK102", "Politburo Standing Committee")]),
    ("The party convention met in Chicago.", []),  # no cue
    ("The WPK met in January. A party convention met in Chicago in August.", []),  # cue in another sentence
    ("China's Politburo Standing Committee met in Beijing.", []),
])
def test_context_cues_are_evidence(bundled, text, found):
    assert codes(bundled, text) == found


def test_cue_in_sentence():
    from termkit.model import Hit
    from termkit.rules.surroundings import cue_in_sentence

    text = "The WPK met. Later the party convention began. No cue here."
    s = text.index("party convention")
    hit = Hit("<t>", 1, s + 1, 1, s + 17, "party convention", 0, s, s + 16)
    assert cue_in_sentence(text, hit, ["WPK"]) is None
    text2 = "The WPK's party convention began."
    s = text2.index("party convention")
    hit = Hit("<t>", 1, s + 1, 1, s + 17, "party convention", 0, s, s + 16)
    assert cue_in_sentence(text2, hit, ["Workers' Party", "WPK"]) == "WPK"


# -- the data model -----------------------------------------------------------------------------------------

def test_precision_fields_load(fixture_checker):
    by_id = {c.id: c for c in fixture_checker.matcher.concepts}
    assert by_id["pyeongyang"].conventional == ("Pyongyang",)
    assert by_id["hyeopdong-nongjang"].short_forms == ("farm committee",)
    assert by_id["sangim-wiwonhoe"].blocking_contexts == ("Presidium of the Political Bureau",)
    assert by_id["dang-daehoe"].context_cues == ("Workers' Party of Korea", "WPK")
    assert [t.since for t in by_id["sangim-wiwonhoe"].terms] == [None, "2019-04", "2001-06-15"]


def test_precision_fields_survive_every_exchange_format(tmp_path):
    from termkit.glossary.flat import export_flat
    from termkit.glossary.loader import load_files
    from termkit.glossary.tbx_export import export_tbx
    from termkit.glossary.tbx_import import load_tbx
    from termkit.glossary.yamlio import write_glossary

    concepts = load_files([PRECISION])
    strip = lambda cs: {c.id: replace(c, origin="", domain="") for c in cs}  # noqa: E731
    export_tbx(concepts, tmp_path / "g.tbx")
    assert strip(load_tbx(tmp_path / "g.tbx")) == strip(concepts)
    for suffix in (".csv", ".tsv"):
        export_flat(concepts, tmp_path / f"g{suffix}")
        assert strip(load_files([tmp_path / f"g{suffix}"])) == strip(concepts)
    write_glossary(concepts, tmp_path / "yaml")
    assert strip(load_files(sorted((tmp_path / "yaml").glob("*.yaml")))) == strip(concepts)


def test_tbx_marks_short_forms_with_a_term_type(tmp_path):
    from termkit.glossary.loader import load_files
    from termkit.glossary.tbx_export import export_tbx

    export_tbx(load_files([PRECISION]), tmp_path / "g.tbx")
    tbx = (tmp_path / "g.tbx").read_text(encoding="utf-8")
    assert '<term>farm committee</term>' in tbx and 'type="termType">shortForm<' in tbx


@pytest.mark.parametrize("since", ["2019-13", "April 2019", "19-04"])
def test_schema_refuses_a_bad_since(tmp_path, since):
    from termkit.errors import GlossaryError
    from termkit.glossary.loader import load_yaml_file

    text = PRECISION.read_text(encoding="utf-8").replace("since: 2019-04", f"since: '{since}'")
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GlossaryError, match="since"):
        load_yaml_file(path)


def test_lint_gl008(tmp_path):
    from termkit.glossary.lints import lint
    from termkit.glossary.loader import load_files

    concepts = load_files([PRECISION])
    assert [x for x in lint(concepts) if x.code == "GL008"] == []
    bad = [replace(c, short_forms=("no such form",), blocking_contexts=("Grand Hall",)) if c.id == "hyeopdong-nongjang"
           else c for c in concepts]
    assert sorted(x.message.split("'")[1] for x in lint(bad) if x.code == "GL008") == ["Grand Hall", "no such form"]
