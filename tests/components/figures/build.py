"""Run the figures component on a hand-written sentence, as the pipeline would."""

from __future__ import annotations

import datetime as dt

PUB = dt.date(2024, 12, 23)


def run(spacy_model, components, text, actors=None, with_times=True):
    """The Doc of `text`, published on PUB, after the times (unless with_times=False) and figures components."""
    times, figures = components
    doc = spacy_model.make_doc(text)
    doc._.published = PUB
    doc = spacy_model(doc)
    doc._.actors = actors
    if with_times:
        times(doc)
    figures(doc)
    return doc


def figures(spacy_model, components, text):
    """(text, value, low, high, bound, unit) of each figure read in `text`."""
    doc = run(spacy_model, components, text, actors=[])
    return [(f.text, f.value, f.low, f.high, f.bound, f.unit) for f in doc._.figures]
