"""The timeline and the map as Plotly figures (plotly.js is inlined once by the template).

The map is a plain x/y chart (longitude, latitude) over country outlines from
data/countries.json: Plotly's geo charts fetch their base map from a CDN, which a
self-contained file must not do.
"""
from __future__ import annotations

import functools
import json
import math
from pathlib import Path

import plotly.graph_objects as go

OUTLINES = Path(__file__).resolve().parent / "data" / "countries.json"
PALETTE = ("#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
           "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39")
SYMBOLS = {"minute": "circle", "day": "circle", "month": "square-open", "year": "diamond-open"}
CONFIG = {"displaylogo": False, "responsive": True}


@functools.lru_cache(maxsize=1)
def outlines() -> dict:
    return json.loads(OUTLINES.read_text(encoding="utf-8"))


def timeline_x(date: str | None, precision: str | None) -> str | None:
    """A day to plot at: the day itself, a month's or a year's first day; other dates are not plotted."""
    if precision in ("minute", "day"):
        return date[:10]
    if precision == "month":
        return date + "-01"
    if precision == "year":
        return date + "-01-01"
    return None


def _hover(row: dict) -> str:
    who = " → ".join(x for x in (row["actor1_name"], row["actor2_name"]) if x)
    return (f"{row['id']}<br>{row['type']} {'/'.join(row['triggers'])}<br>{row['date']} ({row['date_precision']})"
            f"<br>{who}<br>{row['place_name'] or ''}")


def _color(types: list[str], t: str) -> str:
    return PALETTE[types.index(t) % len(PALETTE)]


def timeline(rows: list[dict], types: list[str]) -> go.Figure:
    fig = go.Figure()
    for t in types:
        pts = [(timeline_x(r["date"], r["date_precision"]), r) for r in rows if r["type"] == t]
        pts = [(x, r) for x, r in pts if x]
        if not pts:
            continue
        fig.add_trace(go.Scatter(
            x=[x for x, _ in pts], y=[t] * len(pts), mode="markers", name=t,
            marker={"size": 11, "color": _color(types, t),
                    "symbol": [SYMBOLS.get(r["date_precision"], "circle") for _, r in pts]},
            text=[_hover(r) for _, r in pts], hoverinfo="text"))
    fig.update_layout(height=360, margin={"l": 100, "r": 20, "t": 30, "b": 40}, showlegend=False,
                      xaxis={"type": "date", "title": "date (open marker: month or year precision; "
                                                      "zoom out for older events)",
                             "range": timeline_range(rows)},
                      yaxis={"type": "category"}, template="plotly_white")
    return fig


def timeline_range(rows: list[dict]) -> list[str] | None:
    """The two years up to the latest date: a 1961 treaty recalled in passing should not
    squeeze this year's events into one pixel (it stays one zoom-out away)."""
    days = sorted(x for r in rows if (x := timeline_x(r["date"], r["date_precision"])))
    if not days:
        return None
    import datetime as dt
    last = dt.date.fromisoformat(days[-1])
    first = max(dt.date.fromisoformat(days[0]), last - dt.timedelta(days=730))
    return [(first - dt.timedelta(days=15)).isoformat(), (last + dt.timedelta(days=15)).isoformat()]


def _outline_xy(bounds: tuple[float, float, float, float]) -> tuple[list, list]:
    """Outline rings that touch the bounds, joined with None breaks into one line trace."""
    west, south, east, north = bounds
    xs: list = []
    ys: list = []
    for country in outlines()["countries"].values():
        for ring in country["rings"]:
            if any(west <= x <= east and south <= y <= north for x, y in ring):
                xs += [x for x, _ in ring] + [None]
                ys += [y for _, y in ring] + [None]
    return xs, ys


def view(located: list[dict]) -> tuple[float, float, float, float]:
    """Bounds around the located events with a margin, or the whole world when there are none."""
    if not located:
        return (-180.0, -60.0, 180.0, 85.0)
    lons = [r["place_lon"] for r in located]
    lats = [r["place_lat"] for r in located]
    pad = max(3.0, 0.15 * max(max(lons) - min(lons), max(lats) - min(lats)))
    return (min(lons) - pad, min(lats) - pad, max(lons) + pad, max(lats) + pad)


def event_map(rows: list[dict], types: list[str]) -> go.Figure:
    located = [r for r in rows if r["place_lat"] is not None and r["place_lon"] is not None]
    west, south, east, north = view(located)
    xs, ys = _outline_xy((west - 30, south - 20, east + 30, north + 20))
    fig = go.Figure(go.Scatter(x=xs, y=ys, mode="lines", line={"color": "#9aa5b1", "width": 0.8},
                               hoverinfo="skip", showlegend=False))
    for t in types:
        pts = [r for r in located if r["type"] == t]
        if pts:
            fig.add_trace(go.Scatter(
                x=[r["place_lon"] for r in pts], y=[r["place_lat"] for r in pts], mode="markers", name=t,
                marker={"size": 10, "color": _color(types, t), "opacity": 0.8,
                        "line": {"width": 1, "color": "white"}},
                text=[_hover(r) for r in pts], hoverinfo="text"))
    mid_lat = math.radians((south + north) / 2)
    fig.update_layout(height=480, margin={"l": 40, "r": 20, "t": 30, "b": 40}, template="plotly_white",
                      xaxis={"range": [west, east], "title": "longitude", "showgrid": False},
                      yaxis={"range": [south, north], "title": "latitude", "showgrid": False,
                             "scaleanchor": "x", "scaleratio": 1 / max(math.cos(mid_lat), 0.2)})
    return fig


def figure_html(fig: go.Figure, div_id: str) -> str:
    """The figure's div and script; a fixed div id keeps reruns byte-identical."""
    return fig.to_html(full_html=False, include_plotlyjs=False, div_id=div_id, config=CONFIG)


def plotly_js() -> str:
    from plotly.offline import get_plotlyjs
    return get_plotlyjs()
