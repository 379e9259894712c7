"""Article-body extraction quality of newsledger.ingest's HTML reader.

Usage: python benchmarks/ingest_html.py PATH/TO/news-html [--limit N]

PATH holds html/<key>.html.gz and ground-truth.json ({key: {"articleBody": ..., "url": ...}}),
the layout of the article-extraction-benchmark. Like that benchmark, bodies are compared as
bags of 4-token shingles (tokens = \\w+ runs); precision and recall are computed per page and
averaged over pages, and F1 is the harmonic mean of the averages. A page where the reader
yields an error counts as empty output.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from newsledger.errors import InputError
from newsledger.ingest.html import html_article

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str, n: int = SHINGLE) -> Counter:
    tokens = _TOKEN.findall(text or "")
    n = max(1, min(n, len(tokens)))
    return Counter(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def precision_recall(gold: str, pred: str) -> tuple[float, float]:
    """Shingle precision and recall of one page (both 1.0 when both are empty)."""
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    precision = tp / sum(p.values()) if p else (1.0 if not g else 0.0)
    recall = tp / sum(g.values()) if g else 1.0
    return precision, recall


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path, help="folder with html/ and ground-truth.json")
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages")
    args = ap.parse_args(argv)
    truth = json.loads((args.path / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[: args.limit or None]
    precisions, recalls, errors = [], [], 0
    started = time.perf_counter()
    for key in keys:
        page = args.path / "html" / f"{key}.html.gz"
        try:
            text = html_article(gzip.decompress(page.read_bytes()), str(page)).text
        except InputError:
            text, errors = "", errors + 1
        p, r = precision_recall(truth[key].get("articleBody", ""), text)
        precisions.append(p)
        recalls.append(r)
    seconds = time.perf_counter() - started
    precision, recall = sum(precisions) / len(keys), sum(recalls) / len(keys)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(
        f"pages {len(keys)}  errors {errors}  precision {precision:.3f}  recall {recall:.3f}  "
        f"F1 {f1:.3f}  ({seconds:.1f} s, {len(keys) / seconds:.1f} pages/s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
