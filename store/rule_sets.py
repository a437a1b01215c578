"""Reads for the gender classification: the keys and names rules test, and stored rule sets.

Shared by the classifier (etl/classify.py), which writes line_class from them, and the
rule-diff read (store/gender.py), which previews an edit with the same `match`
(domain/gender_rules.py) on the same keys.
"""
from __future__ import annotations

import io

import pyarrow as pa
import pyarrow.csv as pacsv
import sqlalchemy as sa

from domain.codes import MAIN_STAGES
from domain.gender import MATCH_DIMENSIONS
from domain.gender_rules import Rule, build_rules
from domain.text import fold
from store.schema import (
    LINE_CLASS_KEYS,
    budget_line,
    code_name,
    gender_rule,
    gender_rule_set,
)


def fetch_arrow(conn: sa.Connection, stmt, types: dict[str, pa.DataType]) -> pa.Table:
    """Run a Core select and return Arrow: DuckDB hands Arrow over, PostgreSQL streams COPY CSV."""
    sql = str(stmt.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
    raw = conn.connection.driver_connection
    if conn.dialect.name == "duckdb":
        table = raw.sql(sql).to_arrow_table()
    else:
        buf = io.BytesIO()
        with raw.cursor() as cur:
            with cur.copy(f"COPY ({sql}) TO STDOUT (FORMAT csv, HEADER)") as copy:
                for chunk in copy:
                    buf.write(chunk)
        buf.seek(0)
        table = pacsv.read_csv(buf, convert_options=pacsv.ConvertOptions(
            column_types=types, strings_can_be_null=False, quoted_strings_can_be_null=False))
    return table.cast(pa.schema([(name, types[name]) for name in table.column_names]))


KEY_TYPES = {"fiscal_year": pa.int16(), "nivel_gobierno": pa.string(), **{d: pa.string() for d in MATCH_DIMENSIONS}}
SUM_TYPES = {"lines": pa.int64(), **{c: pa.decimal128(38, 2) for c in MAIN_STAGES}}


def fetch_keys(conn: sa.Connection, years: list[int] | None = None) -> pa.Table:
    """The distinct LINE_CLASS_KEYS of budget_line, with their line count and PIA, PIM, devengado."""
    b = budget_line
    cols = [b.c[k] for k in LINE_CLASS_KEYS]
    sums = [sa.func.count().label("lines"), *[sa.func.sum(b.c[c]).label(c) for c in MAIN_STAGES]]
    stmt = sa.select(*cols, *sums).group_by(*cols)
    if years is not None:
        stmt = stmt.where(b.c.fiscal_year.in_([int(y) for y in years]))
    return fetch_arrow(conn, stmt, {**KEY_TYPES, **SUM_TYPES})


def fetch_names(conn: sa.Connection, years: list[int] | None = None) -> dict[str, dict[tuple[int, str], str]]:
    """dimension -> {(fiscal_year, code): name without accents} for the columns rules test."""
    n = code_name
    stmt = sa.select(n.c.fiscal_year, n.c.dimension, n.c.code, n.c.name).where(n.c.dimension.in_(MATCH_DIMENSIONS))
    if years is not None:
        stmt = stmt.where(n.c.fiscal_year.in_([int(y) for y in years]))
    out: dict[str, dict[tuple[int, str], str]] = {d: {} for d in MATCH_DIMENSIONS}
    for year, dim, code, name in conn.execute(stmt):
        out[dim][(int(year), code)] = fold(name or "")
    return out




def rows(conn: sa.Connection, stmt) -> list:
    """Every row, fetched: DuckDB refuses an Arrow query while an earlier result is still open."""
    return conn.execute(stmt).fetchall()


def active_rule_set_id(conn: sa.Connection) -> int | None:
    found = rows(conn, sa.select(gender_rule_set.c.id).where(gender_rule_set.c.active.is_(True)))
    return int(found[0][0]) if found else None


def rules_of(conn: sa.Connection, rule_set_id: int) -> tuple[Rule, ...]:
    """A stored version's rules, validated again by the same code that read the file."""
    g = gender_rule
    stored = conn.execute(sa.select(g).where(g.c.rule_set_id == rule_set_id).order_by(g.c.line)).mappings().all()
    records = []
    for row in stored:
        rec = {k: ("" if v is None else str(v)) for k, v in row.items()}
        rec["id"] = rec.pop("rule_id")
        records.append((int(row["line"]), rec))
    return build_rules(records, f"rule set {rule_set_id}")


