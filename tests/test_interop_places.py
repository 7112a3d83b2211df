"""Property: every character a reader decodes sits, by its Places map, on its own raw character."""
from hypothesis import given, settings, strategies as st

from termkit.documents.formats import open_document

# Letters, spaces, Hangul and the characters that readers must escape or decode.
TEXT = st.text(alphabet=st.sampled_from(list("ab zy가나\"\\\n\t&<>'")), min_size=1, max_size=40)

PO_ESCAPE = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t"}
XML_ESCAPE = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def assert_placed(text, places, lines, escapes):
    assert places is not None
    for i, ch in enumerate(text):
        line, col = places.start(i)
        raw = lines[line - 1]
        if ch in escapes:  # decoded: the place is where its escape starts
            assert raw[col - 1:].startswith(escapes[ch]), (i, ch, line, col)
        else:
            assert raw[col - 1] == ch, (i, ch, line, col)
        end_line, end_col = places.end(i + 1)
        assert end_line == line and end_col == col + len(escapes.get(ch, ch))


@settings(max_examples=60, deadline=None)
@given(TEXT, st.integers(min_value=1, max_value=5))
def test_po_strings_wrapped_and_escaped(tmp_path_factory, text, width):
    # Wrap the escaped string every `width` source characters, as msgmerge wraps long strings.
    pieces = [text[i:i + width] for i in range(0, len(text), width)]
    body = "".join(f'"{"".join(PO_ESCAPE.get(c, c) for c in p)}"\n' for p in pieces)
    f = tmp_path_factory.mktemp("po") / "p.po"
    f.write_text(f'msgid "자력갱생"\nmsgstr ""\n{body}', encoding="utf-8")
    (seg,) = list(open_document(f, None).segments())
    assert seg.target == text
    assert_placed(text, seg.places.get(), f.read_text(encoding="utf-8").split("\n"), PO_ESCAPE)


@settings(max_examples=60, deadline=None)
@given(TEXT, st.booleans())
def test_xliff_targets_with_entities_and_tags(tmp_path_factory, text, crlf):
    text = text.replace("\\", "b").replace("\t", " ")
    target = "".join(XML_ESCAPE.get(c, c) for c in text)
    mid = len(target) // 2
    while "&" in target[max(0, mid - 5):mid] and not target[:mid].endswith(";"):
        mid -= 1  # do not cut an entity in two
    target = target[:mid] + '<x id="1"/>' + target[mid:]
    xml = ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
           'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="o" source-language="ko" '
           f'target-language="en" datatype="plaintext"><body>\n<trans-unit id="1"><source>자력갱생</source>'
           f'<target>{target}</target></trans-unit>\n</body></file></xliff>\n')
    f = tmp_path_factory.mktemp("xlf") / "t.xlf"
    f.write_bytes(xml.replace("\n", "\r\n" if crlf else "\n").encode("utf-8"))
    (seg,) = list(open_document(f, None).segments())
    assert seg.target == text
    lines = f.read_bytes().decode("utf-8").replace("\r\n", "\n").split("\n")
    # A line break in the text is a raw line break (CRLF: two raw characters, placed as one).
    escapes = dict(XML_ESCAPE)
    escapes["\n"] = ""  # at the end of its raw line
    places = seg.places.get()  # XLIFF maps are built on first use
    for i, ch in enumerate(text):
        line, col = places.start(i)
        raw = lines[line - 1]
        if ch == "\n":
            assert col == len(raw) + 1, (i, line, col)
        elif ch in XML_ESCAPE:
            assert raw[col - 1:].startswith(XML_ESCAPE[ch])
        else:
            assert raw[col - 1] == ch, (i, ch, line, col)
