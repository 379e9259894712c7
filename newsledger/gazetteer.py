"""Public gazetteer API (the implementation lives in newsledger.geo).

from newsledger.gazetteer import import_geonames, get_gazetteer
import_geonames("cities500.txt")        # villages the bundled data lacks
get_gazetteer().lookup("Kursk")         # [(GeoEntry, primary_name_match), ...]
"""

from .geo import Gazetteer, GeoEntry, data_home, get_gazetteer, import_geonames, reset_gazetteer, user_index_path

__all__ = [
    "Gazetteer",
    "GeoEntry",
    "data_home",
    "get_gazetteer",
    "import_geonames",
    "reset_gazetteer",
    "user_index_path",
]
