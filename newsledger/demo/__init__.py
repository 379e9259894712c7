"""A small demo corpus written for newsledger (illustrative reports, not real articles)."""

from pathlib import Path

DEMO_DIR = Path(__file__).resolve().parent / "articles"
