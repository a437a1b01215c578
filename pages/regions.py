"""Regiones: where the spending lands (DEPARTAMENTO_META) on a map of Peru's 25 departments,
with the table beside it; 98 Exterior is in the table and the total, not on the map."""
from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, callback, dcc, get_asset_url, html

from components.consulta import municipality_section
from components.data import cached
from components.figures import department_map
from components.filters import extra_dropdown, extra_radio
from components.layout import (
    graph,
    on_store_missing,
    page_context,
    page_top,
    source_text,
)
from components.tables import budget_columns, data_grid, total_row
from domain.i18n import t
from domain.url_state import METRICS
from store import budget

dash.register_page(__name__, path="/regiones", name="Regiones", order=2, i18n_key="nav.regions",
                   title="Regiones · Presupuesto sensible al género")

PREFIX = "regions"
GEOJSON = "peru_departments.geojson"


def layout(**query):
    years, state, missing = page_context(query, PREFIX)
    if missing:
        return missing
    lang = state["lang"]
    programmes = cached(budget.programme_names, state["year"])
    options = [{"label": t("programme.all", lang), "value": "all"}] + [
        {"label": f"{c} {n}".strip(), "value": c} for c, n in zip(programmes["code"], programmes["name"])]
    extra = [
        extra_dropdown(PREFIX, "programme", t("filter.programme", lang), options, state["programme"] or "all",
                       md=7),
        extra_radio(PREFIX, "metric", t("filter.metric", lang),
                    [{"label": t(m, lang), "value": m} for m in METRICS], state["metric"], md=5),
    ]
    return html.Div([
        *page_top(PREFIX, "regions", state, years, extra=extra),
        dbc.Row([
            dbc.Col([graph(f"{PREFIX}-map", min_height=560),
                     html.P(t("credit.ne", lang), className="small text-secondary mt-1", id=f"{PREFIX}-credit")],
                    lg=6, className="mb-3"),
            dbc.Col([html.P(t("units.millions", lang), className="small text-secondary mb-1"),
                     dcc.Loading(html.Div(id=f"{PREFIX}-table"), delay_show=250)], lg=6),
        ]),
        municipality_section(lang),
    ])


@callback(Output(f"{PREFIX}-map", "figure"), Output(f"{PREFIX}-table", "children"),
          Input(f"{PREFIX}-state", "data"))
@on_store_missing(PREFIX, shape=lambda msg, fig: (fig, msg))
def render_regions(state: dict):
    """The map of the chosen measure and the department table for the state in the URL."""
    lang, year, level, metric = state["lang"], state["year"], state["level"], state["metric"]
    programme = state["programme"] or None
    rows = cached(budget.by_department, year, level, programme)
    source = source_text(year, lang)
    title = t("regions.map", lang, metric=t(metric, lang)) + f" · {year}"
    if programme:
        title += f" · {programme}"
    fig = department_map(rows, metric, lang, title, source, get_asset_url(GEOJSON))
    if rows.empty:
        return fig, dbc.Alert(t("empty", lang), color="secondary")
    table = data_grid(f"{PREFIX}-grid", rows, budget_columns(lang, pia=False, name_header=t("col.department", lang)),
                      pinned_total=total_row(rows, lang), height=min(560, 100 + 42 * (len(rows) + 1)), lang=lang)
    return fig, table
