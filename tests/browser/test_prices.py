"""The navbar's prices switch in a real browser, on the demo store: Resumen's cards change to
nominal x CPI factor (the factor read from the store's CPI table), and the choice travels with
the navbar to another page."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from components.fmt import millions


@pytest.fixture
def store_reads(app_data_dir, monkeypatch):
    """The store the app serves, read in this process (DuckDB, read-only)."""
    monkeypatch.setenv("GSB_DATA_DIR", str(app_data_dir))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    from store import budget, reference
    return budget, reference


def test_prices_switch_changes_resumen_and_travels(page: Page, app_url: str, store_reads):
    budget, reference = store_reads
    kpis = budget.overview_kpis(2011, "all").iloc[0]
    factor = reference.price_factors([2011])[2011]                # CPI(2009) / CPI(2011), Lima
    assert factor is not None and 0.5 < factor < 1
    page.goto(app_url + "/?year=2011")
    pim = page.locator("#overview-kpi-pim .kpi-value")
    expect(pim).to_have_text(millions(kpis["pim"]), timeout=30_000)
    expect(page.locator("#overview-kpi-pim .kpi-unit")).to_have_text("S/ millones, nominal")
    page.locator("#shell-prices-real").click()
    expect(page).to_have_url(re.compile(r"precios=real"))
    expect(pim).to_have_text(millions(kpis["pim"] * factor), timeout=30_000)
    expect(page.locator("#overview-kpi-pim .kpi-unit")).to_have_text("S/ millones de 2009 (IPC Lima)")
    expect(page.locator("#overview-kpi-devengado .kpi-value")).to_have_text(millions(kpis["devengado"] * factor))
    expect(page.locator("#overview-kpi-avance .kpi-value")).to_contain_text(f"{kpis['avance_pct']:.1f}")
    expect(page.locator("#overview-series .barlayer .point").first).to_be_attached(timeout=30_000)
    page.locator("#shell-nav-programmes").click()                      # the navbar carries the choice
    expect(page).to_have_url(re.compile(r"/programas\?.*precios=real"))
    expect(page.locator("#shell-prices-real")).to_have_class(re.compile(r"\bbtn-light\b"))
    page.locator("#shell-prices-nominal").click()                      # and back
    expect(page).not_to_have_url(re.compile(r"precios="))
    expect(page.locator("#shell-prices-nominal")).to_have_class(re.compile(r"\bbtn-light\b"))
