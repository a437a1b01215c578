"""Department lists: a two-column extract (code, name) of MEF's DEPARTAMENTO_META.

Such extracts circulate as Parquet or CSV (e.g. the distinct departments of a year's file).
Loading one checks every code against the INEI codes the store uses, which is how we know a
source's geography joins ours; the names are kept as that source's labels.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from domain.codes import DEPARTMENTS
from domain.errors import LoadRefused

CODE_RE = re.compile(r"^\d{1,2}$")


@dataclass
class DepartmentList:
    rows: list[tuple[int, str, str]]   # (line, code, name)


def _esc(path: Path) -> str:
    return str(path).replace("'", "''")


def read_department_list(path: Path) -> DepartmentList:
    name = path.name
    if not path.exists():
        raise LoadRefused(name, "file not found")
    if path.stat().st_size == 0:
        raise LoadRefused(name, "empty file (0 bytes)")
    try:
        rel = duckdb.sql(f"SELECT * FROM read_parquet('{_esc(path)}')")
        columns = rel.columns
        values = rel.fetchall()
    except duckdb.Error as exc:
        raise LoadRefused(name, f"unreadable Parquet file ({str(exc).splitlines()[0]})") from None
    if len(columns) != 2:
        raise LoadRefused(name, f"a department list has two columns (code, name); this has {len(columns)}")
    code_idx = next((i for i, c in enumerate(columns) if "cod" in c.lower()), 0)
    name_idx = 1 - code_idx
    if not values:
        raise LoadRefused(name, "no rows")
    rows = []
    for line, rec in enumerate(values, start=1):
        code = "" if rec[code_idx] is None else str(rec[code_idx]).strip()
        if not CODE_RE.match(code) or code.zfill(2) not in DEPARTMENTS:
            raise LoadRefused(name, f"unknown department code {code!r} (INEI 01-25 or 98)", line=line,
                              column=columns[code_idx])
        rows.append((line, code.zfill(2), str(rec[name_idx] or "").strip()))
    return DepartmentList(rows)
