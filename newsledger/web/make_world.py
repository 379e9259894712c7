"""Build static/world-land-110m.json (the map's land outline) from world-atlas's land-110m.json.

Run once by a maintainer; the output is bundled, so the map needs nothing at run time:
    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python -m newsledger.web.make_world package/land-110m.json
Natural Earth data is public domain; world-atlas (the TopoJSON packaging) is ISC-licensed, Mike Bostock.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).parent / "static" / "world-land-110m.json"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Quantized, delta-encoded arcs -> lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for i in indexes:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(points[1:] if out else points)
    return out


def path(topology: dict) -> str:
    """An SVG path in equirectangular coordinates: x = lon + 180, y = 90 - lat (viewBox 0 0 360 180)."""
    arcs = decode_arcs(topology)
    parts = []
    for geometry in topology["objects"]["land"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            for indexes in polygon:
                parts.append(_subpaths(ring(indexes, arcs)))
    return "".join(parts)


def _subpaths(pts: list[tuple[float, float]]) -> str:
    """One ring as path commands; a step across the antimeridian starts a new subpath (no stray line)."""
    out, prev = [], None
    for lon, lat in pts:
        cmd = "M" if prev is None or abs(lon - prev) > 180 else "L"
        out.append(f"{cmd}{lon + 180:.1f},{90 - lat:.1f}")
        prev = lon
    return "".join(out) + "Z"


def main(src: str) -> None:
    topology = json.loads(Path(src).read_text(encoding="utf-8"))
    OUT.write_text(
        json.dumps(
            {
                "source": "Natural Earth 1:110m land (public domain), via world-atlas 2.0.2 (ISC, Mike Bostock)",
                "projection": "equirectangular: x = lon + 180, y = 90 - lat",
                "viewBox": [0, 0, 360, 180],
                "d": path(topology),
            }
        ),
        encoding="utf-8",
    )
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main(sys.argv[1])
