"""Word edges: an underscore joins words into one identifier; an emphasis underscore does not."""


def found(mini, text):
    # TK203 judges the whole glossed phrase ('flag autarky_mode (자력갱생)'), which is another question
    # than whether the identifier holds the term: left out here.
    return [(f.line, f.column, f.code, f.found) for f in mini.check_text(text) if f.code != "TK203"]


def test_underscore_joins_an_identifier(mini):
    # Each identifier holds 'autarky' after or before an underscore: one word, not the term.
    assert found(mini, "The flag use_autarky (자력갱생) was set.") == []
    assert found(mini, "The flag autarky_mode (자력갱생) was set.") == []
    assert found(mini, "The key path__autarky (자력갱생) was set.") == []


def test_emphasis_underscores_still_match(mini):
    # The same form between emphasis underscores or in plain text is still found, at the same place.
    assert found(mini, "It chose _autarky_ (자력갱생) then.") == [(1, 11, "TK101", "autarky")]
    assert found(mini, "It chose __autarky__ (자력갱생) then.") == [(1, 12, "TK101", "autarky")]
    assert found(mini, "It chose autarky (자력갱생) then.") == [(1, 10, "TK101", "autarky")]
