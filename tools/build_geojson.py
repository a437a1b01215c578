"""Build assets/peru_departments.geojson once, at development time (not at run time).

Source: Natural Earth 10m admin-1 states/provinces (public domain) as shipped by Debian's
`qgis-common` (/usr/share/qgis/resources/data/world_map.gpkg). The app never downloads a map.

    apt-get download qgis-common && dpkg-deb -x qgis-common_*.deb /tmp/qgis
    pip install shapely        # dev-time only, not a dependency of the app
    python tools/build_geojson.py /tmp/qgis/usr/share/qgis/resources/data/world_map.gpkg

Why each step:
- id = INEI code from Natural Earth's `fips` (PE01..PE25 -> "01".."25"); `woe_name` is wrong
  for Puno, so names come from our own code list, not from the file.
- Natural Earth splits off Lima Province (no fips); MEF has one code for Lima: merge into 15.
- Coordinates rounded to 4 decimals (~11 m): about 50 KB for 25 departments.
- Exterior rings clockwise: d3-geo (plotly's go.Choropleth) reads them the reverse of
  RFC 7946, and a counter-clockwise ring fills the whole globe.
"""
from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

from shapely import wkb
from shapely.geometry import MultiPolygon, Polygon, mapping
from shapely.geometry.polygon import orient
from shapely.ops import unary_union

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from domain.codes import DEPARTMENTS  # noqa: E402

OUT = ROOT / "assets" / "peru_departments.geojson"


def gpkg_geometry(blob: bytes):
    """A GeoPackage geometry is a small header (magic, flags, envelope) followed by WKB."""
    assert blob[:2] == b"GP", "not a GeoPackage geometry"
    flags = blob[3]
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 0x07]
    return wkb.loads(bytes(blob[8 + envelope:]))


def rounded(geom, nd: int = 4):
    def ring(coords):
        return [(round(x, nd), round(y, nd)) for x, y in coords]
    polys = geom.geoms if isinstance(geom, MultiPolygon) else [geom]
    out = []
    for p in polys:
        q = Polygon(ring(p.exterior.coords), [ring(i.coords) for i in p.interiors])
        if not q.is_valid:
            q = q.buffer(0)
        out.extend(q.geoms if isinstance(q, MultiPolygon) else [q])
    # sign=-1: clockwise exterior, counter-clockwise holes (the d3-geo convention).
    out = [orient(p, sign=-1.0) for p in out if not p.is_empty]
    return out[0] if len(out) == 1 else MultiPolygon(out)


def main(gpkg: str) -> None:
    con = sqlite3.connect(gpkg)
    rows = con.execute("SELECT fips, name, geom FROM states_provinces WHERE adm0_a3 = 'PER'").fetchall()
    parts: dict[str, list] = {}
    for fips, name, blob in rows:
        code = fips[2:] if fips else ("15" if name == "Lima Province" else None)
        if code not in DEPARTMENTS:
            raise SystemExit(f"unexpected feature {fips!r} {name!r}")
        parts.setdefault(code, []).append(gpkg_geometry(blob))
    missing = sorted(set(DEPARTMENTS) - set(parts) - {"98"})
    if missing:
        raise SystemExit(f"departments missing from the source: {missing}")
    features = []
    for code in sorted(parts):
        geom = rounded(unary_union(parts[code]).buffer(0))
        features.append({"type": "Feature", "id": code,
                         "properties": {"id": code, "name": DEPARTMENTS[code]},
                         "geometry": mapping(geom)})
    OUT.write_text(json.dumps({"type": "FeatureCollection", "features": features},
                              separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size / 1000:.0f} KB, {len(features)} departments)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/qgis/resources/data/world_map.gpkg")
