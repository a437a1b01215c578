"""Resumen: the headline numbers of a fiscal year and level, execution by level and by month,
and the programmes with the largest budgets."""
from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, dcc, html, no_update

from components.cards import kpi_cards
from components.data import cached_all
from components.figures import budget_bars, execution_curve
from components.layout import (
    graph,
    on_store_missing,
    page_context,
    page_top,
    source_text,
)
from domain.i18n import t
from domain.url_state import search_for
from store import budget

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
        dcc.Loading(html.Div(id=f"{PREFIX}-kpis", className="mb-2"), delay_show=250),
        dbc.Row([
            dbc.Col(graph(f"{PREFIX}-levels"), lg=5, className="mb-3"),
            dbc.Col(graph(f"{PREFIX}-monthly"), lg=7, className="mb-3"),
        ]),
        graph(f"{PREFIX}-top"),
    ])


@callback(Output(f"{PREFIX}-kpis", "children"), Output(f"{PREFIX}-levels", "figure"),
          Output(f"{PREFIX}-monthly", "figure"), Output(f"{PREFIX}-top", "figure"),
          Input(f"{PREFIX}-state", "data"))
@on_store_missing(PREFIX, shape=lambda msg, fig: (msg, fig, fig, fig))
def render_overview(state: dict):
    """KPI cards and the three charts for the state in the URL."""
    lang, year, level = state["lang"], state["year"], state["level"]
    kpis, levels, monthly, programmes = cached_all(
        (budget.overview_kpis, year, level), (budget.by_level, year, level),
        (budget.monthly_execution, year, level, None),
        (budget.drill, year, level, ()))    # = by_programme, under the Programas page's cache key
    source = source_text(year, lang)
    level_labels = [t(f"level.{k}", lang) for k in levels["key"]]
    return (
        kpi_cards(kpis, lang, PREFIX),
        budget_bars(levels, lang, f"{t('overview.by_level', lang)} · {year}", source, labels=level_labels,
                    horizontal=False),
        execution_curve(monthly, lang, f"{t('overview.monthly', lang)} · {year}", source),
        budget_bars(programmes.head(TOP_N), lang, f"{t('overview.top', lang)} · {year}", source),
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
