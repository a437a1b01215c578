"""Results beside the money: a programme's result indicators by year and the departments'
scatter of spending per target person against the indicator (issue "Results beside the money").

Each method of an indicator is its own line (a method break is never bridged); values INEI
flags as referential are drawn hollow and say so; years with money but no survey value are
named under the chart, not drawn. The scatter says it shows association, not effect.
"""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from dash import dcc, html

from components.figures import _layout, empty_figure, value_map
from components.fmt import fmt_number
from domain import palette
from domain.codes import DEPARTMENTS, NATIONAL_NAME
from domain.i18n import t
from domain.indicators import CATALOGUE, EXTRA_AREAS, METHODS, indicator_label

METHOD_COLORS = palette.CATEGORICAL                    # Okabe-Ito (domain/palette.py): safe for colour-blind readers
NAMES = {**DEPARTMENTS, **EXTRA_AREAS, "PE": NATIONAL_NAME, "00": NATIONAL_NAME}


def _units(series: pd.DataFrame, lang: str) -> str:
    unit = str(series["unit"].iloc[0])
    better = series["lower_is_better"].iloc[0]
    direction = "" if better is None or better != better else t("results.lower" if better else "results.higher", lang)
    return f"{unit}{', ' + direction if direction else ''}"


def _sources(series: pd.DataFrame) -> str:
    parts = []
    for (src, table), _ in series.groupby(["source", "source_table"], sort=False):
        parts.append(f"{src}{', ' + table if table else ''}")
    return "<br>".join(dict.fromkeys(parts))


def indicator_figure(series: pd.DataFrame, indicator: str, lang: str, place: str,
                     money_years: list[int] | None = None) -> go.Figure:
    """One line per method; hollow markers for referential values."""
    label = indicator_label(indicator, lang)
    if series.empty:
        return empty_figure(t("results.none", lang, indicator=label, place=place), height=260, wrap=60)
    traces = []
    for i, (method, part) in enumerate(series.groupby("method", sort=True)):
        name = METHODS.get(method, {}).get(lang, method) or label
        color = METHOD_COLORS[i % len(METHOD_COLORS)]
        ref = [bool(r) for r in part["referential"]]
        hover = [f"<b>{y}</b>: {fmt_number(v, 1)} {u}{' (' + t('results.referential', lang) + ')' if r else ''}"
                 f"<br>{name}" for y, v, u, r in zip(part["year"], part["value"], part["unit"], ref)]
        traces.append(go.Scatter(
            x=list(part["year"]), y=list(part["value"]), name=name, mode="lines+markers",
            line={"color": color, "width": 2},
            marker={"color": ["white" if r else color for r in ref], "line": {"color": color, "width": 2}, "size": 8},
            hovertext=hover, hovertemplate="%{hovertext}<extra></extra>"))
    missing = sorted(set(money_years or []) - set(series["year"]))
    subtitle = _units(series, lang)
    if missing:
        subtitle += " · " + t("results.missing_years", lang, years=", ".join(map(str, missing)))
    fig = go.Figure(traces, _layout(f"{label} — {place}", subtitle, _sources(series), 340,
                                    showlegend=series["method"].nunique() > 1,
                                    xaxis={"dtick": 1 if series["year"].nunique() < 12 else 2, "gridcolor": "#eee"},
                                    yaxis={"gridcolor": "#e5e5e5", "rangemode": "tozero"}))
    return fig


def scatter_figure(points: pd.DataFrame, indicator: str, lang: str, year: int, programme: str,
                   source: str, factor: float | None = None) -> go.Figure:
    """Departments: spending per target person (x) against the indicator in the same year (y);
    `factor` (CPI(base) / CPI(year)) puts the soles in real terms."""
    label = indicator_label(indicator, lang)
    shown = points[points["value"].notna()] if not points.empty else points
    if factor and not shown.empty:
        shown = shown.assign(per_person=shown["per_person"] * factor)
    if shown.empty:
        return empty_figure(t("results.no_points", lang, indicator=label, year=year), height=300, wrap=60)
    group = str(shown["group"].iloc[0])
    ref = [bool(r) for r in shown["referential"]]
    names = [NAMES.get(d, d).title() for d in shown["department"]]
    hover = [f"<b>{n}</b><br>{t('results.per_person.' + group, lang)}: S/ {fmt_number(x, 2)}<br>{label}: "
             f"{fmt_number(y, 1)}{' (' + t('results.referential', lang) + ')' if r else ''}"
             for n, x, y, r in zip(names, shown["per_person"], shown["value"], ref)]
    trace = go.Scatter(x=list(shown["per_person"]), y=list(shown["value"]), mode="markers+text", text=names,
                       textposition="top center", textfont={"size": 10},
                       marker={"size": 10, "color": ["white" if r else METHOD_COLORS[0] for r in ref],
                               "line": {"color": METHOD_COLORS[0], "width": 2}},
                       hovertext=hover, hovertemplate="%{hovertext}<extra></extra>")
    title = t("results.scatter.title", lang, programme=programme, year=year)
    units = t("results.scatter.units.real" if factor else "results.scatter.units", lang,
              per=t("results.per_person." + group, lang), indicator=label)
    return go.Figure([trace], _layout(title, units, source, 420, showlegend=False,
                                      xaxis={"title": {"text": t("results.per_person." + group, lang) + " (S/)"},
                                             "gridcolor": "#eee", "tickformat": ",.0f"},
                                      yaxis={"title": {"text": label}, "gridcolor": "#eee"}))


def results_section(results: dict, lang: str, prefix: str, *, year: int, place: str, programme: str,
                    money_years: list[int], money_source: str, factor: float | None = None) -> html.Div | None:
    """The block under a programme's money; None when the programme aims at no indicator."""
    links = results["links"]
    if links.empty:
        return None
    charts = [dbc_col(dcc.Graph(id=f"{prefix}-result-{ind}", figure=indicator_figure(
        results["series"][ind], ind, lang, place, money_years), config={"displaylogo": False}))
        for ind in links["indicator"]]
    headline = results["headline"]
    scatter = []
    if headline:
        scatter = [dcc.Graph(id=f"{prefix}-result-scatter", figure=scatter_figure(
            results["points"], headline, lang, year, programme, money_source, factor),
            config={"displaylogo": False}),
            html.P(t("results.association", lang), className="small text-muted", id=f"{prefix}-result-note")]
    reasons = html.Ul([html.Li(f"{indicator_label(r.indicator, lang)}: {r.reason}") for r in links.itertuples()],
                      className="small")
    return html.Section([
        html.H2(t("results.title", lang), className="h5 mt-4"),
        html.P(t("results.intro", lang), className="small"),
        html.Div(charts, className="row"),
        *scatter,
        html.Details([html.Summary(t("results.why", lang)), reasons], className="small mb-3"),
    ], id=f"{prefix}-results")


def dbc_col(child) -> html.Div:
    return html.Div(child, className="col-12 col-lg-6")


# The indicators the Regiones map offers, in this order (those with values by department).
MAP_INDICATORS = ("dci_menores5", "anemia_6_35", "pobreza_monetaria", "violencia_pareja", "agua_segura",
                  "saneamiento", "vacunas_basicas_12m", "cred", "lactancia_exclusiva", "feminicidios", "casos_cem")


def indicator_options(lang: str) -> list[dict]:
    return [{"label": indicator_label(i, lang), "value": i} for i in MAP_INDICATORS if i in CATALOGUE]


def indicator_map(values: pd.DataFrame, indicator: str, lang: str, year: int, geojson_url: str) -> go.Figure:
    """The indicator by department in `year`; with two methods that year, the newer method
    (never both in one map). Lima's halves (LM, LR) have no shape: the map says so."""
    label = indicator_label(indicator, lang)
    if values.empty:
        return empty_figure(t("results.map.none", lang, indicator=label, year=year), height=480, wrap=60)
    if values["method"].nunique() > 1:
        values = values[values["method"] == ("nueva" if "nueva" in set(values["method"]) else values["method"].max())]
    mapped = values[values["department"].isin([k for k in DEPARTMENTS if k != "98"])]
    ref = [bool(r) for r in mapped["referential"]]
    hover = [f"<b>{NAMES.get(d, d).title()}</b><br>{label}: {fmt_number(v, 1)} {u}"
             f"{' (' + t('results.referential', lang) + ')' if r else ''}"
             for d, v, u, r in zip(mapped["department"], mapped["value"], mapped["unit"], ref)]
    method = str(values["method"].iloc[0])
    units = _units(values, lang) + (f" · {METHODS[method][lang]}" if method in METHODS else "")
    if not mapped["department"].isin(["15"]).any() and values["department"].isin(["LM", "LR"]).any():
        units += " · " + t("results.map.lima", lang)
    better_low = values["lower_is_better"].iloc[0]
    scale = palette.SEQUENTIAL + ("_r" if better_low is True else "")     # darker = worse
    return value_map(list(mapped["department"]), list(mapped["value"]), hover, units,
                     t("results.map.title", lang, indicator=label, year=year), _sources(values), geojson_url,
                     tickformat=",.1f", colorscale=scale)


def department_results(series: dict[str, pd.DataFrame], lang: str, prefix: str, place: str,
                       money_years: list[int]) -> html.Section:
    """A department profile's result indicators, one small chart each."""
    charts = [dbc_col(dcc.Graph(id=f"{prefix}-dresult-{ind}", figure=indicator_figure(s, ind, lang, place, money_years),
                                config={"displaylogo": False})) for ind, s in series.items()]
    return html.Section([html.H2(t("results.profile.title", lang), className="h5 mt-4"),
                         html.P(t("results.intro", lang), className="small"),
                         html.Div(charts, className="row")], id=f"{prefix}-dresults")
