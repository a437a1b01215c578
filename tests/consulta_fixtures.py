"""Consulta Amigable exports in the portal's real format, for tests.

What a real export looks like (../shared/data/real, ../shared/docs/DOMAIN.md, issue 10): title
rows above the header (the query, the filters navigated, its date), labels "code: NAME" with
compound codes ("010101-300001: MUNICIPALIDAD PROVINCIAL DE CHACHAPOYAS", "005-1428: ..."),
amounts as numbers or text with thousands commas, years as numbers or text, a TOTAL row, blank
trailing rows. Every export below has rows only; `write_export` adds the rest.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import openpyxl

AMOUNT_HEADER = ["PIA", "PIM", "Certificación", "Compromiso Anual", "Atención de Compromiso Mensual",
                 "Devengado", "Girado", "Avance %"]


@dataclass
class Export:
    levels: list[str]             # column titles of the breakdown, as the portal prints them
    rows: list[list]              # level labels..., then PIA, PIM, ..., Girado, Avance %
    year: int | str | None = None  # a value for an "Año" first column (None: no Año column)
    titles: list[list] = field(default_factory=list)
    amounts: list[str] = field(default_factory=lambda: list(AMOUNT_HEADER))

    @property
    def header(self) -> list[str]:
        return (["Año"] if self.year is not None else []) + self.levels + self.amounts


def amount(value) -> Decimal:
    """An amount cell as the test reads it: numbers, or text with thousands commas."""
    return Decimal(str(value).replace(",", "")) if value not in (None, "") else Decimal(0)


def expected(export: Export, level: str, stage: str, key=lambda label: label.split(":", 1)[0].strip()):
    """Sum of a stage per label code of one breakdown column, computed from the rows here."""
    i = export.levels.index(level)
    j = len(export.levels) + export.amounts.index(stage)
    out: dict[str, Decimal] = {}
    for r in export.rows:
        k = key(r[i])
        out[k] = out.get(k, Decimal(0)) + amount(r[j])
    return out


def _body(export: Export, total: bool) -> list[list]:
    rows = []
    for r in export.rows:
        year = [export.year] if export.year is not None else []
        rows.append(year + list(r))
    if total:
        n = len(export.levels)
        sums = [sum((amount(r[n + k]) for r in export.rows), Decimal(0))
                for k in range(len(export.amounts) - 1)]
        first = ["TOTAL"] + [""] * (n - 1 + (1 if export.year is not None else 0))
        rows.append(first + [f"{s:,.0f}" if s == s.to_integral() else f"{s:,}" for s in sums] + [""])
    return rows


def write_export(path: Path, export: Export, *, total: bool = True, trailing_blank: int = 2) -> Path:
    """XLSX or CSV by the file's suffix: title rows, a blank row, header, rows, TOTAL, blank rows."""
    lines = [*export.titles, [], export.header, *_body(export, total)] if export.titles else \
        [export.header, *_body(export, total)]
    lines += [[""] * len(export.header)] * trailing_blank
    if path.suffix == ".csv":
        with open(path, "w", newline="", encoding="utf-8") as fh:
            csv.writer(fh).writerows(lines)
        return path
    wb = openpyxl.Workbook()
    ws = wb.active
    for line in lines:
        ws.append([None if c == "" else c for c in line])
    wb.save(path)
    return path


TITLES = [["CONSULTA DE EJECUCIÓN DEL GASTO"], ["Fecha de la Consulta: 14-mar-2025"]]

# 1. Departamento > Provincia > Municipalidad: local governments, the export issue 10 was about.
MUNICIPALITIES = Export(
    levels=["Departamento", "Provincia", "Municipalidad"], year="2024",
    titles=[*TITLES, ["Nivel de Gobierno: M: GOBIERNOS LOCALES"]],
    rows=[
        ["01: AMAZONAS", "0101: CHACHAPOYAS", "010101-300001: MUNICIPALIDAD PROVINCIAL DE CHACHAPOYAS",
         "12,500,000", "15,250,300", "14,000,000", "13,900,000", "13,800,000", "13,750,100", "13,700,000", "90.2"],
        ["01: AMAZONAS", "0101: CHACHAPOYAS", "010102-300002: MUNICIPALIDAD DISTRITAL DE ASUNCION",
         "300,000", "410,000", "400,000", "399,000", "398,000", "380,500", "380,500", "92.8"],
        ["01: AMAZONAS", "0102: BAGUA", "010201-300081: MUNICIPALIDAD PROVINCIAL DE BAGUA",
         8000000, 9100000, 9000000, 8900000, 8800000, 8600000, 8500000, 94.5],
        ["08: CUSCO", "0801: CUSCO", "080101-300658: MUNICIPALIDAD PROVINCIAL DEL CUSCO",
         "95,000,000", "120,000,000", "110,000,000", "100,000,000", "99,000,000", "98,000,000.50", "97,000,000",
         "81.7"],
    ])

# 2. Nivel de Gobierno > Sector > Pliego > Unidad Ejecutora (matches tests/fixtures.py BASE_ROW's unit 1232).
UNITS = Export(
    levels=["Nivel de Gobierno", "Sector", "Pliego", "Unidad Ejecutora"], year=2010, titles=TITLES,
    rows=[
        ["E: GOBIERNO NACIONAL", "39: MUJER Y DESARROLLO SOCIAL", "039: MINISTERIO DE LA MUJER Y DESARROLLO SOCIAL",
         "009-1232: PROGRAMA NACIONAL CONTRA LA VIOLENCIA FAMILIAR Y SEXUAL",
         "900", "1,000", "0", "0", "0", "350.5", "300", "35.1"],
        ["E: GOBIERNO NACIONAL", "40: DESARROLLO E INCLUSION SOCIAL", "040: MINISTERIO DE DESARROLLO E INCLUSION SOCIAL",
         "005-1428: MIDIS- PROGRAMA NACIONAL DE APOYO DIRECTO A LOS MAS POBRES- JUNTOS",
         "1,100,000", "1,200,500", "0", "0", "0", "1,150,250", "1,100,000", "95.8"],
    ])

# 3. Categoría Presupuestal > Producto/Proyecto > Actividad/Acción de Inversión/Obra.
PROGRAMMES = Export(
    levels=["Categoría Presupuestal", "Producto/Proyecto", "Actividad/Acción de Inversión/Obra"], year=2023,
    titles=TITLES,
    rows=[
        ["0080: LUCHA CONTRA LA VIOLENCIA FAMILIAR", "3000223: PERSONAS AFECTADAS POR HECHOS DE VIOLENCIA",
         "5001631: ATENCION EN LOS CENTROS EMERGENCIA MUJER",
         "10,000", "12,000", "11,000", "11,000", "10,500", "10,400", "10,300", "86.7"],
        ["0080: LUCHA CONTRA LA VIOLENCIA FAMILIAR", "3000224: FAMILIAS CON PREVENCION",
         "5001632: PREVENCION DE LA VIOLENCIA", "2,000", "2,500", "2,400", "2,400", "2,300", "2,250", "2,200", "90.0"],
        ["9001: ACCIONES CENTRALES", "3999999: SIN PRODUCTO", "5000003: GESTION ADMINISTRATIVA",
         "7,000", "7,500", "7,400", "7,400", "7,300", "7,100", "7,000", "94.7"],
        ["0002: SALUD MATERNO NEONATAL", "2001621: ESTUDIOS DE PREINVERSION", "4000044: EXPEDIENTE TECNICO",
         "0", "800", "0", "0", "0", "0", "0", "0.0"],
    ])

# 4. Función > División Funcional > Grupo Funcional.
FUNCTIONS = Export(
    levels=["Función", "División Funcional", "Grupo Funcional"], year=2023, titles=TITLES,
    rows=[
        ["23: PROTECCION SOCIAL", "051: ASISTENCIA SOCIAL", "0115: PROTECCION DE POBLACIONES EN RIESGO",
         "4,000", "4,500", "4,400", "4,400", "4,300", "4,200", "4,100", "93.3"],
        ["23: PROTECCION SOCIAL", "051: ASISTENCIA SOCIAL", "0114: DESARROLLO DE CAPACIDADES SOCIALES",
         "1,000", "1,200", "1,100", "1,100", "1,000", "900", "900", "75.0"],
        ["20: SALUD", "044: SALUD INDIVIDUAL", "0096: ATENCION MEDICA BASICA",
         "30,000", "33,000", "32,000", "32,000", "31,000", "30,500", "30,400", "92.4"],
    ])

# 5. Fuente de Financiamiento > Rubro > Genérica > Subgenérica > Específica (five levels deep).
CLASSIFIERS = Export(
    levels=["Fuente de Financiamiento", "Rubro", "Genérica", "Subgenérica", "Específica"], year=2022,
    titles=TITLES,
    rows=[
        ["1: RECURSOS ORDINARIOS", "00: RECURSOS ORDINARIOS", "3: BIENES Y SERVICIOS",
         "2: CONTRATACION DE SERVICIOS", "11: OTROS SERVICIOS", "5,000", "6,000", "5,900", "5,900", "5,800",
         "5,700", "5,600", "95.0"],
        ["1: RECURSOS ORDINARIOS", "00: RECURSOS ORDINARIOS", "1: PERSONAL Y OBLIGACIONES SOCIALES",
         "1: RETRIBUCIONES Y COMPLEMENTOS EN EFECTIVO", "1: PERSONAL ADMINISTRATIVO", "20,000", "20,000",
         "20,000", "20,000", "19,500", "19,500", "19,500", "97.5"],
        ["5: RECURSOS DETERMINADOS", "18: CANON Y SOBRECANON", "6: ADQUISICION DE ACTIVOS NO FINANCIEROS",
         "2: CONSTRUCCION DE EDIFICIOS", "2: INFRAESTRUCTURA VIAL", "50,000", "80,000", "60,000", "55,000",
         "40,000", "35,000", "34,000", "43.8"],
    ])

# 6. Trimestre > Mes, both levels time, under a filter in the title rows, no Año column (--year).
MONTHS = Export(
    levels=["Trimestre", "Mes"], year=None,
    titles=[*TITLES, ["Año de Ejecución: 2021"], ["Sector: 11: SALUD"]],
    amounts=["PIM", "Devengado"],
    rows=[
        ["1: PRIMER TRIMESTRE", "01: ENERO", "100,000", "5,000"],
        ["1: PRIMER TRIMESTRE", "02: FEBRERO", "100,000", "7,500"],
        ["2: SEGUNDO TRIMESTRE", "04: ABRIL", "100,000", "9,250.25"],
    ])

# 7. Mancomunidad > Distrito with a column the loader does not know ("Tipo de Entidad"): a generic level.
MANCOMUNIDADES = Export(
    levels=["Mancomunidad", "Tipo de Entidad", "Distrito"], year=2024, titles=TITLES,
    rows=[
        ["300921-301689: MANCOMUNIDAD MUNICIPAL DEL VALLE SUR", "1: MANCOMUNIDAD MUNICIPAL",
         "080601: SICUANI", "1,000", "2,000", "1,900", "1,900", "1,800", "1,700", "1,600", "85.0"],
        ["300921-301689: MANCOMUNIDAD MUNICIPAL DEL VALLE SUR", "1: MANCOMUNIDAD MUNICIPAL",
         "080602: CHECACUPE", "500", "600", "600", "600", "550", "500", "500", "83.3"],
    ])

SIX = {"municipalidades.xlsx": MUNICIPALITIES, "unidades.xlsx": UNITS, "programas.csv": PROGRAMMES,
       "funciones.xlsx": FUNCTIONS, "clasificadores.csv": CLASSIFIERS, "meses.xlsx": MONTHS,
       "mancomunidades.xlsx": MANCOMUNIDADES}
