"""KPI cards: the headline numbers of a selection, one card per measure."""
from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from components.fmt import millions, pct
from components.glossary import term
from domain.gender import DEFINITIONS
from domain.i18n import t


def kpi_card(label: str, value: str, unit: str, note, card_id: str, extra_class: str = "") -> dbc.Col:
    """One headline number; `extra_class` marks a card out (e.g. kpi-warning for unreviewed money)."""
    return dbc.Col(dbc.Card(dbc.CardBody([
        html.Div(label, className="kpi-label"),
        html.Div(value, className="kpi-value"),
        html.Div(unit, className="kpi-unit"),
        html.Div(note, className="kpi-note"),
    ]), className=f"h-100 kpi-card {extra_class}".strip(), id=card_id), xs=12, sm=6, lg=True, className="mb-3")


def kpi_cards(kpis: pd.DataFrame, lang: str, prefix: str, units: str | None = None) -> dbc.Row | html.Div:
    """PIA, PIM, devengado, avance % and PpR share of PIM, from store.budget.overview_kpis;
    `units` replaces "S/ millones, nominal" (amounts in real soles: domain.i18n.money_units)."""
    if kpis.empty:
        return dbc.Alert(t("empty", lang), color="secondary")
    k = kpis.iloc[0]
    ppr = kpi_card(t("ppr_share", lang), pct(k["ppr_share_pct"]), "", t("kpi.ppr.note", lang), f"{prefix}-kpi-ppr")
    return money_cards(k.to_dict(), lang, prefix, units or t("units.millions", lang), extra=[ppr])


def money_cards(values: dict, lang: str, prefix: str, units: str, notes: dict | None = None,
                extra: list | tuple = ()) -> dbc.Row:
    """PIA, PIM and devengado (soles, shown as S/ millions in `units`) and avance %, then `extra`
    cards (built with kpi_card). `notes` replaces a card's note by measure, e.g. the amount in
    dollars beside the soles."""
    notes = notes or {}
    cards = [kpi_card(term(t(m, lang), m, lang, f"{prefix}-kpi-{m}-term"), millions(values.get(m)), units,
                      notes.get(m, t(f"kpi.{m}.note", lang)), f"{prefix}-kpi-{m}") for m in ("pia", "pim", "devengado")]
    cards.append(kpi_card(term(t("avance", lang), "avance", lang, f"{prefix}-kpi-avance-term"),
                          pct(values.get("avance_pct")), "",
                          notes.get("avance", t("kpi.avance.note", lang)), f"{prefix}-kpi-avance"))
    return dbc.Row(cards + list(extra), className="g-3")


def three_totals_cards(summary: pd.DataFrame, unreviewed: dict, lang: str, prefix: str,
                       units: str | None = None) -> dbc.Row:
    """The three gender totals (store.gender.gender_summary: strict, weighted, broad) as devengado
    cards with their avance (devengado ÷ PIM of that gender money), PIA, PIM and the share of all
    devengado, then the unreviewed money, marked out.

    `unreviewed` = {"devengado": soles, "share_pct": % of devengado}; `units` replaces
    "S/ millones, nominal · devengado" (e.g. real soles)."""
    units = units or t("gender.card.units", lang)
    rows = {r["definition"]: r for r in summary.to_dict("records")}
    cards = []
    for d in DEFINITIONS:
        r = rows.get(d, {})
        dev, pim = r.get("devengado"), r.get("pim")
        avance = float(dev) / float(pim) * 100 if dev is not None and pim else None
        note = t("gender.card.note_avance", lang, avance=pct(avance), pia=millions(r.get("pia")),
                 pim=millions(pim), share=pct(r.get("share_devengado_pct")))
        label = term(t(f"gdef.{d}", lang), "weight" if d == "weighted" else "marker", lang, f"{prefix}-kpi-{d}-term")
        cards.append(kpi_card(label, millions(dev), units, note, f"{prefix}-kpi-{d}"))
    cards.append(kpi_card(t("gender.unreviewed", lang), millions(unreviewed.get("devengado")), units,
                          t("gender.unreviewed.note", lang, share=pct(unreviewed.get("share_pct"))),
                          f"{prefix}-kpi-unreviewed", "kpi-warning"))
    return dbc.Row(cards, className="g-3")
