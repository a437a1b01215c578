"""The three everyday tasks of issue "Usability", walked through clicks from the home page (no
typed URLs after the first), each ending with the answer on screen, checked against the store's
read functions on a copy of the same sample store.

- A Ministry of Women official: how much went to programmes that target women in 2010, how much
  was executed, and which programmes.
- A UN Women advocate: Juntos on the Red page: its record first, its money, and how the money is
  split across budget programmes.
- A congressional aide: Articulado Nutricional's 2011 budget, then its executing units.
"""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from browser.helpers import pick_option, sample_store_reads, settled, settled_click
from components.fmt import millions


@pytest.fixture(scope="module")
def reads(tmp_path_factory):
    from store import budget, gender
    return sample_store_reads(tmp_path_factory, "tasks-reads", lambda s: {
        "summary": gender.gender_summary(2010, settings=s).set_index("definition"),
        "series": budget.drill_series("all", ("0001",), settings=s).set_index("fiscal_year"),
        "units": budget.drill(2011, "all", ("0001",), by="ejecutora", settings=s)})


def _pick_year(page: Page, year: int) -> None:
    """The filter bar's year, once the page has drawn itself (a redraw would close the list)."""
    settled(page)
    pick_option(page, page.locator("[id*='\"field\":\"year\"']").first, str(year))
    expect(page).to_have_url(re.compile(rf"year={year}"))


def _nav(page: Page, name: str) -> None:
    settled_click(page.get_by_role("navigation").get_by_role("link", name=name, exact=True))


def test_official_finds_the_gender_totals_execution_and_programmes(page: Page, app_url: str, reads):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(app_url + "/")
    _nav(page, "Género")
    expect(page).to_have_url(re.compile(r"/genero"))
    _pick_year(page, 2010)
    strict = reads["summary"].loc["strict"]
    card = page.locator("#gender-kpi-strict")
    expect(card).to_contain_text(millions(strict["devengado"]), timeout=30_000)
    avance = float(strict["devengado"]) / float(strict["pim"]) * 100
    expect(card).to_contain_text(f"{avance:,.1f} %")              # the execution rate of that money
    table = page.locator("#gender-table")
    expect(table).to_contain_text("PROGRAMA ARTICULADO NUTRICIONAL", timeout=30_000)   # which programmes, by name


def test_aide_finds_articulado_nutricional_2011_and_its_units(page: Page, app_url: str, reads):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(app_url + "/")
    _nav(page, "Programas")
    _pick_year(page, 2011)
    row = page.locator("#programmes-grid .ag-center-cols-container .ag-row[row-id='0001'] [col-id='name']")
    expect(row).to_be_visible(timeout=30_000)
    settled_click(row)
    kpis = page.locator("#programmes-kpis")
    expect(kpis).to_contain_text("0001 PROGRAMA ARTICULADO NUTRICIONAL · 2011", timeout=30_000)
    want = reads["series"].loc[2011]
    for stage in ("pia", "pim", "devengado"):
        expect(kpis).to_contain_text(millions(want[stage]))
    page.get_by_label("Unidad ejecutora").check()
    grid = page.locator("#programmes-grid")
    for key in reads["units"]["key"]:
        expect(grid.locator(f".ag-row[row-id='{key}']").first).to_be_attached(timeout=30_000)


def test_advocate_finds_juntos_its_money_and_its_split(page: Page, app_url: str):
    """From the home page to Juntos on the Red page by clicks: its record first, its money, and the
    budget lines its money is split over, adding up to its total."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(app_url + "/")
    _nav(page, "Protección social")
    _pick_year(page, 2010)
    row = page.locator("#red-grid .ag-center-cols-container .ag-row[row-id='juntos'] [col-id='name']")
    expect(row).to_be_visible(timeout=30_000)
    settled_click(row)
    expect(page.locator("#red-programme-title")).to_contain_text("JUNTOS", timeout=30_000)
    record = page.locator("#red-programme-title").bounding_box()
    folded = page.locator("#red-all").bounding_box()
    assert record["y"] < folded["y"]                          # the record first, the list folded below
    kpi = page.locator("#red-kpi-pim")
    expect(kpi).to_be_visible(timeout=30_000)
    split = page.locator("#red-split")
    expect(split).to_contain_text("Las partes suman el total de arriba", timeout=30_000)
    pim_card = kpi.locator(".kpi-value, .card-title, h3, .h3, .fs-4").first.text_content() or kpi.text_content()
    total = page.locator("#red-split-grid .ag-floating-bottom .ag-row [col-id='pim']").first.text_content()
    assert total.strip() and total.strip() in pim_card, (total, pim_card)
