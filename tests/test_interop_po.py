"""PO files as gettext writes them: plurals, wrapped strings and escapes located, direction, lax comments."""
import pytest

from conftest import FIXTURE_GLOSSARY, run_cli
from termkit.errors import InputError

HEADER = 'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def write(tmp_path, body, lang="en", name="t.po"):
    f = tmp_path / name
    f.write_text((HEADER.format(lang=lang) if lang is not None else "") + body, encoding="utf-8")
    return f


def where(findings):
    return [(f.line, f.column, f.end_line, f.end_column, f.code, f.found) for f in findings]


def test_every_plural_form_is_checked(tmp_path, mini):
    f = write(tmp_path, 'msgid "자력갱생의 길 하나"\nmsgid_plural "자력갱생의 길 %d개"\n'
                        'msgstr[0] "one road of self-reliance"\nmsgstr[1] "%d roads of autarky"\n'
                        'msgstr[2] "a few roads of autarky"\n')
    assert where(mini.check_file(f)) == [(9, 24, 9, 31, "TK101", "autarky"), (10, 27, 10, 34, "TK101", "autarky")]


def test_wrapped_entry_is_located_on_its_physical_line(tmp_path, mini):
    # msgmerge's layout: an empty first string, then one string per line.
    f = write(tmp_path, 'msgid ""\n"자력갱생의 정신을 "\n"강조하였다."\nmsgstr ""\n"They stressed the spirit "\n'
                        '"of autarky in every field."\n')
    assert where(mini.check_file(f)) == [(11, 5, 11, 12, "TK101", "autarky")]


def test_escapes_before_a_term_keep_its_column(tmp_path, mini):
    # \n, \" and \t are two raw characters each but one decoded one: the column counts the raw ones.
    f = write(tmp_path, 'msgid "자력갱생"\nmsgstr "Line one.\\nThe \\"new\\"\\tautarky."\n')
    assert where(mini.check_file(f)) == [(7, 33, 7, 40, "TK101", "autarky")]


def test_a_term_spanning_an_escape_ends_after_it(tmp_path, mini):
    # A misspelled romanization split by an escaped line break: it ends on the same raw line, after it.
    f = write(tmp_path, 'msgid "자력갱생"\nmsgstr "Self-reliance (Charkyok\\nKaengsaeng)."\n')
    assert where(mini.check_file(f)) == [(7, 24, 7, 44, "TK401", "Charkyok\nKaengsaeng")]


def test_comment_without_a_space_is_read(tmp_path, mini):
    f = write(tmp_path, '#Translator note with no space\n#.extracted\nmsgid "자력갱생"\nmsgstr "Autarky."\n')
    assert where(mini.check_file(f)) == [(9, 9, 9, 16, "TK101", "Autarky")]


@pytest.mark.parametrize("body, line, col", [
    ('msgid "자력갱생"\nmsgstr "Autarky.\n', 7, 8),  # no closing quote
    ('msgid "자력갱생"\nmsgstr ""\n"Autarky\n', 8, 1),
    ('msgid "자력갱생"\nmsgstr "Autarky" stray\n', 7, 18),
    ('"Autarky"\n', None, None),  # a string with no keyword: the first line after the header is fine here
])
def test_broken_strings_raise_with_their_place(tmp_path, mini, body, line, col):
    f = write(tmp_path, body, lang=None if line is None else "en")
    with pytest.raises(InputError) as e:
        mini.check_file(f)
    if line is not None:
        assert (e.value.line, e.value.column) == (line, col)
    assert "malformed PO" in e.value.message


def test_unterminated_string_exits_2_naming_file_and_line(tmp_path):
    f = write(tmp_path, 'msgid "자력갱생"\nmsgstr "Autarky.\n')
    code, out, err = run_cli("check", "--no-bundled", "--glossary", FIXTURE_GLOSSARY, f)
    assert code == 2 and f"{f}:7:8:" in err and "unterminated" in err and "Traceback" not in err


def test_language_header_korean_is_refused(tmp_path, mini):
    f = write(tmp_path, 'msgid "Self-reliance"\nmsgstr "자력갱생"\n', lang="ko")
    with pytest.raises(InputError) as e:
        mini.check_file(f)
    assert "Language is ko" in e.value.message and e.value.line == 2


def test_korean_translations_without_a_header_are_refused(tmp_path, mini):
    f = write(tmp_path, 'msgid "Self-reliance"\nmsgstr "자력갱생"\n\nmsgid "Localization"\nmsgstr "주체화"\n', lang=None)
    with pytest.raises(InputError) as e:
        mini.check_file(f)
    assert "translations (msgstr) are Korean" in e.value.message


def test_english_with_a_hangul_gloss_is_still_english(tmp_path, mini):
    # Korean msgids and one msgstr glossing the Hangul: a Korean→English file, checked.
    f = write(tmp_path, 'msgid "자력갱생"\nmsgstr "Autarky (자력갱생)."\n\nmsgid "주체화"\nmsgstr "Juche-ization."\n',
              lang="en_US")
    assert [(x.code, x.found) for x in mini.check_file(f) if x.side == "target"] == [("TK101", "Autarky")]


def test_obsolete_and_header_entries_are_not_checked(tmp_path, mini):
    f = write(tmp_path, '#~ msgid "자력갱생"\n#~ msgstr "Autarky."\n')
    assert mini.check_file(f) == []


def test_what_msgfmt_accepts_is_read(tmp_path, mini):
    # A `domain` directive, and a keyword whose string starts on the next line: msgfmt -c takes both.
    f = write(tmp_path, 'domain "brief"\n\nmsgid "자력갱생"\nmsgstr\n"Autarky."\n')
    assert where(mini.check_file(f)) == [(10, 2, 10, 9, "TK101", "Autarky")]
