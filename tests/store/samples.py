"""Hand-built articles and results for the store tests (invented sentences, exact offsets)."""

from __future__ import annotations

from newsledger.records import (
    Actor,
    Article,
    ArticleResult,
    Event,
    Figure,
    Place,
    PlaceMention,
    SourceSpan,
    Span,
    Statement,
    TimeRef,
)


class _Text:
    """Finds spans in one text so offsets in the fixtures are right by construction."""

    def __init__(self, text: str):
        self.text = text

    def span(self, phrase: str, nth: int = 0) -> Span:
        start = -1
        for _ in range(nth + 1):
            start = self.text.index(phrase, start + 1)
        return Span(start, start + len(phrase), phrase)

    def place(self, phrase: str, role: str = "location") -> PlaceMention:
        s = self.span(phrase)
        return PlaceMention(s.start, s.end, s.text, role)

    def source(self, phrase: str, actor: str | None, nth: int = 0) -> SourceSpan:
        s = self.span(phrase, nth)
        return SourceSpan(s.start, s.end, s.text, actor)

    def time(self, id: str, phrase: str, value: str, mod: str | None = None) -> TimeRef:
        s = self.span(phrase)
        return TimeRef(id, s.start, s.end, s.text, value, mod)

    def figure(self, id: str, phrase: str, **kw) -> Figure:
        s = self.span(phrase)
        return Figure(id, s.start, s.end, s.text, **kw)


def _pair(article: Article, **records) -> tuple[Article, ArticleResult]:
    result = ArticleResult(
        id=article.id,
        published=article.published,
        title=article.title,
        url=article.url,
        outlet=article.outlet,
        **records,
    )
    return article, result


def shelling() -> tuple[Article, ArticleResult]:
    t = _Text(
        "Ukrainian officials said Russian forces shelled three villages near Kharkiv on Tuesday. "
        "At least 40 civilians were killed, the regional governor said."
    )
    art = Article(
        text=t.text,
        id="art-shelling",
        title="Shelling hits border villages",
        url="https://example.org/a",
        outlet="Harbour Times",
        author="A. Writer",
        published="2024-03-05",
        source="a.html",
        kind="html",
    )
    return _pair(
        art,
        actors=[
            Actor("a1", "Russian forces", "RUS", "MIL", [t.span("Russian forces")], "group"),
            Actor("a2", "Ukraine", "UKR", "GOV", [t.span("Ukrainian officials")], "country"),
            Actor("a3", "regional governor", "UKR", "GOV", [t.span("the regional governor")], "person"),
        ],
        places=[Place("p1", "Kharkiv", "UA", 49.99, 36.23, 706483, "city", [t.place("Kharkiv")])],
        times=[t.time("t1", "on Tuesday", "2024-03-05")],
        figures=[
            t.figure("f1", "three villages", value=3, counted="villages"),
            t.figure("f2", "At least 40 civilians", value=40, bound=">=", counted="civilians", actor="a2"),
        ],
        statements=[
            Statement(
                "s1",
                False,
                t.source("Ukrainian officials", "a2"),
                t.span("said"),
                t.span("Russian forces shelled three villages near Kharkiv on Tuesday"),
            ),
            Statement(
                "s2",
                False,
                t.source("the regional governor", "a3"),
                t.span("said", 1),
                t.span("At least 40 civilians were killed"),
                certainty="asserted",
            ),
        ],
        events=[
            Event(
                "e1",
                "ASSAULT",
                t.span("shelled"),
                actor="a1",
                recipient="a2",
                place="p1",
                time="t1",
                figures=["f1"],
                statement="s1",
                confidence=0.9,
                acled={
                    "event_type": "Explosions/Remote violence",
                    "sub_event_type": "Shelling/artillery/missile attack",
                },
            ),
            Event("e2", "ASSAULT", t.span("killed"), figures=["f2"], statement="s2", confidence=0.6),
        ],
    )


def talks() -> tuple[Article, ArticleResult]:
    t = _Text(
        "The foreign ministers of France and Germany will meet in Geneva next week to discuss sanctions "
        "on Iran, a spokesperson said. Iran denied that it had supplied 200 drones."
    )
    art = Article(
        text=t.text,
        id="art-talks",
        title="Ministers to meet in Geneva",
        outlet="Daily Ledger",
        published="2024-06-10",
        kind="jsonl",
    )
    return _pair(
        art,
        actors=[
            Actor("a1", "France", "FRA", "GOV", [t.span("France")], "country"),
            Actor("a2", "Germany", "DEU", "GOV", [t.span("Germany")], "country"),
            Actor("a3", "Iran", "IRN", "GOV", [t.span("Iran"), t.span("Iran", 1)], "country"),
        ],
        places=[Place("p1", "Geneva", "CH", 46.2, 6.14, 2660646, "city", [t.place("Geneva")])],
        times=[t.time("t1", "next week", "2024-W25")],
        figures=[t.figure("f1", "200 drones", value=200, counted="drones", actor="a3")],
        statements=[
            Statement(
                "s1",
                False,
                t.source("a spokesperson", None),
                t.span("said"),
                t.span(
                    "The foreign ministers of France and Germany will meet in Geneva next week "
                    "to discuss sanctions on Iran"
                ),
            ),
            Statement(
                "s2",
                False,
                t.source("Iran", "a3", 1),
                t.span("denied"),
                t.span("it had supplied 200 drones"),
                certainty="denied",
            ),
        ],
        events=[
            Event(
                "e1",
                "CONSULT",
                t.span("meet"),
                mode="planned",
                actor="a1",
                recipient="a2",
                place="p1",
                time="t1",
                statement="s1",
                confidence=0.8,
            ),
            Event("e2", "SANCTION", t.span("sanctions"), mode="possible", recipient="a3", statement="s1"),
            Event("e3", "AID", t.span("supplied"), mode="negated", actor="a3", figures=["f1"], statement="s2"),
        ],
    )


def sighting() -> tuple[Article, ArticleResult]:
    """No date, no outlet, an emoji and a quote mark: the odd one."""
    t = _Text("\U0001f6a8 Russian forces and rebels were seen near Goma, witnesses said \u201cearly on.")
    art = Article(text=t.text, id="art-sighting", title=None)
    return _pair(
        art,
        actors=[
            Actor("a1", "Russian forces", "RUS", "MIL", [t.span("Russian forces")]),
            Actor("a2", "rebels", "COD", "REB", [t.span("rebels")]),
        ],
        places=[Place("p1", "Goma", "CD", -1.68, 29.22, 216281, "city", [t.place("Goma")])],
        statements=[
            Statement(
                "s1",
                False,
                t.source("witnesses", None),
                t.span("said"),
                t.span("Russian forces and rebels were seen near Goma"),
                certainty="probable",
                hedged=True,
            )
        ],
        events=[Event("e1", "MOBILIZE", t.span("seen"), actor="a1", place="p1", statement="s1", co_actors=["a2"])],
    )


def all_pairs() -> list[tuple[Article, ArticleResult]]:
    return [shelling(), talks(), sighting()]


def numbered(i: int) -> tuple[Article, ArticleResult]:
    """A small generated article for bulk and concurrency tests."""
    t = _Text(f"Report {i}: Country {i} said it sent {i + 1} trucks of aid to the capital.")
    art = Article(text=t.text, id=f"gen-{i:04d}", title=f"Report {i}", published=f"2023-01-{1 + i % 28:02d}")
    return _pair(
        art,
        actors=[Actor("a1", f"Country {i}", "XXX", "GOV", [t.span(f"Country {i}")])],
        figures=[t.figure("f1", f"{i + 1} trucks", value=i + 1, counted="trucks", actor="a1")],
        events=[Event("e1", "AID", t.span("sent"), actor="a1", figures=["f1"])],
    )
