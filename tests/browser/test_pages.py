"""The pages in a real browser: charts render, the demo banner shows, the language switch and
the drill-down work, filters land in the URL, and nothing is fetched from outside the app."""
from __future__ import annotations

import re

from playwright.sync_api import Page, expect

BANNER_ES = "Datos de demostración: generados, no son cifras oficiales del MEF"
PAGES = {"/": "overview", "/programas": "programmes", "/regiones": "regions", "/genero": "gender",
         "/red?programa_red=juntos": "red", "/datos": "data"}


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

    def pick(self, page_prefix: str, field: str, option: re.Pattern):
        """Open a filter dropdown (pattern id {type: filter, page, field}) and click an option."""
        self.page.locator(f'.filter-bar button[id*=\'"field":"{field}"\'][id*=\'"page":"{page_prefix}"\']').click()
        self.page.get_by_role("option", name=option).first.click()

    def grid_row(self, grid_id: str, row_id: str):
        return self.page.locator(f"#{grid_id} .ag-center-cols-container .ag-row[row-id='{row_id}']")

    def kpi_value(self, card_id: str):
        return self.page.locator(f"#{card_id} .kpi-value")


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
    bar.scroll_into_view_if_needed()      # below the drilled item's key figures
    box = bar.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(d.breadcrumb()).to_contain_text("0002 SALUD MATERNO NEONATAL")
    expect(page).to_have_url(re.compile(r"path=0002"))
    expect(page.locator("#programmes-bars")).to_contain_text("producto / proyecto")
    d.breadcrumb().get_by_role("link", name="Todos los programas").click()
    expect(d.breadcrumb()).to_have_text("Todos los programas")


def test_red_pick_juntos_shows_its_coverage_and_the_contradiction(page: Page, app_url: str):
    d = Dashboard(page, app_url).open("/red")
    expect(d.heading("red")).to_have_text("Red de protección social")
    expect(page.locator("#red-none")).to_contain_text("Elija un programa")         # no dead end
    expect(d.grid_row("red-grid", "juntos")).to_contain_text("431,974 households")
    d.pick("red", "programa_red", re.compile("^JUNTOS"))
    expect(page).to_have_url(re.compile(r"programa_red=juntos"))
    expect(page.locator("#red-programme-title")).to_contain_text("JUNTOS")
    expect(page.locator("#red-coverage")).to_contain_text("431,974")
    contradiction = page.locator("#red-contradictions")
    for text in ("El informe se contradice", "756 and 585", "sección 4.1", "772 and 599", "Tabla A3.2"):
        expect(contradiction).to_contain_text(text)
    expect(d.kpi_value("red-kpi-devengado")).to_have_text(re.compile(r"^\d{1,3}(,\d{3})*\.\d$"))
    expect(page.locator("#red-map .choroplethlocation").first).to_be_attached()
    expect(page.locator("#red-years .barlayer .point").first).to_be_attached()
    page.locator("#shell-prices-real").click()                                  # the navbar's prices switch
    expect(page).to_have_url(re.compile(r"precios=real"))
    expect(page.locator("#red-kpi-devengado")).to_contain_text("S/ millones de 2009")
    page.locator("#red-all > summary").click()      # the chosen programme comes first; every programme folds below
    d.grid_row("red-grid", "cem").locator("[col-id='name']").click()             # a row click opens it
    expect(page).to_have_url(re.compile(r"programa_red=cem"))
    expect(page.locator("#red-programme-title")).to_contain_text("CEM")
    assert d.outside == [], f"fetched from outside the app: {d.outside}"


def test_genero_shows_the_three_totals(page: Page, app_url: str):
    d = Dashboard(page, app_url).open("/genero?year=2010")
    expect(d.heading("gender")).to_have_text("Gasto sensible al género")
    number = re.compile(r"^-?\d{1,3}(,\d{3})*\.\d$")
    for name, label in (("strict", "Estricto: solo marcador 2"), ("weighted", "Ponderado: monto × peso"),
                        ("broad", "Amplio: marcador 1 o 2")):
        expect(page.locator(f"#gender-kpi-{name}")).to_contain_text(label)
        expect(d.kpi_value(f"gender-kpi-{name}")).to_have_text(number)
    expect(page.locator("#gender-kpi-unreviewed")).to_contain_text("Sin revisar")
    expect(d.plots("gender-totals").locator(".legendtext")).to_have_text(["Estricto", "Ponderado", "Amplio"])
    expect(page.locator("#gender-totals .barlayer .point")).to_have_count(9)      # 3 totals x PIA, PIM, devengado
    expect(page.locator("#gender-grid")).to_contain_text("Justificación")
    page.get_by_label("Gobiernos regionales").check()
    expect(page).to_have_url(re.compile(r"level=R"))
    expect(d.kpi_value("gender-kpi-strict")).to_have_text(number)
    assert d.outside == [], f"fetched from outside the app: {d.outside}"
