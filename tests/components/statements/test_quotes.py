from newsledger.components.statements.quotes import find_quotes, paragraphs


def texts(text):
    return [text[a:b] for a, b in find_quotes(text)]


def test_curly_and_straight_quotes():
    text = 'She said “we are ready” and he said "so are we" today.'
    assert texts(text) == ["“we are ready”", '"so are we"']


def test_apostrophes_are_not_quotes():
    assert texts("The mayor’s office and the city's council met.") == []


def test_quote_continues_into_next_paragraph_that_opens_with_a_mark():
    text = "He said: “The first part runs on.\n“The second part ends here.”\nAfter."
    assert texts(text) == ["“The first part runs on.\n“The second part ends here.”"]


def test_unclosed_quote_ends_with_its_paragraph():
    text = "He said: “this never closes\nA new paragraph without marks."
    assert texts(text) == ["“this never closes"]


def test_unbalanced_opening_mark_restarts():
    text = "A stray “ mark, then “a real quote” here."
    assert texts(text) == ["“a real quote”"]


def test_paragraphs_skip_empty_lines():
    text = "One.\n\n  Two.  \n"
    assert [text[a:b] for a, b in paragraphs(text)] == ["One.", "Two."]


def test_a_straight_mark_between_spaces_closes_an_open_quote():
    from newsledger.components.statements.quotes import find_quotes

    text = "\"I've always been insulted with the term 'African American outreach,' \" he told the group."
    (quote,) = find_quotes(text)
    assert text[quote[0] : quote[1]].endswith("outreach,' \"")
