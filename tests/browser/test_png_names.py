"""A chart saved as PNG is named after the page, the year, the filters and the chart's title
(assets/png_names.js), not plotly's "newplot"."""
from __future__ import annotations

from playwright.sync_api import Page, expect


def test_the_png_of_a_chart_says_what_it_shows(page: Page, app_url: str):
    page.goto(f"{app_url}/genero?year=2010&level=E")
    graph = page.locator("#gender-totals")
    expect(graph.locator(".main-svg").first).to_be_attached(timeout=30_000)
    graph.hover()
    with page.expect_download(timeout=30_000) as info:
        graph.locator(".modebar-btn[data-title*='png'], .modebar-btn[data-title*='PNG']").first.click()
    name = info.value.suggested_filename
    assert name.startswith("genero-2010-level-e-") and name.endswith(".png"), name
    assert "newplot" not in name and len(name) > 30, name
