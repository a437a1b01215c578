"""Table definitions (SQLAlchemy Core). Never reflected: duckdb-engine cannot reflect.

Grain of budget_line (see README "Grain"): one row per fiscal year x month x level x sector x
pliego x executing unit x programa x producto/proyecto x actividad x función/división/grupo x
department of the meta x fuente x genérica. META, FINALIDAD and the clasificador below
genérica are summed away: no page drills below genérica or below the department of the meta,
and dropping them shrinks a year from ~11 M source rows to a few million lines.
"""
from __future__ import annotations

import sqlalchemy as sa

from etl.mef_format import AMOUNTS, GRAIN

metadata = sa.MetaData()

MONEY = sa.Numeric(18, 2)
load_id_seq = sa.Sequence("load_history_id_seq", metadata=metadata)

load_history = sa.Table(
    "load_history", metadata,
    sa.Column("id", sa.Integer, load_id_seq, primary_key=True),
    sa.Column("file_name", sa.String, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("format", sa.String, nullable=False),         # mef_gasto | consulta_amigable
    sa.Column("scope", sa.String, nullable=False),          # what a newer file replaces
    sa.Column("breakdown", sa.String),                      # consulta_amigable: the export's rows
    sa.Column("fiscal_years", sa.String),                   # "2008,2009"
    sa.Column("rows_read", sa.BigInteger, nullable=False, default=0),
    sa.Column("rows_loaded", sa.BigInteger, nullable=False, default=0),
    sa.Column("rows_rejected", sa.BigInteger, nullable=False, default=0),
    sa.Column("started_at", sa.DateTime, nullable=False),
    sa.Column("finished_at", sa.DateTime),
    sa.Column("status", sa.String, nullable=False),         # loaded | replaced | refused
    sa.Column("message", sa.String),
    sa.Column("reject_report", sa.String),
    sa.Column("is_demo", sa.Boolean, nullable=False, default=False),
)

budget_line = sa.Table(
    "budget_line", metadata,
    sa.Column("load_id", sa.Integer, nullable=False),
    sa.Column("fiscal_year", sa.SmallInteger, nullable=False),
    sa.Column("month", sa.SmallInteger, nullable=False),     # 0 = opening (PIA/PIM) rows
    *[sa.Column(col, sa.String, nullable=False) for col, _, _ in GRAIN],
    *[sa.Column(col, MONEY, nullable=False) for col, _ in AMOUNTS],
)
sa.Index("ix_budget_line_year", budget_line.c.fiscal_year)

# Names per code per fiscal year: MEF renames units and programmes between years.
code_name = sa.Table(
    "code_name", metadata,
    sa.Column("fiscal_year", sa.SmallInteger, primary_key=True),
    sa.Column("dimension", sa.String, primary_key=True),    # a GRAIN column name
    sa.Column("code", sa.String, primary_key=True),
    sa.Column("name", sa.String, nullable=False),
)

# Consulta Amigable exports keep their own breakdown: they are not at the grain of budget_line.
CONSULTA_DIMENSIONS = (
    "nivel_gobierno", "sector", "pliego", "sec_ejec", "departamento_meta", "programa",
    "producto_proyecto", "actividad", "funcion", "division_funcional", "grupo_funcional",
    "fuente_financiamiento", "generica",
)
consulta_line = sa.Table(
    "consulta_line", metadata,
    sa.Column("load_id", sa.Integer, nullable=False),
    sa.Column("line", sa.Integer, nullable=False),           # row in the export (header = 1)
    sa.Column("fiscal_year", sa.SmallInteger, nullable=False),
    *[c for d in CONSULTA_DIMENSIONS for c in (sa.Column(d, sa.String), sa.Column(f"{d}_name", sa.String))],
    *[sa.Column(col, MONEY) for col, _ in AMOUNTS],
    sa.Column("avance_pct", sa.Numeric(7, 1)),
)

# Labels for department codes from two-column extracts (checked against the INEI codes).
department_list = sa.Table(
    "department_list", metadata,
    sa.Column("load_id", sa.Integer, nullable=False),
    sa.Column("code", sa.String(2), nullable=False),
    sa.Column("name", sa.String, nullable=False),
)

store_info = sa.Table(
    "store_info", metadata,
    sa.Column("key", sa.String, primary_key=True),
    sa.Column("value", sa.String, nullable=False),
)

SCHEMA_VERSION = "1"
