"""How to cite the figures: the MEF dataset (title, publisher, URL), the files loaded with their
dates, and a suggested citation (issue "Usability", item 4)."""
from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from domain.i18n import t


MEF_DATASET_URL = "https://datosabiertos.mef.gob.pe/dataset/presupuesto-y-ejecucion-de-gasto"   # docs/domain.md §3


def citation_card(history: pd.DataFrame, lang: str, prefix: str, app_url: str = "") -> dbc.Card:
    """What an official needs to cite the figures: the MEF dataset (title, publisher, URL), the
    files loaded with the date each was loaded, and a suggested citation of this dashboard."""
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
        html.P(t("data.cite.text", lang, date=last, url=MEF_DATASET_URL, app=t("app.title", lang)),
               className="small mb-0 user-select-all", id=f"{prefix}-cite-text"),
    ]), className="mb-3", id=f"{prefix}-cite")
