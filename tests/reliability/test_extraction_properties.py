"""Property-based tests over the whole extraction (the full pipeline, every extractor): for any
text — random Unicode, or text built from news-like pieces — extraction raises nothing, every span
lies inside the text and equals it, ids are consistent, and the result validates against the schema."""

from __future__ import annotations

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsledger.contract import problems, schema
from newsledger.records import Article

from .strategies import news_texts

SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


@pytest.fixture(scope="module")
def check(extractor):
    validator = jsonschema.Draft202012Validator(schema())

    def check_text(text: str, published: str | None = None) -> None:
        [(_, result)] = list(extractor.pipe([Article(text=text, id="x")], published=published))
        data = result.to_dict()
        assert problems(data, text) == []
        errors = sorted(validator.iter_errors(data), key=str)
        assert not errors, errors[0].message

    return check_text


@SETTINGS
@given(text=st.text(max_size=400))
def test_arbitrary_unicode_text(check, text):
    check(text)


@SETTINGS
@given(text=news_texts(), published=st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())))
def test_news_like_text(check, text, published):
    check(text, published)
