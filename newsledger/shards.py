"""Parquet shards: extraction results on disk instead of in a database.

`ingest --shards DIR` writes one shard per batch; `load DIR` imports shards into a ledger.
Extraction then needs no database connection (cluster jobs, machines without access to the
ledger), and loading can happen later, elsewhere, once.

A shard is a Parquet file with one row per article: `id`, `url`, `published` (for looking
at shards with other tools) and `article` / `result`, the JSON of Article.to_dict() and
ArticleResult.to_dict(), which `from_dict` turns back into equal objects. A shard is written
under a hidden temporary name and renamed when complete, so a reader never sees half a file.
Names sort in writing order: shard-<UTC start of the run>-<random>-<sequence>.parquet.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .engines import make_engine
from .engines.loop import Extracted, IngestSummary, StoreSink, run
from .errors import InputError, StoreError, UsageError
from .nlp.extractor import Extractor, parse_date
from .records import Article, ArticleResult

FORMAT = "newsledger-shard/1"  # stored in the file's metadata; a reader checks it
SUFFIX = ".parquet"
SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("url", pa.string()),
        ("published", pa.string()),
        ("article", pa.string()),
        ("result", pa.string()),
    ],
    metadata={"newsledger": FORMAT},
)

Pairs = list[tuple[Article, ArticleResult]]


class ShardError(InputError):
    """A shard could not be read (damaged, truncated, not a newsledger shard)."""


class ShardWriter:
    """Writes batches of (Article, ArticleResult) as shard files in `directory`."""

    def __init__(self, directory: str | Path):
        self.dir = Path(directory)
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise UsageError(f"cannot create the shard directory {self.dir}: {e.strerror or e}") from None
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
        self.run = f"{stamp}-{secrets.token_hex(4)}"  # unique per run, also across machines
        self.seq = 0

    def write(self, pairs: Pairs) -> Path | None:
        """One shard with these pairs, in order; returns its path (None for no pairs)."""
        if not pairs:
            return None
        self.seq += 1
        path = self.dir / f"shard-{self.run}-{self.seq:06d}{SUFFIX}"
        tmp = self.dir / f".{path.name}.tmp"
        table = pa.Table.from_pylist([_row(a, r) for a, r in pairs], schema=SCHEMA)
        try:
            pq.write_table(table, tmp, compression="zstd")
            os.replace(tmp, path)  # atomic on one file system: the shard appears whole or not at all
        except OSError as e:
            tmp.unlink(missing_ok=True)
            raise StoreError(f"cannot write the shard {path}: {e.strerror or e}") from None
        return path

    def known_ids(self) -> set[str]:
        """Ids already in this directory's shards, so a re-run skips them (damaged shards: none)."""
        ids: set[str] = set()
        for path in shard_paths(self.dir):
            try:
                ids.update(pq.read_table(path, columns=["id"]).column("id").to_pylist())
            except (OSError, pa.ArrowException):
                continue  # its articles are extracted again; `load` reports the damaged file
        return ids


def _row(article: Article, result: ArticleResult) -> dict:
    return {
        "id": article.id,
        "url": article.url,
        "published": article.published,
        "article": json.dumps(article.to_dict(), ensure_ascii=False),
        "result": json.dumps(result.to_dict(), ensure_ascii=False),
    }


def shard_paths(directory: str | Path) -> list[Path]:
    """The complete shards of a directory, in writing order (temporary files are hidden)."""
    d = Path(directory)
    if not d.is_dir():
        raise UsageError(f"{d} is not a directory of shards")
    return sorted(p for p in d.glob(f"*{SUFFIX}") if not p.name.startswith(".") and p.is_file())


def read_shard(path: str | Path) -> Pairs:
    """All pairs of one shard, or ShardError naming the file; never a part of a damaged shard."""
    path = Path(path)
    try:
        table = pq.read_table(path)
    except (OSError, pa.ArrowException) as e:
        raise ShardError(str(path), f"not a readable Parquet shard ({e})") from None
    meta = table.schema.metadata or {}
    if meta.get(b"newsledger") != FORMAT.encode():
        raise ShardError(str(path), f"not a newsledger shard (expected format {FORMAT})")
    try:
        pairs = []
        for row in table.select(["article", "result"]).to_pylist():
            article = Article.from_dict(json.loads(row["article"]))
            result = ArticleResult.from_dict(json.loads(row["result"]))
            if article.id != result.id:
                raise ValueError(f"article {article.id} holds the result of {result.id}")
            pairs.append((article, result))
    except (KeyError, TypeError, ValueError, AttributeError, pa.ArrowException) as e:
        raise ShardError(str(path), f"damaged shard ({type(e).__name__}: {e})") from None
    return pairs


class ShardSink:
    """A shard directory as the ingest loop's sink (engines/loop.py): one shard per batch; ids
    already in the directory's shards are skipped, so an interrupted run can be run again."""

    def __init__(self, writer: ShardWriter):
        self.writer = writer
        self.stored = writer.known_ids()

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        return self.stored.intersection(ids)

    def add(self, pairs: Pairs) -> list[str]:
        self.writer.write(pairs)
        return [a.id for a, _ in pairs]

    def batch_done(self, articles: list[Article]) -> None:
        """Nothing to link: shards hold results, links are made when they are loaded."""

    def finish(self, summary: IngestSummary) -> None:
        """Nothing to record: a shard directory keeps no run history."""


def extract_to_shards(
    items: Iterable[Article | InputError],
    directory: str | Path,
    *,
    published: str | None = None,
    batch_size: int = 32,
    model: str | None = None,
    engine: str = "local",
    workers: int = 1,
    address: str | None = None,
    on_error: Callable[[InputError], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
    extractor: Extractor | Callable[[], Extractor] | None = None,
) -> IngestSummary:
    """Extract articles with an engine and write one shard per batch; no database is opened.

    Articles already in the directory's shards (or repeated in this run) are skipped, so an
    interrupted run can simply be run again. `extractor`: an Extractor already built (or a
    function returning one), for in-process extraction (workers=1). Returns an IngestSummary.
    """
    parse_date(published, "--published")
    sink = ShardSink(ShardWriter(directory))
    get_extractor = extractor if callable(extractor) else (lambda: extractor) if extractor else None
    with make_engine(engine, workers=workers, model=model, address=address, get_extractor=get_extractor) as engine_:
        return run(
            items, engine_, sink, published=published, batch_size=batch_size, on_error=on_error, on_progress=on_progress
        )


def _stored_results(paths: list[Path]) -> Iterator[Extracted | ShardError]:
    for path in paths:
        try:
            pairs = read_shard(path)
        except ShardError as e:
            yield e
            continue
        for article, result in pairs:
            yield Extracted(article, result)


def load_shards(
    ledger,
    directory: str | Path,
    *,
    on_error: Callable[[InputError], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
    batch_size: int = 32,
) -> IngestSummary:
    """Store every shard of `directory` in the ledger through the ingest loop (one transaction
    per batch, linked after each), without extracting anything again.

    Idempotent: articles already stored are skipped (loading twice stores nothing twice). A
    damaged shard is reported through `on_error` (a ShardError naming the file), counted as a
    failed input, and the other shards still load. Returns an IngestSummary.
    """
    paths = shard_paths(directory)  # a missing directory is a usage error before anything runs
    return run(
        _stored_results(paths),
        None,
        StoreSink(ledger.store),
        batch_size=batch_size,
        on_error=on_error,
        on_progress=on_progress,
    )
