"""The figures component: amounts, counts, shares and their changes, with unit and bounds."""

from .component import FiguresComponent

__all__ = ["FiguresComponent"]
