"""Page pieces every page uses: the loading-wrapped graph, the page heading, the message shown
when no store exists yet, and the source line under each chart."""
from __future__ import annotations

import functools
from typing import Any, Callable

import dash_bootstrap_components as dbc
from dash import MATCH, Input, Output, clientside_callback, dcc, get_asset_url, html

from components import response_cache
from components.data import cached
from components.figures import empty_figure
from components.filters import filter_bar
from components.takeaway import takeaway_links
from domain.i18n import t
from domain.url_state import page_state
from store import status
from store.engine import StoreMissing
from store.errors import StoreUnreachable

DEMO_COMMAND = "python -m etl demo"
UPGRADE_COMMAND = "python -m etl upgrade"
LOAD_COMMAND = "python -m etl load FILE.csv"
EMPTY_TOPOJSON = "topojson/"        # assets/topojson/world_110m.json: nothing for plotly.js to fetch


def graph(graph_id: str, min_height: int = 300, figure=None) -> dcc.Loading | dcc.Graph:
    """A chart slot: dcc.Loading shows a spinner while its callback runs.

    With `figure`, the chart is drawn already (a callback returning a whole section, itself
    inside a dcc.Loading): the plain dcc.Graph, same configuration."""
    config = {"displaylogo": False, "responsive": True, "topojsonURL": get_asset_url(EMPTY_TOPOJSON),
              "modeBarButtons": [["toImage"]], "scrollZoom": False}
    if figure is not None:
        return dcc.Graph(id=graph_id, figure=figure, config=config, style={"minHeight": f"{min_height}px"})
    return dcc.Loading(dcc.Graph(id=graph_id, config=config, style={"minHeight": f"{min_height}px"}),
                       type="default", delay_show=250)


def page_header(prefix: str, title: str, intro: str) -> html.Div:
    return html.Div([html.H1(title, id=f"{prefix}-heading", className="h3 mt-3 mb-1"),
                     html.P(intro, className="text-secondary mb-3")])


def page_top(prefix: str, texts: str, state: dict, years: list[int], *, between: tuple = (), **filters) -> list:
    """Heading and intro (`{texts}.title`, `{texts}.intro`), the brief and report links, anything
    `between`, the filter bar (`filters` go to filter_bar) and the page's state store: how every
    filtered page begins."""
    lang = state["lang"]
    return [page_header(prefix, t(f"{texts}.title", lang), t(f"{texts}.intro", lang)),
            takeaway_links(prefix, state), *between,
            filter_bar(prefix, state, years, lang, **filters),
            dcc.Store(id=f"{prefix}-state", data=state)]


def store_problem(lang: str) -> tuple[str, str, list[str]]:
    """(title, explanation, commands to run) when there is no usable store: the words
    of store_missing and of the brief download's answer (routes.py), written once."""
    problem = status.schema_problem()
    if isinstance(problem, StoreUnreachable):     # the server is down or restarting: nothing to run
        return t("unreachable.title", lang), t("unreachable.body", lang), []
    if problem is not None:           # a store from another version of the code
        body = t("outdated.body" if problem.older else "newer.body", lang, found=problem.found, wanted=problem.wanted)
        return t("outdated.title", lang), body, [UPGRADE_COMMAND] if problem.older else []
    return t("missing.title", lang), t("missing.body", lang), [DEMO_COMMAND, LOAD_COMMAND]


def store_missing(lang: str, prefix: str) -> dbc.Container:
    """Shown instead of a page when there is no usable store: what to run, not a traceback."""
    response_cache.skip()           # the store may be back at the next request
    title, body, commands = store_problem(lang)
    pres = [html.Pre(c, className="mb-0" if i == len(commands) - 1 else "mb-2") for i, c in enumerate(commands)]
    # No commands: the database is unreachable. The page reloads itself until it answers again.
    retry = [] if commands else [dcc.Interval(id={"type": "store-retry", "page": prefix}, interval=RETRY_MS)]
    return dbc.Container(dbc.Alert([html.H2(title, className="h4 alert-heading"), html.P(body), *pres, *retry],
                                   color="warning", id=f"{prefix}-missing", className="mt-4"))


RETRY_MS = 10_000
# Reload the page when the retry interval fires: the page reads the store again, and shows itself
# once the database answers (StoreUnreachable in store/errors.py).
clientside_callback(
    "function(n) { if (n) { window.location.reload(); } return window.dash_clientside.no_update; }",
    Output({"type": "store-retry", "page": MATCH}, "disabled"),
    Input({"type": "store-retry", "page": MATCH}, "n_intervals"),
    prevent_initial_call=True,
)


def on_store_missing(prefix: str, shape: Callable[[dbc.Container, Any], Any] | None = None):
    """Decorator (under @callback) for a page callback whose first argument is the page state:
    when a read finds no usable store (store.engine.StoreMissing), return store_missing(lang, prefix)
    instead, or `shape(message, figure)` for a callback with several outputs, `figure` being an
    empty chart that says so, e.g. `shape=lambda msg, fig: (msg, fig, fig, fig)`."""
    def wrap(fn):
        @functools.wraps(fn)
        def guarded(state: dict, *args):
            try:
                return fn(state, *args)
            except StoreMissing:
                lang = state["lang"]
                message = store_missing(lang, prefix)
                return message if shape is None else shape(message, empty_figure(t("missing.title", lang)))
        return guarded
    return wrap


def source_text(year: int | None, lang: str, summary: dict | None = None) -> str:
    """'Fuente: MEF, ... (archivo 2010-Gasto.csv, cargado el 04/12/2026)', or the demonstration
    wording when the lines are demo data: the dataset, its file and date, never internal load ids.

    year None: the loads of every fiscal year (a chart over all years). `summary`: the
    store_summary the caller has read already (read here when not given)."""
    summary = summary if summary is not None else cached(status.store_summary)
    by_year, files = summary["loads"], summary.get("files", {})
    loads = (by_year.get(int(year), []) if year is not None
             else sorted({x for v in by_year.values() for x in v}))
    shown = [files.get(i, (f"#{i}", "")) for i, _ in loads]
    if len(shown) > 3:            # a chart over many years: the first and last file
        shown = [shown[0], ("…", ""), shown[-1]]
    described = "; ".join(f"{name}, {t('source.loaded_on', lang, date=when)}" if when else name
                          for name, when in shown) or "—"
    demo = any(d for _, d in loads)
    return t("source.demo" if demo else "source.mef", lang, loads=described)


def page_context(query: dict, prefix: str, state_of=page_state):
    """(years, URL state, None) for a page, or (None, state, the no-store message to return)."""
    years = years_or_none()
    state = state_of(query, years)
    if not years:                 # no store, or only Consulta Amigable exports (no budget lines)
        return None, state, store_missing(state["lang"], prefix)
    return years, state, None


def years_or_none() -> list[int] | None:
    """The fiscal years with budget lines, or None when there is no store yet."""
    try:
        return cached(status.store_summary)["years"]
    except StoreMissing:
        return None
