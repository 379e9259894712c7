"""Terminal output for the CLI: progress, summaries and tables (Rich). No logic lives here."""

from __future__ import annotations

from contextlib import contextmanager

from rich.console import Console
from rich.table import Table
from rich.text import Text


def consoles() -> tuple[Console, Console]:
    """(standard error, standard output) consoles of the CLI."""
    out = Console()
    if not out.is_terminal:  # piped or captured: do not squeeze tables into 80 columns
        out = Console(width=180)
    return Console(stderr=True), out


def error(console: Console, message: str) -> None:
    """A command's failure: one line, `error: ` and what was wrong."""
    console.print(Text.assemble(("error: ", "red"), message), soft_wrap=True)


def skipped(console: Console, problem: object) -> None:
    """An input left out (an InputError), and why."""
    console.print(Text.assemble(("skipped ", "yellow"), str(problem)), soft_wrap=True)


# Columns shown per record kind: (header, row key or function of the row).
def _who(prefix: str):
    def cell(row: dict) -> str:
        name = row.get(f"{prefix}_name")
        country = row.get(f"{prefix}_country")
        if not name:
            return ""
        return f"{name} ({country})" if country else name

    return cell


def _range(row: dict) -> str:
    if row.get("low") is not None or row.get("high") is not None:
        return f"{_num(row.get('low'))}–{_num(row.get('high'))}"
    return f"{row.get('bound') or ''}{_num(row.get('value'))}"


def _num(v) -> str:
    if v is None:
        return "?"
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,}"


def _span(key: str):
    def cell(row: dict) -> str:
        v = row.get(key)
        return v.get("text", "") if isinstance(v, dict) else (v or "")

    return cell


COLUMNS = {
    "events": [
        ("published", "published"),
        ("type", "type"),
        ("mode", "mode"),
        ("actor", _who("actor")),
        ("recipient", _who("recipient")),
        ("place", "place_name"),
        ("time", "time_value"),
        ("trigger", _span("trigger")),
        ("says who", "source_text"),
    ],
    "statements": [
        ("published", "published"),
        ("source", _span("source")),
        ("country", "source_country"),
        ("cue", _span("cue")),
        ("certainty", "certainty"),
        ("direct", "direct"),
        ("content", _span("content")),
    ],
    "figures": [
        ("published", "published"),
        ("figure", "text"),
        ("value", _range),
        ("counted", "counted"),
        ("unit", "unit"),
        ("actor", _who("actor")),
        ("says who", "source_text"),
    ],
    "actors": [
        ("name", "name"),
        ("country", "country"),
        ("sector", "sector"),
        ("articles", "articles"),
        ("mentions", "mentions"),
        ("events", "events"),
    ],
    "places": [
        ("name", "name"),
        ("country", "country"),
        ("kind", "kind"),
        ("lat", "lat"),
        ("lon", "lon"),
        ("articles", "articles"),
    ],
    "articles": [("published", "published"), ("outlet", "outlet"), ("title", "title"), ("id", "id")],
}


def _cell(row: dict, getter) -> str:
    value = getter(row) if callable(getter) else row.get(getter)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, dict)):
        value = len(value) if isinstance(value, list) else value.get("text", "")
    text = str(value)
    return text if len(text) <= 120 else text[:117] + "…"


def table(console: Console, kind: str, rows: list[dict]) -> None:
    if not rows:
        console.print(f"no {kind} found")
        return
    t = Table(show_lines=False, header_style="bold")
    columns = COLUMNS[kind]
    for header, _ in columns:
        t.add_column(header, overflow="fold")
    for row in rows:
        t.add_row(*[Text(_cell(row, getter)) for _, getter in columns])  # Text: no markup from data
    console.print(t)


def stats(console: Console, data: dict) -> None:
    t = Table(title="ledger", header_style="bold")
    t.add_column("records")
    t.add_column("count", justify="right")
    for key, value in data.items():
        if isinstance(value, (int, float)):
            t.add_row(key, f"{value:,}")
    console.print(t)
    last = data.get("last_ingest")
    if last:
        console.print(
            Text(
                f"last ingest: {last.get('articles_added', last.get('added', 0))} added, "
                f"{last.get('articles_skipped', last.get('skipped', 0))} skipped, "
                f"{last.get('failed', 0)} failed ({last.get('finished', '')})"
            )
        )


def ingest_summary(console: Console, s, db: str) -> None:
    line = (
        f"{s.articles_read} articles read, {s.added} added, {s.skipped} already in the ledger, "
        f"{s.failed} inputs failed → {db}"
    )
    console.print(Text(line, style="red" if s.failed else "green"))
    skipped = getattr(s, "not_articles", None) or []
    if skipped:
        shown = "; ".join(skipped[:5]) + (f"; and {len(skipped) - 5} more" if len(skipped) > 5 else "")
        console.print(Text(f"{len(skipped)} files in the folders are not articles, not read: {shown}"))
    if s.undated:
        console.print(
            Text(
                f"note: {s.undated} articles have no publication date, so relative times "
                "('last month') stay unresolved; pass --published YYYY-MM-DD to anchor them.",
                style="yellow",
            )
        )


def demo_report(console: Console, ledger) -> None:
    stats(console, ledger.stats())
    console.print(Text("A few events, with who says so:", style="bold"))
    table(console, "events", ledger.events(limit=8))
    console.print(Text("Figures:", style="bold"))
    table(console, "figures", ledger.figures(limit=6))


@contextmanager
def progress(*, disable: bool, console: Console):
    """A progress bar over articles; yields a callback taking the number of articles done."""
    # imported here: `stats` renders without it
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    bar = Progress(
        SpinnerColumn(),
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("articles"),
        TimeElapsedColumn(),
        console=console,
        disable=disable,
        transient=True,
    )
    with bar:
        task = bar.add_task("ingest", total=None)
        yield lambda n: bar.advance(task, n)
