"""Resumen: the headline numbers of a fiscal year and level, the series over every fiscal year
loaded, execution by level and by month, and the programmes with the largest budgets; amounts
in the prices of the URL (nominal, or real soles of domain.codes.REAL_BASE_YEAR)."""
from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, dcc, html, no_update

from components.cards import kpi_cards
from components.data import cached, cached_all
from components.figures import budget_bars, execution_curve
from components.layout import (
    graph,
    on_store_missing,
    page_context,
    page_top,
    source_text,
)
from components.series import amounts_by_year, overview_rates
from domain.codes import REAL_BASE_YEAR
from domain.i18n import money_units, t
from domain.url_state import search_for
from store import budget, reference

dash.register_page(__name__, path="/", name="Resumen", order=0, i18n_key="nav.overview",
                   title="Resumen · Presupuesto sensible al género")

PREFIX = "overview"
TOP_N = 10


def layout(**query):
    years, state, missing = page_context(query, PREFIX)
    if missing:
        return missing
    return html.Div([
        *page_top(PREFIX, "overview", state, years),
        html.Div(id=f"{PREFIX}-prices-note"),
        dcc.Loading(html.Div(id=f"{PREFIX}-kpis", className="mb-2"), delay_show=250),
        dbc.Row([
            dbc.Col(graph(f"{PREFIX}-series"), lg=7, className="mb-3"),
            dbc.Col(graph(f"{PREFIX}-rates"), lg=5, className="mb-3"),
        ]),
        dbc.Row([
            dbc.Col(graph(f"{PREFIX}-levels"), lg=5, className="mb-3"),
            dbc.Col(graph(f"{PREFIX}-monthly"), lg=7, className="mb-3"),
        ]),
        graph(f"{PREFIX}-top"),
    ])


def prices_note(prices: str, missing: list[int], lang: str):
    """A warning naming the years whose amounts cannot be shown in real soles (no CPI)."""
    if prices != "real" or not missing:
        return None
    return dbc.Alert(t("prices.no_cpi", lang, years=", ".join(map(str, missing)), base=REAL_BASE_YEAR),
                     color="warning", id=f"{PREFIX}-no-cpi", className="mb-2")


@callback(Output(f"{PREFIX}-kpis", "children"), Output(f"{PREFIX}-levels", "figure"),
          Output(f"{PREFIX}-monthly", "figure"), Output(f"{PREFIX}-top", "figure"),
          Output(f"{PREFIX}-series", "figure"), Output(f"{PREFIX}-rates", "figure"),
          Output(f"{PREFIX}-prices-note", "children"), Input(f"{PREFIX}-state", "data"))
@on_store_missing(PREFIX, shape=lambda msg, fig: (msg, fig, fig, fig, fig, fig, None))
def render_overview(state: dict):
    """KPI cards, the series over years and the three charts of the year, for the state in the URL."""
    lang, year, level, prices = state["lang"], state["year"], state["level"], state.get("precios", "nominal")
    kpis, series, levels, monthly, programmes = cached_all(
        (budget.overview_kpis, year, level), (budget.overview_by_year, level), (budget.by_level, year, level),
        (budget.monthly_execution, year, level, None),
        (budget.drill, year, level, ()))    # = by_programme, under the Programas page's cache key
    if prices == "real":                    # one CPI read for every year shown
        factors = cached(reference.price_factors, tuple(sorted({int(year), *series["fiscal_year"]})))
        kpis, series, levels, monthly, programmes = (
            reference.in_prices(df, prices, factors=factors, **({} if df is series else {"year": year}))
            for df in (kpis, series, levels, monthly, programmes))
    missing = sorted(set(reference.no_cpi_years(series)) | set(reference.no_cpi_years(kpis, year=year)))
    units = money_units(prices, lang)
    source = source_text(year, lang)
    source_all = source_text(None, lang)
    if prices == "real":
        extra = "<br>" + t("prices.source", lang, base=REAL_BASE_YEAR)
        source, source_all = source + extra, source_all + extra
    level_labels = [t(f"level.{k}", lang) for k in levels["key"]]
    level_note = "" if level == "all" else f" · {t(f'level.{level}', lang)}"
    return (
        kpi_cards(kpis, lang, PREFIX, units),
        budget_bars(levels, lang, f"{t('overview.by_level', lang)} · {year}", source, labels=level_labels,
                    horizontal=False, units=units),
        execution_curve(monthly, lang, f"{t('overview.monthly', lang)} · {year}", source, units),
        budget_bars(programmes.head(TOP_N), lang, f"{t('overview.top', lang)} · {year}", source, units=units),
        amounts_by_year(series, lang, t("overview.series.title", lang) + level_note, units, source_all),
        overview_rates(series, lang, t("overview.series.rates", lang) + level_note, source_all),
        prices_note(prices, missing, lang),
    )


@callback(Output("shell-url", "pathname", allow_duplicate=True), Output("shell-url", "search", allow_duplicate=True),
          Input(f"{PREFIX}-top", "clickData"), State(f"{PREFIX}-state", "data"), prevent_initial_call=True)
def open_programme(click: dict | None, state: dict):
    """A click on a top programme opens it on the Programas page, same year, level and language."""
    points = (click or {}).get("points") or []
    key = points[0].get("customdata") if points else None
    if not key:
        return no_update, no_update
    return dash.page_registry["pages.programmes"]["relative_path"], search_for(state, path=[str(key)])
