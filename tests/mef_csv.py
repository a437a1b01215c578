"""Build small MEF Gasto CSV files for tests, byte for byte in MEF's format."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from domain.mef_format import GASTO_COLUMNS

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


def row(**overrides) -> dict[str, str]:
    """A MEF row; keyword names are column names (e.g. MONTO_PIM="10.5")."""
    r = dict(BASE_ROW)
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
