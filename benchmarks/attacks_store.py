"""Hostile inputs and web requests against one ledger backend (benchmarks/attack.py).

ingest: the bad-input corpus (tests/reliability/corpus.py, without the 50 MB page and 20 MB line),
        a FIFO in a folder, a too-long text through `extract`, a run that loses every insert race,
        NUL and surrogates in article text.
web:    NUL, surrogates and SQL-injection strings in every filter, path traversal, an oversized
        body, ingest without the token, an unexpected server error.
Each attack gives (name, held, detail)."""

from __future__ import annotations

import io
import threading
from pathlib import Path
from urllib.parse import quote

from newsledger import Ledger
from newsledger.api import MAX_ARTICLE_CHARS
from newsledger.errors import InputError
from newsledger.records import Article
from tests.reliability.corpus import GOOD_TEXTS, SECRET, build_corpus
from tests.store import samples

Result = tuple[str, bool, str]
# Query values as sent on the wire (percent-encoded): SQL injection, NUL, an encoded surrogate, bad UTF-8.
INJECTIONS = [
    quote(v)
    for v in (
        "' OR 1=1 --",
        '"; DROP TABLE events; --',
        "%' UNION SELECT * FROM articles --",
        "_%",
        "\x00",
        "a\x00b",
        "PRK'",
    )
] + ["%ED%A0%80", "%FF%FE", "%C0%80"]
FILTERS = [
    ("/api/events", "actor"),
    ("/api/events", "country"),
    ("/api/events", "type"),
    ("/api/events", "text"),
    ("/api/statements", "source"),
    ("/api/figures", "about"),
    ("/api/actors", "name"),
    ("/api/places", "name"),
    ("/api/articles", "text"),
    ("/api/search", "q"),
    ("/api/merged-events", "type"),
    ("/api/merged-events", "country"),
    ("/merged-events", "type"),
    ("/events", "actor"),
    ("/api/events", "since"),
]
TRAVERSAL = [
    "/static/../../etc/passwd",
    "/static/%2e%2e/%2e%2e/etc/passwd",
    "/static/..%5c..%5cetc%5cpasswd",
    "/api/articles/..%2f..%2fetc%2fpasswd",
]


def _stored(ledger: Ledger) -> list[tuple[str, str]]:
    """(source, text) of every stored article, near-duplicates included."""
    from sqlalchemy import select

    from newsledger.store import schema

    with ledger.store.engine.connect() as conn:
        return [
            (r.source or "", r.text) for r in conn.execute(select(schema.articles.c.source, schema.articles.c.text))
        ]


def _from(source: str, path: str) -> bool:
    """Whether an article's or error's source is the file `path` (or a line, record, entry of it)."""
    return source == path or (source.startswith(path) and source[len(path)] in ":# ")


def _corpus(ledger: Ledger, root: Path) -> list[Result]:
    expect = build_corpus(root / "corpus", big=False)
    errors: list[InputError] = []
    ledger.ingest([str(root / "corpus")], on_error=errors.append)
    stored = _stored(ledger)
    out = []
    for name, want in expect.items():
        prefix = str(root / "corpus" / name)
        mine = [text for source, text in stored if _from(source, prefix)]
        errs = [e for e in errors if _from(str(e.input), prefix)]
        found = all(any(t in text for text in mine) for t in want.texts)
        held = (
            len(mine) >= want.stored
            and len(errs) == want.errors
            and found
            and all(want.reason in str(e).lower() for e in errs)
        )
        out.append(
            (
                f"corpus: {name}",
                held,
                f"{len(mine)} stored, {len(errs)} errors" + (f" ({errs[0].reason[:80]})" if errs else ""),
            )
        )
    out.append(("corpus: no external entity resolved", not any(SECRET in text for _, text in stored), ""))
    return out


def _fifo(root: Path) -> Result:
    import os

    from newsledger.ingest import read_inputs

    folder = root / "fifo"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD_TEXTS[0], encoding="utf-8")
    os.mkfifo(folder / "z_pipe")
    items: list = []
    reader = threading.Thread(target=lambda: items.extend(read_inputs([str(folder)])), daemon=True)
    reader.start()
    reader.join(30)
    if reader.is_alive():
        return "a FIFO in an input folder", False, "reading hung"
    reasons = [i.reason for i in items if isinstance(i, InputError)]
    stored = [i for i in items if not isinstance(i, InputError)]
    held = len(stored) == 1 and len(reasons) == 1 and "named pipe" in reasons[0]
    return "a FIFO in an input folder", held, "; ".join(reasons)[:120]


def _too_long(ledger: Ledger) -> Result:
    from newsledger.cli_extract import extract_lines

    sink, reported = io.StringIO(), []
    arts = [
        Article(text=GOOD_TEXTS[0], id="1"),
        Article(text="word " * (MAX_ARTICLE_CHARS // 5 + 1), id="2"),
        Article(text=GOOD_TEXTS[1], id="3"),
    ]
    written = extract_lines(ledger.extractor, iter(arts), sink, None, reported.append)
    held = written == 2 and len(reported) == 1 and "too long" in reported[0].reason
    return "a text over 1,000,000 characters through extract", held, f"{written} written, {len(reported)} reported"


def _race(url: str, extractor) -> Result:
    texts = [f"{t} Reported again in run {n}." for n, t in enumerate(GOOD_TEXTS)]
    with Ledger(url) as loser, Ledger(url) as winner:
        loser._extractor = winner._extractor = extractor  # one model for both (benchmark speed only)

        def items():
            yield from (Article(text=t) for t in texts)
            winner.ingest_items([Article(text=t) for t in texts])

        s = loser.ingest_items(items(), batch_size=len(texts))
    held = (s.articles_read, s.added, s.skipped) == (3, 0, 3)
    return "a run that loses every insert race", held, f"read {s.articles_read}, added {s.added}, skipped {s.skipped}"


def _nul_text(ledger: Ledger) -> Result:
    art = Article(text="Officials in Goma\x00 said on Monday that 3 people \ud800 were hurt in a blast.", id="")
    errors: list[InputError] = []
    s = ledger.ingest_items([art], on_error=errors.append)
    return "NUL and a lone surrogate in article text", s.added == 1 and not errors, f"added {s.added}, {errors[:1]}"


def _guarded(name: str, attack, *args) -> list[Result]:
    """The attack's results; an exception escaping it is itself a break."""
    try:
        got = attack(*args)
    except Exception as exc:
        return [(name, False, f"{type(exc).__name__}: {exc}"[:160])]
    return got if isinstance(got, list) else [got]


def run_ingest_attacks(url: str, root: Path, extractor) -> list[Result]:
    with Ledger(url) as ledger:
        ledger._extractor = extractor  # one model for every ledger of the run (benchmark speed only)
        out = _guarded("the bad-input corpus", _corpus, ledger, root)
        out += _guarded("a FIFO in an input folder", _fifo, root)
        out += _guarded("a text over 1,000,000 characters through extract", _too_long, ledger)
        out += _guarded("NUL and a lone surrogate in article text", _nul_text, ledger)
    out += _guarded("a run that loses every insert race", _race, url, extractor)
    return out


def run_web_attacks(url: str) -> list[Result]:
    from fastapi.testclient import TestClient

    from newsledger.web import create_app

    out: list[Result] = []
    with Ledger(url) as ledger:
        ledger.store.add(samples.all_pairs())
        ledger.relink()
        app = create_app(ledger=ledger)

        @app.get("/api/attack-boom")
        def boom():
            raise RuntimeError("an unexpected failure inside a route")

        with TestClient(app, raise_server_exceptions=False) as c:

            def probe(name: str, method: str, path: str, ok, **kw) -> None:
                try:
                    r = c.request(method, path, **kw)
                    held = bool(ok(r)) and "default-src 'self'" in r.headers.get("content-security-policy", "")
                except Exception as exc:  # the server died on it, or answered what cannot be read
                    out.append((name, False, f"{type(exc).__name__}: {exc}"[:160]))
                    return
                out.append((name, held, f"{r.status_code} {r.headers.get('content-type', '')}"))

            for path, param in FILTERS:
                for value in INJECTIONS:
                    probe(f"{path}?{param}={value}", "GET", f"{path}?{param}={value}", lambda r: r.status_code < 500)
            for path in TRAVERSAL:
                probe(f"traversal {path}", "GET", path, lambda r: 400 <= r.status_code < 500 and "root:" not in r.text)
            probe(
                "request body over 5 MB",
                "POST",
                "/api/ingest",
                lambda r: r.status_code == 413,
                content=b"x" * (6 << 20),
            )
            probe(
                "ingest without the token",
                "POST",
                "/api/ingest",
                lambda r: r.status_code == 403,
                content=b'{"text": "x"}\n',
            )
            probe(
                "an unexpected server error",
                "GET",
                "/api/attack-boom",
                lambda r: r.status_code == 500 and r.json().get("error") == "internal_error",
            )
            probe("the connection still answers", "GET", "/api/stats", lambda r: r.status_code == 200)
    return out
