"""RSS / Atom feeds, including hostile ones."""

from newsledger.errors import InputError
from newsledger.ingest.feeds import read_feed, strip_doctype
from tests.ingest.paths import FIXTURES


def _read(name):
    return list(read_feed((FIXTURES / name).read_bytes(), name))


def test_rss_entries():
    first, second, third = _read("feed_rss.xml")
    assert first.title == "Ceasefire talks resume in Valdoria"
    assert first.url == "https://wire.example.net/world/ceasefire-talks-valdoria"
    assert first.author == "Sam Writer" and first.published == "2031-02-12"
    assert first.outlet == "Example Wire World News"
    assert first.source == "feed_rss.xml#1" and first.kind == "feed"
    # content:encoded beats the description; HTML is stripped, paragraphs and <br> become lines
    assert "Short summary" not in first.text and "<p>" not in first.text and "alert" not in first.text
    assert first.text.split("\n")[1].startswith("The mediator said both sides had agreed to exchange 120 prisoners")
    assert second.text.startswith("About 3,000 port workers") and second.published == "2031-02-11"
    assert isinstance(third, InputError) and third.input == "feed_rss.xml#3"


def test_atom_entries():
    first, second = _read("feed_atom.xml")
    assert first.outlet == "Regional Monitor" and first.author == "Lee Reporter"
    assert first.published == "2031-06-01"  # published beats updated
    assert first.text == (
        "A convoy of 40 trucks carrying food and medicine reached the town of Eastmark "
        "on Sunday, the relief agency said.\nIt was the first delivery in six weeks."
    )
    assert second.published == "2031-05-30"  # only updated is given
    assert second.url == "https://monitor.example.org/election-date"


def test_external_entities_are_never_resolved():
    (entry,) = _read("feed_xxe.xml")
    assert "XXE-SECRET-MARKER" not in entry.text and "root:" not in entry.text
    assert "PLAIN-ENTITY-EXPANDED" not in entry.text  # no DTD entity is expanded at all
    assert "the town council met on Monday" in entry.text


def test_billion_laughs_does_not_expand():
    (entry,) = _read("feed_billion_laughs.xml")
    assert len(entry.text) < 200 and "lollol" not in entry.text
    assert "ships could sail again" in entry.text


def test_broken_and_empty_feeds_give_one_error():
    (err,) = _read("feed_broken.xml")
    assert isinstance(err, InputError) and "broken feed" in err.reason
    empty = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>'
    (err,) = list(read_feed(empty, "quiet.xml"))
    assert isinstance(err, InputError) and "no entries" in err.reason


def test_strip_doctype_only_touches_the_prolog():
    data = b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "b">]><rss><x>&lt;!DOCTYPE kept&gt;</x></rss>'
    out = strip_doctype(data)
    assert b"ENTITY" not in out and out.endswith(b"<rss><x>&lt;!DOCTYPE kept&gt;</x></rss>")
