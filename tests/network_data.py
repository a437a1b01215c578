"""Tiny curated-data folders for the network tests: numbers small enough to check by hand."""
from __future__ import annotations

import copy
import csv
from pathlib import Path

import yaml

SOURCES_MD = """# Test sources

## population.csv

**Fuente / Source:** INEI, test population (made up).

## cpi_lima.csv

**Fuente / Source:** BCRP, test CPI (made up).

## pen_per_usd.csv

**Fuente / Source:** BCRP, test exchange rate (made up).
"""

# year, department, F, M  (T = F + M is written too). Only three departments: the
# "departments add up to national" check needs all 25, so it does not apply here.
POPULATION = [
    (2010, "00", 14_000_000, 13_900_000),
    (2010, "05", 300_000, 290_000),
    (2010, "09", 250_000, 240_000),
    (2010, "15", 5_000_000, 4_800_000),
    (2011, "05", 310_000, 300_000),
]
CPI = {2010: "80.0000", 2011: "84.0000", 2021: "100.0000"}
PEN_PER_USD = {2010: "2.8000", 2011: "2.7500"}

CATEGORIES = [
    {"id": "protective", "label_es": "Protectora", "label_en": "Protective",
     "subtypes": [{"id": "social_assistance", "label_es": "Asistencia social", "label_en": "Social assistance"},
                  {"id": "complementary_measures", "label_es": "Complementarias", "label_en": "Complementary"}]},
    {"id": "preventive", "label_es": "Preventiva", "label_en": "Preventive",
     "subtypes": [{"id": "social_insurance", "label_es": "Seguro social", "label_en": "Social insurance"}]},
    {"id": "promotive", "label_es": "Promotora", "label_en": "Promotive",
     "subtypes": [{"id": "promotive", "label_es": "Promotora", "label_en": "Promotive"}]},
    {"id": "transformative", "label_es": "Transformadora", "label_en": "Transformative",
     "subtypes": [{"id": "social_equity", "label_es": "Equidad social", "label_en": "Social equity"}]},
]


def _programme(pid, name, category, subtype, coverage, links, **more):
    return {"id": pid, "acronym": pid.upper(), "name_es": f"Programa {name}", "name_en": f"{name} programme",
            "category": category, "subtype": subtype, "target_population_es": "Hogares pobres",
            "target_population_en": "Poor households", "sources": ["Table 1", "Appendix 1"],
            "coverage": coverage, "budget": [], "contradictions": [], "budget_links": links, **more}


PROGRAMMES = {
    "source": {"citation": "Test report (2010)."},
    "categories": CATEGORIES,
    "programmes": [
        _programme("juntos", "Juntos", "protective", "social_assistance",
                   [{"value": 100000, "printed": "100,000 households", "unit": "households", "sex": "T",
                     "date": "2010", "section": "Table 1"},
                    {"value": 6, "printed": "6% of households", "unit": "percent_households", "sex": "T",
                     "date": "2010", "section": "Appendix 1"}],
                   [{"years": [2010, 2026], "sec_ejec": "1428", "note_es": "Confirmado.", "note_en": "Confirmed."}],
                   share_social_budget_2009_pct=8.2),
        _programme("cem", "CEM", "protective", "social_assistance",
                   [{"value": 30000, "printed": "30,000 cases", "unit": "cases", "sex": "T", "date": None,
                     "section": "Table 1"}],
                   [{"years": [2010, 2026], "sec_ejec": "01232", "note_es": "Cero inicial a propósito.", "note_en": "Leading zero on purpose."}]),
        _programme("wawa_wasi", "Wawa Wasi", "protective", "complementary_measures",
                   [{"value": 53000, "printed": "53,000 girls and boys", "unit": "children", "sex": "T",
                     "date": "2008", "section": "Table 1"}],
                   [{"years": [2005, 2011], "name_pattern": r"WAWA WASI\b", "note_es": "Sin confirmar.", "note_en": "Unconfirmed."},
                    {"years": [2010, 2026], "sec_ejec": "1426", "successor": True,
                     "note_es": "Programa sucesor: Cuna Más.", "note_en": "Successor programme: Cuna Más."}]),
    ],
}

# The initial coverage table of the fixture (as data/network/coverage.csv is for the real data).
COVERAGE_HEADER = ["programme", "year", "department", "sex", "value", "unit", "source", "note"]
COVERAGE_ROWS = [
    ["juntos", "2010", "PE", "T", "100000", "households", "Test report, Table 1", ""],
    ["juntos", "2010", "05", "T", "40000", "households", "Test report, 4", "Ayacucho"],
    ["juntos", "2010", "PE", "T", "6", "percent_households", "Test report, Appendix 1", ""],
    ["cem", "2010", "PE", "T", "30000", "cases", "Test report, Table 1", ""],
    ["wawa_wasi", "2010", "PE", "T", "5000", "children", "Test report, Table 1", ""],
]


def programmes(**changes) -> dict:
    """A deep copy of PROGRAMMES to mutate in a test."""
    data = copy.deepcopy(PROGRAMMES)
    data.update(changes)
    return data


def write_yaml(path: Path, data: dict) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def write_coverage(path: Path, rows, header=COVERAGE_HEADER, encoding="utf-8") -> Path:
    with open(path, "w", newline="", encoding=encoding) as fh:
        w = csv.writer(fh)
        if header is not None:
            w.writerow(header)
        w.writerows(rows)
    return path


def make_folders(root: Path, cpi: dict[int, str] = CPI) -> tuple[Path, Path]:
    """(reference_dir, network_dir) holding the fixture files (with another CPI series if given)."""
    ref, net = root / "reference", root / "network"
    ref.mkdir(parents=True)
    net.mkdir(parents=True)
    (ref / "SOURCES.md").write_text(SOURCES_MD, encoding="utf-8")
    with open(ref / "population.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["year", "department", "sex", "population"])
        for year, dept, f, m in POPULATION:
            w.writerows([[year, dept, "F", f], [year, dept, "M", m], [year, dept, "T", f + m]])
    with open(ref / "cpi_lima.csv", "w", newline="") as fh:
        csv.writer(fh).writerows([["year", "cpi_index"], *sorted(cpi.items())])
    with open(ref / "pen_per_usd.csv", "w", newline="") as fh:
        csv.writer(fh).writerows([["year", "pen_per_usd"], *sorted(PEN_PER_USD.items())])
    write_yaml(net / "programmes.yaml", PROGRAMMES)
    write_coverage(net / "coverage.csv", COVERAGE_ROWS)
    return ref, net


def seed_fixture(settings, root: Path):
    from etl.reference import seed
    ref, net = make_folders(root)
    results = seed(settings, reference_dir=ref, network_dir=net)
    assert all(r.status == "loaded" for r in results), [(r.file, r.status, r.message) for r in results]
    return ref, net
