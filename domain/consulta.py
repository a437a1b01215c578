"""The vocabulary of MEF's Consulta Amigable exports: the breakdown levels the portal offers,
the column titles that name them, and how a label's code becomes a key to compare.

Officials export whatever breakdown they navigated to (README "Loading real MEF files";
docs/domain.md §3), so every level is known here once: the loader (etl/consulta.py), the
read functions (store/consulta.py, store/reconcile.py) and the CLI agree on the names.
"""
from __future__ import annotations

import re

from domain.text import ascii_fold

# level -> (column titles, folded as etl/spreadsheet.norm does; budget_line column or None).
# The key is the name `etl totals --source consulta --by` takes; the first eleven are also
# `--by` names of the MEF Gasto totals (store/read.py GROUPS).
LEVELS: dict[str, tuple[tuple[str, ...], str | None]] = {
    "nivel": (("nivel de gobierno", "nivel gobierno", "nivel"), "nivel_gobierno"),
    "sector": (("sector",), "sector"),
    "pliego": (("pliego",), "pliego"),
    "ejecutora": (("unidad ejecutora", "ejecutora"), "sec_ejec"),
    "departamento": (("departamento", "departamento meta", "region", "gobierno regional"), "departamento_meta"),
    "provincia": (("provincia",), None),
    "distrito": (("distrito",), None),
    "municipalidad": (("municipalidad", "municipalidades", "gobierno local"), None),
    "mancomunidad": (("mancomunidad", "mancomunidades"), None),
    "funcion": (("funcion",), "funcion"),
    "division_funcional": (("division funcional",), "division_funcional"),
    "grupo_funcional": (("grupo funcional",), "grupo_funcional"),
    "programa": (("categoria presupuestal", "programa presupuestal", "programa", "programa presupuestal ppr"),
                 "programa"),
    "producto": (("producto proyecto", "producto", "proyecto", "productos proyectos"), "producto_proyecto"),
    "actividad": (("actividad accion de inversion obra", "actividad accion obra", "actividad obra accion de inversion",
                   "actividad", "actividad accion de inversion"), "actividad"),
    "fuente": (("fuente de financiamiento", "fuente financiamiento", "fuente"), "fuente_financiamiento"),
    "rubro": (("rubro",), None),
    "tipo_recurso": (("tipo de recurso", "tipo recurso"), None),
    "categoria_gasto": (("categoria de gasto", "categoria gasto"), None),
    "generica": (("generica", "generica de gasto"), "generica"),
    "subgenerica": (("subgenerica", "sub generica"), None),
    "subgenerica_detalle": (("subgenerica detalle", "sub generica detalle"), None),
    "especifica": (("especifica", "especifica de gasto"), None),
    "especifica_detalle": (("especifica detalle",), None),
    "mes": (("mes",), None),
    "trimestre": (("trimestre",), None),
}
TITLE_TO_LEVEL = {title: level for level, (titles, _) in LEVELS.items() for title in titles}

# The levels budget_line also holds: where an export and MEF Gasto lines can be compared
# (issue 10: level, sector, pliego, executing unit, department, programme; a municipality is
# an executing unit of a local government).
RECONCILE_LEVELS = ("nivel", "sector", "pliego", "ejecutora", "municipalidad", "departamento", "programa")
RECONCILE_COLUMN = {**{lv: LEVELS[lv][1] for lv in RECONCILE_LEVELS if LEVELS[lv][1]}, "municipalidad": "sec_ejec"}

# Amount column titles -> budget stage (domain.codes.STAGES) and the "Avance %" column.
AMOUNT_TITLES = {
    "pia": "pia", "pim": "pim", "certificacion": "certificado", "certificado": "certificado",
    "compromiso anual": "comprometido_anual", "atencion de compromiso mensual": "comprometido",
    "devengado": "devengado", "girado": "girado",
}
AMOUNT_NAMES = "PIA, PIM, Certificación, Compromiso Anual, Atención de Compromiso Mensual, Devengado, Girado"
AVANCE_TITLES = {"avance %", "avance", "avance porcentaje"}
YEAR_TITLES = {"ano", "anio", "ano eje", "ano de ejecucion", "year", "periodo"}
DATE_TITLES = {"fecha de la consulta", "fecha de consulta", "fecha consulta", "fecha de actualizacion",
               "actualizado al", "fecha"}
# Columns holding a bare code next to a name-only label (real export: UBI_DPTO beside "Amazonas").
CODE_TITLES = {"ubi dpto": "departamento", "ubigeo": "departamento", "cod dpto": "departamento"}

LABEL_RE = re.compile(r"^\s*([0-9A-Za-z][0-9A-Za-z\-\.]*)\s*:\s*(.*)$")


def generic_level(title: str) -> str:
    """A column title the portal may add that we do not know: kept as its own level, named by it."""
    return re.sub(r"[^a-z0-9]+", "_", ascii_fold(title).lower()).strip("_") or "nivel_sin_nombre"


def split_label(text: str) -> tuple[str | None, str]:
    """ "0101: CHACHAPOYAS" -> ("0101", "CHACHAPOYAS"); a label with no code -> (None, text)."""
    m = LABEL_RE.match(text)
    if not m:
        return None, re.sub(r"\s+", " ", text).strip()
    return m.group(1), re.sub(r"\s+", " ", m.group(2)).strip()


def label_key(level: str, code: str) -> str:
    """The key a label's code is summed under. An executing unit is printed "EJECUTORA-SEC_EJEC"
    ("005-1428"): SEC_EJEC is the unit's number in MEF Gasto files, so it is the key. A
    municipality keeps its whole "UBIGEO-SEC_EJEC" code (its ubigeo places it on Regiones)."""
    if level == "ejecutora" and "-" in code:
        return code.rsplit("-", 1)[1]
    return code


def match_key(level: str, key: str) -> str:
    """A key as both sources can agree on it: a municipality by its SEC_EJEC, and numeric codes
    without leading zeros (the portal prints pliego "040" where a Gasto file may have "40")."""
    if level == "municipalidad" and "-" in key:
        key = key.rsplit("-", 1)[1]
    key = key.strip().upper()
    return key.lstrip("0") or "0" if key.isdigit() else key
