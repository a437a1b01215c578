"""Bring a store written by an older version of this code up to SCHEMA_VERSION.

Runs inside a write transaction (store.engine._prepare), so an upgrade that fails leaves the
store as it was, and readers see the old or the upgraded store, never a mix. Plain SQL that
DuckDB and PostgreSQL both accept; each step is tested on both (tests/test_store_migrations.py).
"""
from __future__ import annotations

import sqlalchemy as sa

from store.errors import SchemaMismatch
from store.schema import SCHEMA_VERSION, store_info


def _bilingual(table: str, old: str) -> list[str]:
    """`old` becomes old_es + old_en; both get the old (English) text until the curated file is
    reloaded with its translations (python -m etl upgrade does that)."""
    return [f"ALTER TABLE {table} ADD COLUMN {old}_es VARCHAR",
            f"ALTER TABLE {table} ADD COLUMN {old}_en VARCHAR",
            f"UPDATE {table} SET {old}_es = {old}, {old}_en = {old}",
            f"ALTER TABLE {table} DROP COLUMN {old}"]


# Consulta Amigable levels named as domain/consulta.py names them (before: budget_line columns).
_CONSULTA_RENAMES = (("departamento_meta", "departamento"), ("nivel_gobierno", "nivel"), ("sec_ejec", "ejecutora"),
                     ("producto_proyecto", "producto"), ("fuente_financiamiento", "fuente"))
_CONSULTA_WIDE = (("nivel_gobierno", "nivel"), ("sector", "sector"), ("pliego", "pliego"), ("sec_ejec", "ejecutora"),
                  ("departamento_meta", "departamento"), ("programa", "programa"), ("producto_proyecto", "producto"),
                  ("actividad", "actividad"), ("funcion", "funcion"), ("division_funcional", "division_funcional"),
                  ("grupo_funcional", "grupo_funcional"), ("fuente_financiamiento", "fuente"),
                  ("generica", "generica"))


def _renamed(expr: str) -> str:
    for old, new in _CONSULTA_RENAMES:
        expr = f"replace({expr}, '{old}', '{new}')"
    return expr


def _consulta_labels() -> list[str]:
    """Exports loaded before any breakdown was kept (consulta_label, consulta_export, new tables):
    their labels from consulta_line's wide columns, their breakdown in today's level names."""
    return [*[f"INSERT INTO consulta_label (load_id, line, fiscal_year, depth, level, code, key, name) "
              f"SELECT load_id, line, fiscal_year, {i}, '{level}', {col}, {col}, {col}_name FROM consulta_line "
              f"WHERE {col} IS NOT NULL" for i, (col, level) in enumerate(_CONSULTA_WIDE)],
            f"UPDATE load_history SET breakdown = {_renamed('breakdown')}, scope = {_renamed('scope')} "
            "WHERE format = 'consulta_amigable'",
            "INSERT INTO consulta_export (load_id, levels) SELECT id, breakdown FROM load_history "
            "WHERE format = 'consulta_amigable' AND id IN (SELECT load_id FROM consulta_line)"]


# version reached -> the statements that reach it from the version before
STEPS: dict[str, list[str]] = {
    "2": [*_bilingual("programme", "institution"),
          *_bilingual("programme_fact", "what"),
          *_bilingual("programme_fact", "note"),
          "ALTER TABLE programme_fact ADD COLUMN contradicts VARCHAR",
          *_bilingual("programme_budget_link", "note")],
    "3": _consulta_labels(),
    # coverage years the source does not print (issue "Data truth"): stored figures were all dated
    "4": ["ALTER TABLE coverage ADD COLUMN year_inferred BOOLEAN NOT NULL DEFAULT FALSE",
          "ALTER TABLE programme ADD COLUMN share_note_es VARCHAR",
          "ALTER TABLE programme ADD COLUMN share_note_en VARCHAR",
          "ALTER TABLE programme ADD COLUMN name_added BOOLEAN NOT NULL DEFAULT FALSE"],
    # rules' rationale in English (rules/gender_rules.csv rationale_en); stored rule sets had none
    "5": ["ALTER TABLE gender_rule ADD COLUMN rationale_en VARCHAR"],
}
assert list(STEPS)[-1] == SCHEMA_VERSION, "add the migration step for the new SCHEMA_VERSION"


def stored_version(conn: sa.Connection) -> str | None:
    return conn.execute(sa.select(store_info.c.value).where(store_info.c.key == "schema_version")).scalar()


def upgrade(conn: sa.Connection) -> list[str]:
    """Apply the steps after the store's version; returns the versions reached (empty: current)."""
    found = stored_version(conn)
    if found is None or found == SCHEMA_VERSION:
        return []
    if int(found) > int(SCHEMA_VERSION):
        raise SchemaMismatch(found, SCHEMA_VERSION)
    done = []
    for version, statements in STEPS.items():
        if int(version) <= int(found):
            continue
        for sql in statements:
            conn.exec_driver_sql(sql)
        conn.execute(store_info.update().where(store_info.c.key == "schema_version").values(value=version))
        done.append(version)
    return done
