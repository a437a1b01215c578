"""A small but complete MEF-format store for browser tests and screenshots.

Two fiscal years, the three levels of government, four programmes (two PpR, 9001, 9002)
with products, activities and executing units, six departments plus 98 Exterior, and
twelve months with the December surge real years show. Written as a MEF Gasto CSV (63
columns, every field quoted) and loaded through the real loader, flagged as demo data; then
the curated reference and network data (data/reference, data/network) through etl.reference.
"""
from __future__ import annotations

import csv
import random
from pathlib import Path

from domain.codes import DEPARTMENTS, LEVELS
from domain.mef_format import GASTO_COLUMNS

PROGRAMMES = {
    "0001": "PROGRAMA ARTICULADO NUTRICIONAL",
    "0002": "SALUD MATERNO NEONATAL",
    "9001": "ACCIONES CENTRALES",
    "9002": "ASIGNACIONES PRESUPUESTARIAS QUE NO RESULTAN EN PRODUCTOS",
}
UNITS = {"1428": "PROGRAMA NACIONAL DE APOYO DIRECTO A LOS MAS POBRES - JUNTOS",
         "1232": "PROGRAMA NACIONAL CONTRA LA VIOLENCIA FAMILIAR Y SEXUAL"}
DEPTS = ("01", "05", "08", "15", "21", "25", "98")
MONTH_WEIGHT = [4, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 21]   # December surge
FORMULA_PRODUCT, FORMULA_NAME = "3000032", "1+2"       # product name '=1+2 PRODUCTO 3000032 DE ...'


def _base(year: int, level: str) -> dict:
    r = {c: "" for c in GASTO_COLUMNS}
    r.update({"ANO_EJE": str(year), "NIVEL_GOBIERNO": level, "NIVEL_GOBIERNO_NOMBRE": LEVELS[level],
              "SECTOR": "39", "SECTOR_NOMBRE": "MUJER Y DESARROLLO SOCIAL", "PLIEGO": "039",
              "PLIEGO_NOMBRE": "MINISTERIO DE LA MUJER", "EJECUTORA": "001", "SEC_FUNC": "1",
              "TIPO_ACT_PROY": "3", "TIPO_ACT_PROY_NOMBRE": "ACTIVIDAD", "FUNCION": "23",
              "FUNCION_NOMBRE": "PROTECCION SOCIAL", "DIVISION_FUNCIONAL": "051",
              "DIVISION_FUNCIONAL_NOMBRE": "ASISTENCIA SOCIAL", "GRUPO_FUNCIONAL": "0115",
              "GRUPO_FUNCIONAL_NOMBRE": "PROTECCION DE POBLACIONES EN RIESGO", "META": "0001",
              "FINALIDAD": "0000001", "META_NOMBRE": "META", "FUENTE_FINANCIAMIENTO": "1",
              "FUENTE_FINANCIAMIENTO_NOMBRE": "RECURSOS ORDINARIOS", "GENERICA": "3",
              "GENERICA_NOMBRE": "BIENES Y SERVICIOS"})
    return r


def product_name(code: str, programme: str) -> str:
    """'PRODUCTO 3000001 DE PROGRAMA ARTICULAD'; one product of 9002 has a name a spreadsheet
    would run as a formula, for the CSV injection guard (tests/browser/test_downloads.py)."""
    name = f"PRODUCTO {code} DE {programme[:20]}"
    return f"={FORMULA_NAME} {name}" if code == FORMULA_PRODUCT else name


def rows(years=(2010, 2011), seed: int = 7) -> list[dict]:
    rnd = random.Random(seed)
    out = []
    for year in years:
        for level in LEVELS:
            for p, (prog, pname) in enumerate(PROGRAMMES.items()):
                for k in range(2):
                    prod = f"{3000001 + p * 10 + k}"
                    act = f"{5000001 + p * 10 + k}"
                    unit = list(UNITS)[k]
                    for dept in DEPTS:
                        base = _base(year, level)
                        base.update({
                            "PROGRAMA_PPTO": prog, "PROGRAMA_PPTO_NOMBRE": pname,
                            "PRODUCTO_PROYECTO": prod, "PRODUCTO_PROYECTO_NOMBRE": product_name(prod, pname),
                            "ACTIVIDAD_ACCION_OBRA": act, "ACTIVIDAD_ACCION_OBRA_NOMBRE": f"ACTIVIDAD {act}",
                            "SEC_EJEC": unit, "EJECUTORA_NOMBRE": UNITS[unit],
                            "DEPARTAMENTO_EJECUTORA": "15", "DEPARTAMENTO_EJECUTORA_NOMBRE": "LIMA",
                            "DEPARTAMENTO_META": dept, "DEPARTAMENTO_META_NOMBRE": DEPARTMENTS[dept],
                        })
                        pim = rnd.randint(2, 40) * 1_000_000 * (3 if dept == "15" else 1) / (4 if dept == "98" else 1)
                        pia = pim * rnd.uniform(0.8, 1.0)
                        rate = rnd.uniform(0.6, 0.97)
                        zero = {a: "0" for a in ("MONTO_PIA", "MONTO_PIM", "MONTO_CERTIFICADO",
                                                  "MONTO_COMPROMETIDO_ANUAL", "MONTO_COMPROMETIDO",
                                                  "MONTO_DEVENGADO", "MONTO_GIRADO")}
                        out.append({**base, **zero, "MES_EJE": "0", "MONTO_PIA": f"{pia:.2f}", "MONTO_PIM": f"{pim:.2f}"})
                        for m, w in enumerate(MONTH_WEIGHT, start=1):
                            dev = pim * rate * w / sum(MONTH_WEIGHT)
                            out.append({**base, **zero, "MES_EJE": str(m), "MONTO_DEVENGADO": f"{dev:.2f}",
                                        "MONTO_GIRADO": f"{dev:.2f}"})
    return out


def write_csv(path: Path, data: list[dict]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, quoting=csv.QUOTE_ALL, lineterminator="\n")
        w.writerow(GASTO_COLUMNS)
        for r in data:
            w.writerow([r[c] for c in GASTO_COLUMNS])
    return path


def build(data_dir: Path) -> None:
    """Write the CSV into `data_dir` and load it as demo data (GSB_DATA_DIR must point there),
    classified by the default gender rules as every load is; then the real curated data
    (population, CPI, exchange rates, the social protection network and its coverage), as
    `python -m etl demo` does."""
    from etl.load import load_file
    from etl.reference import seed
    from settings import get_settings
    data_dir.mkdir(parents=True, exist_ok=True)
    f = write_csv(data_dir / "sample-Gasto.csv", rows())
    r = load_file(f, settings=get_settings(), demo=True)
    assert r.status == "loaded", r.message
    seeded = seed(get_settings())
    assert all(x.status == "loaded" for x in seeded), [(x.file, x.message) for x in seeded]


if __name__ == "__main__":
    import os
    import sys
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    build(Path(os.environ["GSB_DATA_DIR"]))
