"""Context evidence: a heading naming the concept, or a gloss in the next sentence, shows what a form renders."""

def codes(checker, text):
    return [(f.code, f.found) for f in checker.check_text(text)]


def test_heading_names_the_concept(bundled):
    text = "# The Premier (내각총리) and the Cabinet\n\nThe Prime Minister heads the Cabinet.\n"
    assert ("TK102", "Prime Minister") in codes(bundled, text)


def test_no_heading_no_finding(bundled):
    assert codes(bundled, "# The Cabinet\n\nThe Prime Minister heads the Cabinet.\n") == []


def test_gloss_in_next_sentence(bundled):
    text = "The assault troops were sent to the dam. Each *tolgyŏktae* worked in shifts.\n"
    assert ("TK102", "assault troops") in codes(bundled, text)


def test_gloss_two_sentences_later_is_not_evidence(bundled):
    text = "The assault troops were sent to the dam. They worked hard. Each *tolgyŏktae* had a flag.\n"
    assert ("TK102", "assault troops") not in codes(bundled, text)


def test_another_concepts_rendering_needs_more_than_a_heading(bundled):
    # 'general market' is right for 종합시장 and wrong for 농민시장: a heading about 농민시장 is no proof
    text = "# Farmers' Markets (농민시장)\n\nThe general market opened in 2003.\n"
    assert ("TK101", "general market") not in codes(bundled, text)
