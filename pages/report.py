"""Informe: a printable report for congressional staff who paste figures into their own reports
and must cite them. One budget programme (?programa=0001), department (?departamento=08) or
social protection programme (?programa_red=juntos) in a fiscal year (&year=2011, &lang=en):
title, generation date, key figures, charts, tables, the three gender totals, coverage, a
numbered source list and how to cite it with its permalink. Without a selection, or with one
that has no data, a chooser. assets/print.css lays it out on A4; `python -m etl report` prints
it to PDF (etl/report_pdf.py).

Everything is drawn in the layout (no callback but the print button), so the page is complete
as soon as it arrives, which is what a printer, or headless Chromium, needs."""
from __future__ import annotations

import re
from datetime import datetime

import dash
from dash import Input, Output, clientside_callback, html

from components import response_cache
from components.data import cached
from components.layout import page_context, store_missing
from components.report import (
    chooser,
    cite_block,
    gender_table,
    key_figures,
    prices_line,
    report_chart,
    report_table,
    results_block,
    source_list,
    source_numbers,
    toolbar,
)
from domain.i18n import t
from domain.url_state import page_state
from exports import report_data
from settings import get_settings
from store import engine

PATH = report_data.PATH
# nav=False: not in the navbar (components/shell.py); every page links here from its top bar.
dash.register_page(__name__, path=PATH, name="Informe", order=9, i18n_key="nav.report", nav=False,
                   title="Informe · Presupuesto sensible al género")

PREFIX = "report"
KINDS = report_data.KINDS
CODE_PATTERNS = {"programa": re.compile(r"^[0-9]{1,6}$"), "departamento": re.compile(r"^[0-9]{2}$"),
                 "programa_red": re.compile(r"^[a-z][a-z0-9_]*$")}


def report_state(query: dict, years: list[int] | None) -> dict:
    """page_state plus the report's subject: kind (programa | departamento | programa_red) and
    code, the first of the three keys present; a malformed code is kept, to be named as unknown."""
    state = page_state(query, years)
    state["kind"], state["code"] = "", ""
    for kind in KINDS:
        code = str(query.get(kind) or "").strip()
        if code:
            state["kind"], state["code"] = kind, code.lower() if kind == "programa_red" else code
            break
    return state


def heading(data: dict, lang: str) -> str:
    kind, name = data["kind"], data["name"]
    if data.get("acronym"):                 # as the Red page titles a programme
        name = f"{data['acronym']} · {name}"
    return t(f"informe.heading.{kind}", lang, code=data["code"], name=name)


def layout(**query):
    years, state, missing = page_context(query, PREFIX, report_state)
    if missing:
        return missing
    lang, year, kind, code = state["lang"], state["year"], state["kind"], state["code"]
    try:
        data = None
        if kind and CODE_PATTERNS[kind].match(code):
            data = cached(report_data.report, kind, code, year, lang, state["precios"])
        if data is None:
            message = t("informe.unknown", lang, code=code, year=year) if kind else None
            return chooser(cached(report_data.choices, year, lang), years, state, lang, message)
    except engine.StoreMissing:
        return store_missing(lang, PREFIX)
    response_cache.skip()           # the report prints the time it was made
    return report_view(data, lang, datetime.now().astimezone())


def report_view(data: dict, lang: str, now: datetime) -> html.Article:
    """The whole report for exports/report_data's dict, generated at `now`."""
    year, kind = data["year"], data["kind"]
    numbers = source_numbers(data["sources"])
    title = heading(data, lang)
    generated = now.strftime("%Y-%m-%d %H:%M %Z").strip()
    prices = data.get("prices", "nominal")
    url = get_settings().public_url + PATH + report_data.report_search(kind, data["code"], year, lang, prices)
    subtitle = t(f"informe.subtitle.{kind}", lang, year=year, category=data.get("category", ""),
                 institution=data.get("institution", ""))
    head = [html.H1(title, id=f"{PREFIX}-heading", className="h3 mt-2 mb-1"),
            html.P(subtitle.rstrip(" ·"), className="mb-1 fw-semibold", id=f"{PREFIX}-subtitle"),
            html.P(t("informe.generated", lang, when=generated, app=t("app.title", lang)),
                   className="small text-secondary mb-2", id=f"{PREFIX}-generated"),
            prices_line(data, lang)]
    if data["is_demo"]:
        head.append(html.P(t("informe.demo", lang), id=f"{PREFIX}-demo", className="report-demo fw-semibold"))
    body = []
    if kind == "programa_red":
        body.append(_network_note(data, lang))
    if kind != "programa_red" or data["has_links"]:
        body.append(key_figures(data, lang, numbers))
    if data["charts"]:
        body += [html.H2(t("informe.charts", lang), className="h5 mt-4 report-charts-title"),
                 *[report_chart(c, year, lang, numbers, prices) for c in data["charts"]]]
    body.append(gender_table(data["gender"], lang, numbers, prices))
    body += [html.H2(t("informe.tables", lang), className="h5 mt-4"),
             *[report_table(tb, lang, numbers) for tb in data["tables"]]]
    block = results_block(data.get("results"), lang)
    if block is not None:
        body.append(block)
    other = PATH + report_data.report_search("", "", year, lang, prices)
    return html.Div([
        toolbar(other, lang),
        html.Article([html.Header(head), *body, source_list(data["sources"], lang),
                      cite_block(title, year, url, generated, lang)], id=PREFIX, className="report"),
    ])


def _network_note(data: dict, lang: str) -> html.P:
    """How the programme's money was found in MEF lines, or why it was not."""
    if not data["has_links"]:
        text = t("informe.network.no_links", lang)
    elif not data["matched_rows"]:
        text = t("informe.network.no_lines", lang, year=data["year"])
    else:
        text = t("informe.network.links", lang, links=data["links"], rows=f"{data['matched_rows']:,}",
                 year=data["year"])
    return html.P(text, className="small mb-1", id=f"{PREFIX}-links")


clientside_callback(
    "function (n) { if (n) { window.print(); } return ''; }",
    Output(f"{PREFIX}-printed", "children"), Input(f"{PREFIX}-print", "n_clicks"), prevent_initial_call=True)
