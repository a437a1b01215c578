"""A small budget for the Regiones tests (store/regions.py, pages/regions.py): three departments,
two levels, two years, gender rules and INEI population chosen so every figure is worked out by
hand in the tests.

Lines (devengado in March; PIA = PIM):
    name  year level programa dept               PIM          devengado   gender rule
    L1    2010  E    0080     15 Lima        1,000,000          980,000   marker 2, weight 100
    L2    2010  E    0001     15 Lima        2,000,000        1,960,000   marker 1, weight 50
    L8    2010  R    0001     15 Lima          100,000           98,000   marker 1, weight 50
    L3    2010  R    0001     05 Ayacucho      600,000          590,000   marker 1, weight 50
    L4    2010  M    9002     05 Ayacucho    1,200,000        1,180,000   none (unreviewed)
    L5    2010  R    0080     09 Huancavelica  500,000          490,000   marker 2, weight 100
    L6    2010  E    0001     98 Exterior      100,000          100,000   marker 1, weight 50
    L7    2011  E    0001     05 Ayacucho    1,000,000          840,000
    L9    2011  E    0001     15 Lima          500,000          500,000

Population (tests/network_data.py): 2010 05 F 300,000 T 590,000; 09 F 250,000 T 490,000;
15 F 5,000,000 T 9,800,000; 2011 only 05 (F 310,000, T 610,000). CPI (Lima): 2009 75, 2010 80,
2011 84, so real soles of 2009 are x 0.9375 in 2010 and x 75/84 in 2011.
"""
from __future__ import annotations

from pathlib import Path

import fixtures
from gender_fixture import _rule, write_rules
from network_data import make_folders

from domain.codes import DEPARTMENTS, LEVELS

CPI = {2009: "75.0000", 2010: "80.0000", 2011: "84.0000"}
PROGRAMMES = {"0080": "LUCHA CONTRA LA VIOLENCIA FAMILIAR", "0001": "PROGRAMA ARTICULADO NUTRICIONAL",
              "9002": "ASIGNACIONES PRESUPUESTARIAS QUE NO RESULTAN EN PRODUCTOS"}
# name: (year, level, programa, department, pim, devengado)
LINES = {
    "L1": (2010, "E", "0080", "15", "1000000", "980000"),
    "L2": (2010, "E", "0001", "15", "2000000", "1960000"),
    "L8": (2010, "R", "0001", "15", "100000", "98000"),
    "L3": (2010, "R", "0001", "05", "600000", "590000"),
    "L4": (2010, "M", "9002", "05", "1200000", "1180000"),
    "L5": (2010, "R", "0080", "09", "500000", "490000"),
    "L6": (2010, "E", "0001", "98", "100000", "100000"),
    "L7": (2011, "E", "0001", "05", "1000000", "840000"),
    "L9": (2011, "E", "0001", "15", "500000", "500000"),
}
RULES = [
    _rule("R-0080", "especifico", 2, 100, "violencia", programa="0080"),
    _rule("R-0001", "general", 1, 50, "salud", programa="0001"),
]


def rows(year: int) -> list[dict]:
    out = []
    for y, level, prog, dept, pim, dev in LINES.values():
        if y != year:
            continue
        # the executing unit follows the level: the level of a line comes with its pliego
        unit = {"E": "1232", "R": "0800", "M": "0900"}[level]
        out += fixtures.march_line(y, pim, pim, dev, NIVEL_GOBIERNO=level, NIVEL_GOBIERNO_NOMBRE=LEVELS[level],
                                   PLIEGO={"E": "039", "R": "440", "M": "301"}[level], SEC_EJEC=unit,
                                   PROGRAMA_PPTO=prog, PROGRAMA_PPTO_NOMBRE=PROGRAMMES[prog],
                                   DEPARTAMENTO_META=dept, DEPARTAMENTO_META_NOMBRE=DEPARTMENTS[dept])
    return out


def build(settings, root: Path) -> None:
    """Load the two years, classify them with RULES and seed the reference data (population,
    CPI with 2009, the network's test coverage: Juntos 2010 in 05, 40,000 households)."""
    from etl.classify import classify
    from etl.load import load_file
    from etl.reference import seed
    root.mkdir(parents=True, exist_ok=True)
    for year in (2010, 2011):
        r = load_file(fixtures.write(root / f"{year}-Gasto.csv", rows(year)), settings=settings)
        assert r.status == "loaded", r.message
    classify(write_rules(root / "rules.csv", RULES), settings=settings, loaded_by="tests")
    ref, net = make_folders(root / "ref", cpi=CPI)
    results = seed(settings, reference_dir=ref, network_dir=net)
    assert all(r.status == "loaded" for r in results), [(r.file, r.message) for r in results]
