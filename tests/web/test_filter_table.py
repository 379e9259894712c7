"""Filters declared once (newsledger.store.filters): every row is a CLI option, an API query parameter,
a page form field and a query condition; a bad value is one clear error on each surface."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsledger.store.filters import of_kind

COMMANDS = {
    "events": ("events", "merged_events"),
    "statements": ("statements",),
    "figures": ("figures", "figure_series"),
    "actors": ("actors",),
    "articles": ("articles",),
}
ENDPOINTS = {
    "/api/articles": "articles",
    "/api/events": "events",
    "/api/statements": "statements",
    "/api/figures": "figures",
    "/api/figures/series": "figure_series",
    "/api/actors": "actors",
    "/api/places": "places",
    "/api/merged-events": "merged_events",
}
PAGES = {
    "/events": "events",
    "/map": "events",
    "/articles": "articles",
    "/actors": "actors",
    "/places": "places",
    "/figures": "figures",
    "/figures/series": "figure_series",
    "/merged-events": "merged_events",
}
ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str):
    from newsledger.cli import app

    return CliRunner().invoke(app, list(args))


@pytest.mark.parametrize("command, kinds", COMMANDS.items())
def test_every_filter_is_an_option_of_its_command(command, kinds):
    shown = cli(command, "--help").output
    for f in of_kind(*kinds):
        assert re.search(rf"{f.cli_option}\b", shown), (command, f.cli_option)


@pytest.mark.parametrize("path, kind", ENDPOINTS.items())
def test_every_filter_is_a_parameter_of_its_endpoint(client, path, kind):
    params = {p["name"]: p for p in client.get("/openapi.json").json()["paths"][path]["get"]["parameters"]}
    assert set(params) - {"limit", "offset", "sort", "facets", "format"} == {f.name for f in of_kind(kind)}
    for f in of_kind(kind):
        assert params[f.name]["in"] == "query" and params[f.name]["description"] == f.help


@pytest.mark.parametrize("path, kind", PAGES.items())
def test_every_form_filter_is_a_field_of_its_page(client, path, kind):
    form = client.get(path).text.split('<form class="filters"')[1].split("</form>")[0]
    for f in of_kind(kind):
        assert (f' name="{f.name}"' in form) == f.form, (path, f.name)


def test_the_forms_keep_what_was_asked(client):
    form = client.get("/events", params={"type": "assault", "mode": "Planned", "include_duplicates": "true"}).text
    assert '<option value="ASSAULT" selected>' in form  # type is a select of the PLOVER types
    assert '<option value="planned" selected>' in form  # read as the query reads it
    assert re.search(r'name="include_duplicates" value="true" checked', form)


def test_the_drift_is_gone(client, web_ledger):
    """Same values, same rows on every surface: case, country codes of either width, --place in the CLI."""
    api = client.get("/api/events", params={"country": "KP", "type": "mobilize", "limit": 500}).json()["items"]
    assert api and api == web_ledger.events(country="PRK", type="MOBILIZE", limit=500)
    out = cli("events", "--db", web_ledger.db, "--json", "--country", "kp", "--type", "Mobilize", "--limit", "500")
    assert out.exit_code == 0, out.output
    assert [(e["article_id"], e["id"]) for e in json.loads(out.output)] == [(e["article_id"], e["id"]) for e in api]
    at = cli("events", "--db", web_ledger.db, "--json", "--place", "russia")
    assert at.exit_code == 0 and json.loads(at.output)
    assert all("russia" in e["place_name"].lower() for e in json.loads(at.output))
    assert client.get("/api/places", params={"country": "RUS"}).json()["items"] == web_ledger.places(country="RU")


@pytest.mark.parametrize(
    "filter_, value, words",
    [
        ("since", "2024-13-01", ["since", "2024-13-01", "month 13"]),
        ("until", "yesterday", ["until", "yesterday", "YYYY-MM-DD"]),
        ("type", "AS\x01SAULT", ["type", "control character U+0001"]),
    ],
)
def test_a_bad_value_is_one_clear_error_everywhere(client, filter_, value, words):
    out = cli("events", "--db", "/nonexistent/ledger.db", f"--{filter_}", value)
    assert out.exit_code == 2
    lines = out.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: --{filter_} ")
    api = client.get("/api/events", params={filter_: value})
    assert api.status_code == 400 and api.json()["error"] == "bad_parameter" and api.json()["parameter"] == filter_
    page = client.get("/events", params={filter_: value})
    assert page.status_code == 400 and page.headers["content-type"].startswith("text/html")
    for word in words:
        assert word in lines[0] and word in api.json()["message"]
    assert words[-1] in page.text


def test_a_count_below_its_minimum_is_refused_by_the_option_and_the_parameter(client):
    out = cli("events", "--merged", "--min-reports", "0")
    assert out.exit_code == 2 and "--min-reports" in out.output
    assert client.get("/api/merged-events", params={"min_reports": 0}).status_code == 422
    assert cli("events", "--mode", "actual", "--merged").output.strip() == "error: --mode cannot be used with --merged"


ONE_MORE_ROW = textwrap.dedent("""
    import json, sys
    from newsledger.store import filters
    from newsledger.store.filtering import Filter, Text
    filters.FILTERS += (Filter("trigger", Text(), "contains", {"events": ("trigger_text",)},
                               "The trigger contains this."),)

    from fastapi.testclient import TestClient
    from typer.testing import CliRunner
    from newsledger import Ledger
    from newsledger.cli import app
    from newsledger.web import create_app
    from tests.store import samples

    with Ledger(sys.argv[1]) as ledger:
        ledger.store.add(samples.all_pairs())
        found = {"store": [e["id"] for e in ledger.events(trigger="shell")]}
        runner = CliRunner()
        found["help"] = "--trigger" in runner.invoke(app, ["events", "--help"]).output
        out = runner.invoke(app, ["events", "--db", sys.argv[1], "--json", "--trigger", "shell"]).output
        found["cli"] = [e["id"] for e in json.loads(out)]
        with TestClient(create_app(ledger=ledger)) as c:
            params = c.get("/openapi.json").json()["paths"]["/api/events"]["get"]["parameters"]
            found["openapi"] = "trigger" in [p["name"] for p in params]
            found["api"] = [e["id"] for e in c.get("/api/events", params={"trigger": "shell"}).json()["items"]]
            found["form"] = 'name="trigger"' in c.get("/events").text
            found["page"] = c.get("/events", params={"trigger": "shell"}).text.count('class="event-link"')
    print(json.dumps(found))
""")


def test_a_filter_added_as_one_row_is_everywhere(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-c", ONE_MORE_ROW, str(tmp_path / "l.db")],
        capture_output=True,
        cwd=ROOT,
        timeout=600,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    found = json.loads(proc.stdout.decode().strip().splitlines()[-1])
    assert found == {
        "store": ["e1"],
        "help": True,
        "cli": ["e1"],
        "openapi": True,
        "api": ["e1"],
        "form": True,
        "page": 1,
    }
