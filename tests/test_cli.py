"""End to end through the command: demo corpus, bad inputs, extract contract, queries, export.

The commands run in this process (tests/cli_run.py: same arguments, stdin, exit code and output
as `python -m newsledger`) against a real SQLite file, sharing one loaded pipeline. Two tests
start a real process: the exit codes of the real command, and import-geonames, whose new place
index a fresh process reads at start (the gazetteer is loaded once per process).
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import jsonschema
import pyarrow.parquet as pq
import pytest

from newsledger.contract import problems, schema
from newsledger.demo import DEMO_DIR

from .cli_run import run_cli

DEMO_ARTICLES = 6  # 1 HTML page + 2 RSS items + 1 Atom entry + 2 JSON lines


def run(*args, input: bytes | None = None):
    return run_cli(*args, input=input)


def run_process(*args, input: bytes | None = None, env: dict | None = None):
    return subprocess.run(
        [sys.executable, "-m", "newsledger", *args], input=input, capture_output=True, env=env, timeout=600
    )


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory, extractor):
    db = tmp_path_factory.mktemp("demo") / "ledger.db"
    proc = run("demo", "--db", str(db))
    assert proc.returncode == 0, proc.stderr.decode()
    return db, proc


def stats(db) -> dict:
    proc = run("stats", "--db", str(db), "--json")
    assert proc.returncode == 0, proc.stderr.decode()
    return json.loads(proc.stdout)


def query(db, kind, *args) -> list[dict]:
    proc = run(kind, "--db", str(db), "--json", *args)
    assert proc.returncode == 0, proc.stderr.decode()
    return json.loads(proc.stdout)


def test_demo_fills_the_ledger_and_reports_it(demo_db):
    db, proc = demo_db
    s = stats(db)
    assert s["articles"] == DEMO_ARTICLES
    for kind in ("actors", "places", "times", "figures", "statements", "events"):
        assert s[kind] > 0, kind
    assert s["last_ingest"]["failed"] == 0
    shown = proc.stdout.decode()
    assert "ASSAULT" in shown and "says who" in shown


def test_demo_again_changes_nothing(demo_db):
    db, _ = demo_db
    before = stats(db)
    proc = run("demo", "--db", str(db))
    assert proc.returncode == 0
    assert "0 added" in proc.stderr.decode()
    after = stats(db)
    assert {k: v for k, v in after.items() if k != "last_ingest"} == {
        k: v for k, v in before.items() if k != "last_ingest"
    }


def test_queries_filter(demo_db):
    db, _ = demo_db
    assaults = query(db, "events", "--type", "assault")
    assert assaults and all(e["type"] == "ASSAULT" for e in assaults)
    assert all(e["article_id"] and e["trigger"]["text"] for e in assaults)
    rus = query(db, "events", "--country", "RUS")
    assert rus and all("RUS" in (e.get("actor_country"), e.get("recipient_country")) for e in rus)
    late = query(db, "articles", "--since", "2024-12-10")
    assert late and all(a["published"] >= "2024-12-10" for a in late)
    assert len(query(db, "articles", "--limit", "2")) == 2
    killed = query(db, "figures", "--about", "soldiers")
    assert any(f["value"] == 12 and f["bound"] == ">=" for f in killed)
    said = query(db, "statements", "--text", "ceasefire")
    assert all("ceasefire" in json.dumps(s).lower() for s in said)
    actors = query(db, "actors", "--country", "UKR")
    assert actors and all(a["country"] == "UKR" for a in actors)


def test_injection_in_a_filter_is_just_text(demo_db):
    db, _ = demo_db
    assert query(db, "events", "--text", "x' OR '1'='1") == []
    assert stats(db)["articles"] == DEMO_ARTICLES


def test_export_three_formats(demo_db, tmp_path):
    db, _ = demo_db
    proc = run("export", "--db", str(db), "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr.decode()
    lines = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert len(lines) == DEMO_ARTICLES
    for line in lines:
        jsonschema.validate(line, schema())
    proc = run("export", "--db", str(db), "--format", "csv", "--kind", "events")
    rows = list(csv.DictReader(io.StringIO(proc.stdout.decode())))
    assert rows and {"type", "article_id"} <= set(rows[0])
    out = tmp_path / "figures.parquet"
    proc = run("export", "--db", str(db), "--format", "parquet", "--kind", "figures", "-o", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    assert pq.read_table(out).num_rows == stats(db)["figures"]


def test_export_geojson_acled_plover(demo_db, tmp_path):
    """The CLI takes every format export.FORMATS knows; ACLED rows carry ACLED's header."""
    db, _ = demo_db
    out = tmp_path / "places.geojson"
    proc = run("export", "--db", str(db), "--format", "geojson", "--kind", "places", "-o", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    fc = json.loads(out.read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection" and fc["features"]
    proc = run("export", "--db", str(db), "--format", "acled")
    assert proc.returncode == 0, proc.stderr.decode()
    header = next(csv.reader(io.StringIO(proc.stdout.decode())))
    assert (
        header[:7]
        == ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type"]
        and header[-1] == "timestamp"
    )
    proc = run("export", "--db", str(db), "--format", "plover")
    assert proc.returncode == 0, proc.stderr.decode()
    assert all(json.loads(x)["event"] for x in proc.stdout.decode().splitlines())


def test_ingest_reports_bad_inputs_and_keeps_good_ones(tmp_path, extractor):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(
        "Rebels attacked a convoy near Goma on Friday, killing three soldiers, the army said.\n"
    )
    (tmp_path / "in" / "junk.bin").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "in" / "lines.jsonl").write_text(
        '{"id": "ok", "text": "Police arrested 40 protesters in Lagos, officials said."}\n{not json\n'
    )
    db = tmp_path / "l.db"
    proc = run("ingest", str(tmp_path / "in"), "--db", str(db), "--published", "2024-05-03")
    err = proc.stderr.decode()
    assert proc.returncode == 1, err
    assert "junk.bin" in err and "lines.jsonl" in err and "line 2" in err
    s = stats(db)
    assert s["articles"] == 2 and s["last_ingest"]["failed"] == 2
    again = run("ingest", str(tmp_path / "in"), "--db", str(db))
    assert again.returncode == 1 and stats(db)["articles"] == 2


def test_ingest_from_stdin(tmp_path, extractor):
    db = tmp_path / "l.db"
    text = b"Protesters marched through Nairobi on Tuesday against a new finance bill, police said.\n"
    proc = run("ingest", "--db", str(db), "-", input=text)
    assert proc.returncode == 0, proc.stderr.decode()
    assert stats(db)["articles"] == 1


def test_extract_keeps_ids_order_and_contract(tmp_path, extractor):
    items = [
        {"id": "b", "text": "Iran denied sending drones to Russia, the foreign ministry said on Monday."},
        {
            "id": "a",
            "text": "At least 12 soldiers were killed in an attack in Mali last week.",
            "published": "2024-12-02",
        },
        {"id": "c", "text": ""},
    ]
    data = "".join(json.dumps(i) + "\n" for i in items).encode()
    proc = run("extract", "--published", "2024-06-01", input=data)
    out = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert [o["id"] for o in out] == ["b", "a"]
    assert proc.returncode == 1 and "line 3" in proc.stderr.decode()
    assert out[0]["published"] == "2024-06-01" and out[1]["published"] == "2024-12-02"
    for o, item in zip(out, items):
        jsonschema.validate(o, schema())
        assert problems(o, item["text"]) == []
    weeks = [t for t in out[1]["times"] if t["text"] == "last week"]
    assert weeks and weeks[0]["value"] and weeks[0]["value"].startswith("2024")


def test_usage_errors_exit_2(tmp_path):
    run = run_process  # the real command's exit codes
    assert run("ingest", "--db", str(tmp_path / "x.db"), "--published", "yesterday", str(DEMO_DIR)).returncode == 2
    assert run("events", "--db", str(tmp_path / "x.db"), "--limit", "0").returncode == 2
    bad = run("events", "--db", str(tmp_path / "x.db"), "--since", "2024-13-01")
    assert bad.returncode == 2 and "--since '2024-13-01': no month 13" in bad.stderr.decode()
    assert run("export", "--db", str(tmp_path / "x.db"), "--format", "xml").returncode == 2
    assert run("stats", "--db", str(tmp_path / "no" / "such" / "dir" / "x.db")).returncode == 2


def test_missing_model_says_what_to_do():
    proc = run("extract", "--model", "no_such_spacy_model", input=b'{"id": "1", "text": "x"}\n')
    assert proc.returncode == 2
    assert "pip install" in proc.stderr.decode()


def test_import_geonames_adds_a_village(tmp_path):
    # One GeoNames row (tab-separated, 19 columns) for a village the bundled gazetteer lacks.
    row = [
        "9999001",
        "Zlatovrakovo",
        "Zlatovrakovo",
        "",
        "51.5",
        "35.5",
        "P",
        "PPL",
        "RU",
        "",
        "41",
        "",
        "",
        "",
        "120",
        "",
        "180",
        "Europe/Moscow",
        "2024-01-01",
    ]
    dump = tmp_path / "RU.txt"
    dump.write_text("\t".join(row) + "\n", encoding="utf-8")
    env = {**__import__("os").environ, "NEWSLEDGER_HOME": str(tmp_path / "home")}
    proc = run_process("import-geonames", str(dump), env=env)
    assert proc.returncode == 0, proc.stderr.decode()
    text = "Russian troops shelled Zlatovrakovo on Monday, the governor said."
    data = json.dumps({"id": "v", "text": text}).encode() + b"\n"
    proc = run_process("extract", input=data, env=env)
    places = json.loads(proc.stdout)["places"]
    assert any(p["geonameid"] == 9999001 and abs(p["lat"] - 51.5) < 0.01 for p in places), places
    missing = run("import-geonames", str(tmp_path / "nope.txt"))
    assert missing.returncode == 1 and "nope.txt" in missing.stderr.decode()
