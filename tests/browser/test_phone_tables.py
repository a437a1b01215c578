"""Phones (under 576 px): bar and line charts give way to a table of the same numbers, with the
chart's title, units and source (issue 9, item 5); wider screens keep the chart."""
from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

WAIT_MS = 30_000


def open_programmes(page: Page, url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(url)
    expect(page.locator("#programmes-heading")).to_be_visible(timeout=WAIT_MS)
    expect(page.locator("#programmes-grid .ag-center-cols-container .ag-row")).to_have_count(4, timeout=WAIT_MS)
    page.wait_for_load_state("networkidle", timeout=WAIT_MS)


@pytest.mark.parametrize("lang", ("es", "en"))
@pytest.mark.parametrize("width", (360, 1024, 1280, 1920))
def test_bar_chart_becomes_a_table_on_phones(page: Page, app_url: str, width: int, lang: str):
    """Programas 2011 of the sample store: four programmes; the twin's PIM and devengado for 0002
    are the numbers the page's table (store.programmes read) shows."""
    open_programmes(page, f"{app_url}/programas?year=2011&apartar=no&lang={lang}", width)   # 9001/9002 in the chart too
    twin = page.locator("#programmes-bars ~ .chart-table-wrap, .chart-table-wrap").first
    chart = page.locator("#programmes-bars .js-plotly-plot")
    expect(twin.locator("tbody tr")).to_have_count(4, timeout=WAIT_MS)
    if width < 576:
        expect(twin).to_be_visible()
        expect(chart).to_be_hidden()
        title = {"es": "PIM y devengado por programa · Todos los programas · 2011",
                 "en": "PIM and devengado by programme · All programmes · 2011"}[lang]
        expect(twin.locator("caption")).to_contain_text(title)
        expect(twin.locator("caption")).to_contain_text({"es": "S/ millones", "en": "S/ million"}[lang])
        expect(twin).to_contain_text({"es": "Fuente", "en": "Source"}[lang])
        row = twin.locator("tbody tr", has_text="0002 SALUD MATERNO NEONATAL")       # full name, not cut
        # the grid's own row (its columns may be scrolled out of view on a phone)
        pim, dev = page.evaluate("""() => { let out = null;
            dash_ag_grid.getApi('programmes-grid').forEachNode(n => {
                if (n.data.key === '0002') { out = [n.data.pim__txt, n.data.devengado__txt]; } });
            return out; }""")
        expect(row.locator("td")).to_have_text([pim, dev])
    else:
        expect(twin).to_be_hidden()
        expect(chart).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
