"""Glossary tooltips: PIA, PIM, devengado, avance, marker and weight explained where they appear
(issue 14, item 3). One component for labels (`term`), one lookup for table headers
(`header_tooltip`); the definitions live in domain/i18n.py (`glossary.*`, from docs/domain.md)."""
from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from domain.i18n import t

TERMS = ("pia", "pim", "devengado", "avance", "marker", "weight")
# Table fields (components/tables.py) whose header names a glossary term.
FIELD_TERMS = {"pia": "pia", "pim": "pim", "devengado": "devengado", "avance_pct": "avance",
               "marker": "marker", "marker_label": "marker", "weight": "weight"}


def definition(term: str, lang: str) -> str:
    return t(f"glossary.{term}", lang)


def term(label, term_key: str, lang: str, target_id: str) -> html.Span:
    """`label` with a dotted underline that explains `term_key` on hover and on keyboard focus.

    Screen readers get the definition as part of the label (a visually hidden text), so nothing
    depends on the tooltip. `target_id` must be unique on the page."""
    text = definition(term_key, lang)
    return html.Span([
        html.Span([label, html.Span(f" ({text})", className="visually-hidden")], id=target_id, tabIndex="0",
                  className="glossary-term"),
        dbc.Tooltip(text, target=target_id, placement="top", trigger="hover focus", className="glossary-tip"),
    ])


def header_tooltip(field: str, lang: str) -> str | None:
    """The definition a table header shows on hover (its title), or None for other columns."""
    key = FIELD_TERMS.get(field)
    return definition(key, lang) if key else None
