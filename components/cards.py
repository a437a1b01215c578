"""KPI cards: the headline numbers of a selection, one card per measure."""
from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from components.fmt import millions, pct
from components.i18n import t


def kpi_card(label: str, value: str, unit: str, note: str, card_id: str) -> dbc.Col:
    return dbc.Col(dbc.Card(dbc.CardBody([
        html.Div(label, className="kpi-label"),
        html.Div(value, className="kpi-value"),
        html.Div(unit, className="kpi-unit"),
        html.Div(note, className="kpi-note"),
    ]), className="h-100 kpi-card", id=card_id), xs=12, sm=6, lg=True, className="mb-3")


def kpi_cards(kpis: pd.DataFrame, lang: str, prefix: str) -> dbc.Row | html.Div:
    """PIA, PIM, devengado, avance % and PpR share of PIM, from store.dashboard.overview_kpis."""
    if kpis.empty:
        return dbc.Alert(t("empty", lang), color="secondary")
    k = kpis.iloc[0]
    money = t("units.millions", lang)
    return dbc.Row([
        kpi_card(t("pia", lang), millions(k["pia"]), money, t("kpi.pia.note", lang), f"{prefix}-kpi-pia"),
        kpi_card(t("pim", lang), millions(k["pim"]), money, t("kpi.pim.note", lang), f"{prefix}-kpi-pim"),
        kpi_card(t("devengado", lang), millions(k["devengado"]), money, t("kpi.devengado.note", lang),
                 f"{prefix}-kpi-devengado"),
        kpi_card(t("avance", lang), pct(k["avance_pct"]), "", t("kpi.avance.note", lang), f"{prefix}-kpi-avance"),
        kpi_card(t("ppr_share", lang), pct(k["ppr_share_pct"]), "", t("kpi.ppr.note", lang), f"{prefix}-kpi-ppr"),
    ], className="g-3")
