"""Faults in input files found in review: each is refused with its precise reason, store unchanged."""
from __future__ import annotations

import fixtures
from conftest import snapshot

from domain.mef_format import GASTO_COLUMNS
from etl import gasto
from etl.load import load_file


def test_all_rejected_file_explains_only_the_first_reject(duck_store, tmp_path, monkeypatch):
    """Nothing loads, so only the first reject is reported: the others are not fetched and re-parsed."""
    rows = fixtures.year_rows(2010, pim="1", devengado=("1", "2")) * 200
    for r in rows:
        r["DEPARTAMENTO_META"] = "99"
    f = fixtures.write(tmp_path / "bad.csv", rows)
    calls = []
    explain = gasto._explain
    monkeypatch.setattr(gasto, "_explain", lambda *a: calls.append(a) or explain(*a))
    r = load_file(f, settings=duck_store, reject_dir=tmp_path / "rej")
    assert r.status == "refused"
    assert r.message == ("bad.csv, line 2, column DEPARTAMENTO_META: no valid rows: all 600 data rows were "
                         "rejected (first: unknown department code (INEI 01-25 or 98))")
    assert len(calls) == 1
    assert not (tmp_path / "rej").exists()
    assert snapshot(duck_store) == {"<no store>": None}


def test_a_column_repeated_with_the_same_name_is_named(store, tmp_path):
    good = fixtures.write(tmp_path / "2010-Gasto.csv", fixtures.year_rows(2010, pim="123"))
    assert load_file(good, settings=store).status == "loaded"
    before = snapshot(store)
    header = list(GASTO_COLUMNS) + ["SECTOR"]
    f = fixtures.write(tmp_path / "twice.csv", fixtures.year_rows(2011), header=header)
    r = load_file(f, settings=store)
    assert (r.status, r.message) == ("refused", "twice.csv, line 1: column appears twice: SECTOR")
    assert snapshot(store) == before


def _parquet(path, select_sql: str):
    import duckdb
    duckdb.sql(f"COPY ({select_sql}) TO '{path}' (FORMAT parquet)")
    return path


def test_every_parquet_goes_to_the_department_list_checks(store, tmp_path):
    good = _parquet(tmp_path / "deps.parquet", "SELECT '01' AS cod_dep, 'AMAZONAS' AS nombre")
    assert load_file(good, settings=store).status == "loaded"
    before = snapshot(store)
    three = _parquet(tmp_path / "three.parquet", "SELECT '01' AS cod_dep, 'AMAZONAS' AS nombre, 1 AS n")
    r = load_file(three, settings=store)
    assert (r.status, r.message) == ("refused", "three.parquet: a department list has two columns (code, name); "
                                                "this has 3")
    empty = tmp_path / "empty.parquet"
    empty.write_bytes(b"")
    assert load_file(empty, settings=store).message == "empty.parquet: empty file (0 bytes)"
    assert load_file(tmp_path / "gone.parquet", settings=store).message == "gone.parquet: file not found"
    junk = tmp_path / "junk.parquet"
    junk.write_bytes(b"not parquet at all\n")
    r = load_file(junk, settings=store)
    assert r.status == "refused" and r.message.startswith("junk.parquet: unreadable Parquet file ("), r.message
    assert snapshot(store) == before


def test_history_of_a_reloaded_department_list(store, tmp_path):
    from store.read import load_history_frame
    first = _parquet(tmp_path / "deps.parquet", "SELECT '01' AS cod_dep, 'AMAZONAS' AS nombre")
    assert load_file(first, settings=store, demo=True).status == "loaded"
    _parquet(first, "SELECT * FROM (VALUES ('01', 'AMAZONAS'), ('02', 'ANCASH')) t(cod_dep, nombre)")
    assert load_file(first, settings=store).status == "loaded"
    h = load_history_frame(store).sort_values("id")
    got = h[["status", "format", "rows_read", "rows_loaded", "rows_rejected", "is_demo", "message"]]
    assert [tuple(r) for r in got.itertuples(index=False)] == [
        ("replaced", "department_list", 1, 1, 0, True, "all codes are INEI department codes"),
        ("loaded", "department_list", 2, 2, 0, False, "all codes are INEI department codes")]
