"""Offline gazetteer for the places component: GeoEntry records, name lookups, GeoNames import."""

from .entries import GeoEntry, norm
from .gazetteer import Gazetteer, data_home, get_gazetteer, reset_gazetteer, user_index_path
from .importer import import_geonames

__all__ = [
    "Gazetteer",
    "GeoEntry",
    "data_home",
    "get_gazetteer",
    "import_geonames",
    "norm",
    "reset_gazetteer",
    "user_index_path",
]
