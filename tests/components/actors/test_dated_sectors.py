"""Sectors by date (actors/data/dated_sectors.tsv): the sector of the article's publication date;
with no date, the actors table's present sector."""

from __future__ import annotations

import datetime as dt

import pytest


def taliban(nlp, published):
    doc = nlp.make_doc("Taliban fighters entered the city of Kunduz.")
    doc._.published = published
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return next(a for a in doc._.actors if a.name == "Taliban")


@pytest.mark.parametrize(
    "published, sector",
    [
        (dt.date(2019, 7, 1), "REB"),
        ("2021-08-14", "REB"),
        (dt.date(2021, 8, 15), "GOV"),  # they took Kabul that day
        (dt.datetime(2023, 1, 5, 12, 0), "GOV"),
        (None, "GOV"),  # no date: the table's present sector
    ],
)
def test_the_sector_of_the_publication_date(nlp, published, sector):
    assert taliban(nlp, published).sector == sector
