"""`glossary lookup` resolves short forms: a Korean tail, English initials, former names."""
import pytest

from termkit.glossary.search import lookup


def ids(bundled, query):
    return [c.id for c in lookup(bundled.matcher, query)]


@pytest.mark.parametrize("query, first", [("총리", "naegak-chongni"), ("총리는", "naegak-chongni"),
                                          ("총 리", "naegak-chongni")])
def test_korean_tail_resolves_to_the_shortest_full_name(bundled, query, first):
    found = ids(bundled, query)
    assert found and found[0] == first


def test_korean_tail_lists_every_name_ending_in_it(bundled):
    # 내각부총리 also ends in 총리; the closer name comes first
    found = ids(bundled, "총리")
    assert found.index("naegak-chongni") < len(found)
    assert all(any(k.replace(" ", "").endswith("총리") for k in c.korean_forms()) for c in lookup(bundled.matcher, "총리"))


def test_one_syllable_tail_is_not_a_short_form(bundled):
    assert ids(bundled, "리") == [] or all(
        "리" in (c.ko, c.ko_nk) or "리" in c.ko_variants for c in lookup(bundled.matcher, "리"))


def test_exact_match_is_not_widened_by_tails(bundled):
    # 부총리 names a concept of its own: the longer names ending in it are not listed
    assert ids(bundled, "부총리")[0] == "buchongni"
    assert "naegak-chongni" not in ids(bundled, "부총리")


@pytest.mark.parametrize("query, concept", [("WPK", "joseon-nodongdang"), ("SPA", "choego-inmin-hoeui"),
                                            ("KCNA", "joseon-jungang-tongsin"), ("NATA", "gukga-hanggong-uju-gisul-chongguk"),
                                            ("nata", "gukga-hanggong-uju-gisul-chongguk")])
def test_english_initials_resolve(bundled, query, concept):
    assert concept in ids(bundled, query)


def test_initials_of_a_former_name_resolve(bundled):
    # NADA: the agency's English name before 2023, a superseded form of the same concept
    assert "gukga-hanggong-uju-gisul-chongguk" in ids(bundled, "NADA")


def test_former_english_name_resolves(bundled):
    assert ids(bundled, "National Aerospace Development Administration")[0] == "gukga-hanggong-uju-gisul-chongguk"


def test_initials_need_two_letters_and_no_spaces(bundled):
    assert ids(bundled, "W") == []
    assert ids(bundled, "W P K") == [] or "joseon-nodongdang" not in ids(bundled, "W P K")
