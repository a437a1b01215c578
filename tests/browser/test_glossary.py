"""Glossary tooltips (issue 14, item 3): PIA, PIM, devengado, avance, marker and weight explain
themselves on hover and on keyboard focus, in the page's language, at every width; table headers
carry the same definitions."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from browser.helpers import open_page

WAIT_MS = 30_000
# Hand-copied from docs/domain.md's wording as the translation table carries it.
PIM = {"es": "el presupuesto con las modificaciones del año", "en": "the budget after the year's modifications"}
AVANCE = {"es": "el devengado dividido entre el PIM", "en": "devengado divided by PIM"}
MARKER = {"es": "2 principal", "en": "2 principal"}
WEIGHT = {"es": "la parte (0-100 %) del monto", "en": "the share (0-100 %) of a line's amount"}



@pytest.mark.parametrize("lang", ("es", "en"))
@pytest.mark.parametrize("width", (360, 1024, 1280, 1920))
def test_kpi_terms_explain_themselves_on_hover_and_focus(page: Page, app_url: str, width: int, lang: str):
    page.set_viewport_size({"width": width, "height": 900})
    open_page(page, f"{app_url}/?year=2011&lang={lang}")
    pim = page.locator("#overview-kpi-pim-term")
    expect(pim).to_be_visible(timeout=WAIT_MS)
    pim.hover()
    expect(page.locator(".tooltip")).to_contain_text(PIM[lang])
    page.mouse.move(1, 1)
    expect(page.locator(".tooltip")).to_have_count(0)
    page.locator("#overview-kpi-avance-term").focus()                 # keyboard users get it too
    expect(page.locator(".tooltip")).to_contain_text(AVANCE[lang])
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("lang", ("es", "en"))
def test_gender_cards_and_table_headers_explain_marker_and_weight(page: Page, app_url: str, lang: str):
    open_page(page, f"{app_url}/genero?year=2011&lang={lang}")
    page.locator("#gender-kpi-strict-term").hover()
    expect(page.locator(".tooltip")).to_contain_text(MARKER[lang])
    page.mouse.move(1, 1)
    expect(page.locator(".tooltip")).to_have_count(0)
    page.locator("#gender-kpi-weighted-term").focus()
    expect(page.locator(".tooltip")).to_contain_text(WEIGHT[lang])
    grid = page.locator("#gender-grid")
    for col, words in (("weight", WEIGHT[lang]), ("marker_label", MARKER[lang])):
        head = grid.locator(f".ag-header-cell[col-id='{col}'] [title], .ag-header-cell[col-id='{col}'][title]")
        expect(head.first).to_have_attribute("title", re.compile(re.escape(words)), timeout=WAIT_MS)


def test_budget_table_headers_explain_pim_devengado_and_avance(page: Page, app_url: str):
    open_page(page, f"{app_url}/programas?year=2011")
    grid = page.locator("#programmes-grid")
    for col, words in (("pim", PIM["es"]), ("devengado", "el gasto en que se reconoce la obligación de pagar"),
                       ("avance_pct", AVANCE["es"])):
        head = grid.locator(f".ag-header-cell[col-id='{col}'] [title], .ag-header-cell[col-id='{col}'][title]")
        expect(head.first).to_have_attribute("title", re.compile(re.escape(words)), timeout=WAIT_MS)
