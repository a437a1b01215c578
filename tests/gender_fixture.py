"""A small hand-built budget and rule set for the gender classification tests.

Every amount is chosen so the expected totals can be written by hand in the tests.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import fixtures

from domain.gender_rules import FIELDS

SMN = dict(PROGRAMA_PPTO="0002", PROGRAMA_PPTO_NOMBRE="SALUD MATERNO NEONATAL", PLIEGO="135",
           PLIEGO_NOMBRE="SEGURO INTEGRAL DE SALUD", SEC_EJEC="1091", EJECUTORA_NOMBRE="SEGURO INTEGRAL DE SALUD",
           PRODUCTO_PROYECTO="3033172", PRODUCTO_PROYECTO_NOMBRE="ATENCION PRENATAL REENFOCADA",
           ACTIVIDAD_ACCION_OBRA="5000043", ACTIVIDAD_ACCION_OBRA_NOMBRE="ATENCION PRENATAL REENFOCADA A GESTANTES",
           FUNCION="20", FUNCION_NOMBRE="SALUD")
MUNI = dict(NIVEL_GOBIERNO="M", NIVEL_GOBIERNO_NOMBRE="GOBIERNOS LOCALES", SECTOR="98",
            SECTOR_NOMBRE="GOBIERNOS LOCALES", PLIEGO="301", PLIEGO_NOMBRE="MUNICIPALIDADES DEL DEPARTAMENTO DE AMAZONAS",
            SEC_EJEC="300001", EJECUTORA_NOMBRE="MUNICIPALIDAD PROVINCIAL DE CHACHAPOYAS", PROGRAMA_PPTO="9002",
            PROGRAMA_PPTO_NOMBRE="ASIGNACIONES PRESUPUESTARIAS QUE NO RESULTAN EN PRODUCTOS",
            PRODUCTO_PROYECTO="3999999", PRODUCTO_PROYECTO_NOMBRE="SIN PRODUCTO", FUNCION="23")
JUNTOS_UNIT = dict(SEC_EJEC="1428", EJECUTORA_NOMBRE="PROGRAMA NACIONAL DE APOYO DIRECTO A LOS MAS POBRES - JUNTOS",
                   PLIEGO="001", PLIEGO_NOMBRE="PRESIDENCIA DEL CONSEJO DE MINISTROS")

# name -> (year, PIA, PIM, devengado, MEF columns). A = the base row of tests/fixtures.py: programa 0080
# LUCHA CONTRA LA VIOLENCIA FAMILIAR at executing unit 1232 (PNCVFS), actividad 5001631 (CEM).
LINES = {
    "A": (2010, "900", "1000", "350.50", {}),
    "B": (2010, "300", "400", "120.25", JUNTOS_UNIT),
    "C": (2010, "2000", "2500", "1800", SMN),
    "D": (2010, "800", "800", "700", dict(MUNI, ACTIVIDAD_ACCION_OBRA="5001103", ACTIVIDAD_ACCION_OBRA_NOMBRE="VASO DE LECHE")),
    "E": (2010, "100", "150", "40.10", dict(PROGRAMA_PPTO="0024", PROGRAMA_PPTO_NOMBRE="PREVENCION Y CONTROL DEL CANCER")),
    "F": (2012, "500", "600", "450", SMN),
    "G": (2010, "50", "60", "55", dict(MUNI, ACTIVIDAD_ACCION_OBRA="5001401", ACTIVIDAD_ACCION_OBRA_NOMBRE="SERENAZGO")),
}


def budget_rows(names=None) -> list[dict]:
    rows = []
    for name in names or LINES:
        year, pia, pim, dev, keys = LINES[name]
        rows += fixtures.march_line(year, pia, pim, dev, **keys)
    return rows


def key_of(name: str) -> tuple:
    """(fiscal_year, programa, sec_ejec, actividad) of a fixture line."""
    year, _, _, _, keys = LINES[name]
    base = fixtures.BASE_ROW
    return (year, keys.get("PROGRAMA_PPTO", base["PROGRAMA_PPTO"]), keys.get("SEC_EJEC", base["SEC_EJEC"]),
            keys.get("ACTIVIDAD_ACCION_OBRA", base["ACTIVIDAD_ACCION_OBRA"]))


def _rule(id, category, marker, weight, lio="no_relacionado", **cond) -> dict:
    return {"id": id, **cond, "category": category, "marker": marker, "weight": weight, "lio_line": lio,
            "rationale": f"test rule {id}", "source": "tests/gender_fixture.py", "author": "tests",
            "date": "2026-11-27"}


# Expected winners: A -> R-VIOL (4 beats R-0080 2 and R-NAME 1), B -> R-0080 (2 beats R-NAME 1),
# C -> R-SMN-OLD (2010), F -> R-SMN-NEW (2012), D -> R-VASO (3 beats R-9002 2), G -> R-9002, E -> none.
BASE_RULES = [
    _rule("R-VIOL", "especifico", 2, 100, "violencia", programa="0080", sec_ejec="1232"),
    _rule("R-0080", "general", 1, 40, "violencia", programa="0080"),
    _rule("R-NAME", "especifico", 2, 100, "violencia", programa_name="violencia"),
    _rule("R-SMN-OLD", "especifico", 2, 100, "salud", programa_name="materno neonatal", year_to=2011),
    _rule("R-SMN-NEW", "general", 1, "33.33", "salud", programa="0002", year_from=2012),
    _rule("R-VASO", "general", 1, 50, "proteccion_inclusion_social", programa="9002", actividad_name="vaso de leche"),
    _rule("R-9002", "general", 0, 0, programa="9002"),
]
EXPECTED_RULE = {"A": "R-VIOL", "B": "R-0080", "C": "R-SMN-OLD", "D": "R-VASO", "E": "sin_revisar",
                 "F": "R-SMN-NEW", "G": "R-9002"}


def rules_text(rules: list[dict], extra_columns: tuple[str, ...] = ()) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(FIELDS) + list(extra_columns), lineterminator="\n")
    w.writeheader()
    for r in rules:
        w.writerow(r)
    return buf.getvalue()


def write_rules(path: Path, rules: list[dict] | None = None, **kw) -> Path:
    path.write_text(rules_text(BASE_RULES if rules is None else rules, **kw), encoding="utf-8")
    return path


def edited(rule_id: str, **changes) -> list[dict]:
    """BASE_RULES with one rule's fields changed (None removes the rule)."""
    out = []
    for r in BASE_RULES:
        if r["id"] == rule_id:
            if changes.get("_remove"):
                continue
            r = {**r, **changes}
        out.append(r)
    return out
