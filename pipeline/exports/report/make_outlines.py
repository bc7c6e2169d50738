"""Regenerate data/countries.json: country outlines for the report's map.

Source: Natural Earth 1:110m Cultural Vectors, Admin 0 – Countries (public domain,
https://www.naturalearthdata.com/about/terms-of-use/), as shipped inside the geopandas 0.14.4
wheel on PyPI (geopandas/datasets/naturalearth_lowres; geopandas ≥1.0 no longer ships it).
Coordinates are rounded to 0.01° (about 1 km, far below the 1:110m scale's accuracy).

Run it by hand, from the repository root (needs network access to PyPI and `pyshp`):

    python3 -m pip install pyshp
    python3 -m pip download --no-deps -d /tmp/gpd "geopandas==0.14.4"
    python3 pipeline/exports/report/make_outlines.py /tmp/gpd/geopandas-0.14.4-py3-none-any.whl

Nothing reads the network at run time: the report only loads the JSON file written here.
"""
from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent / "data" / "countries.json"
MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"


def rings(shape) -> list[list[list[float]]]:
    """The shape's rings (outer and holes alike: the map draws outlines only)."""
    parts = list(shape.parts) + [len(shape.points)]
    return [[[round(x, 2), round(y, 2)] for x, y in shape.points[a:b]] for a, b in zip(parts, parts[1:])]


def outlines(wheel: Path) -> dict:
    import shapefile  # pyshp, only needed here
    with zipfile.ZipFile(wheel) as zf:
        files = {ext: io.BytesIO(zf.read(f"{MEMBER}.{ext}")) for ext in ("shp", "shx", "dbf")}
    reader = shapefile.Reader(shp=files["shp"], shx=files["shx"], dbf=files["dbf"], encoding="latin-1")  # the .cpg says ISO-8859-1
    countries = {}
    for rec, shape in zip(reader.records(), reader.shapes()):
        countries[rec["iso_a3"] if rec["iso_a3"] != "-99" else rec["name"]] = {
            "name": rec["name"], "rings": rings(shape)}
    return {"source": "Natural Earth 1:110m Admin 0 - Countries (public domain), via geopandas 0.14.4 "
                      "naturalearth_lowres; regenerate with pipeline/exports/report/make_outlines.py",
            "countries": dict(sorted(countries.items()))}


def main(argv: list[str]) -> int:
    data = outlines(Path(argv[1]))
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(data['countries'])} countries → {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
