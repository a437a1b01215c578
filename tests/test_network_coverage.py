"""The coverage-table loader: refusals that change nothing, replacement per (programme, year),
idempotency, XLSX with Spanish headers."""
from __future__ import annotations

import csv

import openpyxl
import pytest
from conftest import snapshot
from network_data import COVERAGE_HEADER, seed_fixture, write_coverage

from etl.coverage import load_coverage
from store.programmes import coverage_by_department
from store.read import load_history_frame

GOOD = ["juntos", "2011", "05", "F", "12345", "households", "MIDIS Juntos, padrón 2011-06", "made up"]


def _row(**changes) -> list[str]:
    row = dict(zip(COVERAGE_HEADER, GOOD))
    row.update(changes)
    return [row[c] for c in COVERAGE_HEADER]


def _xlsx(path, rows, header=COVERAGE_HEADER):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


@pytest.fixture
def seeded(store, tmp_path):
    seed_fixture(store, tmp_path / "fx")
    return store


# (case, words in the message, line in the message or None)
BAD = [
    ("unknown_programme", "column programme, value 'narnia': unknown programme", 3),
    ("unknown_department", "unknown department: use an INEI code 01-25, 98 (abroad) or PE", 3),
    ("negative", "negative value", 3),
    ("not_a_number", "not a number", 3),
    ("thousands", "value '12,345': not a number", 3),
    ("unit", "unit does not match programme 'juntos' (its units: households, percent_households)", 3),
    ("sex", "sex must be F (women), M (men) or T (total)", 3),
    ("year_text", "year must be a whole number", 3),
    ("year_range", "year out of range", 3),
    ("percent", "above 100", 3),
    ("no_source", "missing source", 3),
    ("duplicate", "duplicate of line 2", 3),
    ("missing_column", "missing column unit", 1),
    ("unknown_column", "unknown column 'comentario'", 1),
    ("empty", "empty file", None),
    ("header_only", "no data rows", 1),
    ("no_header", "no header row", None),
    ("undecodable", "undecodable", None),
    ("truncated_csv", "truncated", 3),
    ("truncated_xlsx", "corrupt or truncated XLSX", None),
]


def _write_bad(tmp_path, case):
    path = tmp_path / f"{case}.csv"
    ok = _row(department="09")
    if case == "unknown_programme":
        return write_coverage(path, [ok, _row(programme="narnia")])
    if case == "unknown_department":
        return write_coverage(path, [ok, _row(department="99")])
    if case == "negative":
        return write_coverage(path, [ok, _row(value="-5")])
    if case == "not_a_number":
        return write_coverage(path, [ok, _row(value="many")])
    if case == "thousands":
        return write_coverage(path, [ok, _row(value="12,345")])
    if case == "unit":
        return write_coverage(path, [ok, _row(unit="jobs")])
    if case == "sex":
        return write_coverage(path, [ok, _row(sex="X")])
    if case == "year_text":
        return write_coverage(path, [ok, _row(year="2011-06")])
    if case == "year_range":
        return write_coverage(path, [ok, _row(year="2211")])
    if case == "percent":
        return write_coverage(path, [ok, _row(unit="percent_households", value="140")])
    if case == "no_source":
        return write_coverage(path, [ok, _row(source="")])
    if case == "duplicate":
        return write_coverage(path, [ok, ok])
    if case == "missing_column":
        return write_coverage(path, [ok[:5] + ok[6:]], header=COVERAGE_HEADER[:5] + COVERAGE_HEADER[6:])
    if case == "unknown_column":
        return write_coverage(path, [ok + ["x"]], header=COVERAGE_HEADER + ["comentario"])
    if case == "empty":
        path.write_bytes(b"")
        return path
    if case == "header_only":
        return write_coverage(path, [])
    if case == "no_header":
        return write_coverage(path, [ok], header=None)
    if case == "undecodable":
        path.write_bytes(",".join(COVERAGE_HEADER).encode("utf-16"))
        return path
    if case == "truncated_csv":
        text = write_coverage(path, [ok, _row(department="05")]).read_text()
        path.write_text(text[: text.rindex("households")])
        return path
    if case == "truncated_xlsx":
        data = _xlsx(tmp_path / "full.xlsx", [ok]).read_bytes()
        bad = tmp_path / f"{case}.xlsx"
        bad.write_bytes(data[: len(data) // 2])
        return bad
    raise AssertionError(case)


@pytest.mark.parametrize("case,words,line", BAD, ids=[b[0] for b in BAD])
def test_bad_coverage_files_are_refused_and_change_nothing(seeded, tmp_path, case, words, line):
    before = snapshot(seeded)
    bad = _write_bad(tmp_path, case)
    r = load_coverage(bad, settings=seeded, reject_dir=tmp_path / "rej")
    assert r.status == "refused", r.message
    assert words in r.message and r.message.startswith(bad.name), r.message
    if line is not None:
        assert r.message.startswith(f"{bad.name}, line {line}"), r.message
    assert snapshot(seeded) == before


def test_every_problem_is_listed_and_the_cli_exits_1(seeded, tmp_path, capsys):
    from etl.__main__ import main
    bad = write_coverage(tmp_path / "two.csv", [_row(department="99"), _row(value="-1", department="09")])
    before = snapshot(seeded)
    assert main(["coverage", str(bad), "--rejects", str(tmp_path / "rej")]) == 1
    err = capsys.readouterr().err
    assert "REFUSED two.csv, line 2, column department, value '99': unknown department" in err, err
    assert "2 problems in all" in err
    report = next((tmp_path / "rej").glob("two.csv.*.rejects.csv"))
    rows = list(csv.DictReader(open(report, newline="", encoding="utf-8")))
    assert [(r["line"], r["column"], r["value"]) for r in rows] == [("2", "department", "99"), ("3", "value", "-1")]
    assert snapshot(seeded) == before


def test_no_programmes_in_the_store_refuses(duck_store, tmp_path):
    r = load_coverage(write_coverage(tmp_path / "c.csv", [GOOD]), settings=duck_store)
    assert r.status == "refused" and "python -m etl reference" in r.message


def test_a_newer_file_replaces_the_programme_years_it_holds(seeded, tmp_path):
    first = load_history_frame(seeded)
    cov_load = first[first["format"] == "coverage"]["id"].item()
    f = write_coverage(tmp_path / "juntos2010.csv", [
        ["juntos", "2010", "PE", "T", "120000", "households", "MIDIS, padrón 2010-12", ""],
        ["juntos", "2011", "09", "F", "7000", "households", "MIDIS, padrón 2011-06", ""]])
    r = load_coverage(f, settings=seeded)
    assert r.status == "loaded" and r.years == [2010, 2011], r.message
    juntos = coverage_by_department("juntos", settings=seeded)
    assert sorted(zip(juntos["year"], juntos["department"], juntos["value"])) == [
        (2010, "PE", 120000), (2011, "09", 7000)]      # the report's three juntos-2010 rows are gone
    assert list(coverage_by_department("cem", settings=seeded)["value"]) == [30000]   # other pairs stay
    hist = load_history_frame(seeded).set_index("id")
    assert hist.loc[cov_load, "status"] == "loaded"                 # it still holds cem and wawa_wasi
    after = snapshot(seeded)
    assert load_coverage(f, settings=seeded).status == "unchanged"  # same file twice: nothing changes
    assert snapshot(seeded) == after
    # A file covering every pair of an earlier load retires it.
    g = write_coverage(tmp_path / "all.csv", [
        ["juntos", "2010", "PE", "T", "1", "households", "x", ""],
        ["juntos", "2011", "PE", "T", "2", "households", "x", ""],
        ["cem", "2010", "PE", "T", "3", "cases", "x", ""], ["wawa_wasi", "2010", "PE", "T", "4", "children", "x", ""]])
    assert load_coverage(g, settings=seeded).status == "loaded"
    hist = load_history_frame(seeded).set_index("id")
    assert hist.loc[cov_load, "status"] == "replaced" and hist.loc[r.load_id, "status"] == "replaced"
    assert sorted(hist[hist["format"] == "coverage"]["status"]) == ["loaded", "replaced", "replaced"]


def test_xlsx_with_spanish_headers_and_numeric_cells(seeded, tmp_path):
    f = _xlsx(tmp_path / "cobertura.xlsx", [["JUNTOS", 2011, 5, "f", 321.5, "households", "MIDIS", None],
                                            ["cem", 2011.0, "pe", "T", 12, "cases", "MIMP", "nota"]],
              header=["Programa", "Año", "Departamento", "Sexo", "Valor", "Unidad", "Fuente", "Nota"])
    r = load_coverage(f, settings=seeded)
    assert r.status == "loaded", r.message
    got = coverage_by_department("juntos", 2011, settings=seeded)
    assert list(zip(got["department"], got["department_name"], got["sex"], got["value"])) == [
        ("05", "AYACUCHO", "F", 321.5)]
    got = coverage_by_department("cem", 2011, settings=seeded)
    assert list(zip(got["department"], got["value"], got["note"])) == [("PE", 12, "nota")]


def test_the_projects_coverage_csv_matches_programmes_yaml():
    from etl.coverage import check_against_programmes, read_coverage
    from etl.network import DEFAULT_PATH, read_programmes
    cov = read_coverage(DEFAULT_PATH.parent / "coverage.csv")
    check_against_programmes(cov, read_programmes(DEFAULT_PATH).units)
    assert cov.problems == [] and len(cov.rows) > 100
