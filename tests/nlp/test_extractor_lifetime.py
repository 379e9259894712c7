"""An Extractor that a caller drops is freed: only a resident one (the CLI's, a worker's) is
frozen out of the collector's sight, since frozen reference cycles are never collected."""

from __future__ import annotations

import gc
import weakref

from newsledger.nlp.extractor import Extractor


def test_a_dropped_extractor_is_freed():
    frozen = gc.get_freeze_count()
    extractor = Extractor()
    assert gc.get_freeze_count() == frozen
    pipeline = weakref.ref(extractor.nlp)
    del extractor
    gc.collect()
    assert pipeline() is None
