"""Faults in input files found in review: each is refused with its precise reason, store unchanged."""
from __future__ import annotations

import mef_csv
from conftest import snapshot
from etl import gasto
from etl.load import load_file
from etl.mef_format import GASTO_COLUMNS


def test_all_rejected_file_explains_only_the_first_reject(duck_store, tmp_path, monkeypatch):
    """Nothing loads, so only the first reject is reported: the others are not fetched and re-parsed."""
    rows = mef_csv.year_rows(2010, pim="1", devengado=("1", "2")) * 200
    for r in rows:
        r["DEPARTAMENTO_META"] = "99"
    f = mef_csv.write(tmp_path / "bad.csv", rows)
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
    good = mef_csv.write(tmp_path / "2010-Gasto.csv", mef_csv.year_rows(2010, pim="123"))
    assert load_file(good, settings=store).status == "loaded"
    before = snapshot(store)
    header = list(GASTO_COLUMNS) + ["SECTOR"]
    f = mef_csv.write(tmp_path / "twice.csv", mef_csv.year_rows(2011), header=header)
    r = load_file(f, settings=store)
    assert (r.status, r.message) == ("refused", "twice.csv, line 1: column appears twice: SECTOR")
    assert snapshot(store) == before
