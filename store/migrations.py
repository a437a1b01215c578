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


# version reached -> the statements that reach it from the version before
STEPS: dict[str, list[str]] = {
    "2": [*_bilingual("programme", "institution"),
          *_bilingual("programme_fact", "what"),
          *_bilingual("programme_fact", "note"),
          "ALTER TABLE programme_fact ADD COLUMN contradicts VARCHAR",
          *_bilingual("programme_budget_link", "note")],
    # rules' rationale in English (rules/gender_rules.csv rationale_en); stored rule sets had none
    "3": ["ALTER TABLE gender_rule ADD COLUMN rationale_en VARCHAR"],
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
