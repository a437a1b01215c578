"""Money next to coverage: a programme's budget lines, cost per beneficiary, spending per
inhabitant and per woman, real soles and dollars, on fixtures whose results are worked out by
hand below. Plus the reference loader's checks."""
from __future__ import annotations

import fixtures
import pytest
from conftest import snapshot
from network_data import make_folders, seed_fixture, write_coverage

from etl.coverage import load_coverage
from etl.load import load_file
from etl.reference import seed
from store.programme_money import (
    ALL_UNITS,
    budget_by_year,
    budget_for_programme,
    cost_per_beneficiary,
    spending_per_inhabitant,
    spending_per_woman,
)
from store.reference import (
    population_by_department,
    printed_in_soles,
    reference_sources,
    soles_to_usd,
    to_real_soles,
    usd_to_soles,
)

JUNTOS = dict(SEC_EJEC="1428", EJECUTORA_NOMBRE="MIDIS- PROGRAMA NACIONAL DE APOYO DIRECTO A LOS MAS POBRES- JUNTOS")


def _budget_rows() -> list[dict]:
    """Fiscal 2010 and 2011, devengado per line (DEPARTAMENTO_META):
    A  Juntos (1428)            05 Ayacucho      600,000 + 400,000 = 1,000,000   PIM 1,200,000
    B  Juntos (1428)            09 Huancavelica  500,000                         PIM   600,000
    E  Juntos (1428)            98 Exterior       50,000                         PIM    50,000
    C  CEM (1232)               05 Ayacucho      200,000                         PIM   250,000
    D  activity "WAWA WASÍ"     15 Lima          300,000  (name pattern, accent)
    F  Cuna Más (1426)          15 Lima          100,000  (Wawa Wasi's SUCCESSOR link)
    A' Juntos (1428), 2011      05 Ayacucho      840,000
    """
    r = fixtures.year_rows
    return [
        *r(2010, pim="1200000", devengado=("600000", "400000"), DEPARTAMENTO_META="05", **JUNTOS),
        *r(2010, pim="600000", devengado=("500000",), DEPARTAMENTO_META="09", **JUNTOS),
        *r(2010, pim="50000", devengado=("50000",), DEPARTAMENTO_META="98", **JUNTOS),
        *r(2010, pim="250000", devengado=("200000",), DEPARTAMENTO_META="05"),          # base row: SEC_EJEC 1232
        *r(2010, pim="300000", devengado=("300000",), DEPARTAMENTO_META="15", SEC_EJEC="0900",
           EJECUTORA_NOMBRE="MINISTERIO DE LA MUJER - SEDE CENTRAL", ACTIVIDAD_ACCION_OBRA="5000999",
           ACTIVIDAD_ACCION_OBRA_NOMBRE="ATENCIÓN INTEGRAL EN WAWA WASÍ"),
        *r(2010, pim="100000", devengado=("100000",), DEPARTAMENTO_META="15", SEC_EJEC="1426",
           EJECUTORA_NOMBRE="MIDIS- PROGRAMA NACIONAL CUNA MAS"),
        *r(2011, pim="900000", devengado=("840000",), DEPARTAMENTO_META="05", **JUNTOS),
    ]


@pytest.fixture
def money(store, tmp_path):
    seed_fixture(store, tmp_path / "fx")
    for year in (2010, 2011):
        f = fixtures.write(tmp_path / f"{year}-Gasto.csv", [r for r in _budget_rows() if r["ANO_EJE"] == str(year)])
        assert load_file(f, settings=store).status == "loaded"
    return store


def test_budget_of_a_programme_sums_the_lines_its_links_match(money):
    got = budget_for_programme("juntos", 2010, settings=money).iloc[0]
    assert (got["devengado"], got["pim"]) == (1_550_000.0, 1_850_000.0)     # A + B + E
    assert got["links"] == "sec_ejec 1428" and got["matched_rows"] > 0
    assert budget_for_programme("cem", 2010, settings=money).iloc[0]["devengado"] == 200_000.0   # "01232" = 1232
    # Wawa Wasi: the name pattern finds D through its accented activity name; the SUCCESSOR
    # link (Cuna Más, F) only when asked for.
    assert budget_for_programme("wawa_wasi", 2010, settings=money).iloc[0]["devengado"] == 300_000.0
    assert budget_for_programme("wawa_wasi", 2010, include_successors=True,
                                settings=money).iloc[0]["devengado"] == 400_000.0
    by_dept = budget_for_programme("juntos", 2010, by_department=True, settings=money)
    assert dict(zip(by_dept["department"], by_dept["devengado"])) == {"05": 1_000_000.0, "09": 500_000.0,
                                                                      "98": 50_000.0}
    none = budget_for_programme("juntos", 2009, settings=money).iloc[0]       # no link for 2009
    assert none["devengado"] is None and none["matched_rows"] == 0


def test_cost_per_beneficiary(money, tmp_path):
    expected = [
        ("PE", "households", 100_000.0, 1_550_000.0, 15.5),      # 1,550,000 / 100,000
        ("05", "households", 40_000.0, 1_000_000.0, 25.0),       # Ayacucho: 1,000,000 / 40,000
    ]
    for unit in (None, ALL_UNITS):       # headline unit (households), or every count unit:
        got = cost_per_beneficiary("juntos", 2010, unit, settings=money)   # percent_households is no count
        assert list(zip(got["department"], got["unit"], got["beneficiaries"], got["devengado"],
                        got["cost_per_beneficiary"])) == expected
    assert cost_per_beneficiary("cem", 2010, settings=money)["cost_per_beneficiary"].item() == \
        pytest.approx(6.666667, rel=1e-6)                         # 200,000 / 30,000
    assert cost_per_beneficiary("wawa_wasi", 2010, settings=money)["cost_per_beneficiary"].item() == 60.0
    assert cost_per_beneficiary("wawa_wasi", 2010, include_successors=True,
                                settings=money)["cost_per_beneficiary"].item() == 80.0   # 400,000 / 5,000
    assert cost_per_beneficiary("juntos", 2012, settings=money).empty                    # no coverage row
    # Coverage without money: 2009 has no budget file (and no Juntos link): None, not 0.
    f = write_coverage(tmp_path / "j2009.csv", [["juntos", "2009", "PE", "T", "90000", "households", "x", ""]])
    assert load_coverage(f, settings=money).status == "loaded"
    row = cost_per_beneficiary("juntos", 2009, settings=money).iloc[0]
    assert row["beneficiaries"] == 90_000.0 and row["devengado"] is None and row["cost_per_beneficiary"] is None


def test_spending_per_woman_and_per_inhabitant(money):
    women = spending_per_woman(2010, settings=money).set_index("department")
    assert list(women.index) == ["05", "09", "15"]              # 98 Exterior has no population
    assert women.loc["05", "devengado"] == 1_200_000.0 and women.loc["05", "population"] == 300_000
    assert women.loc["05", "per_woman"] == 4.0                  # (1,000,000 + 200,000) / 300,000
    assert women.loc["09", "per_woman"] == 2.0                  # 500,000 / 250,000
    assert women.loc["15", "per_woman"] == 0.08                 # (300,000 + 100,000) / 5,000,000
    people = spending_per_inhabitant(2010, settings=money).set_index("department")
    assert people.loc["05", "per_inhabitant"] == pytest.approx(2.0338983, rel=1e-7)   # 1,200,000 / 590,000
    assert people.loc["15", "per_inhabitant"] == pytest.approx(0.0408163, rel=1e-6)   # 400,000 / 9,800,000
    juntos = spending_per_woman(2010, programme_id="juntos", settings=money).set_index("department")
    assert juntos.loc["05", "per_woman"] == pytest.approx(3.3333333, rel=1e-7)        # 1,000,000 / 300,000
    assert juntos.loc["15", "per_woman"] == 0.0
    cem = spending_per_inhabitant(2010, {"ejecutora": "1232"}, settings=money).set_index("department")
    assert cem.loc["05", "per_inhabitant"] == pytest.approx(0.3389831, rel=1e-6)      # 200,000 / 590,000
    assert spending_per_woman(2011, settings=money)["per_woman"].tolist() == [840_000 / 310_000]
    assert spending_per_woman(2012, settings=money).empty       # no population for 2012 in the fixture


def test_real_soles_and_dollars(money):
    assert to_real_soles(1000, 2010, 2021, settings=money) == 1250.0           # 1000 x 100 / 80
    assert to_real_soles(1000, 2011, 2010, settings=money) == pytest.approx(952.380952)   # 1000 x 80 / 84
    assert to_real_soles(1000, 2030, 2021, settings=money) is None
    series = budget_by_year(base_year=2021, settings=money)
    assert series["fiscal_year"].tolist() == [2010, 2011]
    assert series["devengado"].tolist() == [2_150_000.0, 840_000.0]
    assert series["devengado_real"].tolist() == [2_687_500.0, 1_000_000.0]      # x 100/80, x 100/84
    juntos = budget_by_year(base_year=2010, programme_id="juntos", settings=money)
    assert juntos["devengado"].tolist() == [1_550_000.0, 840_000.0]
    assert juntos["devengado_real"].tolist() == [1_550_000.0, 800_000.0]       # 840,000 x 80 / 84
    assert soles_to_usd(280, 2010, settings=money) == 100.0                     # 2.80 soles per dollar
    assert usd_to_soles(40_000_000, 2010, settings=money) == 112_000_000.0
    assert soles_to_usd(280, 2009, settings=money) is None
    # what a programme's record prints: dollars at the year's rate, soles as printed, % and
    # dollars without a year or a rate (2009 has none in the fixture) have no soles
    printed = ((40_000_000.0, "USD", 2010), (5.0, "PEN", 2009), (12.0, None, None), (1.0, "USD", None),
               (280.0, "USD", 2009))
    assert printed_in_soles(printed, settings=money) == [112_000_000.0, 5.0, None, None, None]


def test_reference_data_of_the_project(store):
    assert all(r.status == "loaded" for r in seed(store))
    pop = population_by_department(2017, settings=store).set_index("department")
    assert (pop.loc["00", "T"], pop.loc["00", "F"], pop.loc["00", "M"]) == (30_973_992, 15_637_497, 15_336_495)
    assert soles_to_usd(3.0115, 2009, settings=store) == pytest.approx(1.0)     # SOURCES.md: 2009 = 3.0115
    cites = reference_sources(settings=store).set_index("dataset")["citation"]
    assert "INEI" in cites["population"] and "PN38705PM" in cites["cpi"] and "PN01210PM" in cites["exchange_rate"]
    assert cites["network"].startswith("Vargas Valente, R. (2010)")


@pytest.mark.parametrize("fault,words", [
    ("sum", "T 590001 is not F + M"),
    ("citation", "no '**Fuente / Source:**' paragraph"),
    ("header", "header must be year,cpi_index"),
    ("cpi", "cpi_index '-1' is not a positive number"),
    ("department", "department '98' is not 00"),
])
def test_bad_reference_files_are_refused_and_change_nothing(store, tmp_path, fault, words):
    ref, net = seed_fixture(store, tmp_path / "fx")
    before = snapshot(store)
    pop = ref / "population.csv"
    if fault == "sum":
        pop.write_text(pop.read_text().replace("2010,05,T,590000", "2010,05,T,590001"))
    elif fault == "citation":
        (ref / "SOURCES.md").write_text((ref / "SOURCES.md").read_text().replace("## pen_per_usd.csv", "## other"))
    elif fault == "header":
        (ref / "cpi_lima.csv").write_text("year,cpi\n2010,80\n")
    elif fault == "cpi":
        (ref / "cpi_lima.csv").write_text("year,cpi_index\n2010,-1\n")
    elif fault == "department":
        pop.write_text(pop.read_text() + "2010,98,T,5\n")
    results = seed(store, reference_dir=ref, network_dir=net)
    assert all(r.status == "refused" for r in results)
    assert sum(words in r.message for r in results) == 1, [r.message for r in results]
    assert snapshot(store) == before


def test_reseeding_never_overwrites_newer_coverage(store, tmp_path):
    ref, net = make_folders(tmp_path / "fx")
    assert all(r.status == "loaded" for r in seed(store, reference_dir=ref, network_dir=net))
    newer = write_coverage(tmp_path / "all.csv", [
        ["juntos", "2010", "PE", "T", "1", "households", "x", ""], ["cem", "2010", "PE", "T", "3", "cases", "x", ""],
        ["wawa_wasi", "2010", "PE", "T", "4", "children", "x", ""]])
    assert load_coverage(newer, settings=store).status == "loaded"     # replaces every pair of the seed's file
    before = snapshot(store)
    assert all(r.status == "unchanged" for r in seed(store, reference_dir=ref, network_dir=net))
    assert snapshot(store) == before
