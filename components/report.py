"""Pieces of the printable report (pages/report.py): charts at a fixed print width, its tables
as plain HTML, the three gender totals, the numbered source list, the "how to cite" line and the
chooser shown when no selection is given. Data comes from exports/report_data.py.

Figures and tables cite their sources by number ("Fuente: [1], [2]"), the numbers of the list
at the end of the report, so a figure pasted elsewhere still says where it comes from.
"""
from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, get_asset_url, html

from components.cards import kpi_card, money_cards
from components.figures import budget_bars, execution_curve
from components.fmt import fmt_number
from components.layout import EMPTY_TOPOJSON
from components.print_table import print_table
from components.tables import budget_columns, total_row
from domain.gender import DEFINITIONS
from domain.codes import REAL_BASE_YEAR
from domain.i18n import money_units, prices_in_words, report_section, t, unit_label
from exports.report_data import KINDS

PREFIX = "report"
# A4 is 210 mm wide; less 2 x 14 mm of margin (assets/print.css) that is 182 mm = 688 px at
# 96 px per inch. Figures get a fixed width a little under it, so they never overflow the page.
PRINT_WIDTH = 680
COLUMN_HEIGHT = 340           # vertical bars and the monthly curve: two fit on a page with text


# ---------------------------------------------------------------- sources and citing

def source_numbers(sources: list[dict]) -> dict[str, list[int]]:
    """role -> the numbers (1-based) of its entries in the numbered source list."""
    out: dict[str, list[int]] = {}
    for i, s in enumerate(sources, start=1):
        out.setdefault(s["role"], []).append(i)
    return out


def cite(roles, numbers: dict[str, list[int]]) -> str:
    """'[1], [3]': the entries of the source list behind a figure."""
    return ", ".join(f"[{n}]" for r in roles for n in numbers.get(r, []))


def source_line(roles, numbers: dict[str, list[int]], lang: str) -> html.P:
    return html.P(t("informe.source", lang, refs=cite(roles, numbers) or "—"),
                  className="small text-secondary report-source mb-2")


def source_entry(s: dict, lang: str) -> str:
    """One entry of the numbered list, in words (Markdown: the curated citations carry emphasis)."""
    role = s["role"]
    if role == "budget":
        return t("informe.src.demo" if s["is_demo"] else "informe.src.mef", lang, file=s["file_name"],
                 years=s["fiscal_years"].replace(",", ", "), sha=s["sha256"], date=s["date"], id=s["load_id"])
    if role == "rules":
        return t("informe.src.rules", lang, file=s["file_name"], count=s["rule_count"], sha=s["sha256"],
                 date=s["date"], id=s["rule_set_id"])
    if role == "coverage":
        return t("informe.src.coverage", lang, file=s["file_name"], sha=s["sha256"], date=s["date"],
                 rows="; ".join(s["row_sources"]) or "—")
    if role == "report":
        sections = ", ".join(report_section(x, lang) for x in s.get("sections", [])) or "—"
        return t("informe.src.report", lang, citation=s["citation"], sections=sections, file=s["file_name"],
                 sha=s["sha256"], date=s["date"])
    return t("informe.src.reference", lang, citation=s["citation"], file=s["file_name"], sha=s["sha256"],
             date=s["date"])


def source_list(sources: list[dict], lang: str) -> html.Section:
    """The numbered list every figure of the report points into."""
    items = [html.Li(dcc.Markdown(source_entry(s, lang), className="mb-0", link_target="_blank"),
                     className="small mb-1") for s in sources]
    return html.Section([html.H2(t("informe.sources.title", lang), className="h5 mt-4"),
                         html.Ol(items, id=f"{PREFIX}-sources", className="report-sources ps-4")],
                        className="report-block")


def cite_block(title: str, year: int, url: str, generated: str, lang: str) -> html.Section:
    """'How to cite': the report's title, year, date and its permalink (the URL that rebuilds it)."""
    text = t("informe.cite", lang, app=t("app.title", lang), title=title, year=year, date=generated)
    return html.Section([html.H2(t("informe.cite.title", lang), className="h5 mt-4"),
                         html.P([text, " ", html.A(url, href=url, className="report-permalink")],
                                id=f"{PREFIX}-cite", className="small")], className="report-block")


# ---------------------------------------------------------------- charts

def print_graph(graph_id: str, figure, height: int | None = None) -> html.Div:
    """A chart at the print width: a static plot (no hover, no toolbar, nothing to click on
    paper) whose size does not follow the window, so screen and paper show the same drawing.
    `height` replaces the figure's own."""
    figure.update_layout(width=PRINT_WIDTH, autosize=False, **({"height": height} if height else {}))
    height = figure.layout.height or 400
    config = {"staticPlot": True, "displayModeBar": False, "responsive": False,
              "topojsonURL": get_asset_url(EMPTY_TOPOJSON)}
    return html.Div(dcc.Graph(id=graph_id, figure=figure, config=config,
                              style={"width": f"{PRINT_WIDTH}px", "height": f"{height}px"}),
                    className="report-figure mb-3")


def report_chart(chart: dict, year: int, lang: str, numbers: dict[str, list[int]], prices: str = "nominal"):
    """A chart of exports/report_data (id, kind, rows, sources) drawn by the dashboard's builders,
    its amounts in `prices` (the report's data["prices"])."""
    rows, kind, cid = chart["rows"], chart["kind"], chart["id"]
    title = t(f"informe.chart.{cid}", lang, year=year)
    roles = (*chart["sources"], "cpi") if prices == "real" else chart["sources"]
    source = t("informe.source", lang, refs=cite(roles, numbers))
    units = money_units(prices, lang)
    if kind == "monthly":
        fig = execution_curve(rows, lang, title, source, units)
    elif kind == "columns":
        labels = [t(f"level.{k}", lang) for k in rows["key"]] if cid == "levels" else list(rows["key"])
        fig = budget_bars(rows, lang, title, source, labels=labels or None, horizontal=False, units=units)
    else:
        fig = budget_bars(rows, lang, title, source, label_width=40, units=units)
    return print_graph(f"{PREFIX}-chart-{cid}", fig, height=None if kind == "bars" else COLUMN_HEIGHT)


# ---------------------------------------------------------------- tables

def _text(v) -> str:
    return "" if v is None or v != v else str(v)


def _coverage_rows(rows: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, list]:
    df = rows.assign(unit_label=[unit_label(u, lang) for u in rows["unit"]],
                     sex_label=[t(f"sex.{s}", lang) if s in ("F", "M", "T") else _text(s) for s in rows["sex"]],
                     year=[_text(y) for y in rows["year"]])
    cols = [("year", t("col.year", lang), "text"), ("department_name", t("col.department", lang), "text"),
            ("sex_label", t("col.sex", lang), "text"), ("value", t("col.value", lang), "int"),
            ("unit_label", t("col.unit", lang), "text"), ("source", t("col.source", lang), "text")]
    return df, cols


def _printed_rows(rows: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, list]:
    df = rows.assign(unit_label=[unit_label(u, lang) for u in rows["unit"]],
                     sex_label=[t(f"sex.{s}", lang) if s in ("F", "M", "T") else _text(s) for s in rows["sex"]],
                     section=[report_section(s, lang) for s in rows["section"]])
    cols = [("printed", t("col.printed", lang), "text"), ("value", t("col.value", lang), "int"),
            ("unit_label", t("col.unit", lang), "text"), ("sex_label", t("col.sex", lang), "text"),
            ("date", t("col.date", lang), "text"), ("section", t("col.section", lang), "text")]
    return df, cols


BUDGET_KEY_HEADERS = {"products": "drill.producto", "activities": "drill.actividad", "units": "drill.ejecutora",
                      "departments": "col.department", "programmes": "drill.programa"}


def report_table(table: dict, lang: str, numbers: dict[str, list[int]]) -> html.Section:
    """A table of exports/report_data (id, rows, total_rows, sources): heading, every row shown,
    how many were left out, its source."""
    tid, rows = table["id"], table["rows"]
    heading = html.H3(t(f"informe.table.{tid}", lang), className="h6 mt-3 mb-1")
    if rows.empty:
        return html.Section([heading, html.P(t("empty", lang), className="small")], className="report-block")
    total = None
    if tid == "coverage":
        rows, cols = _coverage_rows(rows, lang)
    elif tid == "coverage_printed":
        rows, cols = _printed_rows(rows, lang)
    else:
        cols = budget_columns(lang, key_header=t(BUDGET_KEY_HEADERS[tid], lang))
        if table["total_rows"] == len(rows):
            total = total_row(rows, lang)
    body = [heading, print_table(rows, cols, table_id=f"{PREFIX}-table-{tid}", total=total)]
    if table["total_rows"] > len(rows):
        body.append(html.P(t("informe.table.more", lang, n=len(rows), total=table["total_rows"]),
                           className="small mb-0"))
    body.append(source_line(table["sources"], numbers, lang))
    return html.Section(body, id=f"{PREFIX}-section-{tid}", className="report-block")


def gender_table(summary: pd.DataFrame | None, lang: str, numbers: dict[str, list[int]],
                 prices: str = "nominal") -> html.Section:
    """The three gender totals (store.gender.gender_summary rows) as one small table."""
    heading = [html.H2(t("informe.gender.title", lang), className="h5 mt-4"),
               html.P(t("informe.gender.intro", lang), className="small mb-1")]
    if summary is None:
        return html.Section([*heading, html.P(t("informe.gender.none", lang), className="small")],
                            id=f"{PREFIX}-gender", className="report-block")
    df = summary.assign(label=[t(f"gdef.{d}", lang) for d in summary["definition"]])
    df = df.set_index("definition").loc[[d for d in DEFINITIONS if d in set(df["definition"])]].reset_index()
    cols = [("label", t("col.definition", lang), "text"), ("pia", t("col.pia", lang), "amount"),
            ("pim", t("col.pim", lang), "amount"), ("devengado", t("col.devengado", lang), "amount"),
            ("share_devengado_pct", t("informe.gender.share", lang), "pct")]
    return html.Section([*heading, html.P(money_units(prices, lang), className="small text-secondary mb-1"),
                         print_table(df, cols, table_id=f"{PREFIX}-gender-table"),
                         source_line(("budget", "rules"), numbers, lang)],
                        id=f"{PREFIX}-gender", className="report-block")


# ---------------------------------------------------------------- key figures

def key_figures(data: dict, lang: str, numbers: dict[str, list[int]]) -> html.Section:
    """PIA, PIM, devengado and avance % (components/cards.money_cards), plus the report's own
    figure: devengado per inhabitant (a department) or cost per beneficiary (a network programme)."""
    extra, roles = [], ["budget"]
    real = data.get("prices") == "real"
    if real:
        roles.append("cpi")
    if data.get("per_inhabitant") is not None:
        extra.append(kpi_card(t("informe.per_inhabitant", lang), fmt_number(data["per_inhabitant"]),
                              t("units.per.habitante.real" if real else "units.per.habitante", lang),
                              t("informe.per_inhabitant.note", lang, year=data["year"],
                                n=fmt_number(data["population"], 0)), f"{PREFIX}-kpi-per-inhabitant"))
        roles.append("population")
    cost = data.get("cost")
    if cost and cost.get("cost_per_beneficiary") is not None:
        unit = cost["unit"]
        n = f"{fmt_number(cost['beneficiaries'], 0)} {unit_label(unit, lang)}"
        extra.append(kpi_card(t("red.cost", lang, unit=unit_label(unit, lang, singular=True)),
                              fmt_number(cost["cost_per_beneficiary"], 0),
                              t("units.cost.real" if real else "units.cost", lang,
                                unit=unit_label(unit, lang, singular=True)),
                              t("red.cost.note", lang, n=n, source=cost["source"]), f"{PREFIX}-kpi-cost"))
        roles.append("coverage")
    cards = money_cards(data["money"], lang, PREFIX, money_units(data.get("prices"), lang), extra=extra)
    return html.Section([html.H2(t("informe.key", lang), className="h5 mt-3"), cards,
                         source_line(roles, numbers, lang)], id=f"{PREFIX}-key", className="report-block report-kpis")


# ---------------------------------------------------------------- the chooser

def chooser(options: dict[str, list[tuple[str, str]]], years: list[int], state: dict, lang: str,
            message: str | None = None) -> html.Div:
    """Three small forms (budget programme, department, network programme) that open
    /informe?KIND=CODE&year=Y: plain GET forms, no callback, so the address is the URL scheme."""
    forms = []
    for kind in KINDS:
        opts = [{"label": label, "value": code} for code, label in options.get(kind, [])]
        current = state.get("code") if state.get("kind") == kind else None
        fields = [
            dbc.Label(t(f"informe.chooser.{kind}", lang), html_for=f"{PREFIX}-pick-{kind}",
                      className="fw-semibold small"),
            dbc.Select(id=f"{PREFIX}-pick-{kind}", name=kind, options=opts, required=True,
                       value=current if current in {o["value"] for o in opts} else (opts[0]["value"] if opts else None),
                       className="mb-2"),
            dbc.Label(t("filter.year", lang), html_for=f"{PREFIX}-year-{kind}", className="small mb-1"),
            dbc.Select(id=f"{PREFIX}-year-{kind}", name="year", value=str(state["year"]),
                       options=[{"label": str(y), "value": str(y)} for y in years], className="mb-2"),
        ]
        if lang != "es":
            fields.append(dcc.Input(type="hidden", name="lang", value=lang))
        fields.append(dbc.Button(t("informe.chooser.go", lang), type="submit", color="primary", size="sm",
                                 id=f"{PREFIX}-go-{kind}", disabled=not opts))
        forms.append(dbc.Col(dbc.Card(dbc.CardBody(html.Form(fields, action="/informe", method="get"))),
                             md=4, className="mb-3"))
    alert = [dbc.Alert(message, color="warning", id=f"{PREFIX}-unknown")] if message else []
    return html.Div([
        html.H1(t("informe.title", lang), id=f"{PREFIX}-heading", className="h3 mt-3 mb-1"),
        html.P(t("informe.chooser.intro", lang), className="text-secondary mb-3"),
        *alert,
        dbc.Row(forms, id=f"{PREFIX}-chooser"),
    ])


def prices_line(data: dict, lang: str) -> html.P:
    """Which prices the report's amounts are in, and the years a CPI is missing for."""
    text = f"{t('prices.control', lang)}: {prices_in_words(data.get('prices'), lang)}."
    if data.get("no_cpi"):
        text += " " + t("prices.no_cpi", lang, years=", ".join(map(str, data["no_cpi"])), base=REAL_BASE_YEAR)
    return html.P(text, className="small mb-1", id=f"{PREFIX}-prices")


def toolbar(other_href: str, lang: str) -> html.Div:
    """Print button and a way back to the chooser; not printed (assets/print.css)."""
    return html.Div([
        dbc.Button(t("informe.print", lang), id=f"{PREFIX}-print", color="primary", className="me-3"),
        dcc.Link(t("informe.other", lang), href=other_href, className="me-3", id=f"{PREFIX}-other"),
        html.Span(t("informe.print.hint", lang), className="small text-secondary"),
        html.Span(id=f"{PREFIX}-printed", hidden=True),
    ], className="report-toolbar d-print-none d-flex align-items-center flex-wrap my-3")



def results_block(rows: pd.DataFrame, lang: str, prefix: str = PREFIX) -> html.Section | None:
    """Result indicators beside the money (exports/results.py): every value with its source, then
    the caveats; None when the report's subject has no linked indicator."""
    if rows is None or rows.empty:
        return None
    from exports.results import caveats, column_headers
    shown = rows.assign(year=rows["year"].astype(str))
    cols = [(f, h, "num" if f == "value" else "text") for f, h in column_headers(lang)]
    return html.Section([html.H2(t("results.title", lang), className="h5 mt-4"),
                         print_table(shown, cols, table_id=f"{prefix}-results-table"),
                         html.H3(t("results.caveats", lang), className="h6 mt-2"),
                         html.Ul([html.Li(c) for c in caveats(lang)], className="small")],
                        id=f"{prefix}-section-results", className="report-block")
