"""The global prices switch in the navbar: nominal soles or soles of domain.codes.REAL_BASE_YEAR.

Two links, like the language switch: each is the current address with `precios` changed, so the
choice lives in the URL (domain/url_state.py, a global key the navbar carries to every page) and
a page re-renders from it. Pages convert amounts with store.reference.in_prices and label them
with domain.i18n.money_units.
"""
from __future__ import annotations

from dash import Input, Output, callback, dcc, html

from domain.codes import DEFAULT_LANG, LANGS, REAL_BASE_YEAR
from domain.i18n import t
from domain.url_state import PRICES, parse_search, search_for

SLOT_ID = "shell-prices"


def prices_control() -> html.Div:
    """The empty slot the shell places beside the language switch; update_prices fills it."""
    return html.Div(id=SLOT_ID, className="d-flex align-items-center gap-1 me-3 shell-prices", role="group",
                    **{"aria-label": t("prices.control", DEFAULT_LANG)})


def prices_links(pathname: str | None, search: str | None) -> list:
    """The label and one link per choice, the current one highlighted."""
    raw = parse_search(search)
    lang = raw.get("lang") if raw.get("lang") in LANGS else DEFAULT_LANG
    current = raw.get("precios") if raw.get("precios") in PRICES else PRICES[0]
    out = [html.Span(t("prices.control", lang), className="small text-light me-1 d-none d-xl-inline")]
    for p in PRICES:
        out.append(dcc.Link(t(f"prices.short.{p}", lang, base=REAL_BASE_YEAR),
                            href=(pathname or "/") + search_for({**raw, "precios": p}), id=f"shell-prices-{p}",
                            title=t(f"prices.title.{p}", lang, base=REAL_BASE_YEAR),
                            className="btn btn-sm text-nowrap " + ("btn-light" if p == current else "btn-outline-light")))
    return out


@callback(Output(SLOT_ID, "children"), Output(SLOT_ID, "aria-label"),
          Input("shell-url", "pathname"), Input("shell-url", "search"))
def update_prices(pathname: str | None, search: str | None):
    """The links for the address shown, in its language."""
    raw = parse_search(search)
    lang = raw.get("lang") if raw.get("lang") in LANGS else DEFAULT_LANG
    return prices_links(pathname, search), t("prices.control", lang)
