"""Prices as a global choice: store.reference.in_prices (nominal or real soles), the Resumen
series over fiscal years (store.budget.overview_by_year), the unit labels, the navbar switch.

Expected numbers are worked out by hand from tests/fixtures.py's TINY_LINES and a test CPI
(2009: 50, 2010: 80, none for 2011), so the real-soles factor of 2010 is 50 / 80 = 0.625.
"""
from __future__ import annotations

import math

import pandas as pd
import pytest
from fixtures import build_tiny_store
from network_data import make_folders

TEST_CPI = {2009: "50.0000", 2010: "80.0000"}     # base year 2009 (domain.codes.REAL_BASE_YEAR); no 2011


@pytest.fixture
def priced_store(store, tmp_path):
    """TINY_LINES (2010 and 2011) plus the test CPI, on each backend."""
    from etl.reference import seed
    build_tiny_store(store.data_dir)
    ref, net = make_folders(tmp_path / "curated", cpi=TEST_CPI)
    assert all(r.status == "loaded" for r in seed(store, reference_dir=ref, network_dir=net))
    return store


def test_overview_by_year_hand_computed(priced_store):
    from store.budget import overview_by_year
    df = overview_by_year("all")
    assert list(df["fiscal_year"]) == [2010, 2011]
    # 2010: PIA 1000+500+300+0, PIM 1200+400+400+0, devengado 800+250+100+10; PpR PIM without 9001
    # 2011: one line, 0001 (PpR): PIA 2000, PIM 2000, devengado 500
    assert [tuple(r) for r in df[["pia", "pim", "devengado", "ppr_pim"]].itertuples(index=False)] == [
        (1800, 2000, 1160, 1600), (2000, 2000, 500, 2000)]
    assert list(df["avance_pct"]) == pytest.approx([58.0, 25.0])
    assert list(df["ppr_share_pct"]) == pytest.approx([80.0, 100.0])
    r = overview_by_year("R")                                   # regional lines exist only in 2010
    assert list(r["fiscal_year"]) == [2010] and (r.pim[0], r.devengado[0], r.ppr_share_pct[0]) == (400, 100, 100.0)


def test_in_prices_real_is_nominal_times_cpi_factor(priced_store):
    from store.budget import overview_by_year, overview_kpis
    from store.reference import in_prices, no_cpi_years, price_factors
    assert price_factors([2010, 2011]) == {2010: 0.625, 2011: None}
    real = in_prices(overview_by_year("all"), "real")
    assert real.loc[0, ["pia", "pim", "devengado", "ppr_pim"]].tolist() == [1125.0, 1250.0, 725.0, 1000.0]
    assert real.loc[0, "avance_pct"] == pytest.approx(58.0)                  # ratios are not converted
    assert all(math.isnan(real.loc[1, c]) for c in ("pia", "pim", "devengado", "cpi_factor"))   # never nominal
    assert no_cpi_years(real) == [2011]
    one = in_prices(overview_kpis(2010, "all"), "real", year=2010)          # a one-year frame
    assert (one.pim[0], one.devengado[0], one.cpi_factor[0]) == (1250.0, 725.0, 0.625)
    assert no_cpi_years(one, year=2010) == []
    assert no_cpi_years(in_prices(overview_kpis(2011, "all"), "real", year=2011), year=2011) == [2011]


def test_in_prices_nominal_changes_nothing():
    from store.reference import in_prices, no_cpi_years
    df = pd.DataFrame({"fiscal_year": [2010], "pim": [2000.0], "name": ["x"]})
    out = in_prices(df, "nominal")                # no store needed: nominal reads nothing
    assert out["pim"].tolist() == [2000.0] and out["cpi_factor"].tolist() == [1.0] and no_cpi_years(out) == []
    assert "cpi_factor" not in df                 # a copy: the cached frame is left alone


def test_unit_labels():
    from domain.i18n import money_units, prices_in_words
    assert money_units("nominal", "es") == "S/ millones, nominal"
    assert money_units("real", "es") == "S/ millones de 2009 (IPC Lima)"
    assert money_units("real", "en") == "S/ millions of 2009 (Lima CPI)"
    assert money_units("real", "es", millions=False) == "S/ de 2009 (IPC Lima)"
    assert prices_in_words("real", "es") == "Soles reales de 2009 (IPC Lima, BCRP)"


def test_navbar_prices_links_keep_the_address():
    from components.prices import prices_links
    links = prices_links("/genero", "?year=2010&level=R&lang=en")
    hrefs = {link.id: link.href for link in links[1:]}
    assert hrefs == {"shell-prices-nominal": "/genero?year=2010&level=R&lang=en",
                     "shell-prices-real": "/genero?year=2010&level=R&precios=real&lang=en"}
    classes = {link.id: link.className for link in links[1:]}
    assert "btn-light" in classes["shell-prices-nominal"].split()          # nominal: the default, highlighted
    assert "btn-outline-light" in classes["shell-prices-real"].split()
    real = prices_links("/", "?precios=real")
    assert [link.children for link in real[1:]] == ["Nominal", "Reales 2009"]
    assert "btn-light" in real[2].className.split() and "btn-outline-light" in real[1].className.split()


# --- Resumen (pages/overview.py) on small DuckDB stores ----------------------------------------------

def _priced(d, mp):
    from etl.reference import seed
    from settings import get_settings
    build_tiny_store(d)
    ref, net = make_folders(d / "curated", cpi=TEST_CPI)
    assert all(r.status == "loaded" for r in seed(get_settings(), reference_dir=ref, network_dir=net))


def _one_year(d, mp):
    from fixtures import TINY_LINES, write_tiny_csv

    from etl.load import load_file
    d.mkdir(parents=True, exist_ok=True)
    assert load_file(write_tiny_csv(d / "2010-Gasto.csv", [x for x in TINY_LINES if x[0] == 2010])).status == "loaded"


@pytest.fixture(scope="module")
def app_stores(tmp_path_factory):
    from app_stores import build_stores
    return build_stores(tmp_path_factory, {"priced": _priced, "one_year": _one_year})


@pytest.fixture
def use(app_stores, monkeypatch):
    import app  # noqa: F401  (registers the pages and their callbacks)
    from app_stores import switch
    return switch(app_stores, monkeypatch)


def _state(**kw) -> dict:
    return {"year": 2010, "level": "all", "lang": "es", "metric": "devengado", "path": [], "programme": "",
            "precios": "nominal", **kw}


def test_resumen_in_real_soles(use):
    from dash_tree import text

    from pages import overview
    use("priced")
    kpis, levels, monthly, top, series, rates, note = overview.render_overview(_state(precios="real"))
    # 2010 x 0.625, in S/ millions: PIM by level 1600, 400, 0 -> 1000, 250, 0 soles
    assert list(levels.data[0].y) == pytest.approx([0.001, 0.00025, 0.0])
    assert monthly.data[1].y[-1] == pytest.approx(1160 * 0.625 / 1e6)
    assert list(top.data[0].x) == pytest.approx([1600 * 0.625 / 1e6, 400 * 0.625 / 1e6, 0.0])
    for fig in (levels, monthly, top, series):
        assert "S/ millones de 2009 (IPC Lima)" in text(fig.layout.title)
        assert "IPC de Lima Metropolitana" in text(fig.layout.annotations)
    assert "S/ millones de 2009 (IPC Lima)" in text(kpis) and "58.0 %" in text(kpis)      # avance unchanged
    # the series: 2010 in 2009 soles, 2011 unknown (no CPI), and a warning that says so
    assert list(series.data[0].x) == ["2010", "2011"]
    assert series.data[0].y[0] == pytest.approx(0.00125) and math.isnan(series.data[0].y[1])
    assert "Sin IPC de Lima para 2011" in text(note)
    assert list(rates.data[0].y) == pytest.approx([58.0, 25.0]) and list(rates.data[1].y) == pytest.approx([80.0, 100.0])


def test_resumen_nominal_and_a_year_without_cpi(use):
    from dash_tree import text

    from pages import overview
    use("priced")
    kpis, levels, _, _, series, _, note = overview.render_overview(_state())
    assert list(levels.data[0].y) == pytest.approx([0.0016, 0.0004, 0.0]) and note is None
    assert list(series.data[0].y) == pytest.approx([0.002, 0.002]) and "S/ millones, nominal" in text(series.layout.title)
    kpis, *_, note = overview.render_overview(_state(year=2011, precios="real"))
    assert text(kpis).count("—") == 3 and "Sin IPC de Lima para 2011" in text(note)


def test_resumen_with_one_year_says_so(use):
    from dash_tree import text

    from pages import overview
    use("one_year")
    *_, series, rates, _ = overview.render_overview(_state(lang="en"))
    for fig in (series, rates):
        assert len(fig.data) == 0 and "Only one fiscal year is loaded (2010)" in text(fig.layout.annotations)
