"""Figure builders, each written once and reused by every page that draws that kind of chart.

Built with go.Figure directly (about 20x cheaper per call than plotly.express). Every figure
carries its title with units and a source line inside the figure, so a saved PNG keeps both.
Numbers in hovers are formatted in Python by components.fmt, the same text the tables show.
"""
from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from components.fmt import MILLION, PLOTLY_SEPARATORS, millions, pct
from domain import palette
from domain.codes import DEPARTMENTS
from domain.i18n import t

# Colour-blind-safe colours, defined once in domain/palette.py (Okabe-Ito; Cividis for maps).
PIM_COLOR = palette.PIM
DEVENGADO_COLOR = palette.DEVENGADO
ACCENT = palette.ACCENT
GENDER_TOTAL_COLORS = palette.GENDER_TOTALS
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"


def _layout(title: str, units: str, source: str, height: int, bottom: int = 70, **more) -> dict:
    """The layout every chart shares (title + units, source line, fonts, separators), as one
    dict: go.Figure validates it once, where each update_layout call validates again.

    A source of several lines (joined with <br>) gets a taller bottom margin."""
    extra = 14 * source.count("<br>")
    bottom += extra
    layout = {
        "title": {"text": f"<b>{title}</b>", "subtitle": {"text": units, "font": {"size": 12, "color": "#555"}},
                  "x": 0, "xanchor": "left", "xref": "container", "pad": {"l": 12},
                  "y": 0.97, "yanchor": "top", "font": {"size": 15}},
        "height": height, "margin": {"l": 10, "r": 10, "t": 96, "b": bottom},
        "font": {"family": FONT, "size": 12, "color": "#222"}, "separators": PLOTLY_SEPARATORS,
        "paper_bgcolor": "white", "plot_bgcolor": "white",
        "legend": {"orientation": "h", "x": 0, "y": 1.01, "xanchor": "left", "yanchor": "bottom"},
        "hoverlabel": {"font": {"family": FONT}}, "dragmode": False, "colorway": list(palette.CATEGORICAL),
        "annotations": [{"text": source, "xref": "paper", "yref": "paper", "x": 0, "y": 0, "xanchor": "left",
                         "yanchor": "top", "yshift": -(bottom - extra - 22), "showarrow": False, "align": "left",
                         "font": {"size": 10, "color": "#666"}}],
    }
    layout.update(more)
    return layout


def empty_figure(message: str, height: int = 260, wrap: int | None = None) -> go.Figure:
    """A message in place of a chart: no empty axes when a selection has no data.

    wrap: break a long message into lines of at most that many characters (plotly does not
    wrap), e.g. for a sentence in a half-width chart."""
    text = "<br>".join(textwrap.wrap(message, wrap)) if wrap else message
    return go.Figure(layout={
        "height": height, "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
        "xaxis": {"visible": False}, "yaxis": {"visible": False},
        "paper_bgcolor": "white", "plot_bgcolor": "white", "font": {"family": FONT},
        "annotations": [{"text": text, "x": 0.5, "y": 0.5, "xref": "paper", "yref": "paper",
                         "showarrow": False, "font": {"size": 15, "color": "#555"}}]})


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _budget_hover(heads, pim, devengado, avance_pct, lang: str) -> list[str]:
    """'<b>head</b>' then PIM, devengado and avance % per row: the hover of every PIM/devengado chart."""
    return [f"<b>{h}</b><br>{t('pim', lang)}: {millions(p)}<br>{t('devengado', lang)}: {millions(d)}"
            f"<br>{t('avance', lang)}: {pct(a)}" for h, p, d, a in zip(heads, pim, devengado, avance_pct)]


def _bar(name: str, color: str, values: list, labels: list[str], horizontal: bool, hover: list[str],
         customdata: list | None) -> go.Bar:
    """One series of a bar chart: values along the value axis, labels along the category axis."""
    xy = {"x": values, "y": labels} if horizontal else {"x": labels, "y": values}
    return go.Bar(name=name, marker_color=color, orientation="h" if horizontal else "v", customdata=customdata,
                  hovertext=hover, hovertemplate="%{hovertext}<extra></extra>", **xy)


def _bar_axes(horizontal: bool) -> dict:
    """Amount axis from zero, categories in the order given (top to bottom when horizontal)."""
    value_axis = {"tickformat": ",.0f", "gridcolor": "#e5e5e5", "zerolinecolor": "#999", "rangemode": "tozero"}
    cat_axis = {"automargin": True, "type": "category"}
    return ({"xaxis": value_axis, "yaxis": {**cat_axis, "autorange": "reversed"}} if horizontal
            else {"yaxis": value_axis, "xaxis": cat_axis})


def budget_bars(df: pd.DataFrame, lang: str, title: str, source: str, *, labels: list[str] | None = None,
                horizontal: bool = True, label_width: int = 46, units: str | None = None) -> go.Figure:
    """PIM beside devengado per group (programme, level, product, fiscal year...), in S/ millions.

    `df` has key, name, pim, devengado, avance_pct; each bar carries its key in customdata so
    a click can drill into it. `units` replaces "S/ millones, nominal" (e.g. for real soles)."""
    if df.empty:
        return empty_figure(t("empty", lang))
    labels = labels or [_short(f"{k} {n}".strip(), label_width) for k, n in zip(df["key"], df["name"])]
    hover = _budget_hover([f"{k} {n}" for k, n in zip(df["key"], df["name"])], df["pim"], df["devengado"],
                          df["avance_pct"], lang)
    traces = [_bar(t(col, lang), color, [v / MILLION for v in df[col]], labels, horizontal, hover, list(df["key"]))
              for col, color in (("pim", PIM_COLOR), ("devengado", DEVENGADO_COLOR))]
    height = max(280, 120 + 34 * len(df)) if horizontal else 400
    return go.Figure(traces, _layout(title, units or t("units.millions", lang), source, height, barmode="group",
                                     bargap=0.25, bargroupgap=0.05, **_bar_axes(horizontal)))


def grouped_bars(groups: list[str], series: list[tuple[str, list, str]], lang: str, title: str, units: str,
                 source: str, *, horizontal: bool = False, hover: list[list[str]] | None = None,
                 customdata: list | None = None, label_width: int = 46) -> go.Figure:
    """Any set of amounts (soles) per group, one bar per series, in S/ millions.

    `series` = (name, values in soles, colour); `hover` = one list of hover texts per series.
    Used where the bars are not PIM/devengado (e.g. the three gender totals per budget stage,
    devengado per gender category)."""
    if not groups or not series:
        return empty_figure(t("empty", lang))
    labels = [_short(str(g), label_width) for g in groups]
    traces = []
    for i, (name, values, color) in enumerate(series):
        scaled = [None if v is None or v != v else v / MILLION for v in values]
        texts = hover[i] if hover else [f"<b>{g}</b><br>{name}: {millions(v)}" for g, v in zip(groups, values)]
        traces.append(_bar(name, color, scaled, labels, horizontal, texts, customdata))
    height = max(280, 120 + (22 + 12 * len(series)) * len(groups)) if horizontal else 400
    return go.Figure(traces, _layout(title, units, source, height, barmode="group", bargap=0.25,
                                     bargroupgap=0.05, showlegend=len(series) > 1, **_bar_axes(horizontal)))


def execution_curve(df: pd.DataFrame, lang: str, title: str, source: str, units: str | None = None) -> go.Figure:
    """Devengado per month (bars), its running total (line) and the year's PIM (dashed).

    Shows how execution piles up in December; hovers give the cumulative avance %. `units`
    replaces "S/ millones, nominal" (e.g. for real soles)."""
    if df.empty:
        return empty_figure(t("empty", lang))
    names = t("months", lang).split(",")
    months = [names[m - 1] for m in df["month"]]
    traces = [
        go.Bar(x=months, y=[v / MILLION for v in df["devengado"]], name=t("monthly", lang), marker_color=PIM_COLOR,
               hovertext=[f"{m}: {millions(v)}" for m, v in zip(months, df["devengado"])],
               hovertemplate="%{hovertext}<extra></extra>"),
        go.Scatter(x=months, y=[v / MILLION for v in df["devengado_acum"]], name=t("cumulative", lang),
                   mode="lines+markers", line={"color": DEVENGADO_COLOR, "width": 3},
                   hovertext=[f"{m}: {millions(v)} ({pct(a)} {t('units.pct_pim', lang)})"
                              for m, v, a in zip(months, df["devengado_acum"], df["avance_acum_pct"])],
                   hovertemplate="%{hovertext}<extra></extra>"),
    ]
    pim = float(df["pim"].iloc[0])
    if pim and pim == pim:
        traces.append(go.Scatter(x=months, y=[pim / MILLION] * len(months), name=t("pim", lang), mode="lines",
                                 line={"color": ACCENT, "dash": "dash", "width": 2},
                                 hovertext=[f"{t('pim', lang)}: {millions(pim)}"] * len(months),
                                 hovertemplate="%{hovertext}<extra></extra>"))
    return go.Figure(traces, _layout(title, units or t("units.millions", lang), source, 400, hovermode="x unified",
                                     yaxis={"tickformat": ",.0f", "gridcolor": "#e5e5e5", "rangemode": "tozero"},
                                     xaxis={"type": "category"}))


def department_map(df: pd.DataFrame, metric: str, lang: str, title: str, source: str,
                   geojson_url: str) -> go.Figure:
    """Choropleth of one budget measure (devengado, pim, avance) per department.

    98 Exterior is left off (it has no shape); the drawing is value_map's."""
    df = df[df["key"] != "98"]
    if metric == "avance":
        df = df[df["avance_pct"].notna()]
        values, units = list(df["avance_pct"]), t("units.pct_pim", lang)
    else:
        values, units = [v / MILLION for v in df[metric]], t("units.millions", lang)
    if df.empty:
        return empty_figure(t("empty.pim" if metric == "avance" else "empty", lang), height=480)
    hover = _budget_hover(df["name"], df["pim"], df["devengado"], df["avance_pct"], lang)
    return value_map(list(df["key"]), values, hover, units, title, source, geojson_url)


def value_map(keys: list[str], values: list, hover: list[str], units: str, title: str, source: str,
              geojson_url: str, *, tickformat: str = ",.0f", colorscale: str | None = None) -> go.Figure:
    """Choropleth of any value per department code (INEI 01-25), already scaled to `units`.

    go.Choropleth draws with d3-geo from our own GeoJSON (clockwise rings, see
    tools/build_geojson.py); the dcc.Graph must point topojsonURL at our empty topojson so
    plotly.js fetches nothing from its CDN. The GeoJSON goes by URL: the browser fetches and
    caches it once instead of receiving 53 KB with every figure."""
    base = [k for k in DEPARTMENTS if k != "98"]
    traces = [
        go.Choropleth(      # every department in grey, so the country keeps its shape
            geojson=geojson_url, featureidkey="properties.id", locations=base, z=[0] * len(base),
            colorscale=[[0, palette.NO_DATA], [1, palette.NO_DATA]], showscale=False, hoverinfo="skip",
            marker={"line": {"color": "white", "width": 0.6}}),
        go.Choropleth(
            geojson=geojson_url, featureidkey="properties.id", locations=list(keys), z=list(values),
            colorscale=colorscale or palette.SEQUENTIAL,
            reversescale=palette.SEQUENTIAL_REVERSED if colorscale is None else False,
            marker={"line": {"color": "white", "width": 0.6}},
            colorbar={"title": {"text": units, "side": "right"}, "thickness": 12, "tickformat": tickformat},
            customdata=list(keys), hovertext=hover, hovertemplate="%{hovertext}<extra></extra>"),
    ]
    layout = _layout(title, units, source, 560)
    layout.update(margin={"l": 0, "r": 0, "t": 80, "b": layout["margin"]["b"]},
                  geo={"fitbounds": "locations", "visible": False, "projection": {"type": "mercator"},
                       "bgcolor": "white"})
    return go.Figure(traces, layout)
