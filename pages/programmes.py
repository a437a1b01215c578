"""Programas: PIM and devengado by programme, drilled programme -> producto/proyecto ->
actividad -> unidad ejecutora by clicking a bar or picking from a list. The drill path is in
the URL (?path=0001.3000001), so a drilled view can be shared and the back button goes up."""
from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, ctx, dcc, html, no_update

from components.data import cached_all
from components.figures import budget_bars
from components.layout import (
    graph,
    on_store_missing,
    page_context,
    page_top,
    source_text,
)
from components.tables import budget_columns, data_grid, total_row
from domain.i18n import gender_class_label, t
from domain.url_state import search_for
from store import budget, gender_programmes

PATH = "/programas"
dash.register_page(__name__, path=PATH, name="Programas", order=1, i18n_key="nav.programmes",
                   title="Programas · Presupuesto sensible al género")

PREFIX = "programmes"
MAX_BARS = 25


def layout(**query):
    years, state, missing = page_context(query, PREFIX)
    if missing:
        return missing
    lang = state["lang"]
    return html.Div([
        *page_top(PREFIX, "programmes", state, years),
        dbc.Row([
            dbc.Col(html.Nav(id=f"{PREFIX}-breadcrumb", **{"aria-label": t("programmes.breadcrumb", lang)}), md=8),
            dbc.Col(dcc.Dropdown(id=f"{PREFIX}-pick", placeholder=t("programmes.pick", lang), optionHeight=44),
                    md=4),
        ], className="mb-2 align-items-center"),
        graph(f"{PREFIX}-bars"),
        html.P(t("units.millions", lang), className="small text-secondary mt-3 mb-1"),
        dcc.Loading(html.Div(id=f"{PREFIX}-table"), delay_show=250),
    ])


def breadcrumb(state: dict, names: list[str], lang: str) -> html.Ol:
    """'Todos los programas > 0001 NAME > 3000001 NAME': each ancestor links to its level."""
    items = [(t("programmes.all", lang), [])]
    for i, (code, name) in enumerate(zip(state["path"], names)):
        items.append((f"{code} {name}".strip(), state["path"][: i + 1]))
    out = []
    for n, (label, path) in enumerate(items):
        last = n == len(items) - 1
        content = label if last else dcc.Link(label, href=PATH + search_for(state, path=path))
        out.append(html.Li(content, className="breadcrumb-item" + (" active" if last else ""),
                           **({"aria-current": "page"} if last else {})))
    return html.Ol(out, className="breadcrumb mb-0")


@callback(Output(f"{PREFIX}-breadcrumb", "children"), Output(f"{PREFIX}-pick", "options"),
          Output(f"{PREFIX}-pick", "disabled"), Output(f"{PREFIX}-bars", "figure"),
          Output(f"{PREFIX}-table", "children"), Input(f"{PREFIX}-state", "data"))
@on_store_missing(PREFIX, shape=lambda msg, fig: (None, [], True, fig, msg))
def render_programmes(state: dict):
    """The current drill level: breadcrumb, choices for the next level, bars and table."""
    lang, year, level, path = state["lang"], state["year"], state["level"], list(state["path"])
    depth = len(path)
    reads = [(budget.drill, year, level, tuple(path)), (budget.drill_names, year, tuple(path))]
    if depth == 0:                  # programme rows get their gender classification (below)
        reads.append((gender_programmes.gender_by_programme, year, level))
    rows, names, *gender_read = cached_all(*reads)
    classes = gender_read[0] if gender_read else None
    source = source_text(year, lang)
    level_name = t(f"drill.{budget.DRILL_LEVELS[depth]}", lang)
    bottom = depth == len(budget.DRILL_LEVELS) - 1
    options = [] if bottom else [{"label": f"{k} {n}".strip(), "value": k} for k, n in zip(rows["key"], rows["name"])]
    title = t("drill.chart", lang, level=level_name.lower()) + f" · {year}"
    if len(rows) > MAX_BARS:
        title += f" ({t('programmes.top', lang, n=MAX_BARS, total=len(rows))})"
    fig = budget_bars(rows.head(MAX_BARS), lang, title, source)
    if rows.empty:
        table = dbc.Alert(t("empty", lang), color="secondary")
    else:
        columns = budget_columns(lang, key_header=level_name)
        if depth == 0:              # programme rows: their gender classification (pages/gender.py explains it)
            rows = rows.assign(gender=gender_labels(rows["key"], classes, lang))
            columns.append(("gender", t("col.gender_class", lang), "text"))
        table = data_grid(f"{PREFIX}-grid", rows, columns,
                          pinned_total=total_row(rows, lang), height=min(460, 90 + 42 * (len(rows) + 1)), lang=lang)
    crumbs = [breadcrumb(state, names, lang)]
    if bottom:
        crumbs.append(html.Div(t("programmes.bottom", lang), className="small text-secondary"))
    return crumbs, options, bottom or rows.empty, fig, table


def gender_labels(keys, classes, lang: str) -> list[str]:
    """The gender classification of each programme in `keys` ('' for one without)."""
    by_key = {r["key"]: r for r in classes.to_dict("records")}
    return [gender_class_label(by_key.get(k), lang) for k in keys]


def drill_search(state: dict, key: str | None) -> str | None:
    """The query string one level below `key`, or None at the bottom or without a key."""
    if not key or len(state["path"]) >= len(budget.DRILL_LEVELS) - 1:
        return None
    return search_for(state, path=[*state["path"], str(key)])


@callback(Output("shell-url", "search", allow_duplicate=True),
          Input(f"{PREFIX}-bars", "clickData"), Input(f"{PREFIX}-pick", "value"),
          State(f"{PREFIX}-state", "data"), prevent_initial_call=True)
def drill_down(click: dict | None, picked: str | None, state: dict):
    """A bar clicked or a row picked in the list: go one level down."""
    if ctx.triggered_id == f"{PREFIX}-pick":
        key = picked
    else:
        points = (click or {}).get("points") or []
        key = points[0].get("customdata") if points else None
    new = drill_search(state, key)
    return no_update if new is None else new
