"""GeoJSON (RFC 7946) FeatureCollection of the event groups whose place has coordinates.

Coordinates are [longitude, latitude] in WGS 84, as RFC 7946 §3.1.1 requires.
"""
from __future__ import annotations

import json

PROPERTIES = ("id", "doc_id", "group", "type", "date", "date_precision", "place_id", "place_name",
              "place_admin1", "place_country", "place_precision", "actor1_name", "actor1_country",
              "actor2_name", "actor2_country", "fatalities", "injured", "polarity", "modality",
              "mentions", "cross_key")


def feature(row: dict) -> dict:
    """A Point feature for one event-table row (table.flat_row) with coordinates."""
    return {"type": "Feature", "id": row["id"],
            "geometry": {"type": "Point", "coordinates": [row["place_lon"], row["place_lat"]]},
            "properties": {k: row[k] for k in PROPERTIES}}


def located(rows: list[dict]) -> list[dict]:
    return [r for r in rows if r["place_lat"] is not None and r["place_lon"] is not None]


def collection(rows: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": [feature(r) for r in located(rows)]}


def geojson_text(rows: list[dict]) -> str:
    return json.dumps(collection(rows), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
