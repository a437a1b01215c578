"""Red and Datos in a browser (issue "Usability" 14.3 and 14.4, at 1280 px in both languages): the
Datos citation names the view's year and its file, the load table shows its last column without a
sideways scroll, and the Red record gives the coverage in the interface language before the
report's printed English."""
from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

WAIT = 30_000


@pytest.mark.parametrize("lang", ["es", "en"])
def test_datos_citation_of_the_view_and_the_whole_load_table(page: Page, app_url: str, lang: str):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{app_url}/datos?year=2010&level=R&lang={lang}")
    cite = page.locator("#data-cite-text")
    expect(cite).to_contain_text({"es": "año fiscal 2010, archivo ", "en": "fiscal year 2010, file "}[lang], timeout=WAIT)
    expect(cite).to_contain_text({"es": "Gobiernos regionales", "en": "Regional governments"}[lang])
    grid = page.locator("#data-grid")
    last = grid.locator(".ag-header-cell[col-id='message']")
    expect(last).to_be_visible(timeout=WAIT)
    right, edge = last.bounding_box(), grid.bounding_box()
    assert right["x"] + right["width"] <= edge["x"] + edge["width"] + 1, (right, edge)   # not cut off


@pytest.mark.parametrize("lang,unit", [("es", "hogares"), ("en", "households")])
def test_red_coverage_in_the_interface_language_first(page: Page, app_url: str, lang: str, unit: str):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{app_url}/red?year=2010&programa_red=juntos&lang={lang}")
    grid = page.locator("#red-coverage-grid")
    first = grid.locator(".ag-header-cell").first
    expect(first).to_have_attribute("col-id", "coverage", timeout=WAIT)
    cell = grid.locator(".ag-row[row-index='0'] [col-id='coverage']")
    expect(cell).to_contain_text(unit, timeout=WAIT)
    expect(grid.locator(".ag-row[row-index='0'] [col-id='printed']")).to_contain_text("households")
