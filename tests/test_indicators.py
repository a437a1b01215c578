"""Results indicators beside the money: the curated files, `etl indicators FILE`, the
programme -> indicator links, and spending per target person (issue "Results beside the money")."""
from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, snapshot
from etl.indicators import HEADER, INDICATORS_DIR, load_indicators
from etl.reference import seed
from fixtures import build_tiny_store
from store.indicators import (indicator_by_department, indicator_list, indicator_series, links_for_network,
                              links_for_programme, spending_per_target, target_population)


def _value_row(**over) -> dict:
    base = dict(indicator="dci_menores5", method="OMS", department="08", area="total", year="2010", value="30.0",
                unit="%", lower_is_better="true", referential="false", source="Oficina X, cuadro 1", source_table="1")
    return {**base, **over}


def _write(path: Path, rows: list[dict], header=HEADER) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=header, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    return path


def _fixture_dir(root: Path, groups: list[tuple]) -> Path:
    """The curated indicator files, with hand-made target populations."""
    out = root / "indicators"
    out.mkdir(parents=True)
    shutil.copy(INDICATORS_DIR / "indicators.csv", out / "indicators.csv")
    shutil.copy(INDICATORS_DIR / "links.csv", out / "links.csv")
    with open(out / "population_groups.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["year", "department", "group", "population"])
        w.writerows(groups)
    return out


def test_the_curated_indicators_load_with_published_figures(store):
    assert all(r.status in ("loaded", "unchanged") for r in seed(store))
    dci = indicator_series("dci_menores5", "PE", settings=store).set_index("year")["value"]
    # INEI's published national chronic malnutrition (WHO standard): 23.8 % in 2009, 14.4 % in 2015
    assert (dci[2009], dci[2015]) == (23.8, 14.4)
    # children 0-4 and women 15-49 come from INEI's single-age projections: departments add up
    kids = target_population("children_0_4", 2010, settings=store).set_index("department")["population"]
    assert kids["00"] == kids.drop("00").sum() and len(kids) == 26
    assert set(indicator_list(settings=store)["indicator"]) >= {"anemia_6_35", "pobreza_monetaria", "feminicidios",
                                                                "violencia_pareja", "agua_segura"}


def test_a_method_break_stays_two_series(store):
    """Anaemia in 2021: 38.8 % with the comparable method, 28.4 % with INEI's new one (the two
    must never become one line)."""
    seed(store)
    s = indicator_series("anemia_6_35", "PE", settings=store)
    y2021 = s[s["year"] == 2021].set_index("method")["value"]
    assert dict(y2021) == {"comparable": 38.8, "nueva": 28.4}
    assert list(s["method"].unique()) == ["comparable", "nueva"]     # grouped by method, never interleaved
    nueva = s[s["method"] == "nueva"]
    assert nueva["year"].min() == 2021 and s[s["method"] == "comparable"]["year"].min() == 2009


def test_lima_halves_are_never_merged_into_lima(store):
    seed(store)
    m = indicator_by_department("agua_segura", 2023, settings=store).set_index("department")["value"]
    assert "15" not in m.index and {"LM", "LR"} <= set(m.index)
    assert (m["LM"], m["LR"]) == (99.5, 98.4)


def test_an_officials_table_replaces_only_its_own_keys(store, tmp_path):
    seed(store)
    before = indicator_series("dci_menores5", "08", settings=store).set_index("year")["value"]
    path = _write(tmp_path / "cusco.csv", [_value_row(year="2010", value="30.5"),
                                          _value_row(indicator="mi_indicador", method="", unit="casos",
                                                     lower_is_better="", year="2012", value="7")])
    r = load_indicators(path, settings=store)
    assert r.status == "loaded" and r.rows_loaded == 2, r.message
    after = indicator_series("dci_menores5", "08", settings=store).set_index("year")["value"]
    assert after[2010] == 30.5
    assert after.drop(2010).equals(before.drop(2010))                # every other year untouched
    mine = indicator_series("mi_indicador", "08", settings=store)
    assert mine["value"].tolist() == [7.0] and mine["lower_is_better"].isna().all()
    assert load_indicators(path, settings=store).status == "unchanged"


@pytest.mark.parametrize("rows,header,words", [
    ([_value_row(department="99")], HEADER, "line 2, column department: department '99' is not a code"),
    ([_value_row(), _value_row(value="1,5")], HEADER, "line 3, column value: value '1,5' is not a number"),
    ([_value_row(), _value_row(value="31")], HEADER, "line 3: duplicate of line 2"),
    ([_value_row(area="periurbana")], HEADER, "column area: area 'periurbana' is not one of total"),
    ([_value_row(source="")], HEADER, "column source: source is empty"),
    ([_value_row(referential="yes")], HEADER, "column referential"),
    ([_value_row(year="10")], HEADER, "column year: year '10' is not a year"),
    ([_value_row()], tuple(c for c in HEADER if c != "unit"), "line 1: missing column(s) unit"),
    ([], HEADER, "no data rows"),
])
def test_a_bad_row_refuses_the_file_and_changes_nothing(store, tmp_path, rows, header, words):
    seed(store)
    before = snapshot(store)
    path = _write(tmp_path / "bad.csv", rows, header=header)
    r = load_indicators(path, settings=store)
    assert r.status == "refused" and "bad.csv" in r.message and words in r.message, r.message
    assert snapshot(store) == before


def test_undecodable_and_empty_files_are_refused(store, tmp_path):
    seed(store)
    before = snapshot(store)
    latin = tmp_path / "latin.csv"
    latin.write_bytes(",".join(HEADER).encode() + "\ndci_menores5,OMS,08,total,2010,3,%,true,false,Oficina Año,1\n"
                      .encode("latin-1"))
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    assert "not UTF-8" in load_indicators(latin, settings=store).message
    assert "empty file" in load_indicators(empty, settings=store).message
    assert snapshot(store) == before


def test_programme_links_follow_codes_names_and_years(store):
    seed(store)
    by_code = links_for_programme("0001", "OTRO NOMBRE", 2024, settings=store)["indicator"].tolist()
    assert {"dci_menores5", "anemia_6_35", "cred", "vacunas_basicas_12m", "hierro", "lactancia_exclusiva"} == set(by_code)
    # 2010 codes are unconfirmed (docs/domain.md §5): the programme's name finds it
    by_name = links_for_programme("0099", "PROGRAMA ARTICULADO NUTRICIONAL", 2010, settings=store)
    assert set(by_name["indicator"]) == set(by_code)
    assert links_for_programme("0049", "JUNTOS", 2011, settings=store).empty          # 0049 links start 2012
    assert links_for_programme("0049", "JUNTOS", 2012, settings=store)["indicator"].tolist() == ["pobreza_monetaria"]
    assert set(links_for_programme("0080", "LUCHA CONTRA LA VIOLENCIA FAMILIAR", 2010,
                                   settings=store)["indicator"]) == {"violencia_pareja", "feminicidios", "casos_cem"}
    assert links_for_network("juntos", 2010, settings=store)["indicator"].tolist() == ["pobreza_monetaria"]


def test_spending_per_child_under_five(store, tmp_path):
    """Tiny store 2010, programme 0001: devengado 800 in Lima (15), 100 in Amazonas (01).
    Children 0-4 (hand-made): Lima 400, Amazonas 40 -> S/ 2.00 and S/ 2.50 per child."""
    build_tiny_store(Path(store.data_dir))
    ind = _fixture_dir(tmp_path, [(2010, "00", "children_0_4", 440), (2010, "01", "children_0_4", 40),
                                  (2010, "15", "children_0_4", 400)])
    assert all(r.status == "loaded" for r in seed(store, indicators_dir=ind)[-3:])
    pts = spending_per_target("0001", 2010, "dci_menores5", settings=store).set_index("department")
    assert list(pts.index) == ["01", "15"]                             # 98 Exterior has no children
    assert pts.loc["15", "per_person"] == pytest.approx(2.0) and pts.loc["01", "per_person"] == pytest.approx(2.5)
    assert (pts.loc["15", "devengado"], pts.loc["01", "population"]) == (800, 40)
    # the indicator in the same year, from the curated ENDES recalculation: Amazonas 2010 DCI
    amazonas = indicator_series("dci_menores5", "01", settings=store).set_index("year")["value"]
    assert pts.loc["01", "value"] == amazonas[2010]
    assert pts.loc["15", "group"] == "children_0_4"


def test_cli_loads_an_officials_table(store, tmp_path):
    seed(store)
    path = _write(tmp_path / "tabla.csv", [_value_row(value="31.5")])
    out = subprocess.run([sys.executable, "-m", "etl", "indicators", str(path)], cwd=ROOT, capture_output=True,
                         text=True)
    assert out.returncode == 0 and "loaded tabla.csv" in out.stdout and "1 values" in out.stdout, out
    bad = _write(tmp_path / "mala.csv", [_value_row(department="XX")])
    out = subprocess.run([sys.executable, "-m", "etl", "indicators", str(bad)], cwd=ROOT, capture_output=True,
                         text=True)
    assert out.returncode == 1 and "mala.csv, line 2, column department" in out.stderr
