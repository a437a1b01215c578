"""Datos y fuentes: where the numbers come from (MEF SIAF open data), what a row is, the
definitions behind every chart, how to load real files, and the history of every load."""
from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, callback, dcc, html

from components.consulta import reconciliation_section
from components.citation import citation_card
from components.data import cached
from components.layout import DEMO_COMMAND, LOAD_COMMAND, on_store_missing, page_header, years_or_none
from components.tables import data_grid
from domain.i18n import code_label, t
from domain.url_state import page_state
from store import status

dash.register_page(__name__, path="/datos", name="Datos y fuentes", order=5, i18n_key="nav.data",
                   title="Datos y fuentes · Presupuesto sensible al género")

PREFIX = "data"
RECONCILE_COMMAND = "python -m etl reconcile --year AÑO [--by NIVEL] [--format csv]"


def layout(**query):
    state = page_state(query, years_or_none())
    lang = state["lang"]
    view = {k: state[k] for k in ("lang", "year", "level", "precios")}   # the view the citation is for
    return html.Div([
        page_header(PREFIX, t("data.title", lang), t("data.what.body", lang)),
        dcc.Store(id=f"{PREFIX}-state", data=view),
        dcc.Loading(html.Div(id=f"{PREFIX}-cite-box"), delay_show=250),
        html.H2(t("data.history", lang), className="h5 mt-3"),
        dcc.Loading(html.Div(id=f"{PREFIX}-history"), delay_show=250),
        reconciliation_section(lang),
        dbc.Row([
            dbc.Col([
                html.H2(t("data.grain", lang), className="h5 mt-4"),
                html.P(t("data.grain.body", lang)),
                html.H2(t("data.definitions", lang), className="h5 mt-4"),
                html.Ul([html.Li(t(k, lang)) for k in ("def.pia", "def.pim", "def.devengado", "def.avance",
                                                         "def.ppr")]),
            ], lg=6),
            dbc.Col(html.Details([        # loading instructions: for whoever maintains the data
                html.Summary(t("data.admin", lang), className="h5 mt-4"),
                html.H3(t("data.howto", lang), className="h6 mt-2"),
                html.P(t("data.howto.body", lang)),
                html.Pre(LOAD_COMMAND, className="bg-light p-2 border rounded"),
                html.P(t("data.howto.after", lang)),
                html.Pre(DEMO_COMMAND, className="bg-light p-2 border rounded"),
                html.Pre(RECONCILE_COMMAND, className="bg-light p-2 border rounded"),
                html.P(t("banner.demo", lang), className="small text-secondary"),
            ], id=f"{PREFIX}-admin"), lg=6),
        ]),
    ])


# The load's end time is its date (the start adds nothing a reader needs); long texts wrap, so
# the table fits the page's width instead of hiding its right-hand columns behind a scroll bar.
HISTORY_COLUMNS = (("id", "col.id", "int"), ("file_name", "col.file", "text"), ("format", "col.format", "text"),
                   ("fiscal_years", "col.years", "text"), ("rows_read", "col.read", "int"),
                   ("rows_loaded", "col.loaded", "int"), ("rows_rejected", "col.rejected", "int"),
                   ("status", "col.status", "text"), ("demo", "col.demo", "text"), ("sha256", "col.sha", "text"),
                   ("finished_at", "col.finished", "text"), ("message", "col.message", "text"))
HISTORY_WIDTHS = {"id": (60, 80), "file_name": 130, "format": (90, 150), "fiscal_years": 90, "rows_read": (80, 110),
                  "rows_loaded": (80, 110), "rows_rejected": (80, 110), "status": (80, 110), "demo": (70, 110),
                  "sha256": (90, 130), "finished_at": (100, 160), "message": 140}


@callback(Output(f"{PREFIX}-history", "children"), Output(f"{PREFIX}-cite-box", "children"),
          Input(f"{PREFIX}-state", "data"))
@on_store_missing(PREFIX, shape=lambda msg, fig: (msg, None))
def render_history(state: dict):
    """The citation card and the load history table, or the build command when there is no store yet."""
    lang = state["lang"]
    df = cached(status.load_history)
    if df.empty:
        return dbc.Alert(t("data.no_loads", lang), color="secondary"), None
    cite = citation_card(df, lang, PREFIX, view=state)
    df = df.assign(demo=[t("yes" if d else "no", lang) for d in df["is_demo"]],
                   status=[code_label("status", s, lang) for s in df["status"]],
                   format=[code_label("format", f, lang) for f in df["format"]])
    cols = [(f, t(k, lang), kind) for f, k, kind in HISTORY_COLUMNS]
    return data_grid(f"{PREFIX}-grid", df, cols, height=min(400, 110 + 42 * len(df)), lang=lang,
                     wrap=("file_name", "fiscal_years", "message"), widths=HISTORY_WIDTHS), cite
