"""The places component: place names recognised in the text and resolved against the gazetteer
(newsledger.geo)."""

from .component import PlacesComponent

__all__ = ["PlacesComponent"]
