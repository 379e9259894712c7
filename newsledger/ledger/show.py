"""Tables for merged events and figure series (the CLI prints these; --json prints the rows)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text


def _num(v) -> str:
    if v is None:
        return "?"
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,}"


def merged_events(console: Console, rows: list[dict]) -> None:
    if not rows:
        console.print("no merged events found")
        return
    t = Table(header_style="bold", show_lines=True)
    for h in (
        "id",
        "type",
        "actor → recipient",
        "place",
        "event dates",
        "first/last reported",
        "reports",
        "articles",
        "outlets",
        "indep. sources",
        "reports (outlet: trigger — why merged)",
    ):
        t.add_column(h, overflow="fold")
    for r in rows:
        reports = "\n".join(
            f"{x['outlet'] or '?'}: {(x.get('trigger') or {}).get('text', '')}"
            f"{' (' + ' ← '.join(x['chain']) + ')' if x.get('chain') else ''} — {x['reason']}"
            for x in r["report_list"]
        )
        t.add_row(
            *(
                Text(str(c))
                for c in (
                    r["id"],
                    r["type"],
                    f"{r['actor_country'] or '?'} → {r['recipient_country'] or '?'}",
                    r["place"] or "",
                    f"{r['first_date'] or '?'} .. {r['last_date'] or '?'}",
                    f"{r['first_reported'] or '?'} .. {r['last_reported'] or '?'}",
                    r["reports"],
                    r["articles"],
                    f"{r['outlets']}: " + ", ".join(r.get("outlet_names") or []),
                    r["independent_sources"],
                    reports,
                )
            )
        )
    console.print(t)


def figure_series(console: Console, series: list[dict]) -> None:
    if not series:
        console.print("no figures found")
        return
    for s in series:
        title = (
            f"{s['measure']} · {s.get('subject') or 'no subject'} · {s['place'] or 'no place'} · "
            f"{s['first_date']} .. {s['last_date']} · spread {_num(s['spread']['min'])}–{_num(s['spread']['max'])}"
            f" · {s['independent_sources']} independent source(s)"
        )
        t = Table(title=title, header_style="bold", title_justify="left")
        for h in ("date", "value", "bounds", "text", "source (relay chain)", "outlet", "latest of its source"):
            t.add_column(h, overflow="fold")
        latest = {(v["article_id"], v["figure_id"]) for o, v in _latest(s).items()}
        for v in s["values"]:
            bounds = f"{_num(v['low'])}–{_num(v['high'])}" if v["low"] is not None else (v["bound"] or "=")
            chain = " ← ".join(v["chain"]) if v["chain"] else (v["source"] or "")
            t.add_row(
                *(
                    Text(str(c))
                    for c in (
                        v["date"] or "?",
                        _num(v["value"]),
                        bounds,
                        v["text"],
                        chain,
                        v["outlet"] or "",
                        "yes" if (v["article_id"], v["figure_id"]) in latest else "",
                    )
                )
            )
        console.print(t)


def _latest(s: dict) -> dict:
    out = {}
    for v in s["values"]:
        out[v["origin"]] = v
    return out
