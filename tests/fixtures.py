"""MEF Gasto rows and CSV files for tests, and the small stores built from them.

The one place tests get budget data from: rows byte for byte in MEF's format (63 columns, every
field quoted), loaded through the real loader (etl.load.load_file) into
- the tiny store (TINY_LINES): numbers small enough that tests/test_dashboard_reads.py and the
  app tests work every expected value out by hand;
- the sample store (sample_rows): two full years for the browser tests and screenshots.
"""
from __future__ import annotations

import csv
import io
import random
from pathlib import Path

from domain.codes import DEPARTMENTS, LEVELS
from domain.mef_format import GASTO_COLUMNS

AMOUNTS = ("MONTO_PIA", "MONTO_PIM", "MONTO_CERTIFICADO", "MONTO_COMPROMETIDO_ANUAL", "MONTO_COMPROMETIDO",
           "MONTO_DEVENGADO", "MONTO_GIRADO")

# A complete row: programa 0080 LUCHA CONTRA LA VIOLENCIA FAMILIAR at executing unit 1232 (PNCVFS),
# actividad 5001631 (CEM), amounts 0.
BASE_ROW = {
    "ANO_EJE": "2010", "MES_EJE": "0", "NIVEL_GOBIERNO": "E", "NIVEL_GOBIERNO_NOMBRE": "GOBIERNO NACIONAL",
    "SECTOR": "39", "SECTOR_NOMBRE": "MUJER Y DESARROLLO SOCIAL", "PLIEGO": "039",
    "PLIEGO_NOMBRE": "MINISTERIO DE LA MUJER Y DESARROLLO SOCIAL", "SEC_EJEC": "1232", "EJECUTORA": "009",
    "EJECUTORA_NOMBRE": "PROGRAMA NACIONAL CONTRA LA VIOLENCIA FAMILIAR Y SEXUAL",
    "DEPARTAMENTO_EJECUTORA": "15", "DEPARTAMENTO_EJECUTORA_NOMBRE": "LIMA", "PROVINCIA_EJECUTORA": "01",
    "PROVINCIA_EJECUTORA_NOMBRE": "LIMA", "DISTRITO_EJECUTORA": "01", "DISTRITO_EJECUTORA_NOMBRE": "LIMA",
    "SEC_FUNC": "12", "PROGRAMA_PPTO": "0080", "PROGRAMA_PPTO_NOMBRE": "LUCHA CONTRA LA VIOLENCIA FAMILIAR",
    "TIPO_ACT_PROY": "3", "TIPO_ACT_PROY_NOMBRE": "ACTIVIDAD", "PRODUCTO_PROYECTO": "3000223",
    "PRODUCTO_PROYECTO_NOMBRE": "PERSONAS AFECTADAS POR HECHOS DE VIOLENCIA FAMILIAR CON SERVICIOS DE ATENCION",
    "ACTIVIDAD_ACCION_OBRA": "5001631", "ACTIVIDAD_ACCION_OBRA_NOMBRE": "ATENCION EN LOS CENTROS EMERGENCIA MUJER",
    "FUNCION": "23", "FUNCION_NOMBRE": "PROTECCION SOCIAL", "DIVISION_FUNCIONAL": "051",
    "DIVISION_FUNCIONAL_NOMBRE": "ASISTENCIA SOCIAL", "GRUPO_FUNCIONAL": "0115",
    "GRUPO_FUNCIONAL_NOMBRE": "PROTECCION DE POBLACIONES EN RIESGO", "META": "0001", "FINALIDAD": "0054321",
    "META_NOMBRE": "ATENCION CEM", "DEPARTAMENTO_META": "15", "DEPARTAMENTO_META_NOMBRE": "LIMA",
    "FUENTE_FINANCIAMIENTO": "1", "FUENTE_FINANCIAMIENTO_NOMBRE": "RECURSOS ORDINARIOS", "RUBRO": "00",
    "RUBRO_NOMBRE": "RECURSOS ORDINARIOS", "TIPO_RECURSO": "0", "TIPO_RECURSO_NOMBRE": "RECURSOS ORDINARIOS",
    "CATEGORIA_GASTO": "5", "CATEGORIA_GASTO_NOMBRE": "GASTO CORRIENTE", "TIPO_TRANSACCION": "2",
    "GENERICA": "3", "GENERICA_NOMBRE": "BIENES Y SERVICIOS", "SUBGENERICA": "2",
    "SUBGENERICA_NOMBRE": "CONTRATACION DE SERVICIOS", "SUBGENERICA_DET": "7",
    "SUBGENERICA_DET_NOMBRE": "SERVICIOS PROFESIONALES Y TECNICOS", "ESPECIFICA": "11",
    "ESPECIFICA_NOMBRE": "OTROS SERVICIOS", "ESPECIFICA_DET": "99", "ESPECIFICA_DET_NOMBRE": "OTROS",
    "MONTO_PIA": "0", "MONTO_PIM": "0", "MONTO_CERTIFICADO": "0", "MONTO_COMPROMETIDO_ANUAL": "0",
    "MONTO_COMPROMETIDO": "0", "MONTO_DEVENGADO": "0", "MONTO_GIRADO": "0",
}
assert set(BASE_ROW) == set(GASTO_COLUMNS)
BLANK_ROW = dict.fromkeys(GASTO_COLUMNS, "")     # every column empty: for rows that set their own


# --- rows and files ------------------------------------------------------------------------------

def row(base: dict = BASE_ROW, **overrides) -> dict[str, str]:
    """A MEF row: `base` with columns changed; keyword names are column names (e.g. MONTO_PIM="10.5")."""
    r = dict(base)
    for k, v in overrides.items():
        if k not in r:
            raise KeyError(k)
        r[k] = str(v)
    return r


def csv_text(rows: list[dict], header: list[str] | None = None, newline: str = "\n") -> str:
    header = header or list(GASTO_COLUMNS)
    buf = io.StringIO()
    w = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator=newline)
    w.writerow(header)
    for r in rows:
        w.writerow([r.get(c, "") for c in header])
    return buf.getvalue()


def write(path: Path, rows: list[dict], *, header: list[str] | None = None, encoding: str = "utf-8",
          newline: str = "\n") -> Path:
    path.write_bytes(csv_text(rows, header, newline).encode(encoding))
    return path


def year_rows(year: int = 2010, pim: str = "1000", devengado: tuple[str, ...] = ("100", "250.5"),
              **overrides) -> list[dict]:
    """One line: a MES_EJE=0 row with PIA/PIM and monthly rows with devengado."""
    rows = [row(ANO_EJE=year, MES_EJE=0, MONTO_PIA=pim, MONTO_PIM=pim, **overrides)]
    for month, dev in enumerate(devengado, start=1):
        rows.append(row(ANO_EJE=year, MES_EJE=month, MONTO_CERTIFICADO=dev, MONTO_COMPROMETIDO_ANUAL=dev,
                        MONTO_COMPROMETIDO=dev, MONTO_DEVENGADO=dev, MONTO_GIRADO=dev, **overrides))
    return rows


def march_line(year: int, pia: str, pim: str, dev: str, **keys) -> list[dict]:
    """One line with its own PIA: a MES_EJE=0 row with PIA/PIM and a March row with devengado."""
    return [row(ANO_EJE=year, MES_EJE=0, MONTO_PIA=pia, MONTO_PIM=pim, **keys),
            row(ANO_EJE=year, MES_EJE=3, MONTO_DEVENGADO=dev, MONTO_GIRADO=dev, **keys)]


def _load(path: Path, demo: bool) -> None:
    """Load into the store the environment names (GSB_DATA_DIR, DATABASE_URL)."""
    from etl.load import load_file
    r = load_file(path, demo=demo)
    assert r.status == "loaded", r.message


# --- the tiny store ------------------------------------------------------------------------------

# (year, level, programa, producto, actividad, sec_ejec, dept, PIA, PIM, {month: devengado})
TINY_LINES = [
    (2010, "E", "0001", "3000001", "5000001", "1428", "15", "1000", "1200", {3: "200", 12: "600"}),
    (2010, "E", "9001", "3999999", "5000002", "1232", "98", "500", "400", {1: "-50", 12: "300"}),
    (2010, "R", "0001", "3000002", "5000003", "0800", "01", "300", "400", {6: "100"}),
    (2010, "M", "0002", "3000003", "5000004", "0900", "01", "0", "0", {2: "10"}),
    (2011, "E", "0001", "3000001", "5000001", "1428", "15", "2000", "2000", {1: "500"}),
]
TINY_NAMES = {"0001": "PROGRAMA ARTICULADO NUTRICIONAL", "0002": "SALUD MATERNO NEONATAL",
              "9001": "ACCIONES CENTRALES", "3000001": "NIÑOS CON VACUNA COMPLETA", "3999999": "SIN PRODUCTO",
              "3000002": "NIÑOS CON CRED", "3000003": "ATENCION PRENATAL", "5000001": "VACUNACION",
              "5000002": "GESTION ADMINISTRATIVA", "5000003": "CONTROL CRED", "5000004": "CONTROL PRENATAL",
              "1428": "JUNTOS", "1232": "PNCVFS", "0800": "GOBIERNO REGIONAL AMAZONAS", "0900": "MUNICIPALIDAD",
              "15": "LIMA", "98": "EXTERIOR", "01": "AMAZONAS"}


def _tiny_row(year, level, prog, prod, act, unit, dept, month, pia="0", pim="0", dev="0") -> dict[str, str]:
    n = TINY_NAMES
    return row(BLANK_ROW,
               ANO_EJE=year, MES_EJE=month, NIVEL_GOBIERNO=level, NIVEL_GOBIERNO_NOMBRE=LEVELS[level],
               SECTOR="39", SECTOR_NOMBRE="MUJER", PLIEGO="039", PLIEGO_NOMBRE="MIMDES", SEC_EJEC=unit,
               EJECUTORA="001", EJECUTORA_NOMBRE=n[unit], PROGRAMA_PPTO=prog, PROGRAMA_PPTO_NOMBRE=n[prog],
               TIPO_ACT_PROY="3", PRODUCTO_PROYECTO=prod, PRODUCTO_PROYECTO_NOMBRE=n[prod],
               ACTIVIDAD_ACCION_OBRA=act, ACTIVIDAD_ACCION_OBRA_NOMBRE=n[act], FUNCION="23",
               DIVISION_FUNCIONAL="051", GRUPO_FUNCIONAL="0115", DEPARTAMENTO_META=dept,
               DEPARTAMENTO_META_NOMBRE=n[dept], FUENTE_FINANCIAMIENTO="1", GENERICA="3",
               MONTO_PIA=pia, MONTO_PIM=pim, MONTO_CERTIFICADO=dev, MONTO_COMPROMETIDO_ANUAL=dev,
               MONTO_COMPROMETIDO=dev, MONTO_DEVENGADO=dev, MONTO_GIRADO=dev)


def tiny_rows(lines=TINY_LINES) -> list[dict]:
    """The lines as MEF rows: PIA/PIM on the MES_EJE=0 row, devengado on the monthly rows."""
    out = []
    for year, level, prog, prod, act, unit, dept, pia, pim, months in lines:
        key = (year, level, prog, prod, act, unit, dept)
        out.append(_tiny_row(*key, 0, pia=pia, pim=pim))
        out += [_tiny_row(*key, month, dev=dev) for month, dev in months.items()]
    return out


def write_tiny_csv(path: Path, lines=TINY_LINES) -> Path:
    return write(path, tiny_rows(lines))


def build_tiny_store(data_dir: Path, demo: bool = False) -> None:
    """TINY_LINES loaded into the store the environment names (GSB_DATA_DIR = data_dir, DATABASE_URL)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    _load(write_tiny_csv(data_dir / "2010-Gasto.csv"), demo)


# --- the sample store ----------------------------------------------------------------------------
# Two fiscal years, the three levels of government, four programmes (two PpR, 9001, 9002) with
# products, activities and executing units, six departments plus 98 Exterior, and twelve months
# with the December surge real years show.

SAMPLE_PROGRAMMES = {
    "0001": "PROGRAMA ARTICULADO NUTRICIONAL",
    "0002": "SALUD MATERNO NEONATAL",
    "9001": "ACCIONES CENTRALES",
    "9002": "ASIGNACIONES PRESUPUESTARIAS QUE NO RESULTAN EN PRODUCTOS",
}
SAMPLE_UNITS = {"1428": "PROGRAMA NACIONAL DE APOYO DIRECTO A LOS MAS POBRES - JUNTOS",
                "1232": "PROGRAMA NACIONAL CONTRA LA VIOLENCIA FAMILIAR Y SEXUAL"}
SAMPLE_DEPTS = ("01", "05", "08", "15", "21", "25", "98")
MONTH_WEIGHT = [4, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 21]   # December surge
FORMULA_PRODUCT, FORMULA_NAME = "3000032", "1+2"       # product name '=1+2 PRODUCTO 3000032 DE ...'
SAMPLE_BASE = row(BLANK_ROW,
                  SECTOR="39", SECTOR_NOMBRE="MUJER Y DESARROLLO SOCIAL", PLIEGO="039",
                  PLIEGO_NOMBRE="MINISTERIO DE LA MUJER", EJECUTORA="001", SEC_FUNC="1",
                  TIPO_ACT_PROY="3", TIPO_ACT_PROY_NOMBRE="ACTIVIDAD", FUNCION="23",
                  FUNCION_NOMBRE="PROTECCION SOCIAL", DIVISION_FUNCIONAL="051",
                  DIVISION_FUNCIONAL_NOMBRE="ASISTENCIA SOCIAL", GRUPO_FUNCIONAL="0115",
                  GRUPO_FUNCIONAL_NOMBRE="PROTECCION DE POBLACIONES EN RIESGO", META="0001",
                  FINALIDAD="0000001", META_NOMBRE="META", FUENTE_FINANCIAMIENTO="1",
                  FUENTE_FINANCIAMIENTO_NOMBRE="RECURSOS ORDINARIOS", GENERICA="3",
                  GENERICA_NOMBRE="BIENES Y SERVICIOS", DEPARTAMENTO_EJECUTORA="15",
                  DEPARTAMENTO_EJECUTORA_NOMBRE="LIMA", **dict.fromkeys(AMOUNTS, "0"))


def product_name(code: str, programme: str) -> str:
    """'PRODUCTO 3000001 DE PROGRAMA ARTICULAD'; one product of 9002 has a name a spreadsheet
    would run as a formula, for the CSV injection guard (tests/browser/test_downloads.py)."""
    name = f"PRODUCTO {code} DE {programme[:20]}"
    return f"={FORMULA_NAME} {name}" if code == FORMULA_PRODUCT else name


def sample_rows(years=(2010, 2011), seed: int = 7) -> list[dict]:
    rnd = random.Random(seed)
    out = []
    for year in years:
        for level in LEVELS:
            for p, (prog, pname) in enumerate(SAMPLE_PROGRAMMES.items()):
                for k in range(2):
                    prod = f"{3000001 + p * 10 + k}"
                    act = f"{5000001 + p * 10 + k}"
                    unit = list(SAMPLE_UNITS)[k]
                    for dept in SAMPLE_DEPTS:
                        key = row(SAMPLE_BASE, ANO_EJE=year, NIVEL_GOBIERNO=level, NIVEL_GOBIERNO_NOMBRE=LEVELS[level],
                                  PROGRAMA_PPTO=prog, PROGRAMA_PPTO_NOMBRE=pname, PRODUCTO_PROYECTO=prod,
                                  PRODUCTO_PROYECTO_NOMBRE=product_name(prod, pname),
                                  ACTIVIDAD_ACCION_OBRA=act, ACTIVIDAD_ACCION_OBRA_NOMBRE=f"ACTIVIDAD {act}",
                                  SEC_EJEC=unit, EJECUTORA_NOMBRE=SAMPLE_UNITS[unit],
                                  DEPARTAMENTO_META=dept, DEPARTAMENTO_META_NOMBRE=DEPARTMENTS[dept])
                        pim = rnd.randint(2, 40) * 1_000_000 * (3 if dept == "15" else 1) / (4 if dept == "98" else 1)
                        pia = pim * rnd.uniform(0.8, 1.0)
                        rate = rnd.uniform(0.6, 0.97)
                        out.append(row(key, MES_EJE=0, MONTO_PIA=f"{pia:.2f}", MONTO_PIM=f"{pim:.2f}"))
                        for m, w in enumerate(MONTH_WEIGHT, start=1):
                            dev = f"{pim * rate * w / sum(MONTH_WEIGHT):.2f}"
                            out.append(row(key, MES_EJE=m, MONTO_DEVENGADO=dev, MONTO_GIRADO=dev))
    return out


def build_sample_store(data_dir: Path) -> None:
    """The sample rows loaded as demo data into the store the environment names (GSB_DATA_DIR =
    data_dir), classified by the default gender rules as every load is; then the real curated data
    (population, CPI, exchange rates, the social protection network and its coverage), as
    `python -m etl demo` does."""
    from etl.reference import seed
    from settings import get_settings
    data_dir.mkdir(parents=True, exist_ok=True)
    _load(write(data_dir / "sample-Gasto.csv", sample_rows()), demo=True)
    seeded = seed(get_settings())
    assert all(x.status == "loaded" for x in seeded), [(x.file, x.message) for x in seeded]
