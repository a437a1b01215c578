"""What a reader takes away from a page: the Excel brief of the view on screen and the
printable report. Both are plain links built from the page state, so they follow the URL:
every filter change lays the page out again (components/filters.py), links included."""
from __future__ import annotations

from urllib.parse import urlencode

from dash import html

from domain.i18n import t
from domain.url_state import search_for

BRIEF_PATH = "/descargas/brief.xlsx"         # served by routes.py
REPORT_PATH = "/informe"
# Page prefix (pages/*.py PREFIX) -> the page name the brief and the file names use.
PAGE_SLUGS = {"overview": "resumen", "programmes": "programas", "regions": "regiones", "gender": "genero",
              "red": "red"}


def brief_href(page: str, state: dict) -> str:
    """/descargas/brief.xlsx?page=<slug>&<the page's own query>, defaults left out as in the URL."""
    query = search_for(state).lstrip("?")
    return f"{BRIEF_PATH}?page={page}" + (f"&{query}" if query else "")


def report_href(page: str, state: dict) -> str:
    """The printable report of the programme on screen (Programas: the drilled programme; Red:
    the chosen programme), otherwise of the year, where the report page offers a chooser."""
    args = {}
    if page == "programas" and state.get("path"):
        args["programa"] = state["path"][0]
    elif page == "red" and state.get("programa_red"):
        args["programa_red"] = state["programa_red"]
    args.update(year=state["year"], lang=state["lang"])
    if state.get("precios") == "real":
        args["precios"] = "real"
    return f"{REPORT_PATH}?{urlencode(args)}"


def takeaway_links(prefix: str, state: dict) -> html.Div:
    """'Descargar brief (Excel)' and 'Informe para imprimir', text only (no icon font).

    `data-export-page` and `data-export-view` ('2011-es') name the CSV files of the page's tables
    (components/tables.py)."""
    lang, page = state["lang"], PAGE_SLUGS[prefix]
    brief = html.A(t("takeaway.brief", lang), href=brief_href(page, state), download="", id=f"{prefix}-brief",
                   title=t("takeaway.brief.title", lang), className="btn btn-sm btn-primary")
    report = html.A(t("takeaway.report", lang), href=report_href(page, state), id=f"{prefix}-report",
                    title=t("takeaway.report.title", lang), className="btn btn-sm btn-outline-dark")
    return html.Div([brief, report], id=f"{prefix}-takeaway", role="group", className="d-flex flex-wrap gap-2 mb-3",
                    **{"aria-label": t("takeaway.group", lang), "data-export-page": page,
                       "data-export-view": f"{state['year']}-{lang}"})
