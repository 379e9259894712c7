"""Import a GeoNames dump so that places the bundled gazetteer lacks (villages) resolve.

Usage::

    from newsledger.gazetteer import import_geonames
    import_geonames("cities500.txt")          # or allCountries.txt, or a country file: UA.txt
    # -> writes $NEWSLEDGER_HOME/geonames_index.tsv (default ~/.local/share/newsledger/...)

Download the dump yourself from GeoNames (https://download.geonames.org/export/dump/,
CC BY 4.0); newsledger never downloads anything. The input is GeoNames' tab-separated
"geoname" table (19 columns, UTF-8; a .zip holding one .txt is read too). Only the
feature classes asked for are kept (default: populated places, admin areas, regions,
waters, landforms), with their alternate names when the place is big enough. The places
component reads the index the next time the gazetteer is built (a new process, or after
newsledger.geo.reset_gazetteer()). Importing again replaces the index; delete the file to
go back to the bundled data.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

from ..errors import InputError
from .entries import GeoEntry, kind_of_feature

DEFAULT_CLASSES = ("P", "A", "L", "H", "T")
ALT_NAME_MIN_POPULATION = 15000
_COLUMNS = 19


def _open_text(path: Path):
    if path.suffix.lower() == ".zip":
        zf = zipfile.ZipFile(path)
        names = [n for n in zf.namelist() if n.endswith(".txt") and not n.startswith("readme")]
        if not names:
            raise InputError(str(path), "the zip holds no GeoNames .txt table")
        return io.TextIOWrapper(zf.open(names[0]), encoding="utf-8")
    return open(path, encoding="utf-8")


def import_geonames(
    path: str | os.PathLike,
    dest: str | os.PathLike | None = None,
    feature_classes: tuple[str, ...] = DEFAULT_CLASSES,
    min_population: int = 0,
) -> Path:
    """Build the local place index from a GeoNames dump; return the index path.

    path: a GeoNames table (allCountries.txt, cities500.txt, XX.txt or their .zip).
    dest: where to write the index (default: newsledger.geo.gazetteer.user_index_path()).
    feature_classes: GeoNames feature classes to keep. min_population: drop smaller
    populated places (class P) to keep the index small.
    Raises InputError when the file is missing or is not a GeoNames table.
    """
    from .gazetteer import reset_gazetteer, user_index_path

    src = Path(path)
    if not src.exists():
        raise InputError(str(src), "file not found; download a GeoNames dump (e.g. cities500.zip) first")
    out_path = Path(dest) if dest else user_index_path()
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_suffix(f".tmp{os.getpid()}")
    kept = bad = 0
    with _open_text(src) as fh, open(tmp, "w", encoding="utf-8") as out:
        out.write("geonameid\tname\tcountry\tadmin1\tlat\tlon\tkind\tprior\taltnames\n")
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) != _COLUMNS:
                bad += 1
                continue
            gid, name, ascii_name, alts, lat, lon, fclass, fcode, cc = cols[:9]
            if fclass not in feature_classes:
                continue
            try:
                pop = int(cols[14] or 0)
                lat_f, lon_f = float(lat), float(lon)
                int(gid)
            except ValueError:
                bad += 1
                continue
            if fclass == "P" and pop < min_population:
                continue
            kind, prior = kind_of_feature(fclass, fcode, pop)
            names = [ascii_name] if ascii_name and ascii_name != name else []
            if pop >= ALT_NAME_MIN_POPULATION or fclass in ("A", "L", "H"):
                names += [a for a in alts.split(",") if a and a.isascii() and len(a) > 2]
            admin1 = f"{cc}.{cols[10]}" if cc and cols[10] else ""
            out.write(
                f"{gid}\t{name}\t{cc}\t{admin1}\t{lat_f}\t{lon_f}\t{kind}\t{prior:.2f}\t"
                f"{'|'.join(dict.fromkeys(names))}\n"
            )
            kept += 1
    if kept == 0:
        os.unlink(tmp)
        raise InputError(str(src), f"no GeoNames rows found ({bad} lines were not 19 tab-separated columns)")
    os.replace(tmp, out_path)
    reset_gazetteer()
    return out_path


def load_user_index(path: Path) -> list[tuple[tuple[str, ...], GeoEntry]]:
    """The entries of an index written by import_geonames(), or [] when there is none."""
    if not path.exists():
        return []
    out = []
    with open(path, encoding="utf-8") as fh:
        next(fh, None)
        for line in fh:
            c = line.rstrip("\n").split("\t")
            if len(c) != 9:
                continue
            e = GeoEntry(int(c[0]), c[1], c[2] or None, float(c[4]), float(c[5]), c[6], c[3] or None, float(c[7]))
            out.append(((c[1], *filter(None, c[8].split("|"))), e))
    return out
