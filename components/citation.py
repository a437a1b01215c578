"""How to cite the figures: the MEF dataset (title, publisher, URL), the files loaded with their
dates, and a suggested citation (issue "Usability", item 4)."""
from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from domain.i18n import t


MEF_DATASET_URL = "https://datosabiertos.mef.gob.pe/dataset/presupuesto-y-ejecucion-de-gasto"   # docs/domain.md §3


def citation_card(history: pd.DataFrame, lang: str, prefix: str, app_url: str = "",
                  view: dict | None = None) -> dbc.Card:
    """What an official needs to cite the figures: the MEF dataset (title, publisher, URL), the
    files loaded with the date each was loaded, and a suggested citation of this dashboard; with
    `view` (the URL state: year, level, precios), the citation of that view."""
    budget = history[history["format"].isin(["mef_gasto"]) & history["status"].isin(["loaded"])] \
        if not history.empty else history
    files = [html.Li(f"{r.file_name} ({t('data.cite.years', lang, years=r.fiscal_years)}) — "
                     f"{t('source.loaded_on', lang, date=pd.Timestamp(r.finished_at).strftime('%d/%m/%Y'))}"
                     + (f" — {t('data.cite.demo', lang)}" if r.is_demo else ""))
             for r in budget.itertuples()]
    last = (pd.Timestamp(budget["finished_at"].max()).strftime("%d/%m/%Y") if not budget.empty else "—")
    return dbc.Card(dbc.CardBody([
        html.H2(t("data.cite.title", lang), className="h5"),
        html.P([html.Strong(t("data.cite.dataset", lang)), " ",
                html.A(MEF_DATASET_URL, href=MEF_DATASET_URL, rel="noopener", target="_blank")], className="mb-1"),
        html.P(t("data.cite.publisher", lang), className="small mb-1"),
        html.Ul(files or [html.Li(t("data.no_loads", lang))], className="small mb-2", id=f"{prefix}-cite-files"),
        html.H3(t("data.cite.suggested", lang), className="h6"),
        html.P(view_citation(budget, view, lang) if view and view.get("year") else
               t("data.cite.text", lang, date=last, url=MEF_DATASET_URL, app=t("app.title", lang)),
               className="small mb-0 user-select-all", id=f"{prefix}-cite-text"),
    ]), className="mb-3", id=f"{prefix}-cite")


def view_citation(budget: pd.DataFrame, view: dict, lang: str) -> str:
    """The suggested citation of one view: its fiscal year with the file(s) behind it and the
    date they were loaded, the level of government and the prices the figures are in.

    `budget`: the loaded MEF Gasto rows of the load history. A file covers a year when the year
    is among its comma-separated fiscal_years (a daily file replaces the year's earlier one)."""
    year = str(view["year"])
    rows = budget[[year in str(y).split(",") for y in budget["fiscal_years"]]] if not budget.empty else budget
    files = ", ".join(rows["file_name"]) or "—"
    date = pd.Timestamp(rows["finished_at"].max()).strftime("%d/%m/%Y") if not rows.empty else "—"
    demo = bool(rows["is_demo"].any()) if not rows.empty else False
    prices = view.get("precios") or "nominal"
    return t("data.cite.view", lang, url=MEF_DATASET_URL, year=year, files=files, date=date,
             level=t(f"level.{view.get('level') or 'all'}", lang), prices=t(f"prices.{prices}", lang),
             app=t("app.title", lang)) + (f" ({t('data.cite.demo', lang)})" if demo else "")
