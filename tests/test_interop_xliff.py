"""XLIFF, TMX, Trados .sdlxliff, memoQ .mqxliff and TBX as CAT tools write them: what is text, and where."""
import pytest

from conftest import FIXTURE_GLOSSARY, run_cli
from termkit.documents import iter_input_files
from termkit.errors import InputError

XLIFF = ('<?xml version="1.0" encoding="UTF-8"?>\n'
         '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"{ns}>\n'
         '<file original="brief.docx" source-language="ko" target-language="en-US" datatype="plaintext">\n'
         '<body>\n{units}</body>\n</file>\n</xliff>\n')


def xliff(tmp_path, units, name="t.xlf", ns="", newline="\n"):
    f = tmp_path / name
    f.write_bytes(XLIFF.format(units=units, ns=ns).replace("\n", newline).encode("utf-8"))
    return f


def where(findings):
    return [(f.line, f.column, f.end_line, f.end_column, f.code, f.found) for f in findings if f.side == "target"]


def raw_at(path, line, col, end_col):
    """The raw file's characters at line:col…end_col (1-based, end exclusive), as an editor shows them."""
    text = path.read_bytes().decode("utf-8").replace("\r\n", "\n")
    return text.split("\n")[line - 1][col - 1:end_col - 1]


def test_columns_count_the_raw_file_tags_and_entities_included(tmp_path, mini):
    f = xliff(tmp_path, '<trans-unit id="1"><source>자력갱생</source><target>R&amp;D &lt;b&gt; '
                        '<g id="1">the</g> &#8220;autarky&#8221;</target></trans-unit>\n')
    got = where(mini.check_file(f))
    assert got == [(5, 92, 5, 99, "TK101", "autarky")]
    assert raw_at(f, 5, 92, 99) == "autarky"


def test_crlf_and_a_term_over_a_line_break_keep_raw_places(tmp_path, mini):
    f = xliff(tmp_path, '<trans-unit id="1"><source>자력갱생</source><target>The spirit of\n  Charkyok\n'
                        'Kaengsaeng, again.</target></trans-unit>\n', newline="\r\n")
    got = [(x.line, x.column, x.end_line, x.end_column, x.code) for x in mini.check_file(f) if x.side == "target"]
    assert got == [(6, 3, 7, 11, "TK401")]
    assert raw_at(f, 6, 3, 11) == "Charkyok" and raw_at(f, 7, 1, 11) == "Kaengsaeng"


def test_processing_instructions_and_comments_are_not_text(tmp_path, mini):
    f = xliff(tmp_path, '<trans-unit id="1"><source>자력갱생</source><target>Self-reliance, '
                        '<?xm-replace_text autarky?> <!-- autarky --> first.</target></trans-unit>\n')
    assert where(mini.check_file(f)) == []


def test_sub_inside_an_inline_code_is_checked_on_its_own(tmp_path, mini):
    # The alt text inside <ph><sub> is text; the code around it is not; 'autarky' is found where it is.
    f = xliff(tmp_path, '<trans-unit id="1"><source>자력갱생의 길</source><target>The road<ph id="1">'
                        '&lt;img alt="<sub>autarky road</sub>"&gt;</ph>.</target></trans-unit>\n')
    assert where(mini.check_file(f)) == [(5, 89, 5, 96, "TK101", "autarky")]
    assert raw_at(f, 5, 89, 96) == "autarky"


def test_cdata_is_text(tmp_path, mini):
    f = xliff(tmp_path, '<trans-unit id="1"><source>주체화</source><target><![CDATA[For <localization>.]]>'
                        '</target></trans-unit>\n')
    assert where(mini.check_file(f)) == [(5, 62, 5, 74, "TK101", "localization")]


def test_translate_no_units_are_not_checked(tmp_path, mini):
    f = xliff(tmp_path, '<trans-unit id="1" translate="no"><source>자력갱생</source><target>autarky</target>'
                        '</trans-unit>\n')
    assert where(mini.check_file(f)) == []


TMX = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n<header srclang="ko" datatype="html" '
       'segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/>\n<body>\n'
       '<tu><tuv xml:lang="ko"><seg>자력갱생</seg></tuv><tuv xml:lang="en"><seg>It is <bpt i="1">&lt;a '
       'title="<sub>autarky</sub>"&gt;</bpt>self-reliance<ept i="1">&lt;/a&gt;</ept> &amp; autarky.</seg></tuv></tu>\n'
       '</body>\n</tmx>\n')


def test_tmx_two_segs_on_one_line_sub_and_entities(tmp_path, mini):
    f = tmp_path / "t.tmx"
    f.write_text(TMX, encoding="utf-8")
    got = where(mini.check_file(f))
    assert [g[:2] for g in got] == [(5, 104), (5, 175)]
    assert all(raw_at(f, line, col, end) == "autarky" for line, col, _, end, _, _ in got)


SDL = ' xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0"'
SDL_UNIT = ('<trans-unit id="u1"><source>자력갱생. 주체화.</source>\n'
            '<seg-source><mrk mtype="seg" mid="1">자력갱생.</mrk> <mrk mtype="seg" mid="2">주체화.</mrk></seg-source>\n'
            '<target><mrk mtype="seg" mid="1">Autarky.</mrk> <mrk mtype="seg" mid="2">Localization.</mrk></target>\n'
            '<sdl:seg-defs><sdl:seg id="1" conf="{c1}"/><sdl:seg id="2" {c2}/></sdl:seg-defs></trans-unit>\n')


def test_sdlxliff_segments_are_the_seg_marks(tmp_path, mini):
    f = xliff(tmp_path, SDL_UNIT.format(c1="Translated", c2='conf="ApprovedSignOff"'), "t.sdlxliff", SDL)
    got = where(mini.check_file(f))
    assert got == [(7, 34, 7, 41, "TK101", "Autarky"), (7, 74, 7, 86, "TK101", "Localization")]
    # Each mark is its own segment, sourced by the seg-source mark of the same mid.
    segs = list(__import__("termkit.documents.formats", fromlist=["x"]).open_document(f, None).segments())
    assert [(s.source, s.target) for s in segs] == [("자력갱생.", "Autarky."), ("주체화.", "Localization.")]


def test_sdlxliff_unconfirmed_segments_are_skipped(tmp_path, mini):
    f = xliff(tmp_path, SDL_UNIT.format(c1="Draft", c2=""), "t.sdlxliff", SDL)
    assert where(mini.check_file(f)) == []


MQ = ' xmlns:mq="MQXliff"'


@pytest.mark.parametrize("status, checked", [
    ("ManuallyConfirmed", True), ("Proofread", True), ("Reviewer1Confirmed", True), ("SomethingNew", True),
    ("NotStarted", False), ("PreTranslated", False), ("PartiallyEdited", False), ("MachineTranslated", False),
    ("Rejected", False)])
def test_mqxliff_unconfirmed_states_are_skipped(tmp_path, mini, status, checked):
    f = xliff(tmp_path, f'<trans-unit id="1" mq:status="{status}"><source>자력갱생</source>'
                        '<target>Autarky.</target></trans-unit>\n', "t.mqxliff", MQ)
    assert bool(where(mini.check_file(f))) is checked


TBX_2008 = ('<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="en"><text><body>\n'
            '<termEntry id="e1"><langSet xml:lang="ko"><tig><term>자력갱생</term></tig></langSet>\n'
            '<langSet xml:lang="en"><ntig><termGrp><term>autarky</term></termGrp></ntig>'
            '<tig><term>self-reliance</term></tig></langSet></termEntry>\n</body></text></martif>\n')
TBX_2019 = ('<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en" '
            'xmlns="urn:iso:std:iso:30042:ed-2"><text><body>\n<conceptEntry id="c1">'
            '<langSec xml:lang="ko"><termSec><term>주체화</term></termSec></langSec>\n'
            '<langSec xml:lang="en-GB"><termSec><term>localization</term></termSec></langSec></conceptEntry>\n'
            '</body></text></tbx>\n')


@pytest.mark.parametrize("content, expect", [(TBX_2008, [(4, 45, 4, 52, "TK101", "autarky")]),
                                             (TBX_2019, [(4, 42, 4, 54, "TK101", "localization")])])
def test_tbx_is_checked_as_bilingual(tmp_path, mini, content, expect):
    f = tmp_path / "terms.tbx"
    f.write_text(content, encoding="utf-8")
    assert where(mini.check_file(f)) == expect


def test_tbx_without_korean_is_refused(tmp_path, mini):
    f = tmp_path / "es.tbx"
    f.write_text(TBX_2019.replace('"ko"', '"es"').replace("주체화", "localización"), encoding="utf-8")
    with pytest.raises(InputError) as e:
        mini.check_file(f)
    assert "no Korean" in e.value.message


def test_directory_walk_reads_every_exchange_suffix(tmp_path):
    names = ["a.xlf", "b.xliff", "c.sdlxliff", "d.mqxliff", "e.tmx", "f.po", "g.tbx", "h.csv"]
    for n in names:
        (tmp_path / n).write_text("x", encoding="utf-8")
    assert [p.name for p in iter_input_files([str(tmp_path)])] == names[:-1]


def test_sdlxliff_through_the_cli_is_bilingual(tmp_path):
    f = xliff(tmp_path, SDL_UNIT.format(c1="Translated", c2='conf="Translated"'), "t.sdlxliff", SDL)
    code, out, err = run_cli("check", "--no-bundled", "--glossary", FIXTURE_GLOSSARY, f)
    assert code == 1 and f"{f}:7:34: TK101" in out and f"{f}:7:74: TK101" in out, out + err


def test_start_tags_over_several_lines_are_found(tmp_path, mini):
    # Okapi writes attributes one per line: the mark's start tag begins lines before it ends.
    f = xliff(tmp_path, '<trans-unit id="1"><source>자력갱생</source><seg-source><mrk\n  mtype="seg"\n  mid="1">'
                        '자력갱생</mrk></seg-source><target\n  state="translated"><mrk\n  mtype="seg"\n'
                        '  mid="1">The <g\n id="2">aim</g>: autarky.</mrk></target></trans-unit>\n')
    got = where(mini.check_file(f))
    assert got == [(11, 18, 11, 25, "TK101", "autarky")]
    assert raw_at(f, 11, 18, 25) == "autarky"
