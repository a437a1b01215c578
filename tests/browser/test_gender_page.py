"""Género in a real browser, on the demo (sample) store: the which-programmes table and an
execution alert show what the read functions say, and the alert opens its line on Programas."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from components.fmt import millions, pct


@pytest.fixture(scope="module")
def expected(tmp_path_factory):
    """programme_table and execution_alerts for 2011, read from a sample store built the same way
    as the app's (tests/fixtures.py build_sample_store is deterministic)."""
    import fixtures

    from store import gender_depth, gender_programmes
    d = tmp_path_factory.mktemp("gender-expected")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GSB_DATA_DIR", str(d))
        mp.delenv("DATABASE_URL", raising=False)
        fixtures.build_sample_store(d)
        return gender_programmes.programme_table(2011), gender_depth.execution_alerts(2011)


def test_programme_table_and_alert_match_the_reads(page: Page, app_url: str, expected):
    table, alerts = expected
    page.goto(app_url + "/genero?year=2011")
    first = page.locator("#gender-table-grid .ag-center-cols-container .ag-row[row-index='0']")
    expect(first.locator("[col-id='key']")).to_have_text(table.loc[0, "key"])
    expect(first.locator("[col-id='weighted']")).to_have_text(millions(table.loc[0, "weighted"]))
    expect(first.locator("[col-id='avance_pct']")).to_have_text(pct(table.loc[0, "avance_pct"]))
    header = page.locator("#gender-table-grid .ag-header-cell[col-id='devengado'] .ag-header-cell-text")
    expect(header).to_have_text("Devengado")
    assert header.evaluate("e => e.scrollWidth <= e.clientWidth"), "the Devengado header is cut"
    assert not alerts["alerts"].empty, "the sample store should have a lagging gender line in 2011"
    a = alerts["alerts"].iloc[0]
    link = page.locator("#gender-alerts a").first
    expect(link).to_contain_text(f"{a['programa']} ")
    expect(page.locator("#gender-alerts li").first).to_contain_text(f"Avance {pct(a['avance_pct'])}")
    link.click()
    expect(page).to_have_url(re.compile(rf"/programas\?year=2011&path={a['programa']}\.{a['producto']}\."
                                        rf"{a['actividad']}"))
    expect(page.locator("#programmes-breadcrumb")).to_contain_text(a["producto"])
