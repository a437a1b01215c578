"""Results beside the money in Chromium, on the sample store (2010-2011): Articulado Nutricional
shows its chronic-malnutrition and anaemia series and the departments' scatter; the Regiones map
shows a result indicator. Values are checked against the store's read functions on a copy of the
same store (the indicators are the curated data/indicators/ file, identical in both)."""
from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from browser.helpers import pick_option, sample_store_reads


@pytest.fixture(scope="module")
def reads(tmp_path_factory):
    from store.indicators import (
        indicator_by_department,
        indicator_series,
        spending_per_target,
    )
    return sample_store_reads(tmp_path_factory, "results-expected", lambda s: {
        "dci": indicator_series("dci_menores5", settings=s), "anemia": indicator_series("anemia_6_35", settings=s),
        "points": spending_per_target("0001", 2010, "dci_menores5", settings=s),
        "map": indicator_by_department("anemia_6_35", 2010, settings=s)})


def _trace(page: Page, graph_id: str, index: int, axis: str) -> list:
    return page.evaluate(f"() => Array.from(document.querySelector('#{graph_id} .js-plotly-plot').data[{index}]"
                         f".{axis})")


def test_articulado_nutricional_shows_both_series_and_the_scatter(page: Page, app_url: str, reads):
    page.goto(f"{app_url}/programas?year=2010&path=0001")
    expect(page.locator("#programmes-results h2")).to_have_text("Resultados al lado del gasto", timeout=20000)
    expect(page.locator("#programmes-result-dci_menores5 .js-plotly-plot")).to_be_attached(timeout=20000)
    dci = dict(zip(_trace(page, "programmes-result-dci_menores5", 0, "x"),
                   _trace(page, "programmes-result-dci_menores5", 0, "y")))
    want = reads["dci"].set_index("year")["value"]
    assert {y: dci[y] for y in (2009, 2010, 2011)} == {y: want[y] for y in (2009, 2010, 2011)}
    expect(page.locator("#programmes-result-anemia_6_35 .js-plotly-plot")).to_be_attached()
    comparable = reads["anemia"][reads["anemia"]["method"] == "comparable"].set_index("year")["value"]
    anaemia = dict(zip(_trace(page, "programmes-result-anemia_6_35", 0, "x"),
                       _trace(page, "programmes-result-anemia_6_35", 0, "y")))
    assert {y: anaemia[y] for y in (2009, 2010, 2011)} == {y: comparable[y] for y in (2009, 2010, 2011)}
    expect(page.locator("#programmes-result-note")).to_contain_text("asociación, no efecto")
    xs = _trace(page, "programmes-result-scatter", 0, "x")
    assert sorted(xs) == pytest.approx(sorted(reads["points"]["per_person"].dropna()))


def test_the_regions_map_shows_a_result_indicator(page: Page, app_url: str, reads):
    page.goto(f"{app_url}/regiones?year=2010")
    expect(page.locator("#regions-result-map .gtitle")).to_contain_text("Desnutrición", timeout=30000)
    pick_option(page, page.locator("#regions-result-pick"), "Anemia, niñas y niños de 6 a 35 meses")
    expect(page.locator("#regions-result-map .gtitle")).to_contain_text("Anemia", timeout=20000)
    locations = _trace(page, "regions-result-map", 1, "locations")
    z = _trace(page, "regions-result-map", 1, "z")
    want = reads["map"].set_index("department")["value"]
    assert dict(zip(locations, z))["08"] == want["08"] and len(locations) == 25


def test_the_gender_page_shows_the_violence_indicators(page: Page, app_url: str):
    page.goto(f"{app_url}/genero?year=2010")
    expect(page.locator("#gender-result-violencia_pareja .js-plotly-plot")).to_be_attached(timeout=30000)
    shown = dict(zip(_trace(page, "gender-result-violencia_pareja", 0, "x"),
                     _trace(page, "gender-result-violencia_pareja", 0, "y")))
    import csv

    from conftest import ROOT
    with open(ROOT / "data" / "indicators" / "indicators.csv", encoding="utf-8") as fh:
        want = {int(r["year"]): float(r["value"]) for r in csv.DictReader(fh)
                if r["indicator"] == "violencia_pareja" and r["department"] == "PE"}
    assert shown == want and shown[2017] == 65.4
