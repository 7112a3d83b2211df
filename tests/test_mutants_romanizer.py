"""Romanizer rules that the table tests did not reach: tests that kill mutants (benchmarks/mutation.py)."""
import pytest

from termkit.matching.romanizer import romanize, stored_form_matches


@pytest.mark.parametrize("ko, mr, rr", [
    # ㅔ after ㅏ or ㅗ takes a diaeresis in MR (not ae / oe); not after other vowels.
    ("아에", "aë", "ae"), ("오에", "oë", "oe"), ("보에", "poë", "boe"), ("여에", "yŏe", "yeoe"),
    # ㄴ+ㄹ read nn where ㄹ opens a suffix of a word of three or more syllables, also four.
    ("생산량", "saengsannyang", "saengsannyang"), ("총생산량", "ch'ongsaengsannyang", "chongsaengsannyang"),
    ("선량", "sŏllyang", "seollyang"),
    # The law suffix -법 is tense in MR, in a word of any length (not 방법).
    ("헌법", "hŏnpŏp", "heonbeop"), ("형사법", "hyŏngsapŏp", "hyeongsabeop"), ("노동법", "nodongpŏp", "nodongbeop"),
    ("방법", "pangbŏp", "bangbeop"),
    ("평가", "p'yŏngka", "pyeongga"), ("인민경제평가", "inmin'gyŏngjep'yŏngka", "inmingyeongjepyeongga"),
    # Palatalisation, aspiration by ㅎ, nasalisation, liquid assimilation, clusters.
    ("같이", "kach'i", "gachi"), ("해돋이", "haedoji", "haedoji"), ("맞히다", "mach'ida", "machida"),
    ("좋고", "chok'o", "joko"), ("놓는", "nonnŭn", "nonneun"), ("싫네", "sille", "sille"), ("국민", "kungmin", "gungmin"),
    ("신라", "silla", "silla"), ("발해", "parhae", "balhae"), ("맑게", "malke", "malge"), ("앉다", "anta", "anda"),
    ("밟다", "papta", "bapda"), ("선군", "sŏn'gun", "seongun"), ("쉬다", "shwida", "swida"),
])
def test_sound_changes(ko, mr, rr):
    assert (romanize(ko, "mr"), romanize(ko, "rr")) == (mr, rr)


def test_stored_form_matches_word_divisions():
    assert stored_form_matches("자력갱생", "charyŏk kaengsaeng", "mr")
    assert stored_form_matches("자력갱생", "Jaryeok Gaengsaeng", "rr")
    assert stored_form_matches("자력갱생", "charyŏkkaengsaeng", "mr")
    assert stored_form_matches("자력갱생운동", "charyŏk kaengsaeng undong", "mr")  # three words: two cuts
    assert stored_form_matches("자력갱생운동", "jaryeok gaengsaeng undong", "rr")
    assert stored_form_matches("김만건", "Kim Man-gŏn", "mr")
    assert stored_form_matches("인왕리", "Inwang-ri", "rr")
    assert stored_form_matches("황금평·위화도", "Hwanggŭmp'yŏng Wihwado", "mr")
    assert not stored_form_matches("자력갱생", "charyŏk", "mr")
    assert not stored_form_matches("자력갱생", "charyŏk kaeng saeng saeng x", "mr")
    assert not stored_form_matches("자력갱생", "", "mr")
    assert not stored_form_matches("자력갱생", "jaryeok gaengsaeng", "mr")
