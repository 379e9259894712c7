"""Where the ingest fixtures live (see tests/fixtures/ingest/make_warc.py for the binary ones)."""

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"
