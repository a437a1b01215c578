"""Tables and paper on every page (issue 14, item 6): table text can be selected, a short table has
no blank band above its total line, a clicked row leaves no tooltip behind, and printing a page
(not only /informe) leaves out the navbar and the filters and prints every row of every table."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from browser.helpers import open_page, pdf_text

WAIT_MS = 30_000
WIDTHS = (360, 1024, 1280, 1920)




@pytest.mark.parametrize("lang", ("es", "en"))
@pytest.mark.parametrize("width", WIDTHS)
def test_short_table_total_right_under_its_rows_and_text_selectable(page: Page, app_url: str, width: int,
                                                                     lang: str):
    """Programas 2011 of the sample store: four programmes (0001, 0002, 9001, 9002) and the total."""
    page.set_viewport_size({"width": width, "height": 900})
    open_page(page, f"{app_url}/programas?year=2011&lang={lang}")
    grid = page.locator("#programmes-grid")
    rows = grid.locator(".ag-center-cols-container .ag-row")
    expect(rows).to_have_count(4, timeout=WAIT_MS)
    total = grid.locator(".ag-floating-bottom .ag-row")
    expect(total).to_contain_text({"es": "Total", "en": "Total"}[lang])
    last_bottom = max(rows.nth(i).bounding_box()["y"] + rows.nth(i).bounding_box()["height"] for i in range(4))
    assert abs(total.bounding_box()["y"] - last_bottom) <= 2, "a blank band between the rows and the total"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    # the text of a cell can be selected and copied (selected here without a click: on Programas a
    # click on a row drills into it)
    cell = grid.locator(".ag-center-cols-container .ag-row[row-index='0'] [col-id='key']")
    handle = cell.element_handle()
    assert page.evaluate("el => getComputedStyle(el).userSelect", handle) != "none"
    selected = page.evaluate("""el => { const r = document.createRange(); r.selectNodeContents(el);
        const s = window.getSelection(); s.removeAllRanges(); s.addRange(r); return s.toString(); }""", handle)
    assert selected.strip() == cell.inner_text().strip() != ""


def test_clicked_row_leaves_no_tooltip(page: Page, app_url: str):
    """Hover a long institution name (its full text is the cell's title, the browser's own tooltip),
    click the row: the page moves on and no grid tooltip stays on screen."""
    open_page(page, f"{app_url}/red")
    cell = page.locator("#red-grid .ag-center-cols-container .ag-row[row-id='cem'] [col-id='institution']")
    expect(cell).to_be_visible(timeout=WAIT_MS)
    cell.hover()
    expect(cell).to_have_attribute("title", "MIMDES")
    page.wait_for_timeout(800)            # longer than any tooltip delay: a grid tooltip would be up now
    cell.click()
    expect(page).to_have_url(re.compile(r"programa_red=cem"), timeout=WAIT_MS)
    expect(page.locator("#red-programme-title")).to_contain_text("CEM", timeout=WAIT_MS)
    page.mouse.move(5, 5)
    expect(page.locator(".ag-tooltip, .ag-tooltip-custom")).to_have_count(0)


@pytest.mark.parametrize("lang", ("es", "en"))
def test_printing_a_page_prints_every_row_and_no_navbar(page: Page, app_url: str, tmp_path: Path, lang: str):
    """The Red page's table of the 29 network programmes shows a dozen rows in its scroll box; on
    paper every one is there, the last (Revalora Perú, category 'Transformadora') included, and
    neither the navbar nor the filters are printed."""
    page.set_viewport_size({"width": 1280, "height": 900})
    open_page(page, f"{app_url}/red?lang={lang}")
    grid = page.locator("#red-grid")
    expect(grid.locator(".ag-row").first).to_be_visible(timeout=WAIT_MS)
    assert "Revalora" not in grid.inner_text()             # beyond the scroll box on screen
    page.pdf(path=str(tmp_path / "red.pdf"), format="A4")
    text = " ".join(pdf_text(tmp_path / "red.pdf").split())
    assert "Revalora" in text and "JUNTOS" in text.upper()
    nav = {"es": ("Datos y fuentes", "Saltar al contenido", "Año fiscal"),
           "en": ("Data & sources", "Skip to content", "Fiscal year")}[lang]
    for word in nav:
        assert word not in text, f"{word!r} printed"
    # after printing the page is as it was: the grid, no leftover twin
    expect(page.locator(".grid-print-twin")).to_have_count(0)
    expect(grid).to_be_visible()
