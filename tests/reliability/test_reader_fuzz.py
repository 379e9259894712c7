"""Property-based tests over the readers: any bytes, under any file name, give Articles or
InputErrors naming the input — never an exception, never an empty article."""

from __future__ import annotations

import io

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsledger.errors import InputError
from newsledger.ingest import read_stream
from newsledger.records import Article

from .corpus import BAD, INGEST

SAMPLES = [
    p.read_bytes()
    for p in sorted(BAD.iterdir()) + sorted(INGEST.iterdir())
    if p.is_file() and p.suffix != ".py" and p.stat().st_size < 64 * 1024
]
NAMES = st.sampled_from(["in.html", "in.xml", "in.jsonl", "in.txt", "in.warc.gz", "in.gz", "in"])
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def damaged(draw) -> bytes:
    """A fixture file cut, with bytes overwritten, or spliced onto another."""
    data = draw(st.sampled_from(SAMPLES))
    cut = draw(st.integers(0, len(data)))
    how = draw(st.sampled_from(["cut", "flip", "splice"]))
    if how == "cut":
        return data[:cut]
    if how == "splice":
        other = draw(st.sampled_from(SAMPLES))
        return data[:cut] + other[draw(st.integers(0, len(other))) :]
    out = bytearray(data)
    for pos, value in draw(st.lists(st.tuples(st.integers(0, max(0, len(out) - 1)), st.integers(0, 255)), max_size=16)):
        if out:
            out[pos] = value
    return bytes(out)


@SETTINGS
@given(data=st.one_of(st.binary(max_size=4096), damaged()), name=NAMES)
@example(data=b'{"a": ' + b"[" * 100_000, name="in.txt")  # json.loads raised RecursionError in detection
def test_any_bytes_give_articles_or_errors_naming_the_input(data, name):
    items = list(read_stream(io.BytesIO(data), name))
    assert items, "every input gives at least an article or an error"
    for item in items:
        if isinstance(item, InputError):
            assert str(item).startswith(name) and item.reason
        else:
            assert isinstance(item, Article) and item.text.strip() and item.id
