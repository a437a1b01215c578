"""The Regiones page in Chromium on the demo store: the per-woman map and its table, a click that
opens a department's profile, the profile's figures and the way back, and departments side by
side. Expected values come from the read functions (store/regions.py) on a second copy of the same
sample store (tests/fixtures.py builds it deterministically)."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from browser.helpers import sample_store_reads
from components.fmt import fmt_number, millions


@pytest.fixture(scope="module")
def expected(tmp_path_factory):
    """department_metrics of 2010 (all levels, weighted gender share, nominal) and the per-woman
    ranks, read from a copy of the sample store the app serves."""
    from store.regions import department_metrics, department_rank

    def read(settings):
        metrics = department_metrics(2010, settings=settings)
        return metrics, {k: department_rank(metrics, "per_woman", k) for k in metrics["key"]}
    metrics, ranks = sample_store_reads(tmp_path_factory, "regions-expected", read)
    return metrics.set_index("key"), ranks


def _cell(page: Page, grid: str, row: str, col: str):
    return page.locator(f"#{grid} .ag-row[row-id='{row}'] .ag-cell[col-id='{col}']").first


def test_per_woman_map_and_table_match_the_reads(page: Page, app_url: str, expected):
    metrics, _ = expected
    page.goto(app_url + "/regiones?year=2010&metric=per_woman")
    expect(page.locator("#regions-map")).to_contain_text("Devengado por mujer por departamento · 2010")
    expect(page.locator("#regions-map")).to_contain_text("S/ por mujer, nominal")
    expect(page.locator("#regions-map .choroplethlocation").first).to_be_attached()
    expect(page.locator("#regions-lima-note")).to_contain_text("gobierno nacional")
    for key in ("08", "15", "21"):
        expect(_cell(page, "regions-grid", key, "per_woman")).to_have_text(fmt_number(metrics.loc[key, "per_woman"]))
        expect(_cell(page, "regions-grid", key, "devengado")).to_have_text(millions(metrics.loc[key, "devengado"]))
    expect(_cell(page, "regions-grid", "98", "per_woman")).to_have_text("—")     # no population abroad


def test_clicks_open_a_profile_and_lead_back(page: Page, app_url: str, expected):
    metrics, ranks = expected
    page.goto(app_url + "/regiones?year=2010&metric=per_woman")
    _cell(page, "regions-grid", "08", "name").click()
    expect(page).to_have_url(re.compile(r"departamento=08"))
    expect(page.locator("#regions-profile-title")).to_have_text("08 CUSCO · 2010")
    rank, out_of = ranks["08"]
    expect(page.locator("#regions-rank")).to_have_text(
        f"Puesto {rank} de {out_of} departamentos en Devengado por mujer.")
    expect(page.locator("#regions-kpi-per_woman .kpi-value")).to_have_text(fmt_number(metrics.loc["08", "per_woman"], 2))
    expect(page.locator("#regions-kpi-per_capita .kpi-value")).to_have_text(
        fmt_number(metrics.loc["08", "per_capita"], 2))
    expect(page.locator("#regions-kpi-pim .kpi-value")).to_have_text(millions(metrics.loc["08", "pim"]))
    expect(page.locator("#regions-series .barlayer .point").first).to_be_attached()      # two years: a series
    expect(page.locator("#regions-gender-weighted")).to_be_visible()
    page.locator("#regions-back").click()
    expect(page).not_to_have_url(re.compile(r"departamento="))
    expect(page.locator("#regions-map .choroplethlocation").first).to_be_attached()
    # a department clicked on the map opens its profile too
    shape = page.locator("#regions-map .choroplethlocation").last
    expect(shape).to_be_attached()
    page.locator("#regions-map").scroll_into_view_if_needed()
    box = shape.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    expect(page.locator("#regions-map .hoverlayer .hovertext").first).to_be_attached()
    page.mouse.click(x, y)
    expect(page).to_have_url(re.compile(r"departamento=\d\d"))
    expect(page.locator("#regions-profile-title")).to_be_visible()


def test_departments_side_by_side(page: Page, app_url: str, expected):
    metrics, _ = expected
    page.goto(app_url + "/regiones?year=2010&metric=per_woman&departamento=08&comparar=15.21")
    table = page.locator("#regions-compare-table")
    expect(table.locator("thead th")).to_have_text(["Indicador", "08 CUSCO", "15 LIMA", "21 PUNO"])
    row = table.locator("tbody tr", has_text="Devengado por mujer").first
    expect(row.locator("td")).to_have_text([fmt_number(metrics.loc[k, "per_woman"], 2) for k in ("08", "15", "21")])
