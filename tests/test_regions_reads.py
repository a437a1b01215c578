"""The Regiones reads (store/regions.py) on DuckDB and PostgreSQL: per inhabitant, per woman,
gender share under the three definitions, real soles, rank among departments, and a department's
profile pieces. Every expected value is worked out by hand from tests/regions_data.py."""
from __future__ import annotations

from decimal import Decimal

import pytest
import regions_data

from store.regions import (
    department_gender,
    department_metrics,
    department_rank,
    department_series,
    gender_by_department,
    network_coverage,
    price_factor,
    top_programmes,
)

REAL_2010 = 75 / 80         # CPI(2009) / CPI(2010)


@pytest.fixture
def regions(store, tmp_path):
    regions_data.build(store, tmp_path / "fx")
    return store


def _by_key(df):
    return df.set_index("key")


def test_per_inhabitant_and_per_woman_by_department(regions):
    m = _by_key(department_metrics(2010, settings=regions))
    assert list(m.index) == ["05", "09", "15", "98"]
    # Lima: L1 980,000 + L2 1,960,000 + L8 98,000 = 3,038,000 over 9,800,000 people, 5,000,000 women
    assert m.loc["15", "devengado"] == 3_038_000.0
    assert (m.loc["15", "population"], m.loc["15", "women"]) == (9_800_000, 5_000_000)
    assert m.loc["15", "per_capita"] == pytest.approx(0.31)
    assert m.loc["15", "per_woman"] == pytest.approx(0.6076)
    # Ayacucho: 590,000 + 1,180,000 = 1,770,000 over 590,000 people (3.0), 300,000 women (5.9)
    assert m.loc["05", "per_capita"] == pytest.approx(3.0) and m.loc["05", "per_woman"] == pytest.approx(5.9)
    assert m.loc["09", "per_capita"] == pytest.approx(1.0) and m.loc["09", "per_woman"] == pytest.approx(1.96)
    # Exterior: money, but no population: None, never 0
    assert m.loc["98", "devengado"] == 100_000.0
    assert m.loc["98", "population"] is None and m.loc["98", "per_capita"] is None
    assert m.loc["15", "avance_pct"] == pytest.approx(3_038_000 / 3_100_000 * 100)


def test_a_department_without_population_that_year_has_no_per_person_figure(regions):
    m = _by_key(department_metrics(2011, settings=regions))
    assert m.loc["05", "per_woman"] == pytest.approx(840_000 / 310_000)
    assert m.loc["15", "devengado"] == 500_000.0
    assert m.loc["15", "women"] is None and m.loc["15", "per_woman"] is None and m.loc["15", "per_capita"] is None


def test_level_excludes_national_units_from_lima_per_inhabitant(regions):
    regional = _by_key(department_metrics(2010, "R", settings=regions))
    assert list(regional.index) == ["05", "09", "15"]
    assert regional.loc["15", "per_capita"] == pytest.approx(0.01)         # L8 98,000 / 9,800,000
    assert regional.loc["05", "per_capita"] == pytest.approx(1.0)          # L3 590,000 / 590,000
    national = _by_key(department_metrics(2010, "E", settings=regions))
    assert list(national.index) == ["15", "98"]
    assert national.loc["15", "per_capita"] == pytest.approx(0.3)          # 2,940,000 / 9,800,000


@pytest.mark.parametrize("genero, lima, ayacucho", [
    ("estricto", 980_000, 0),                        # marker 2: L1 only; Ayacucho has none
    ("ponderado", 980_000 + 980_000 + 49_000, 295_000),   # 100 % of L1, 50 % of L2 and L8; 50 % of L3
    ("amplio", 3_038_000, 590_000),                  # marker 1 or 2: everything but the unreviewed L4
])
def test_gender_share_under_each_definition(regions, genero, lima, ayacucho):
    g = _by_key(gender_by_department(2010, genero=genero, settings=regions))
    assert g.loc["15", "gender_devengado"] == Decimal(lima)
    assert g.loc["15", "gender_share_pct"] == pytest.approx(lima / 3_038_000 * 100)
    assert g.loc["05", "gender_share_pct"] == pytest.approx(ayacucho / 1_770_000 * 100)
    assert g.loc["09", "gender_share_pct"] == pytest.approx(100.0)       # L5 is marker 2, weight 100
    m = _by_key(department_metrics(2010, genero=genero, settings=regions))
    assert m.loc["15", "gender_share_pct"] == pytest.approx(lima / 3_038_000 * 100)


def test_real_soles_scale_amounts_not_shares(regions):
    assert price_factor(2010, "real", settings=regions) == pytest.approx(REAL_2010)
    assert price_factor(2010, "nominal", settings=regions) == 1.0
    real = _by_key(department_metrics(2010, prices="real", settings=regions))
    assert real.loc["15", "devengado"] == pytest.approx(2_848_125.0)       # 3,038,000 x 75 / 80
    assert real.loc["15", "per_capita"] == pytest.approx(0.290625)         # 0.31 x 75 / 80
    assert real.loc["05", "per_woman"] == pytest.approx(5.53125)           # 5.9 x 75 / 80
    assert real.loc["15", "gender_devengado"] == pytest.approx(2_009_000 * REAL_2010)
    assert real.loc["15", "avance_pct"] == pytest.approx(3_038_000 / 3_100_000 * 100)
    assert real.loc["15", "gender_share_pct"] == pytest.approx(2_009_000 / 3_038_000 * 100)


def test_rank_among_departments(regions):
    m = department_metrics(2010, settings=regions)
    # per inhabitant: 05 3.0 > 09 1.0 > 15 0.31; 98 has no population and is never ranked
    assert [department_rank(m, "per_capita", k) for k in ("05", "09", "15", "98")] == \
        [(1, 3), (2, 3), (3, 3), (None, 3)]
    # devengado: 15 3,038,000 > 05 1,770,000 > 09 490,000 (98 Exterior, 100,000, not ranked)
    assert [department_rank(m, "devengado", k) for k in ("15", "05", "09")] == [(1, 3), (2, 3), (3, 3)]
    # gender share (weighted): 09 100 % > 15 66.1 % > 05 16.7 %
    assert [department_rank(m, "gender_share", k) for k in ("09", "15", "05")] == [(1, 3), (2, 3), (3, 3)]
    assert department_rank(m, "per_woman", "21") == (None, 3)           # no lines at all


def test_department_series_and_top_programmes(regions):
    s = department_series("05", settings=regions)
    assert s["fiscal_year"].tolist() == [2010, 2011]
    assert s["pim"].tolist() == [1_800_000.0, 1_000_000.0]
    assert s["devengado"].tolist() == [1_770_000.0, 840_000.0]
    assert s["avance_pct"].tolist() == pytest.approx([1_770_000 / 1_800_000 * 100, 84.0])
    real = department_series("05", prices="real", settings=regions)
    assert real["devengado"].tolist() == pytest.approx([1_659_375.0, 750_000.0])   # x 75/80, x 75/84
    assert department_series("05", "R", settings=regions)["devengado"].tolist() == [590_000.0]
    top = top_programmes(2010, "15", settings=regions)
    assert top["key"].tolist() == ["0001", "0080"]
    assert top["pim"].tolist() == [2_100_000.0, 1_000_000.0]
    assert top_programmes(2010, "15", prices="real", settings=regions)["devengado"].tolist() == \
        pytest.approx([2_058_000 * REAL_2010, 980_000 * REAL_2010])


def test_department_gender_totals_and_network_coverage(regions):
    g = department_gender(2010, "05", settings=regions).set_index("definition")
    assert g.loc["strict", "devengado"] == 0.0
    assert g.loc["weighted", "devengado"] == 295_000.0
    assert g.loc["broad", "devengado"] == 590_000.0
    assert g.loc["broad", "share_devengado_pct"] == pytest.approx(33.33, abs=0.01)
    cov = network_coverage("05", "en", settings=regions)
    assert cov[["year", "programme_id", "value", "unit"]].values.tolist() == [[2010, "juntos", 40_000.0,
                                                                               "households"]]
    assert cov["programme"].tolist() == ["Juntos programme"]
    assert network_coverage("15", settings=regions).empty
