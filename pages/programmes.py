"""Programas: PIM and devengado by programme, drilled programme -> producto/proyecto ->
actividad -> unidad ejecutora by clicking a bar or a table row or picking from a list, or
grouped by a level further down ("Ver por": the executing units of a whole programme). The
drilled item gets its key figures, its series by fiscal year and its monthly execution.

The drill path and the view are in the URL (?path=0001.3000001&por=ejecutora), so a drilled
view can be shared and the back button goes up; amounts follow the global `precios`."""
from __future__ import annotations

import textwrap

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, ctx, dcc, html, no_update

from components import programme_drill as view
from components.cards import money_cards
from components.data import cached, cached_all, kw
from components.figures import budget_bars, empty_figure, execution_curve
from components.filters import extra_radio
from components.layout import (
    graph,
    on_store_missing,
    page_context,
    page_header,
    page_top,
    source_text,
)
from components.tables import budget_columns, data_grid, total_row
from domain.codes import REAL_BASE_YEAR
from domain.i18n import gender_class_label, t
from domain.url_state import DRILL_VIEWS, programmes_state, search_for
from components.results import results_section
from store import budget, gender_programmes, indicators, reference

PATH = "/programas"
dash.register_page(__name__, path=PATH, name="Programas", order=1, i18n_key="nav.programmes",
                   title="Programas · Presupuesto sensible al género")

PREFIX = "programmes"
MAX_BARS = 25


def layout(**query):
    years, state, missing = page_context(query, PREFIX, programmes_state)
    if missing:
        return missing
    lang = state["lang"]
    views = view.view_options(state, lang)
    extra = [extra_radio(PREFIX, "por", t("programmes.por", lang), views, view.view_level(state)
                         if view.skips_levels(state) else DRILL_VIEWS[0], md=12)] if views else []
    top = page_top(PREFIX, "programmes", state, years, extra=extra)
    top[0] = page_header(PREFIX, t("programmes.title", lang), t("programmes.intro.drill", lang))
    aside = []
    if view.view_level(state) == "programa":
        aside = [dbc.Switch(id=f"{PREFIX}-aside", label=t("programmes.aside", lang), value=state["apartar"] == "si",
                            className="mb-1")]
    return html.Div([
        *top,
        dbc.Row([
            dbc.Col(html.Nav(id=f"{PREFIX}-breadcrumb", **{"aria-label": t("programmes.breadcrumb", lang)}), md=8),
            dbc.Col(dcc.Dropdown(id=f"{PREFIX}-pick", placeholder=t("programmes.pick", lang), optionHeight=44),
                    md=4),
        ], className="mb-2 align-items-center"),
        dcc.Loading(html.Div(id=f"{PREFIX}-kpis", className="mb-2"), delay_show=250),
        html.Div(id=f"{PREFIX}-view-note", className="small text-secondary mb-2"),
        *aside,
        graph(f"{PREFIX}-bars"),
        html.P(id=f"{PREFIX}-aside-note", className="small text-secondary mb-2"),
        dcc.Loading(html.Div(id=f"{PREFIX}-table"), delay_show=250),
        html.Div(graph(f"{PREFIX}-series"), className="mt-3 mb-3"),     # full width: long names in the titles
        html.Div(graph(f"{PREFIX}-monthly"), className="mb-3"),
        html.Div(id=f"{PREFIX}-notes", className="small text-secondary"),
        dcc.Loading(html.Div(id=f"{PREFIX}-results"), delay_show=250),
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


OUTPUTS = ("breadcrumb", "pick.options", "pick.disabled", "bars.figure", "table", "kpis", "view-note",
           "aside-note", "series.figure", "monthly.figure", "notes")


def _output(name: str) -> Output:
    cid, _, prop = name.partition(".")
    return Output(f"{PREFIX}-{cid}", prop or "children")


@callback(*[_output(o) for o in OUTPUTS], Input(f"{PREFIX}-state", "data"))
@on_store_missing(PREFIX, shape=lambda msg, fig: (None, [], True, fig, msg, None, None, None, fig, fig, None))
def render_programmes(state: dict):
    """The current drill level and view: breadcrumb, choices, key figures, bars, table, the
    drilled item's series by year and its monthly execution, all in the chosen prices."""
    lang, year, level, path = state["lang"], state["year"], state["level"], tuple(state["path"])
    group = view.view_level(state)
    skips = view.skips_levels(state)
    drill_call = (budget.drill, year, level, path, kw(by=group)) if skips else (budget.drill, year, level, path)
    reads = [drill_call, (budget.drill_names, year, path), (budget.drill_series, level, path),
             (budget.drill_monthly, year, level, path)]
    if group == "programa":         # programme rows get their gender classification (below)
        reads.append((gender_programmes.gender_by_programme, year, level))
    rows, names, series, monthly, *gender_read = cached_all(*reads)
    classes = gender_read[0] if gender_read else None

    real = state.get("precios") == "real"
    factors = None
    if real:
        years = sorted({int(y) for y in series["fiscal_year"]} | {int(year)})
        found = cached_all(*[(reference.to_real_soles, 1.0, y, REAL_BASE_YEAR) for y in years])
        factors = dict(zip(years, found))
    factor = factors.get(int(year)) if factors else None
    notes = []
    if real and factor is None:      # no CPI for the chosen year: say so, show nominal
        notes.append(dbc.Alert(t("programmes.nocpi", lang, years=year), color="warning", className="py-2"))
    real_year = real and factor is not None
    units = view.units(real_year, lang)
    source = source_text(year, lang) + (f"<br>{t('programmes.source.cpi', lang)}" if real_year else "")

    subject = f"{path[-1]} {names[-1]}".strip() if path else t("programmes.all", lang)
    level_name = t(f"drill.{group}", lang)
    shown = view.in_prices(rows, factor if real_year else None)
    chart_rows, aside = view.set_aside(shown, group, state)
    bottom = group == "ejecutora"
    options = [] if bottom else [{"label": f"{k} {n}".strip(), "value": k} for k, n in zip(rows["key"], rows["name"])]

    title = t("programmes.chart.by", lang, level=level_name.lower(), subject=subject, year=year)
    if len(chart_rows) > MAX_BARS:
        title += f" ({t('programmes.top', lang, n=MAX_BARS, total=len(chart_rows))})"
    top = chart_rows.head(MAX_BARS)
    fig = budget_bars(top, lang, title, source, labels=view.bar_labels(top) if not top.empty else None, units=units)
    table = _table(shown, group, classes, level_name, units, lang)

    crumbs = [breadcrumb(state, names, lang)]
    if len(path) == 3:
        crumbs.append(html.Div(t("programmes.bottom", lang), className="small text-secondary"))
    view_note = []
    if skips:
        view_note.append(html.Span(t("programmes.view.note", lang, level=level_name, subject=subject)))
        if bottom:
            view_note.append(html.Span(" " + t("programmes.view.bottom", lang)))

    kpis = _kpis(series, year, factor if real_year else None, subject, units, lang)
    series_fig, missing = _series(series, factors, subject, lang, real)
    if missing:
        notes.append(html.P(t("programmes.nocpi.series", lang, years=", ".join(map(str, missing)))))
    monthly_fig = execution_curve(view.in_prices(monthly, factor if real_year else None), lang,
                                  t("programmes.monthly.title", lang, subject=subject, year=year), source, units)
    return (crumbs, options, bottom or rows.empty, fig, table, kpis, view_note,
            view.aside_note(aside, state, real_year, lang), series_fig, monthly_fig, notes)


def _table(rows, group: str, classes, level_name: str, units: str, lang: str):
    """Every row (9001/9002 included, the total with them), full names wrapped; a click drills."""
    if rows.empty:
        return dbc.Alert(t("empty", lang), color="secondary")
    columns = budget_columns(lang, key_header=level_name)
    if group == "programa":         # programme rows: their gender classification (pages/gender.py explains it)
        rows = rows.assign(gender=gender_labels(rows["key"], classes, lang))
        columns.append(("gender", t("col.gender_class", lang), "text"))
    grid = data_grid(f"{PREFIX}-grid", rows, columns, row_id="key", wrap=("name",),
                     pinned_total=total_row(rows, lang), height=min(520, 90 + 48 * (len(rows) + 1)), lang=lang)
    return html.Div([html.P(units, className="small text-secondary mt-3 mb-1"), grid])


def _kpis(series, year: int, factor: float | None, subject: str, units: str, lang: str):
    """PIA, PIM, devengado and avance % of the drilled item in the chosen year."""
    row = series[series["fiscal_year"] == int(year)]
    if row.empty:
        return dbc.Alert(t("empty", lang), color="secondary")
    values = view.in_prices(row, factor).iloc[0].to_dict()
    return html.Section([html.H2(t("programmes.kpis", lang, subject=subject, year=year), className="h6 mb-2"),
                         money_cards(values, lang, PREFIX, units)], **{"aria-label": subject})


def _series(series, factors, subject: str, lang: str, real: bool):
    """(the series figure, years without a CPI). One year loaded: a sentence, not a one-point chart."""
    shown, missing = view.series_in_prices(series, factors if real else None)
    title = t("programmes.series.title", lang, subject=subject)
    if len(series) < 2:
        only = int(series["fiscal_year"].iloc[0]) if len(series) else "—"
        message = "<br>".join(textwrap.wrap(t("programmes.series.one", lang, subject=subject, year=only), 60))
        return empty_figure(f"<b>{title}</b><br><br>{message}", height=300), missing
    units = view.units(real and len(shown) > 0, lang)
    source = source_text(None, lang) + (f"<br>{t('programmes.source.cpi', lang)}" if real else "")
    return view.series_figure(shown, lang, title, units, source), missing


def gender_labels(keys, classes, lang: str) -> list[str]:
    """The gender classification of each programme in `keys` ('' for one without)."""
    by_key = {r["key"]: r for r in classes.to_dict("records")}
    return [gender_class_label(by_key.get(k), lang) for k in keys]


def drill_search(state: dict, key: str | None) -> str | None:
    """The query string one level below `key`, or None at the bottom or without a key."""
    if not key or len(state["path"]) >= len(budget.DRILL_LEVELS) - 1:
        return None
    return search_for(state, path=[*state["path"], str(key)])


def drill_target(state: dict, key: str | None) -> str | None:
    """Where a click on row `key` goes: one level down, or, in a view that skips levels, the
    full path to it (store.budget.drill_locate); None at the bottom or when the path is not unique."""
    if not key:
        return None
    if not view.skips_levels(state):
        return drill_search(state, key)
    full = cached(budget.drill_locate, state["year"], state["level"], tuple(state["path"]),
                  view.view_level(state), str(key))
    return None if full is None else search_for(state, path=list(full), por=DRILL_VIEWS[0])


@callback(Output("shell-url", "search", allow_duplicate=True),
          Input(f"{PREFIX}-bars", "clickData"), Input(f"{PREFIX}-pick", "value"),
          State(f"{PREFIX}-state", "data"), prevent_initial_call=True)
def drill_down(click: dict | None, picked: str | None, state: dict):
    """A bar clicked or a row picked in the list: go to it."""
    if ctx.triggered_id == f"{PREFIX}-pick":
        key = picked
    else:
        points = (click or {}).get("points") or []
        key = points[0].get("customdata") if points else None
    new = drill_target(state, key)
    return no_update if new is None else new


# Its own callback: the grid exists only once the page has drawn it (an Input missing from the
# layout beside present ones is an error in the browser).
@callback(Output("shell-url", "search", allow_duplicate=True), Input(f"{PREFIX}-grid", "cellClicked"),
          State(f"{PREFIX}-state", "data"), prevent_initial_call=True)
def row_clicked(cell: dict | None, state: dict):
    """A table row clicked: drills like its bar."""
    new = drill_target(state, (cell or {}).get("rowId"))
    return no_update if new is None else new


@callback(Output("shell-url", "search", allow_duplicate=True), Input(f"{PREFIX}-aside", "value"),
          State(f"{PREFIX}-state", "data"), prevent_initial_call=True)
def toggle_aside(on: bool, state: dict):
    """The 9001/9002 switch: into the URL (apartar=no when off), so the view can be shared."""
    value = "si" if on else "no"
    return no_update if value == state.get("apartar", "si") else search_for(state, apartar=value)


@callback(Output(f"{PREFIX}-results", "children"), Input(f"{PREFIX}-state", "data"))
@on_store_missing(PREFIX)
def render_results(state: dict):
    """Beside a drilled programme's money: the result indicators it aims at (national series)
    and the departments' spending per target person against the headline indicator."""
    path = tuple(state["path"])
    if not path:
        return None
    lang, year, level = state["lang"], state["year"], state["level"]
    names, series = cached_all((budget.drill_names, year, path[:1]), (budget.drill_series, state["level"], path[:1]))
    code, name = path[0], names[0]
    results = cached(indicators.programme_results, code, name, year, level=level)
    factor = (cached(reference.to_real_soles, 1.0, year, REAL_BASE_YEAR) if state.get("precios") == "real"
              else None)
    return results_section(results, lang, PREFIX, year=year, place=t("results.national", lang),
                           programme=f"{code} {name}".strip(), money_years=[int(y) for y in series["fiscal_year"]],
                           money_source=source_text(year, lang), factor=factor)
