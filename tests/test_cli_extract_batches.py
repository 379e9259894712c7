"""`newsledger extract` parses articles in batches: a batch with one line the pipeline cannot
take still writes every other line's result, in order, and reports the bad one."""

from __future__ import annotations

import io
import json

from spacy.language import Language

from newsledger.api import Extractor
from newsledger.cli_extract import BATCH, extract_lines
from newsledger.records import Article


@Language.component("test_fails_on_boom")
def _fails_on_boom(doc):
    if "BOOM" in doc.text:
        raise ValueError("cannot take this text")
    return doc


def test_a_failing_line_loses_only_itself():
    ex = Extractor()
    ex.nlp.add_pipe("test_fails_on_boom", first=True)
    texts = [f"Officials in Kyiv said {i} people were hurt on Monday." for i in range(BATCH + 3)]
    texts[2] = "BOOM in Kyiv."
    articles = [Article(text=t, id=f"a{i}") for i, t in enumerate(texts)]
    sink, problems = io.StringIO(), []
    written = extract_lines(ex, iter(articles), sink, None, problems.append)
    ids = [json.loads(line)["id"] for line in sink.getvalue().splitlines()]
    assert written == len(texts) - 1 and ids == [a.id for a in articles if a.id != "a2"]
    assert len(problems) == 1 and "extraction failed" in problems[0].reason
