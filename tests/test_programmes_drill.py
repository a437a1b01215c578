"""The Programas page's reads (store.budget.drill with `by`, drill_locate, drill_series,
drill_monthly) on DuckDB and PostgreSQL.

Expected numbers are worked out by hand from tests/fixtures.py's TINY_LINES:
  2010 E 0001/3000001/5000001 unit 1428: PIA 1000, PIM 1200, devengado 200 (Mar) + 600 (Dec)
  2010 E 9001/3999999/5000002 unit 1232: PIA 500, PIM 400, devengado -50 (Jan) + 300 (Dec)
  2010 R 0001/3000002/5000003 unit 0800: PIA 300, PIM 400, devengado 100 (Jun)
  2010 M 0002/3000003/5000004 unit 0900: PIA 0, PIM 0, devengado 10 (Feb)
  2011 E 0001/3000001/5000001 unit 1428: PIA 2000, PIM 2000, devengado 500 (Jan)
"""
from __future__ import annotations

import pytest
from fixtures import TINY_LINES, _load, build_tiny_store, write_tiny_csv


@pytest.fixture
def tiny_store(store):
    build_tiny_store(store.data_dir)
    return store


def _rows(df, cols=("key", "pim", "devengado")):
    return [tuple(r) for r in df[list(cols)].itertuples(index=False)]


def test_drill_by_a_level_further_down_skips_the_levels_between(tiny_store):
    from store.budget import drill
    # the executing units of a whole programme, without going through products and activities
    assert _rows(drill(2010, "all", ("0001",), by="ejecutora"), ("key", "name", "pia", "pim", "devengado")) == [
        ("1428", "JUNTOS", 1000, 1200, 800), ("0800", "GOBIERNO REGIONAL AMAZONAS", 300, 400, 100)]
    # every activity of the year: ties on PIM (400) ordered by devengado
    assert _rows(drill(2010, "all", (), by="actividad")) == [
        ("5000001", 1200, 800), ("5000002", 400, 250), ("5000003", 400, 100), ("5000004", 0, 10)]
    assert _rows(drill(2010, "E", (), by="ejecutora")) == [("1428", 1200, 800), ("1232", 400, 250)]
    # by = the next level is the plain drill
    assert _rows(drill(2010, "all", ("0001",), by="producto")) == _rows(drill(2010, "all", ("0001",)))
    with pytest.raises(ValueError):
        drill(2010, "all", ("0001", "3000001"), by="producto")       # above the path
    with pytest.raises(ValueError):
        drill(2010, "all", (), by="sector")


def test_drill_locate_fills_in_the_skipped_codes(tiny_store):
    from store.budget import drill_locate
    assert drill_locate(2010, "all", ("0001",), "actividad", "5000003") == ("0001", "3000002", "5000003")
    assert drill_locate(2010, "all", (), "producto", "3999999") == ("9001", "3999999")
    assert drill_locate(2010, "all", (), "actividad", "5000004") == ("0002", "3000003", "5000004")
    assert drill_locate(2010, "all", ("0001",), "producto", "3000001") == ("0001", "3000001")
    assert drill_locate(2010, "E", ("0001",), "actividad", "5000003") is None     # that line is regional
    assert drill_locate(2010, "all", ("0001",), "ejecutora", "1428") is None      # units are the bottom


def test_drill_locate_with_an_activity_under_two_products(store):
    """Activity 5000001 also under product 3000002: no single path, so None (not a guess)."""
    store.data_dir.mkdir(parents=True, exist_ok=True)
    extra = (2010, "E", "0001", "3000002", "5000001", "1428", "15", "100", "100", {5: "50"})
    _load(write_tiny_csv(store.data_dir / "2010-Gasto.csv", [*TINY_LINES, extra]), False)
    from store.budget import drill_locate
    assert drill_locate(2010, "all", ("0001",), "actividad", "5000001") is None
    assert drill_locate(2010, "all", ("0001", "3000002"), "actividad", "5000001") == ("0001", "3000002", "5000001")
    assert drill_locate(2010, "R", ("0001",), "actividad", "5000003") == ("0001", "3000002", "5000003")


def test_drill_series_by_fiscal_year(tiny_store):
    from store.budget import drill_series
    df = drill_series("all", ("0001",))
    assert _rows(df, ("fiscal_year", "pia", "pim", "devengado")) == [(2010, 1300, 1600, 900), (2011, 2000, 2000, 500)]
    assert list(df["avance_pct"]) == pytest.approx([56.25, 25.0])
    assert _rows(drill_series("all", ()), ("fiscal_year", "pia", "pim", "devengado")) == [
        (2010, 1800, 2000, 1160), (2011, 2000, 2000, 500)]                 # whole level, 9001 included
    assert _rows(drill_series("all", ("0001", "3000001", "5000001")), ("fiscal_year", "pim", "devengado")) == [
        (2010, 1200, 800), (2011, 2000, 500)]
    regional = drill_series("R", ("0001",))
    assert _rows(regional, ("fiscal_year", "pia", "pim", "devengado")) == [(2010, 300, 400, 100)]
    assert list(regional["avance_pct"]) == pytest.approx([25.0])
    assert drill_series("M", ("0001",)).empty
    assert list(drill_series("M", ("0002",))["avance_pct"]) == [None]    # no PIM: no ratio


def test_drill_monthly_of_a_product_and_of_9001(tiny_store):
    from store.budget import drill_monthly
    df = drill_monthly(2010, "all", ("0001", "3000002"))
    assert list(df["month"]) == [1, 2, 3, 4, 5, 6]                       # stops at the last month with lines
    assert list(df["devengado"]) == [0, 0, 0, 0, 0, 100]
    assert set(df["pim"]) == {400}
    assert df["avance_acum_pct"].iloc[-1] == pytest.approx(25.0)
    c = drill_monthly(2010, "all", ("9001",))
    assert list(c["devengado_acum"]) == [-50, -50, -50, -50, -50, -50, -50, -50, -50, -50, -50, 250]
    assert c["avance_acum_pct"].iloc[-1] == pytest.approx(62.5)
    assert drill_monthly(2010, "M", ("0001",)).empty
