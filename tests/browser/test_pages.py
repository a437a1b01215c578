"""The pages in a real browser: charts render, the demo banner shows, the language switch and
the drill-down work, filters land in the URL, and nothing is fetched from outside the app."""
from __future__ import annotations

import re

from playwright.sync_api import Page, expect

BANNER_ES = "Datos de demostración: generados, no son cifras oficiales del MEF"
PAGES = {"/": "overview", "/programas": "programmes", "/regiones": "regions", "/datos": "data"}


class Dashboard:
    """Page object: selectors live here, not in the tests."""

    def __init__(self, page: Page, base: str):
        self.page, self.base = page, base
        self.outside: list[str] = []
        page.on("request", lambda r: None if r.url.startswith(base) or r.url.startswith("data:")
                else self.outside.append(r.url))

    def open(self, path: str) -> "Dashboard":
        self.page.goto(self.base + path)
        return self

    def heading(self, prefix: str):
        return self.page.locator(f"#{prefix}-heading")

    def banner(self):
        return self.page.locator("#shell-banner")

    def plots(self, graph_id: str | None = None):
        scope = f"#{graph_id} " if graph_id else ""
        return self.page.locator(f"{scope}.js-plotly-plot")

    def bars(self, graph_id: str):
        return self.page.locator(f"#{graph_id} .barlayer .point path")

    def breadcrumb(self):
        return self.page.locator("#programmes-breadcrumb")


def test_each_page_renders_with_demo_banner(page: Page, app_url: str):
    d = Dashboard(page, app_url)
    for path, prefix in PAGES.items():
        d.open(path)
        expect(d.heading(prefix)).to_be_visible()
        expect(d.banner()).to_contain_text(BANNER_ES)
        if prefix != "data":
            expect(d.plots().first).to_be_visible()
            # drawn, not an empty frame: bars or map shapes exist
            expect(page.locator(".js-plotly-plot .barlayer .point, .js-plotly-plot .choroplethlocation").first
                   ).to_be_attached()
    expect(page.locator("#data-history")).to_contain_text("sample-Gasto.csv")
    assert d.outside == [], f"fetched from outside the app: {d.outside}"


def test_overview_shows_kpis_and_three_charts(page: Page, app_url: str):
    d = Dashboard(page, app_url).open("/?year=2010")
    expect(page.locator("#overview-kpi-pim")).to_contain_text(re.compile(r"\d{1,3}(,\d{3})*\.\d"))
    for gid in ("overview-levels", "overview-monthly", "overview-top"):
        expect(d.plots(gid)).to_be_visible()
    expect(page.locator("#overview-monthly")).to_contain_text("Dic")


def test_language_switch_changes_headings_and_keeps_filters(page: Page, app_url: str):
    d = Dashboard(page, app_url).open("/?year=2010&level=R")
    expect(d.heading("overview")).to_have_text("Resumen del presupuesto")
    page.locator("#shell-lang-en").click()
    expect(d.heading("overview")).to_have_text("Budget overview")
    expect(d.banner()).to_contain_text("Demonstration data")
    expect(page).to_have_url(re.compile(r"year=2010.*level=R.*lang=en"))
    page.locator("#shell-nav-programmes").click()
    expect(d.heading("programmes")).to_have_text("Budget programmes")


def test_filter_change_goes_into_the_url(page: Page, app_url: str):
    d = Dashboard(page, app_url).open("/regiones")
    expect(d.plots("regions-map")).to_be_visible()
    page.get_by_label("Gobiernos locales").check()
    expect(page).to_have_url(re.compile(r"level=M"))
    expect(page.locator("#regions-map")).to_contain_text("Devengado por departamento")
    expect(page.locator("#regions-map .choroplethlocation").first).to_be_attached()


def test_drill_down_by_click_and_back_up(page: Page, app_url: str):
    d = Dashboard(page, app_url).open("/programas?year=2011")
    expect(d.breadcrumb()).to_have_text("Todos los programas")
    bar = d.bars("programmes-bars").first
    expect(bar).to_be_attached()
    box = bar.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(d.breadcrumb()).to_contain_text("0002 SALUD MATERNO NEONATAL")
    expect(page).to_have_url(re.compile(r"path=0002"))
    expect(page.locator("#programmes-bars")).to_contain_text("producto / proyecto")
    d.breadcrumb().get_by_role("link", name="Todos los programas").click()
    expect(d.breadcrumb()).to_have_text("Todos los programas")
