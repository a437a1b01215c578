"""store.status and store.budget read functions against a tiny store loaded through the real loader.

Every expected number below is worked out by hand from tests/fixtures.py's TINY_LINES, so a
wrong filter, a lost reversal or a PIM summed over the wrong rows shows up as a different number.
"""
from __future__ import annotations

import pandas as pd
import pytest
from fixtures import build_tiny_store, write_tiny_csv


@pytest.fixture
def tiny_store(store):
    """TINY_LINES loaded into a fresh store on each backend (conftest's `store`: DuckDB, PostgreSQL)."""
    build_tiny_store(store.data_dir)
    return store


def _rows(df, cols=("key", "pia", "pim", "devengado")):
    return [tuple(r) for r in df[list(cols)].itertuples(index=False)]


def test_overview_kpis_all_levels(tiny_store):
    from store.budget import overview_kpis
    k = overview_kpis(2010, "all").iloc[0]
    assert (k.pia, k.pim, k.devengado) == (1800, 2000, 1160)      # the -50 reversal is kept
    assert k.avance_pct == pytest.approx(58.0)
    assert k.ppr_pim == 1600                                       # 9001 is not a PpR programme
    assert k.ppr_share_pct == pytest.approx(80.0)


def test_overview_kpis_one_level_and_empty_year(tiny_store):
    from store.budget import overview_kpis
    k = overview_kpis(2010, "E").iloc[0]
    assert (k.pia, k.pim, k.devengado) == (1500, 1600, 1050)
    assert k.avance_pct == pytest.approx(65.625)
    assert k.ppr_share_pct == pytest.approx(75.0)
    assert overview_kpis(2009, "all").empty


def test_by_level(tiny_store):
    from store.budget import by_level
    df = by_level(2010, "all")
    assert _rows(df, ("key", "pim", "devengado")) == [("E", 1600, 1050), ("R", 400, 100), ("M", 0, 10)]
    assert pd.isna(df["avance_pct"].iloc[2])                         # no PIM: no ratio, not 0 or inf
    assert _rows(by_level(2010, "R"), ("key", "pim")) == [("R", 400)]


def test_by_programme_largest_pim_first(tiny_store):
    from store.budget import by_programme
    df = by_programme(2010, "all")
    assert _rows(df) == [("0001", 1300, 1600, 900), ("9001", 500, 400, 250), ("0002", 0, 0, 10)]
    assert df["name"].iloc[0] == "PROGRAMA ARTICULADO NUTRICIONAL"
    assert df["avance_pct"].iloc[0] == pytest.approx(56.25)
    assert _rows(by_programme(2011, "all")) == [("0001", 2000, 2000, 500)]


def test_drill_levels_and_names(tiny_store):
    from store.budget import drill, drill_names
    assert _rows(drill(2010, "all", ("0001",)), ("key", "pim", "devengado")) == [
        ("3000001", 1200, 800), ("3000002", 400, 100)]
    assert _rows(drill(2010, "R", ("0001",)), ("key", "pim")) == [("3000002", 400)]
    acts = drill(2010, "all", ("0001", "3000001"))
    assert _rows(acts, ("key", "name", "devengado")) == [("5000001", "VACUNACION", 800)]
    units = drill(2010, "all", ("0001", "3000001", "5000001"))
    assert _rows(units, ("key", "name", "pim")) == [("1428", "JUNTOS", 1200)]
    assert drill(2010, "M", ("0001",)).empty
    assert drill_names(2010, ("0001", "3000001")) == ["PROGRAMA ARTICULADO NUTRICIONAL", "NIÑOS CON VACUNA COMPLETA"]
    assert drill_names(2010, ("0001", "0000000")) == ["PROGRAMA ARTICULADO NUTRICIONAL", ""]
    with pytest.raises(ValueError):
        drill(2010, "all", ("0001", "3000001", "5000001", "1428"))


def test_monthly_execution_cumulative(tiny_store):
    from store.budget import monthly_execution
    df = monthly_execution(2010, "all", None)
    assert list(df["month"]) == list(range(1, 13))
    assert list(df["devengado"]) == [-50, 10, 200, 0, 0, 100, 0, 0, 0, 0, 0, 900]
    assert df["devengado_acum"].iloc[-1] == 1160
    assert set(df["pim"]) == {2000}
    assert df["avance_acum_pct"].iloc[-1] == pytest.approx(58.0)
    one = monthly_execution(2010, "E", "0001")
    assert (one["devengado"].sum(), one["pim"].iloc[0]) == (800, 1200)
    # a year in progress stops at its last month instead of drawing a flat tail
    assert list(monthly_execution(2011, "all", None)["month"]) == [1]
    assert monthly_execution(2010, "all", "0404").empty


def test_by_department_keeps_exterior(tiny_store):
    from store.budget import by_department
    assert _rows(by_department(2010, "all", None), ("key", "name", "pim", "devengado")) == [
        ("01", "AMAZONAS", 400, 110), ("15", "LIMA", 1200, 800), ("98", "EXTERIOR", 400, 250)]
    assert _rows(by_department(2010, "all", "0001"), ("key", "devengado")) == [("01", 100), ("15", 800)]
    assert _rows(by_department(2010, "E", None), ("key", "devengado")) == [("15", 800), ("98", 250)]


def test_sources_history_summary_and_programme_names(tiny_store):
    from store.budget import programme_names
    from store.status import load_history, sources, store_summary
    src = sources(2010)
    assert list(src["load_id"]) == [1] and not src["is_demo"].any()
    h = load_history()
    assert list(h[["id", "file_name", "rows_read", "rows_loaded", "rows_rejected", "status"]].iloc[0]) == [
        1, "2010-Gasto.csv", 12, 12, 0, "loaded"]     # 5 opening rows + 7 monthly rows
    assert len(h["sha256"].iloc[0]) == 12
    day = __import__("pandas").Timestamp(h["finished_at"].iloc[0]).strftime("%d/%m/%Y")
    assert store_summary() == {"years": [2010, 2011], "is_demo": False,
                               "loads": {2010: [(1, False)], 2011: [(1, False)]},
                               "files": {1: ("2010-Gasto.csv", day)}}      # the charts' source line names them
    assert list(programme_names(2010)["code"]) == ["0001", "0002", "9001"]


def test_store_identity_changes_when_a_store_is_published(tmp_path, monkeypatch):
    from store.budget import overview_kpis
    from store.engine import StoreMissing
    from store.status import store_identity
    monkeypatch.setenv("GSB_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    with pytest.raises(StoreMissing):
        store_identity()
    with pytest.raises(StoreMissing):
        overview_kpis(2010, "all")
    build_tiny_store(tmp_path)
    first = store_identity()
    from etl.load import load_file
    more = [(2012, "E", "0001", "3000001", "5000001", "1428", "15", "1", "1", {1: "1"})]
    assert load_file(write_tiny_csv(tmp_path / "2012-Gasto.csv", more)).status == "loaded"
    assert store_identity() != first


def test_store_identity_on_postgres_follows_loads(tiny_store):
    from store.status import store_identity
    if tiny_store.is_duckdb:
        pytest.skip("the PostgreSQL branch")
    first = store_identity()
    from etl.load import load_file
    more = [(2012, "E", "0001", "3000001", "5000001", "1428", "15", "1", "1", {1: "1"})]
    assert load_file(write_tiny_csv(tiny_store.data_dir / "2012-Gasto.csv", more)).status == "loaded"
    assert store_identity() != first


def test_schema_problem_is_none_without_a_store(tmp_path, monkeypatch):
    """No store is not a schema problem (the page says there is no store); StoreMissing is not raised."""
    from store.status import schema_problem
    monkeypatch.setenv("GSB_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert schema_problem() is None
