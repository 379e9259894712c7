"""The gazetteer: name keys, bundled tables, and the GeoNames import."""

from __future__ import annotations

import zipfile

import pytest

from newsledger.errors import InputError
from newsledger.geo import Gazetteer, GeoEntry, norm
from newsledger.geo.importer import import_geonames, load_user_index

# Two invented villages in GeoNames' 19-column format (ids far outside GeoNames' range).
ROWS = [
    [
        "990000001",
        "Zorivka Mala",
        "Zorivka Mala",
        "Mala Zorivka,Zoriwka Mala",
        "51.5",
        "35.9",
        "P",
        "PPL",
        "RU",
        "",
        "41",
        "",
        "",
        "",
        "120",
        "",
        "180",
        "Europe/Moscow",
        "2024-01-01",
    ],
    [
        "990000002",
        "Kvitneve Pole",
        "Kvitneve Pole",
        "",
        "48.1",
        "37.7",
        "P",
        "PPL",
        "UA",
        "",
        "05",
        "",
        "",
        "",
        "0",
        "",
        "200",
        "Europe/Kyiv",
        "2024-01-01",
    ],
    [
        "990000003",
        "Some Hill",
        "Some Hill",
        "",
        "48.0",
        "37.0",
        "T",
        "HLL",
        "UA",
        "",
        "05",
        "",
        "",
        "",
        "0",
        "",
        "200",
        "Europe/Kyiv",
        "2024-01-01",
    ],
]


def _write(path, rows):
    path.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_norm_keeps_dots_and_drops_accents():
    assert norm("  Québec   City ") == "quebec city"
    assert norm("Kursk\u2019s") == "kursk's"
    assert norm("U.S.") != norm("US")


def test_import_writes_an_index_in_the_user_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLEDGER_HOME", str(tmp_path / "home"))
    src = _write(tmp_path / "mini.txt", [*ROWS, ["broken", "line"]])
    out = import_geonames(src, feature_classes=("P",))
    assert out == tmp_path / "home" / "geonames_index.tsv"
    entries = load_user_index(out)
    assert [e.geonameid for _, e in entries] == [990000001, 990000002]  # the hill is class T
    _names, zorivka = entries[0]
    assert zorivka.country == "RU" and zorivka.admin1 == "RU.41" and zorivka.kind == "town"


def test_import_reads_a_zip(tmp_path):
    txt = _write(tmp_path / "XX.txt", ROWS)
    with zipfile.ZipFile(tmp_path / "XX.zip", "w") as zf:
        zf.write(txt, "XX.txt")
    out = import_geonames(tmp_path / "XX.zip", dest=tmp_path / "index.tsv")
    assert len(load_user_index(out)) == 3


def test_import_rejects_what_is_not_geonames(tmp_path):
    with pytest.raises(InputError):
        import_geonames(tmp_path / "missing.txt", dest=tmp_path / "i.tsv")
    with pytest.raises(InputError):
        import_geonames(_write(tmp_path / "x.txt", [["a", "b", "c"]]), dest=tmp_path / "i.tsv")


def test_imported_village_is_placed_by_the_component(tmp_path, places_nlp):
    from newsledger.components.places.component import PlacesComponent

    out = import_geonames(_write(tmp_path / "mini.txt", ROWS), dest=tmp_path / "index.tsv")
    gaz = Gazetteer()
    gaz.load_cities(load_user_index(out))
    gaz.load_bundled()
    comp = PlacesComponent(gazetteer=gaz)
    doc = places_nlp("Drones struck a warehouse in Zorivka Mala on Tuesday.")
    places = comp(doc)._.places
    [p] = [p for p in places if "Zorivka" in p.name]
    assert (p.geonameid, p.country, p.lat, p.lon) == (990000001, "RU", 51.5, 35.9)


def test_bundled_tables_cover_countries_regions_and_aliases():
    gaz = Gazetteer()
    gaz.load_bundled()
    kinds = {e.kind for e, _ in gaz.lookup("Georgia")}
    assert kinds == {"country", "region"}  # the country and the US state
    assert [e.country for e, _ in gaz.lookup("La.")] == ["US"]  # AP abbreviation of Louisiana
    assert any(e.kind == "region" and e.country == "PS" for e, _ in gaz.lookup("Gaza Strip"))
    us = gaz.countries["US"]
    assert isinstance(us, GeoEntry) and abs(us.lat - 39.76) < 0.01  # GeoNames' own point
    assert gaz.demonym("French").country == "FR"


def test_cache_name_changes_when_a_user_index_appears(tmp_path, monkeypatch):
    from newsledger.geo import gazetteer

    monkeypatch.setenv("NEWSLEDGER_HOME", str(tmp_path))
    before = gazetteer._index_cache_path()
    import_geonames(_write(tmp_path / "mini.txt", ROWS))
    after = gazetteer._index_cache_path()
    assert before != after and after.parent == tmp_path / "cache"


def test_spellings_write_out_and_close_up_abbreviations():
    from newsledger.geo.gazetteer import spellings

    assert "saint paris" in spellings(norm("St. Paris"))
    assert "st. marys" in spellings(norm("Saint Marys"))
    assert "platte county" in spellings(norm("Platte Co."))
    assert "w.va." in spellings(norm("W. Va."))
    assert spellings(norm("Kursk")) == []


def test_lookup_finds_abbreviated_names_and_keeps_exact_hits_first():
    gaz = Gazetteer()
    e = GeoEntry(990000010, "Saint Paris", "US", 40.13, -83.96, "town", "US.OH", 30.0)
    gaz.add("Saint Paris", e)
    assert gaz.lookup("St. Paris") == [(e, True)]
    exact = GeoEntry(990000011, "St. Paris", "XX", 0.0, 0.0, "town", None, 10.0)
    gaz.add("St. Paris", exact)
    assert gaz.lookup("St. Paris")[0] == (exact, True) and len(gaz.lookup("St. Paris")) == 2


def test_plural_demonym_names_the_country():
    gaz = Gazetteer()
    gaz.load_bundled()
    assert gaz.demonym("Russians").country == "RU"
    assert gaz.demonym("Palestinians").country == "PS"


def test_only_the_real_capital_is_a_capital():
    from newsledger.geo import get_gazetteer

    kinds = {(e.admin1, e.kind) for e, _ in get_gazetteer().lookup("Washington")}
    assert ("US.DC", "capital") in kinds
    assert not any(kind == "capital" and admin1 != "US.DC" for admin1, kind in kinds)
