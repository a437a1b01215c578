"""Take-away outputs in a real browser: the brief button of every page gives an Excel workbook,
the links follow the filters without a reload, and the CSV button of a table gives the rows
as the grid shows them (filtered, sorted), with raw numbers, headers in the page language, a
byte-order mark for Excel, and formula-looking text defused."""
from __future__ import annotations

import csv
import io
import re
from urllib.parse import parse_qs, urlsplit

import openpyxl
import pytest
from fixtures import FORMULA_NAME, FORMULA_PRODUCT
from playwright.sync_api import Page, expect

from domain.i18n import t

BOM = b"\xef\xbb\xbf"
DAY = r"\d{4}-\d{2}-\d{2}"
# page -> (prefix, slug); every page that begins with components.layout.page_top
BRIEF_PAGES = {"/?year=2010": ("overview", "resumen"), "/programas?year=2011&path=0002": ("programmes", "programas"),
               "/regiones?year=2010&level=R&metric=pim": ("regions", "regiones"),
               "/genero?lang=en": ("gender", "genero"), "/red?programa_red=juntos": ("red", "red")}
PAGE_SHEET = {"resumen": "levels", "regiones": "departments", "genero": "gender_programmes", "red": "record"}


@pytest.fixture(autouse=True)
def _patient_expect():
    """Two cores shared with other work: give a callback 20 s, not Playwright's 5 s."""
    expect.set_options(timeout=20_000)
    yield
    expect.set_options(timeout=5_000)


def open_page(page: Page, url: str, prefix: str) -> None:
    """Go to `url` and wait for the page's heading (the first page of a run warms the cache)."""
    page.goto(url)
    expect(page.locator(f"#{prefix}-heading")).to_be_visible(timeout=30_000)


def download(page: Page, locator) -> tuple[str, bytes]:
    """Click `locator`, wait for the file: (suggested name, bytes)."""
    with page.expect_download() as info:
        locator.click()
    d = info.value
    assert d.failure() is None, d.failure()
    with open(d.path(), "rb") as fh:
        return d.suggested_filename, fh.read()


def csv_button(page: Page, grid_id: str):
    return page.locator(f"button[id='{{\"grid\":\"{grid_id}\",\"type\":\"csv-export\"}}']")


def wait_for_rows(page: Page, grid_id: str):
    expect(page.locator(f"#{grid_id} .ag-center-cols-container .ag-row").first).to_be_visible()


def read_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(BOM), data[:20]
    return list(csv.DictReader(io.StringIO(data[len(BOM):].decode("utf-8"))))


def test_brief_button_gives_a_workbook_on_every_page(page: Page, app_url: str):
    for path, (prefix, slug) in BRIEF_PAGES.items():
        open_page(page, app_url + path, prefix)
        lang = "en" if "lang=en" in path else "es"
        button = page.get_by_role("link", name=t("takeaway.brief", lang))
        expect(button).to_have_attribute("id", f"{prefix}-brief")
        expect(page.get_by_role("link", name=t("takeaway.report", lang))).to_have_attribute("id", f"{prefix}-report")
        name, data = download(page, button)
        assert re.fullmatch(rf"brief-{slug}-20(10|11)-{lang}-{DAY}\.xlsx", name), name
        sheets = set(openpyxl.load_workbook(io.BytesIO(data)).sheetnames)
        assert {t(f"brief.sheet.{s}", lang) for s in ("cover", "summary", "gender", "method")} <= sheets, sheets
        if slug in PAGE_SHEET:
            assert t(f"brief.sheet.{PAGE_SHEET[slug]}", lang) in sheets, sheets


def test_links_follow_the_filters_without_a_reload(page: Page, app_url: str):
    open_page(page, app_url + "/regiones?year=2010", "regions")
    brief = page.locator("#regions-brief")
    expect(brief).to_have_attribute("href", "/descargas/brief.xlsx?page=regiones&year=2010")
    page.evaluate("window.__samePage = true")
    page.get_by_label("Gobiernos locales").check()
    expect(brief).to_have_attribute("href", "/descargas/brief.xlsx?page=regiones&year=2010&level=M")
    page.locator("#shell-lang-en").click()
    expect(brief).to_have_attribute("href", "/descargas/brief.xlsx?page=regiones&year=2010&level=M&lang=en")
    expect(page.locator("#regions-report")).to_have_attribute("href", "/informe?year=2010&lang=en")
    assert page.evaluate("window.__samePage") is True          # no reload: the page was laid out again

    open_page(page, app_url + "/programas?year=2011", "programmes")
    page.evaluate("window.__samePage = true")
    report = page.locator("#programmes-report")
    expect(report).to_have_attribute("href", "/informe?year=2011&lang=es")
    bar = page.locator("#programmes-bars .barlayer .point path").first
    bar.scroll_into_view_if_needed()      # below the drilled item's key figures
    box = bar.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page).to_have_url(re.compile(r"path=0002"))
    expect(report).to_have_attribute("href", "/informe?programa=0002&year=2011&lang=es")
    expect(page.locator("#programmes-brief")).to_have_attribute(
        "href", "/descargas/brief.xlsx?page=programas&year=2011&path=0002")
    assert page.evaluate("window.__samePage") is True

    open_page(page, app_url + "/red?year=2010", "red")
    report = page.locator("#red-report")
    expect(report).to_have_attribute("href", "/informe?year=2010&lang=es")
    page.locator('.filter-bar button[id*=\'"field":"programa_red"\']').click()
    page.get_by_role("option", name=re.compile("^JUNTOS")).first.click()
    expect(report).to_have_attribute("href", "/informe?programa_red=juntos&year=2010&lang=es")
    expect(page.locator("#red-brief")).to_have_attribute(
        "href", "/descargas/brief.xlsx?page=red&year=2010&programa_red=juntos")


# path, grid, file name, a text header, a number header and the smallest raw value it may show
CSV_PAGES = [
    ("/programas?year=2011", "programmes-grid", rf"programas-2011-es-{DAY}\.csv", t("drill.programa", "es"),
     t("col.pim", "es"), 1e6),
    ("/regiones?year=2010&lang=en", "regions-grid", rf"regiones-2010-en-{DAY}\.csv", t("col.department", "en"),
     t("col.pim", "en"), 1e6),
    ("/genero?year=2010", "gender-grid", rf"genero-2010-es-{DAY}\.csv", t("col.rationale", "es"),
     t("col.pim", "es"), 1e6),
    ("/red?year=2011", "red-grid", rf"red-2011-es-{DAY}\.csv", t("col.acronym", "es"), t("col.share2009", "es"), 0),
    ("/datos", "data-grid", rf"datos-es-{DAY}\.csv", t("col.file", "es"), t("col.read", "es"), 1000),
]


def test_csv_of_a_table_on_every_page(page: Page, app_url: str):
    for path, grid_id, file_name, text_header, number_header, at_least in CSV_PAGES:
        open_page(page, app_url + path, grid_id.split("-")[0])
        wait_for_rows(page, grid_id)
        name, data = download(page, csv_button(page, grid_id))
        assert re.fullmatch(file_name, name), name
        rows = read_csv(data)
        assert rows, path
        assert text_header in rows[0] and number_header in rows[0], (path, list(rows[0]))
        numbers = [r[number_header] for r in rows if r[number_header]]
        assert numbers, (path, number_header)
        for value in numbers:                     # raw: no thousands commas, no "%", "." for decimals
            assert re.fullmatch(r"-?\d+(\.\d+)?(e[+-]?\d+)?", value), (path, value)
        assert max(float(v) for v in numbers) >= at_least, (path, numbers)   # soles, not S/ millions
    # the shown total line is not a row of data
    page.goto(app_url + "/regiones?year=2010")
    wait_for_rows(page, "regions-grid")
    rows = read_csv(download(page, csv_button(page, "regions-grid"))[1])
    keys = [r[t("col.key", "es")] for r in rows]
    assert "98" in keys and "" not in keys                  # Exterior is a row; the total line is not


def test_csv_keeps_the_grids_filter_and_sort(page: Page, app_url: str):
    open_page(page, app_url + "/red?year=2011", "red")
    wait_for_rows(page, "red-grid")
    everything = read_csv(download(page, csv_button(page, "red-grid"))[1])
    acronym = t("col.acronym", "es")
    assert len(everything) > 3
    page.locator("#red-grid .ag-floating-filter input").nth(1).fill("JUNTOS")     # the Sigla column's filter
    expect(page.locator("#red-grid .ag-center-cols-container .ag-row")).to_have_count(1)
    rows = read_csv(download(page, csv_button(page, "red-grid"))[1])
    assert [r[acronym] for r in rows] == ["JUNTOS"]

    page.goto(app_url + "/regiones?year=2010")
    wait_for_rows(page, "regions-grid")
    pim = t("col.pim", "es")
    before = [float(r[pim]) for r in read_csv(download(page, csv_button(page, "regions-grid"))[1])]
    page.locator("#regions-grid .ag-header-cell[col-id='pim'] .ag-header-cell-label").click()    # ascending
    expect(page.locator("#regions-grid .ag-header-cell[col-id='pim']")).to_have_attribute("aria-sort", "ascending")
    after = [float(r[pim]) for r in read_csv(download(page, csv_button(page, "regions-grid"))[1])]
    assert after == sorted(before) and after != before


def test_csv_defuses_formula_looking_text(page: Page, app_url: str):
    open_page(page, app_url + "/programas?year=2011&path=9002", "programmes")
    wait_for_rows(page, "programmes-grid")
    expect(page.locator("#programmes-grid")).to_contain_text(f"={FORMULA_NAME} PRODUCTO")   # shown as it is
    rows = read_csv(download(page, csv_button(page, "programmes-grid"))[1])
    names = {r[t("drill.producto", "es")]: r[t("col.name", "es")] for r in rows}
    assert names[FORMULA_PRODUCT].startswith(f"'={FORMULA_NAME} PRODUCTO {FORMULA_PRODUCT}"), names
    assert all(not n.startswith("'") for k, n in names.items() if k != FORMULA_PRODUCT)
    assert all(not r[t("col.pim", "es")].startswith("'") for r in rows)
    cases = ["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "a=b", "", -5, 2.5, None]
    got = page.evaluate("cases => cases.map(v => window.dashAgGridFunctions.csvSafeCell({value: v}))", cases)
    assert got == ["'=1+2", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx", "a=b", "", -5, 2.5, None]


def test_brief_href_is_the_pages_own_query(page: Page, app_url: str):
    """The brief link sends exactly the page's state: what the URL holds, plus the page name."""
    open_page(page, app_url + "/red?year=2010&programa_red=juntos&precios=real&indicador=mujer", "red")
    href = page.locator("#red-brief").get_attribute("href")
    assert {k: v[-1] for k, v in parse_qs(urlsplit(href).query).items()} == {
        "page": "red", "year": "2010", "programa_red": "juntos", "indicador": "mujer", "precios": "real"}
