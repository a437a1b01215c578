"""Curate the results indicators and target-group populations into the project's own files.

A maintainer's tool, run by hand when the team's reference compilation changes; the app and
the tests never run it (they read the curated files it writes, which are committed):

    python tools/curate_indicators.py /path/to/shared/data/reference

writes data/indicators/indicators.csv (long format, one value per row, with its source and
table) and data/indicators/population_groups.csv (children 0-4 and women 15-49 by department and
year). Where each figure comes from, and the traps: data/indicators/SOURCES.md.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from domain.codes import DEPARTMENTS, NATIONAL  # noqa: E402
from domain.text import ascii_fold  # noqa: E402

HEADER = ("indicator", "method", "department", "area", "year", "value", "unit", "lower_is_better",
          "referential", "source", "source_table")
# Lima's two halves, as INEI's 2021+ tables and ENAHO print them (never merged into 15).
LIMA_METRO, LIMA_REGION = "LM", "LR"
NAMES = {ascii_fold(v).upper(): k for k, v in DEPARTMENTS.items() if k != "98"}
NAMES.update({"CALLAO": "07", "PROV. CONST. DEL CALLAO": "07", "NACIONAL": NATIONAL, "TOTAL": NATIONAL,
              "TOTAL_NACIONAL": NATIONAL, "PERU": NATIONAL, "LIMA METROPOLITANA": LIMA_METRO,
              "DEPARTAMENTO DE LIMA": LIMA_REGION})

# On screen the primary source; which copy was used is in data/indicators/SOURCES.md.
SRC_RECALC = "INEI, ENDES 2009-2025, microdatos (módulos RECH0, RECH1, RECH6), recálculo ponderado"
SRC_PPR = "INEI, Perú: Indicadores de Resultados de los Programas Presupuestales, ENDES 2025"
SRC_ENAHO = "INEI, ENAHO, Evolución de la pobreza monetaria 2016-2025"
SRC_MIMP_FEM = "MIMP, Programa Warmi Ñan, víctimas de feminicidio atendidas por los CEM, ene-dic 2025"
SRC_MIMP_CEM = "MIMP, Programa Warmi Ñan, casos atendidos por los CEM, ene-dic 2025"
SRC_PNP = "INEI / MININTER-PNP, denuncias por violencia sexual 2024 (cuadros 8.30 y 8.31)"
SRC_ENDES_SERIES = "INEI, ENDES Series Anuales 1986-2024, cuadro 11.1"
SRC_PNIG = "INEI, ENDES PpR 2024 cuadros 36-38; meta: Política Nacional de Igualdad de Género (DS 008-2019-MIMP)"
SRC_FEM_SERIES = "MIMP, Programa Warmi Ñan, portal estadístico (totales nacionales)"

# indicator -> (unit, lower_is_better); 'area' is total unless the source splits urban/rural.
PPR = {  # INEI table -> indicator id, unit, lower is better
    "agua": ("agua_segura", "%", False), "saneamiento": ("saneamiento", "%", False),
    "dci": ("dci_menores5", "%", True), "lactancia": ("lactancia_exclusiva", "%", False),
    "anemia": ("anemia_6_35", "%", True), "vacunas12m": ("vacunas_basicas_12m", "%", False),
    "cred": ("cred", "%", False), "hierro": ("hierro", "%", False), "tgf": ("tgf", "hijos por mujer", ""),
    "violencia": ("violencia_pareja", "%", True),
}


def dept(name: str) -> str:
    key = ascii_fold(str(name).strip()).upper()
    if key not in NAMES:
        raise SystemExit(f"unknown department name {name!r}")
    return NAMES[key]


def rows_recalc(folder: Path) -> list[dict]:
    """ENDES recalculation 2009-2025: chronic malnutrition (< 5), severe, anaemia 6-35 (two methods).

    Where INEI's official table gives the same point (total area 2021-2025), the official one is
    kept and the two are checked equal."""
    out = []
    with open(folder / "outcomes" / "endes_anemia_dci_regiones_2009_2025.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            d = NATIONAL if r["region_codigo"] == "0" else f"{int(r['region_codigo']):02d}"
            area = {"Total": "total", "Urbano": "urbana", "Rural": "rural"}[r["area"]]
            year = int(r["año"])
            for col, ind, method in (("dci_menores5_pct", "dci_menores5", "OMS"),
                                     ("dci_severa_menores5_pct", "dci_severa_menores5", "OMS"),
                                     ("anemia_6_35_comparable_pct", "anemia_6_35", "comparable"),
                                     ("anemia_6_35_nueva_pct", "anemia_6_35", "nueva")):
                if not r[col]:
                    continue
                out.append(dict(indicator=ind, method=method, department=d, area=area, year=year, value=r[col],
                                unit="%", lower_is_better="true", referential="false", source=SRC_RECALC,
                                source_table=""))
    return out


def rows_ppr(folder: Path) -> list[dict]:
    out = []
    with open(folder / "outcomes" / "inei_ppr_result_indicators_endes_2021_2025.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            ind, unit, lower = PPR[r["indicador"]]
            method = {"dci_menores5": "OMS", "anemia_6_35": "nueva"}.get(ind, "")
            for y in range(2021, 2026):
                v = r[f"y{y}"]
                if not v:
                    continue
                out.append(dict(indicator=ind, method=method, department=dept(r["ambito"]), area="total", year=y,
                                value=v, unit=unit, lower_is_better={True: "true", False: "false", "": ""}[lower],
                                referential=r["ref"], source=SRC_PPR, source_table=r["cuadro"]))
    return out


def rows_enaho(folder: Path) -> list[dict]:
    spec = {"pobreza": ("pobreza_monetaria", "%", "true"),
            "gasto_real": ("gasto_real_pc", "S/ por mes, reales", "false"),
            "ingreso_real": ("ingreso_real_pc", "S/ por mes, reales", "false")}
    out = []
    with open(folder / "outcomes" / "inei_enaho_poverty_2016_2025.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            ind, unit, lower = spec[r["serie"]]
            # ENAHO's "Lima" is Región Lima (Lima's provinces): Lima Metropolitana is its own row.
            d = LIMA_REGION if r["ambito"] == "Lima" else dept(r["ambito"])
            for y in range(2016, 2026):
                out.append(dict(indicator=ind, method="", department=d, area="total", year=y, value=r[str(y)],
                                unit=unit, lower_is_better=lower, referential="false", source=SRC_ENAHO,
                                source_table="pobreza monetaria por departamento"))
    return out


def rows_mimp(folder: Path) -> list[dict]:
    out = []
    with open(folder / "outcomes" / "mimp_violence_by_department_2024_2025.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if not r["departamento"] or r["departamento"].startswith("#"):
                continue
            d = dept(r["departamento"])
            for col, ind, year, src, lower in (("feminicidios", "feminicidios", 2025, SRC_MIMP_FEM, "true"),
                                               ("atenciones_cem", "casos_cem", 2025, SRC_MIMP_CEM, ""),
                                               ("denuncias_violencia_sexual", "denuncias_violencia_sexual", 2024,
                                                SRC_PNP, "")):
                out.append(dict(indicator=ind, method="", department=d, area="total", year=year, value=r[col],
                                unit="casos", lower_is_better=lower, referential="false", source=src,
                                source_table=""))
    return out


def rows_national(folder: Path) -> list[dict]:
    spec = {"violencia_total_alguna_vez": ("violencia_pareja", "%", "true", SRC_ENDES_SERIES, "11.1"),
            "violencia_fis_sex_12m_real": ("violencia_fis_sex_12m", "%", "true", SRC_PNIG, "36-38"),
            "violencia_fis_sex_12m_meta_pnig": ("meta_violencia_fis_sex_12m", "%", "true", SRC_PNIG, "PNIG"),
            "feminicidios": ("feminicidios", "casos", "true", SRC_FEM_SERIES, "")}
    out = []
    with open(folder / "outcomes" / "national_violence_series_2017_2025.csv", encoding="utf-8") as f:
        lines = [ln for ln in f if not ln.startswith("#")]
    for r in csv.DictReader(lines):
        if r["serie"] not in spec:
            continue
        ind, unit, lower, src, table = spec[r["serie"]]
        out.append(dict(indicator=ind, method="", department=NATIONAL, area="total", year=int(r["anio"]),
                        value=r["valor"], unit=unit, lower_is_better=lower, referential="false", source=src,
                        source_table=table))
    return out


def merge(recalc: list[dict], official: list[dict], *others: list[dict]) -> list[dict]:
    """Official INEI points win over the recalculation; equal values are checked, not assumed."""
    key = lambda r: (r["indicator"], r["method"], r["department"], r["area"], int(r["year"]))  # noqa: E731
    off = {key(r): r for r in official}
    out = []
    for r in recalc:
        o = off.get(key(r))
        if o is not None and abs(float(o["value"]) - float(r["value"])) > 0.051:
            raise SystemExit(f"recalculation {r['value']} != INEI {o['value']} at {key(r)}")
        if o is None:
            out.append(r)
    out += official
    seen = {key(r) for r in out}
    for block in others:
        for r in block:
            k = key(r)
            if k in seen:         # national series repeat points of the department tables: check, keep one
                first = next(o for o in out if key(o) == k)
                if abs(float(first["value"]) - float(r["value"])) > 0.051:
                    raise SystemExit(f"{r['source']} {r['value']} != {first['source']} {first['value']} at {k}")
                continue
            seen.add(k)
            out.append(r)
    return sorted(out, key=lambda r: (r["indicator"], r["method"], r["department"], r["area"], int(r["year"])))


def population_groups(folder: Path) -> list[dict]:
    """Children 0-4 (both sexes, the T sheet) and women 15-49 (F sheet, single ages)."""
    out = []
    for i in range(26):
        wb = openpyxl.load_workbook(folder / "source_copies" / "inei_be25_lib1722_cap0202" / f"cap{i:02d}.xlsx",
                                    read_only=True)
        sheets = {ws.title.rsplit(" ", 1)[-1]: ws for ws in wb.worksheets}
        groups = {}
        for sex, ws in sheets.items():
            rows = list(ws.iter_rows(values_only=True))
            header = next(r for r in rows if r and r[0] == "Edad")
            years = [int(y) for y in header[1:] if y is not None]
            by_age = {r[0]: r[1:1 + len(years)] for r in rows if r and isinstance(r[0], int)}
            if sex == "T":
                groups["children_0_4"] = [sum(by_age[a][j] for a in range(5)) for j in range(len(years))]
            if sex == "F":
                groups["women_15_49"] = [sum(by_age[a][j] for a in range(15, 50)) for j in range(len(years))]
        for group, values in groups.items():
            for y, v in zip(years, values):
                if 2000 <= y <= 2030:
                    out.append({"year": y, "department": f"{i:02d}", "group": group, "population": int(v)})
    return sorted(out, key=lambda r: (r["year"], r["department"], r["group"]))


def write(path: Path, header, rows) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"{path.relative_to(ROOT)}: {len(rows)} rows")


def main(folder: str) -> None:
    src = Path(folder)
    rows = merge(rows_recalc(src), rows_ppr(src), rows_enaho(src), rows_mimp(src), rows_national(src))
    write(ROOT / "data" / "indicators" / "indicators.csv", HEADER, rows)
    write(ROOT / "data" / "indicators" / "population_groups.csv", ("year", "department", "group", "population"),
          population_groups(src))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT.parent / "shared" / "data" / "reference"))
