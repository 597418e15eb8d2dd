"""Build the offline world map used by the web UI: ``static/world.json``.

Source: the npm package ``world-atlas`` 2.0.2 (Natural Earth 1:110m country
outlines, public domain; the package itself is ISC). The TopoJSON is decoded
here, projected equirectangularly (x = lon + 180, y = 90 - lat, Antarctica
dropped, so the view box is 360 x 150) and written as one SVG path per country.
The web UI draws those paths and plots events at their lat/lon with the same
formula, so no projection library is needed in the browser.

Rebuild (needs ``npm`` for ``npm pack``, or pass the extracted JSON)::

    python src/newsweave/web/build_world.py                      # npm pack world-atlas@2.0.2
    python src/newsweave/web/build_world.py countries-110m.json   # from a local copy
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "world-atlas@2.0.2"
OUT = Path(__file__).parent / "static" / "world.json"
SOUTH = -60.0  # Antarctica and the Southern Ocean are left out
DROP = {"010"}  # ISO 3166 numeric of Antarctica


def fetch_topology() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=tmp, check=True, capture_output=True)
        tgz = next(Path(tmp).glob("world-atlas-*.tgz"))
        with tarfile.open(tgz) as tar:
            member = tar.extractfile("package/countries-110m.json")
            assert member is not None
            return json.load(member)


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat points of every arc (arcs are delta-encoded when quantized)."""
    tf = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        pts, x, y = [], 0, 0
        for p in arc:
            if tf:
                x, y = x + p[0], y + p[1]
                pts.append((x * tf["scale"][0] + tf["translate"][0], y * tf["scale"][1] + tf["translate"][1]))
            else:
                pts.append((p[0], p[1]))
        arcs.append(pts)
    return arcs


def ring_points(ring: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for i in ring:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(pts if not out else pts[1:])
    return out


def unwrap(points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """Rings that cross the antimeridian (Russia, Fiji) are made continuous, then drawn twice:
    once as they are and once shifted by 360 degrees, so each side of the map shows its part."""
    out, prev, shift = [], None, 0.0
    for lon, lat in points:
        if prev is not None and abs(lon + shift - prev) > 180:
            shift += 360.0 if prev > lon + shift else -360.0
        out.append((lon + shift, lat))
        prev = lon + shift
    lons = [x for x, _ in out]
    rings = [out]
    if max(lons) > 180:
        rings.append([(x - 360.0, y) for x, y in out])
    if min(lons) < -180:
        rings.append([(x + 360.0, y) for x, y in out])
    return rings


def ring_path(points: list[tuple[float, float]]) -> str:
    return "".join(_path(r) for r in unwrap(points))


def _path(points: list[tuple[float, float]]) -> str:
    cmds, last = [], None
    for lon, lat in points:
        x, y = round(lon + 180.0, 1), round(90.0 - max(lat, SOUTH), 1)
        if (x, y) == last:
            continue
        cmds.append(f"{x:g},{y:g}")
        last = (x, y)
    if len(cmds) < 3:
        return ""
    return "M" + "L".join(cmds) + "Z"


def build(topo: dict) -> dict:
    arcs = decode_arcs(topo)
    countries = []
    for g in topo["objects"]["countries"]["geometries"]:
        if g.get("id") in DROP or g.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        polygons = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        d = "".join(ring_path(ring_points(ring, arcs)) for poly in polygons for ring in poly)
        if d:
            countries.append({"id": g.get("id", ""), "name": g.get("properties", {}).get("name", ""), "d": d})
    return {
        "source": "Natural Earth 1:110m via world-atlas 2.0.2 (public domain)",
        "projection": "equirectangular: x = lon + 180, y = 90 - lat",
        "width": 360,
        "height": 90 - SOUTH,
        "countries": countries,
    }


def main(argv: list[str]) -> None:
    topo = json.loads(Path(argv[0]).read_text()) if argv else fetch_topology()
    data = build(topo)
    OUT.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KiB, {len(data['countries'])} countries)")


if __name__ == "__main__":
    main(sys.argv[1:])
