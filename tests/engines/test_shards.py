"""Parquet shards: results round trip exactly; `load` builds the ledger `ingest` builds, idempotently,
and reports a damaged shard by name while the others still load."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from newsledger.api import Ledger
from newsledger.demo import DEMO_DIR
from newsledger.errors import InputError, UsageError
from newsledger.ingest import read_inputs
from newsledger.records import Article, ArticleResult
from newsledger.shards import ShardError, ShardWriter, extract_to_shards, read_shard, shard_paths
from newsledger.store import open_store

from ..cli_run import run_cli


def demo_articles() -> list[Article]:
    items = list(read_inputs([str(DEMO_DIR)]))
    assert items and all(isinstance(a, Article) for a in items)
    return items


def ledger_contents(db: str):
    """Every stored article (without its storage time) with its full result, and the counts."""
    with open_store(db) as store:
        pairs = sorted(store.result_dicts(), key=lambda pair: pair[0]["id"])
        stats = {k: v for k, v in store.stats().items() if "ingest" not in k}
    return [({k: v for k, v in a.items() if k != "added"}, r) for a, r in pairs], stats


@pytest.fixture(scope="module")
def pairs(extractor):
    return list(extractor.pipe(demo_articles()))


@pytest.fixture(scope="module")
def direct_ledger(tmp_path_factory, extractor):
    """The reference: the demo articles ingested straight into a ledger, in this process."""
    db = str(tmp_path_factory.mktemp("direct") / "direct.db")
    with Ledger(db, extractor=extractor) as ledger:
        ledger.ingest([str(DEMO_DIR)], batch_size=4)
    return ledger_contents(db)


def test_a_shard_round_trips_articles_and_results_exactly(pairs, tmp_path):
    path = ShardWriter(tmp_path).write(pairs)
    back = read_shard(path)
    assert back == pairs  # dataclass equality, field by field
    assert [r.to_dict() for _, r in back] == [r.to_dict() for _, r in pairs]
    assert all(isinstance(a, Article) and isinstance(r, ArticleResult) for a, r in back)
    # the records are real, so the comparison is not between empty results
    assert sum(len(r.events) for _, r in pairs) >= 3 and sum(len(r.statements) for _, r in pairs) >= 3
    table = pq.read_table(path)
    assert table.column("id").to_pylist() == [a.id for a, _ in pairs]
    assert table.column("published").to_pylist() == [a.published for a, _ in pairs]


def test_shards_appear_whole_under_sorted_names(pairs, tmp_path):
    writer = ShardWriter(tmp_path)
    first, second = writer.write(pairs[:2]), writer.write(pairs[2:])
    assert writer.write([]) is None
    assert shard_paths(tmp_path) == [first, second]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left
    (tmp_path / f".{first.name}.tmp").write_bytes(b"half a file")  # a writer still at work
    assert shard_paths(tmp_path) == [first, second]
    assert writer.known_ids() == {a.id for a, _ in pairs}


def test_ingest_to_shards_then_load_gives_the_ingested_ledger(direct_ledger, tmp_path, extractor):
    summary = extract_to_shards(read_inputs([str(DEMO_DIR)]), tmp_path / "shards", batch_size=4, extractor=extractor)
    assert summary.added == 6 and summary.failed == 0
    assert len(shard_paths(tmp_path / "shards")) == 2  # one shard per batch
    db = str(tmp_path / "loaded.db")
    with Ledger(db) as ledger:
        first = ledger.load(tmp_path / "shards")
        assert (first.added, first.skipped, first.failed) == (6, 0, 0)
        loaded_once = ledger_contents(db)
        again = ledger.load(tmp_path / "shards")  # idempotent
        assert (again.added, again.skipped, again.failed) == (0, 6, 0)
    assert loaded_once == direct_ledger
    assert ledger_contents(db) == direct_ledger


def test_a_rerun_into_the_same_directory_extracts_nothing_again(tmp_path, extractor):
    extract_to_shards(read_inputs([str(DEMO_DIR)]), tmp_path, batch_size=4, extractor=extractor)
    before = shard_paths(tmp_path)
    summary = extract_to_shards(read_inputs([str(DEMO_DIR)]), tmp_path, batch_size=4, extractor=extractor)
    assert (summary.added, summary.skipped) == (0, 6)
    assert shard_paths(tmp_path) == before


def test_a_damaged_shard_is_named_and_the_others_load(pairs, tmp_path):
    shards = tmp_path / "shards"
    writer = ShardWriter(shards)
    good = writer.write(pairs[:3])
    cut = writer.write(pairs[3:5])
    cut.write_bytes(cut.read_bytes()[: cut.stat().st_size // 2])  # truncated copy
    (shards / "shard-zz-not-parquet.parquet").write_text("not parquet at all")
    last = writer.write(pairs[5:])
    reported: list[InputError] = []
    with Ledger(str(tmp_path / "l.db")) as ledger:
        summary = ledger.load(shards, on_error=reported.append)
        stored = {row["id"] for row in ledger.articles(limit=100)}
    assert sorted(str(e.input) for e in reported) == sorted([str(cut), str(shards / "shard-zz-not-parquet.parquet")])
    assert all(isinstance(e, ShardError) for e in reported)
    assert summary.failed == 2 and summary.added == 4
    assert stored == {a.id for a, _ in read_shard(good) + read_shard(last)}
    with pytest.raises(ShardError, match="shard-zz-not-parquet"):
        read_shard(shards / "shard-zz-not-parquet.parquet")


def test_a_parquet_file_that_is_not_a_shard_is_refused(tmp_path):
    import pyarrow as pa

    pq.write_table(pa.table({"id": ["x"]}), tmp_path / "other.parquet")
    with pytest.raises(ShardError, match="not a newsledger shard"):
        read_shard(tmp_path / "other.parquet")


def test_loading_a_missing_directory_is_a_usage_error(tmp_path):
    with Ledger(str(tmp_path / "l.db")) as ledger, pytest.raises(UsageError, match="not a directory"):
        ledger.load(tmp_path / "nowhere")


def _cli(*args):
    return run_cli(*args)  # in this process, with the session's pipeline (tests/cli_run.py)


def test_cli_ingest_shards_and_load(direct_ledger, tmp_path, extractor):
    shards, db = tmp_path / "shards", str(tmp_path / "cli.db")
    proc = _cli(
        "ingest", "--shards", str(shards), "--batch-size", "4", "--db", str(tmp_path / "unused.db"), str(DEMO_DIR)
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert not (tmp_path / "unused.db").exists()  # no database was opened
    bad = shards / "shard-zz-damaged.parquet"
    bad.write_bytes(b"PAR1 damaged")
    proc = _cli("load", str(shards), "--db", db)
    assert proc.returncode == 1  # one input failed
    assert "shard-zz-damaged.parquet" in proc.stderr.decode().replace("\n", "")
    assert ledger_contents(db) == direct_ledger
