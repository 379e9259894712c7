"""The bad-input corpus: small files from tests/fixtures (bad/ and ingest/) plus big or deep ones
generated on the spot (never committed). Shared by the tests and benchmarks/robustness.py.

Each entry says what the ingest must do with the file: store N articles, report it as a failed
input (with a word the reason must contain), or both (JSONL with good and bad lines).
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
BAD = FIXTURES / "bad"
INGEST = FIXTURES / "ingest"

# Reused from tests/fixtures/ingest: hostile or broken inputs that already exist there.
REUSED = [
    "truncated.html.gz",
    "truncated.warc.gz",
    "feed_billion_laughs.xml",
    "feed_xxe.xml",
    "feed_broken.xml",
    "junk.bin",
    "empty.txt",
    "page_cp1251.html",
]

SECRET = "XXE-SECRET-MARKER"  # in tests/fixtures/ingest/xxe_secret.txt; must never be stored


@dataclass
class Expect:
    stored: int = 0  # articles stored from this file (a repeat is stored once)
    errors: int = 0  # failed inputs it must report (one line each)
    reason: str = ""  # a word (lower case) every error line for it contains
    texts: list[str] = field(default_factory=list)  # phrases the stored text must contain


EXPECT: dict[str, Expect] = {
    # reused from tests/fixtures/ingest
    "truncated.html.gz": Expect(errors=1, reason="truncated"),
    # two pages before the cut; the second is page_cp1251.html again (stored once, under that file)
    "truncated.warc.gz": Expect(stored=1, errors=1, reason="truncated", texts=["Freedonia moves troops"]),
    "feed_billion_laughs.xml": Expect(stored=1, texts=["ships could sail again"]),
    "feed_xxe.xml": Expect(stored=1, texts=["town council met on Monday"]),
    "feed_broken.xml": Expect(errors=1, reason="feed"),
    "junk.bin": Expect(errors=1, reason="binary"),
    "empty.txt": Expect(errors=1, reason="empty"),
    "page_cp1251.html": Expect(stored=1),
    # tests/fixtures/bad
    "empty.jsonl": Expect(errors=1, reason="empty"),
    "whitespace.txt": Expect(errors=1, reason="empty"),
    "image.png": Expect(errors=1, reason="binary"),
    "truncated.warc": Expect(errors=1, reason="truncated"),
    "invalid_utf8.txt": Expect(stored=1, texts=["23 people were missing", "more rain was expected"]),
    "page_shift_jis.html": Expect(stored=1, texts=["東京", "14 vessels"]),
    "page_cp1251_as_utf8.html": Expect(stored=1, texts=["Тверь", "7 человек"]),
    "page_latin1_as_utf8.html": Expect(stored=1, texts=["São Tomé", "José Álvarez"]),
    "mixed_lines.jsonl": Expect(stored=2, errors=6, reason="line"),
    "feed_xxe_parameter.xml": Expect(stored=1, texts=["Dock workers in Port Amber"]),
    "feed_quadratic_blowup.xml": Expect(stored=1, texts=["The harbour reopened on Thursday"]),
    # generated
    "huge_50mb.html": Expect(errors=1, reason="too large"),
    # libxml2 stops at depth 256; the page is parsed again with the nesting cut (issue #20 item 9)
    "nested_100k_divs.html": Expect(stored=1, texts=["3,000 residents were allowed to return home"]),
    "jsonl_20mb_line.jsonl": Expect(stored=2, errors=1, reason="longer than"),
    "good.jsonl": Expect(stored=3),
    "deep_nested.jsonl": Expect(
        stored=1, errors=1, reason="nested too deeply", texts=["after a line nested 100,000 deep"]
    ),
}

GOOD_TEXTS = [
    "The interior ministry of Valdoria said on Tuesday that 40 people had been detained after clashes in the capital.",
    "Aid agencies delivered food to 12,000 families in the northern province, the United Nations said on Friday.",
    "Freedonia's army said it had shot down two drones near the border town of Elmsford overnight.",
]

LONG_LINE_NEIGHBOURS = [
    "Firefighters in Lake Orin said on Saturday that a blaze at a fuel depot had been contained.",
    "The port authority of Caspara said 9 ships were waiting to unload after a strike by crane operators.",
]


def _huge_html(path: Path, size: int = 50 * 1024 * 1024) -> None:
    """~50 MB of real-looking paragraphs, written in pieces so the test itself stays small."""
    para = (
        b"<p>Officials in the coastal city said on Monday that repairs to the harbour wall would take "
        b"several months, and that 120 workers had been hired for the job.</p>\n"
    )
    with path.open("wb") as fh:
        fh.write(b"<html><head><title>Huge page</title></head><body><article>\n")
        block = para * 1000
        written = 0
        while written < size:
            fh.write(block)
            written += len(block)
        fh.write(b"</article></body></html>\n")


def _nested_html(path: Path, depth: int = 100_000) -> None:
    body = (
        "<p>Inspectors found the dam intact after the earthquake on Sunday, the water authority "
        "said, and 3,000 residents were allowed to return home.</p>"
    )
    path.write_text(
        "<html><head><title>Deep page</title></head><body>"
        + "<div>" * depth
        + body
        + "</div>" * depth
        + "</body></html>",
        encoding="utf-8",
    )


def _long_line_jsonl(path: Path, size: int = 20 * 1024 * 1024 + 100) -> None:
    with path.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "before", "text": LONG_LINE_NEIGHBOURS[0]}) + "\n")
        fh.write('{"id": "huge", "text": "' + "word " * (size // 5) + '"}\n')
        fh.write(json.dumps({"id": "after", "text": LONG_LINE_NEIGHBOURS[1]}) + "\n")


def build_corpus(directory: Path, *, big: bool = True) -> dict[str, Expect]:
    """Fill `directory` with the corpus; returns {file name: what must happen}. big=False leaves
    out the 50 MB page and the 20 MB line (for quick runs)."""
    directory.mkdir(parents=True, exist_ok=True)
    for name in REUSED:
        shutil.copy(INGEST / name, directory / name)
    # feed_xxe.xml names xxe_secret.txt by a relative path: put it in the folder above (the ingest
    # runs there), so a resolved entity would have something to leak.
    shutil.copy(INGEST / "xxe_secret.txt", directory.parent / "xxe_secret.txt")
    for path in BAD.iterdir():
        if path.is_file():
            shutil.copy(path, directory / path.name)
    _nested_html(directory / "nested_100k_divs.html")
    (directory / "good.jsonl").write_text(
        "".join(json.dumps({"id": f"g{i}", "text": t}) + "\n" for i, t in enumerate(GOOD_TEXTS)), encoding="utf-8"
    )
    (directory / "deep_nested.jsonl").write_text(  # json.loads recurses: RecursionError, not ValueError
        '{"id": "deep", "text": "x", "n": '
        + "[" * 100_000
        + "]" * 100_000
        + "}\n"
        + json.dumps({"id": "ok", "text": "Officials said the bridge reopened after a line nested 100,000 deep."})
        + "\n",
        encoding="utf-8",
    )
    expect = dict(EXPECT)
    if big:
        _huge_html(directory / "huge_50mb.html")
        _long_line_jsonl(directory / "jsonl_20mb_line.jsonl")
    else:
        del expect["huge_50mb.html"], expect["jsonl_20mb_line.jsonl"]
    return expect
