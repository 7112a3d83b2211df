"""Exact values of the matching layer's small functions: tests that kill mutants.

Each test pins values a one-token change in termkit/matching/*.py would alter (benchmarks/mutation.py
lists the mutants these were written against).
"""
import pytest


def test_fold_same_length_folds_one_for_one():
    from termkit.matching.normalize import fold_same_length

    raw = "\u201cSelf\u2010reliance\u201d\u2014it\u2019s \uff21\uff22 \u014f\u016d\u00a0x*y_z\tq~"
    assert fold_same_length(raw) == '"Self reliance" it\'s AB ou x y z q '
    assert fold_same_length("plain ascii-text") == "plain ascii text"
    assert fold_same_length("Ch\u014fllima") == "Chollima"


def test_fold_key_and_fold_keep_hyphens():
    from termkit.matching.normalize import fold_keep_hyphens, fold_key

    assert fold_key("  Self\u2011Reliance\u00a0 Ch\u014fllima ") == "self reliance chollima"
    assert fold_key("Self-reliance") == fold_key("self reliance") == "self reliance"
    assert fold_keep_hyphens("Kim Jong\u2010il") == "kim jong-il"
    assert fold_keep_hyphens("Kim  Jong-Il\u2011x") == "kim jong-il-x"
    assert fold_keep_hyphens("Kim Jong Il") == "kim jong il"


def test_strip_diacritics():
    from termkit.matching.normalize import strip_diacritics

    assert strip_diacritics("Chos\u014fn \u016c caf\u00e9") == "Choson U cafe"


@pytest.mark.parametrize("raw, text, offsets, ends", [
    ("Ab  cd\n\n  EF\u0130 g", "ab cd\x00\x00 ef\u0130 g",
     [0, 1, 2, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15], [0, 1, 2, 3, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15]),
    ("a \n \nb   c", "a \x00\x00\x00b c", [0, 1, 2, 3, 4, 5, 6, 9, 10], [0, 1, 2, 3, 4, 5, 6, 7, 10]),
    ("no change", "no change", list(range(10)), list(range(10))),
])
def test_normalized_text_and_offsets(raw, text, offsets, ends):
    from termkit.matching.normalize import Normalized

    n = Normalized(raw)
    assert n.text == text
    assert [n.raw_offset(i) for i in range(len(text) + 1)] == offsets
    assert [n.raw_end(j) for j in range(len(text) + 1)] == ends


def test_compose_compatibility_jamo():
    from termkit.matching.normalize import _compose_compat

    assert _compose_compat("ㅈㅏㄹㅕㄱㄱㅐㅇ") == [("자", 0, 2), ("력", 2, 5), ("갱", 5, 8)]
    assert _compose_compat("ㄱㅏㄱㅏ") == [("가", 0, 2), ("가", 2, 4)]  # a final before a vowel opens the next
    assert _compose_compat("ㄱㅎㅏ") == [("ㄱ", 0, 1), ("하", 1, 3)]
    assert _compose_compat("ㅏㄴ") == [("ㅏ", 0, 1), ("ㄴ", 1, 2)]


def test_nfc_with_map_compatibility_jamo():
    from termkit.matching.normalize import nfc_with_map

    text, cmap = nfc_with_map("x ㅈㅏㄹㅕㄱ 갱생")
    assert text == "x 자력 갱생"
    assert [cmap[i] for i in range(len(text) + 1)] == [0, 1, 2, 4, 7, 8, 9, 10]
    # A lone compatibility consonant composes to nothing and stays as it is.
    assert nfc_with_map("ㄱ 자력")[0] == "ㄱ 자력"


# --- korean.py ----------------------------------------------------------------------------------------

def test_initial_sound_rule_every_vowel_class():
    from termkit.matching.korean import canonical

    # ㄹ/ㄴ before ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ become ㅇ; ㄹ before the other vowels becomes ㄴ (뢰 → 뇌, not 외).
    assert canonical("랴려례료류리냐녀녜뇨뉴니") == "야여예요유이야여예요유이"
    assert canonical("라래로뢰루르나노") == "나내노뇌누느나노"


def test_sai_siot_before_each_stop():
    from termkit.matching.korean import canonical, canonical_same_length

    assert canonical("숫자 경제·노동") == "수자경제노동"
    # ㅅ dropped before ㄱㄲㄷㄸㅂㅃㅅㅆㅈㅉ, kept before ㅊ and before a vowel.
    words = "옷감 옷깃 뒷돈 뒷뜰 촛불 윗뿔 숫사 뭇씨 잣죽 윗쪽 옷차 옷안".split()
    assert [canonical(w) for w in words] == "오감 오깃 뒤돈 뒤뜰 초불 위뿔 수사 무씨 자죽 위쪽 옷차 옷안".split()
    assert canonical_same_length("숫자로동") == "수자노동"


@pytest.mark.parametrize("ch, expected", [
    ("\u3400", True), ("\u3e00", True), ("\u4dbf", True), ("\u4e00", True), ("\u9fff", True),
    ("\uf900", True), ("\ufa0a", True), ("\ufaff", True),
    ("\u33ff", False), ("ㄱ", False), ("한글", False), ("\u300c", False), ("\uff21", False), ("\ufb00", False),
    ("abc", False), ("é", False),
])
def test_has_hanja_block_edges(ch, expected):
    from termkit.matching.korean import has_hanja

    assert has_hanja("x " + ch + " y") is expected


def test_particle_tail_and_runs():
    from termkit.matching.korean import KoreanRuns, is_particle_tail

    korean_runs = KoreanRuns()

    assert [is_particle_tail(t) for t in ("", "에서는", "의의의의", "에서는의의의", "에서는의의의의", "화")] == [
        True, True, True, True, False, False]
    assert [m.group() for m in korean_runs("In 2.8 비날론 5개년 계획, 자력-갱생 and 20×10 主體 x")] == [
        "2.8 비날론 5개년 계획", "자력-갱생", "20×10 主體"]
    assert list(korean_runs("ascii only 2024")) == []


def test_long_compatibility_jamo_run():
    # Past 256 characters (where CPython's small-int cache ends: an 'is' for '<' would run off the end).
    from termkit.matching.normalize import _compose_compat, nfc_with_map

    run = "ㅈㅏ" * 150 + "ㄱ"
    pieces = _compose_compat(run)
    assert len(pieces) == 150 and pieces[-1] == ("작", 298, 301) and pieces[0] == ("자", 0, 2)
    text, cmap = nfc_with_map(run)
    assert text == "자" * 149 + "작"
    assert [cmap[i] for i in range(len(text) + 1)] == list(range(0, 300, 2)) + [301]


# --- romanized.py -------------------------------------------------------------------------------------

def test_max_edits_boundaries():
    from termkit.matching.romanized import max_edits

    assert [max_edits("a" * n) for n in (0, 9, 10, 15, 16, 30)] == [1, 1, 2, 2, 3, 3]


@pytest.mark.parametrize("text, expected", [
    ("Ch\u2019\u014fllima", "colima"), ("Cheollima", "colima"), ("Jaryeok Gaengsaeng", "caryokaenksaenk"),
    ("chary\u014fk-kaengsaeng", "caryokaenksaenk"), ("S\u014fn'gun", "sonkun"), ("shwi", "swi"), ("Juche", "cuce"),
    ("ddukbokki", "tukpoki"), ("Kim Jong-un", "kimconkun"),
])
def test_skeleton(text, expected):
    from termkit.matching.romanized import skeleton

    assert skeleton(text) == expected


def test_looks_romanized():
    from termkit.matching.romanized import looks_romanized

    assert [looks_romanized(w) for w in ("chollima", "juche", "kangsong", "taesong")] == [True] * 4
    assert [looks_romanized(w) for w in ("strawberry", "", "xyz", "1234")] == [False] * 4


def test_candidates_exact():
    from termkit.matching.romanized import candidates

    t = "The *Chollima* movement (S\u014fn'gun, juche; x) and __kangsong__ in North Korea; McDonald met Kim Il Sung."
    assert [(s, e, k, t[s:e]) for s, e, k in candidates(t)] == [
        (5, 13, "italic", "Chollima"), (50, 58, "italic", "kangsong"),
        (25, 32, "paren", "S\u014fn'gun"), (34, 39, "paren", "juche"), (41, 42, "paren", "x"),
        (64, 75, "caps", "North Korea"), (90, 101, "caps", "Kim Il Sung")]
    assert candidates("(a) *b* x_y_z ((nested)) **bold text** *not closed") == [(27, 36, "italic"), (16, 22, "paren")]


@pytest.mark.parametrize("text, kind, expected", [
    ("Chollima", "italic", 1), ("Chollima Undong", "caps", 1), ("North Korea", "caps", None),
    ("the juche", "italic", None), ("a b c d e f", "italic", None), ("Juche", "italic", None),
    ("Charyok Kaengsaeng", "paren", 1), ("Strawberry", "italic", 1), ("Strawberry Fields", "paren", None),
    ("Kim2", "italic", None), ("Chollima Undong Kangsong Taeguk Pyongyang Sinmun", "paren", None),
    ("Ch*ol*lima", "italic", 1),
])
def test_cutoff(text, kind, expected):
    from termkit.matching.romanized import cutoff

    assert cutoff(text, kind) == expected


def test_capitalised_runs_at_the_edges():
    from termkit.matching.romanized import candidates

    assert candidates("met Kim Il Sung") == [(4, 15, "caps")]  # a run that ends the text
    assert candidates("Kim Il Sung2 met") == []  # followed by a letter or digit: part of a longer word
    assert candidates("Kim Il Sung") == [(0, 11, "caps")]
