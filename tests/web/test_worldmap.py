"""The bundled land outline and the dot layout of the map."""

import json

from newsledger.web import make_world, worldmap


def test_topojson_rings_decode_and_split_at_the_antimeridian():
    topology = {
        "transform": {"scale": [1, 1], "translate": [-180, -90]},
        "arcs": [[[10, 10], [10, 0], [0, 10]], [[10, 10], [10, 10]], [[350, 100], [10, 0], [-350, 0]]],
        "objects": {
            "land": {"geometries": [{"type": "Polygon", "arcs": [[0, ~1]]}, {"type": "Polygon", "arcs": [[2]]}]}
        },
    }
    d = make_world.path(topology)
    first, second = d.split("Z")[:2]
    # arc 0: (10,10) (20,10) (20,20); arc 1 = (10,10) (20,20) reversed, its first point (shared) dropped
    assert first == "M10.0,170.0L20.0,170.0L20.0,160.0L10.0,170.0"
    assert second.count("M") == 2  # lon 180 -> -170 starts a new subpath


def test_bundled_land_outline_is_there():
    data = json.loads(worldmap.LAND.read_text(encoding="utf-8"))
    assert data["viewBox"] == [0, 0, 360, 180] and data["d"].startswith("M") and "Natural Earth" in data["source"]


def test_dots_group_events_by_place_and_skip_bad_coordinates():
    events = [
        {"place_name": "Goma", "place_lat": -1.68, "place_lon": 29.22, "type": "ASSAULT"},
        {"place_name": "Goma", "place_lat": -1.68, "place_lon": 29.22, "type": "PROTEST"},
        {"place_name": "Nowhere", "place_lat": 123.0, "place_lon": 0.0, "type": "AID"},
        {"place_name": "Kyiv", "place_lat": 50.45, "place_lon": 30.52, "type": "ASSAULT"},
        {"place_name": None, "place_lat": None, "place_lon": None, "type": "AID"},
    ]
    dots = worldmap.dots(events)
    assert [(d["name"], d["events"]) for d in dots] == [("Goma", 2), ("Kyiv", 1)]
    assert dots[0]["x"] == round(29.22 + 180, 2) and dots[0]["y"] == round(90 + 1.68, 2)
    assert dots[0]["r"] > dots[1]["r"] and "ASSAULT 1" in dots[0]["tip"]
