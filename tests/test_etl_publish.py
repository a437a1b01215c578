"""etl/publish.py, the loaders' common ending: known content skips the loader's preparation,
and the check inside the write refuses without writing or taking a load id."""
from __future__ import annotations

import csv

import fixtures
import pytest
from conftest import snapshot
from network_data import seed_fixture, write_coverage

from etl import consulta
from etl.coverage import load_coverage
from etl.load import load_file
from store.read import load_history_frame


def test_content_already_loaded_is_not_read_again(store, tmp_path, monkeypatch):
    f = tmp_path / "export.csv"
    with open(f, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([["Año", "Departamento", "PIA", "PIM", "Devengado", "Avance %"],
                                  ["2020", "01: AMAZONAS", "1,000", "2,000", "1,500", "75.0"]])
    reads = []
    real = consulta.read_export
    monkeypatch.setattr(consulta, "read_export", lambda *a, **kw: reads.append(a) or real(*a, **kw))
    first = load_file(f, settings=store)
    again = load_file(f, settings=store)
    assert (first.status, again.status) == ("loaded", "unchanged")
    assert again.message == f"already loaded as load {first.load_id}; nothing changed"
    assert len(reads) == 1          # the export is parsed only for new content


def test_coverage_refused_inside_the_write_takes_no_load_id(store, tmp_path, monkeypatch):
    """programmes.yaml changing between the read check and the write: the unit the file uses
    was there when read, is gone when written. Refused, store unchanged, no load id spent
    (PostgreSQL sequences do not roll back, so the check must come before the id)."""
    import etl.coverage as coverage_mod
    seed_fixture(store, tmp_path / "fx")
    real = coverage_mod.programme_units
    calls = []

    def stale_then_real(conn):
        units = real(conn)
        calls.append(1)
        if len(calls) == 1:      # the check before the write sees the old YAML
            units = {**units, "juntos": units["juntos"] | {"beneficiaries"}}
        return units

    monkeypatch.setattr(coverage_mod, "programme_units", stale_then_real)
    f = write_coverage(tmp_path / "cov.csv", [["juntos", "2011", "05", "F", "10", "beneficiaries", "padrón", ""]])
    before = snapshot(store)
    r = load_coverage(f, settings=store)
    assert r.status == "refused" and len(calls) == 2
    assert "unit does not match programme 'juntos'" in r.message and "beneficiaries" in r.message
    assert snapshot(store) == before
    last = int(load_history_frame(store)["id"].max())
    monkeypatch.setattr(coverage_mod, "programme_units", real)
    ok = load_coverage(write_coverage(tmp_path / "ok.csv", [
        ["juntos", "2011", "05", "F", "10", "households", "padrón", ""]]), settings=store)
    assert ok.status == "loaded", ok.message
    assert ok.load_id == last + 1


@pytest.mark.parametrize("kind", ["gasto", "coverage"])
def test_history_row_and_result_agree(store, tmp_path, kind):
    """The load_history row and the LoadResult come from one description of what was written."""
    if kind == "gasto":
        rows = fixtures.year_rows(2011, devengado=("1", "2"))
        rows[1]["MONTO_DEVENGADO"] = "abc"
        r = load_file(fixtures.write(tmp_path / "2011-Gasto.csv", rows), settings=store, demo=True)
    else:
        seed_fixture(store, tmp_path / "fx")
        r = load_coverage(write_coverage(tmp_path / "cov.csv", [
            ["juntos", "2011", "05", "F", "10", "households", "padrón", ""]]), settings=store)
    assert r.status == "loaded", r.message
    h = load_history_frame(store).set_index("id").loc[r.load_id]
    assert (h["file_name"], h["rows_loaded"], h["rows_rejected"], h["rows_read"]) == \
        (r.file, r.rows_loaded, r.rows_rejected, r.rows_read)
    assert h["fiscal_years"] == ",".join(map(str, r.years))
    assert (h["reject_report"] or None) == (str(r.reject_report) if r.reject_report else None)
    assert bool(h["is_demo"]) == (kind == "gasto")
    assert h["message"] == ("1 rows rejected" if kind == "gasto" else "1 rows for 1 programme-years")
