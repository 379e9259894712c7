"""The times and figures components the figures tests run after the real spaCy parse."""

from __future__ import annotations

import pytest

from newsledger.components.figures.component import FiguresComponent
from newsledger.components.times.component import TimesComponent


@pytest.fixture(scope="module")
def components():
    return TimesComponent(), FiguresComponent()
