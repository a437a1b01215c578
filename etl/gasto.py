"""Stage a MEF Gasto CSV: validate every row and sum it to the store's grain, in DuckDB.

DuckDB's CSV reader streams the file with a memory cap and spills to disk, which keeps a
6 GB year within bounded memory and near the speed of a raw scan. Typed columns do the
validation: a value that does not cast (an amount that is not a number, an unknown
department, level or month) becomes a reject with its line number instead of a load error.
"""
from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field

import duckdb

from domain.codes import DEPARTMENTS, FIRST_BUDGET_YEAR, LAST_YEAR, LEVELS
from domain.errors import LoadRefused
from domain.mef_format import (
    AMOUNT_COLUMNS,
    COLUMN_ALIASES,
    GASTO_COLUMNS,
    GRAIN,
    REQUIRED_COLUMNS,
)
from etl.errors import Reject
from etl.progress import run_with_progress
from etl.source_file import SourceFile

YEARS = [str(y) for y in range(FIRST_BUDGET_YEAR, LAST_YEAR + 1)]
MONTHS = [str(m) for m in range(13)] + [f"{m:02d}" for m in range(10)]

# The check each typed column makes, for the reject report (DuckDB only says "cast failed").
ENUM_TYPES = {
    "ANO_EJE": ("gsb_year", YEARS, f"fiscal year must be {FIRST_BUDGET_YEAR}-{LAST_YEAR}"),
    "MES_EJE": ("gsb_month", MONTHS, "month must be 0-12"),
    "NIVEL_GOBIERNO": ("gsb_level", list(LEVELS), "level of government must be E, R or M"),
    "DEPARTAMENTO_META": ("gsb_dept", list(DEPARTMENTS), "unknown department code (INEI 01-25 or 98)"),
}
AMOUNT_SOURCES = {src for _, src in AMOUNT_COLUMNS}
AMOUNT_RE = re.compile(r"^-?\d{1,16}(\.\d{1,2})?$")


@dataclass
class StagedGasto:
    source: SourceFile
    years: list[int]
    rows_loaded: int
    rows_rejected: int = 0              # distinct rejected lines
    rejects: list[Reject] = field(default_factory=list)


def map_header(header: list[str], name: str) -> dict[str, str]:
    """Source column -> canonical name; refuse files that are not MEF Gasto CSVs."""
    names = [COLUMN_ALIASES.get(col.strip().upper(), col.strip().upper()) for col in header]   # per position
    present = set(names)
    if not present & set(GASTO_COLUMNS):
        raise LoadRefused(name, "not a MEF Gasto CSV: the header has none of MEF's column names "
                                f"(first field: {header[0][:40]!r})", line=1)
    missing = [c for c in REQUIRED_COLUMNS if c not in present]
    if missing:
        raise LoadRefused(name, f"required column missing: {', '.join(missing)}", line=1,
                          column=missing[0])
    dupes = sorted(c for c, n in Counter(names).items() if n > 1)
    if dupes:
        raise LoadRefused(name, f"column appears twice: {', '.join(dupes)}", line=1)
    return dict(zip(header, names))


def _sql_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _column_types(header: list[str], canonical: dict[str, str]) -> dict[str, str]:
    types = {}
    for col in header:
        canon = canonical[col]
        if canon in ENUM_TYPES:
            types[col] = ENUM_TYPES[canon][0]
        elif canon in AMOUNT_SOURCES:
            types[col] = "DECIMAL(18,2)"
        else:
            types[col] = "VARCHAR"
    return types


def _q(col: str) -> str:
    return '"' + col.replace('"', '""') + '"'


def stage(src: SourceFile, con: duckdb.DuckDBPyConnection, *, progress: bool = False) -> StagedGasto:
    """Fill table `agg` (grain + names + amounts + n) in `con`; collect rejects."""
    name = src.path.name
    canonical = map_header(src.header, name)
    if not src.has_body:
        raise LoadRefused(name, "no data rows: the file holds only a header")
    by_canon = {v: k for k, v in canonical.items()}
    for type_name, values, _ in ENUM_TYPES.values():
        con.execute(f"CREATE TYPE {type_name} AS ENUM ({', '.join(_sql_str(v) for v in values)})")
    types = _column_types(src.header, canonical)
    columns_sql = "{" + ", ".join(f"{_sql_str(c)}: {_sql_str(t)}" for c, t in types.items()) + "}"
    sql = _aggregate_sql(src, columns_sql, by_canon, src.encoding)
    _scan(con, sql, src, progress)
    if src.encoding == "utf-8" and con.execute(
            "SELECT count(*) FROM gsb_rejects WHERE error_type = 'INVALID ENCODING'").fetchone()[0]:
        # Older MEF files are latin-1: scan again with that encoding (every byte decodes).
        src.encoding = "latin-1"
        con.execute("DROP TABLE agg; DROP TABLE IF EXISTS gsb_rejects; DROP TABLE IF EXISTS gsb_reject_scans")
        _scan(con, _aggregate_sql(src, columns_sql, by_canon, "latin-1"), src, progress)

    rejected, last_rejected = con.execute("SELECT count(DISTINCT line), max(line) FROM gsb_rejects").fetchone()
    if not src.ends_with_newline and rejected and _is_cut_row(src.last_line, len(src.header)):
        raise LoadRefused(name, "truncated: the last line is incomplete (the file ends mid-row)",
                          line=int(last_rejected))
    loaded = con.execute("SELECT coalesce(sum(n), 0) FROM agg").fetchone()[0]
    if loaded == 0:
        if rejected:
            # Only the first reject is reported: explain that one, not every line of the file.
            first = _collect_rejects(con, src, canonical, types, first_only=True)[0]
            raise LoadRefused(name, f"no valid rows: all {rejected} data rows were "
                                    f"rejected (first: {first.reason})", line=first.line, column=first.column)
        raise LoadRefused(name, "no data rows: the file holds only a header")
    years = [r[0] for r in con.execute("SELECT DISTINCT fiscal_year FROM agg ORDER BY 1").fetchall()]
    rejects = _collect_rejects(con, src, canonical, types) if rejected else []
    return StagedGasto(source=src, years=years, rows_loaded=int(loaded), rows_rejected=int(rejected),
                       rejects=rejects)


def _aggregate_sql(src: SourceFile, columns_sql: str, by_canon: dict[str, str], encoding: str) -> str:
    """Two statements: the scan groups on the typed columns as read (no per-row casts: they cost
    about a sixth of the scan), then a small second pass over the groups makes the store's keys
    (codes as text, '' for none; months '1' and '01' are one month) and merges what they join."""
    reader = (
        f"read_csv({_sql_str(str(src.csv_path))}, header=true, auto_detect=false, delim=',', quote='\"', "
        f"escape='\"', columns={columns_sql}, encoding={_sql_str(encoding)}, strict_mode=true, "
        f"allow_quoted_nulls=false, nullstr='\\x01', store_rejects=true, "
        f"rejects_table='gsb_rejects', rejects_scan='gsb_reject_scans', max_line_size=1048576)"
    )
    keys = [("fiscal_year", "ANO_EJE"), ("month", "MES_EJE"), *((col, src_code) for col, src_code, _ in GRAIN)]
    raw = [f"{_q(by_canon[src_col])} AS {col}" for col, src_col in keys]
    raw += [f"any_value({_q(by_canon[src_name])}) AS {col}__name" if src_name in by_canon
            else f"CAST(NULL AS VARCHAR) AS {col}__name" for col, _, src_name in GRAIN]
    raw += [f"sum({_q(by_canon[src_amount])}) AS {col}" for col, src_amount in AMOUNT_COLUMNS]
    raw.append("count(*) AS n")
    groups = ", ".join(str(i) for i in range(1, len(keys) + 1))
    final = ["CAST(CAST(fiscal_year AS VARCHAR) AS SMALLINT) AS fiscal_year",
             "CAST(CAST(month AS VARCHAR) AS SMALLINT) AS month"]
    final += [f"coalesce(CAST({col} AS VARCHAR), '') AS {col}" for col, _, _ in GRAIN]
    final += [f"any_value({col}__name) AS {col}__name" for col, _, _ in GRAIN]
    final += [f"sum({col}) AS {col}" for col, _ in AMOUNT_COLUMNS]
    final.append("sum(n) AS n")
    return (f"CREATE TEMP TABLE agg_raw AS SELECT {', '.join(raw)} FROM {reader} GROUP BY {groups};\n"
            f"CREATE TABLE agg AS SELECT {', '.join(final)} FROM agg_raw GROUP BY {groups};\n"
            "DROP TABLE agg_raw")


def _scan(con, sql: str, src: SourceFile, progress: bool) -> None:
    try:
        run_with_progress(con, sql, total_rows=src.est_rows, label=src.path.name, enabled=progress)
    except duckdb.Error as exc:
        raise LoadRefused(src.path.name, f"unreadable as CSV: {str(exc).splitlines()[0]}") from None


def _is_cut_row(last_line: str, n_fields: int) -> bool:
    """A final row without a newline that does not parse into a full record was cut short."""
    try:
        fields = next(csv.reader(io.StringIO(last_line), strict=True))
    except (csv.Error, StopIteration):
        return True
    return len(fields) != n_fields or last_line.count('"') % 2 == 1


def _collect_rejects(con, src: SourceFile, canonical: dict[str, str], types: dict[str, str], *,
                     first_only: bool = False) -> list[Reject]:
    """One reject per bad field; the reason comes from our own check of the raw value.

    first_only: just the first rejected line's (when nothing loaded, only it is reported)."""
    rows = con.execute(
        "SELECT line, column_name, error_type, csv_line, error_message FROM gsb_rejects ORDER BY line, column_idx"
        + (" LIMIT 1" if first_only else "")
    ).fetchall()
    out: list[Reject] = []
    seen_lines: set[int] = set()
    for line, column, error_type, csv_line, message in rows:
        line = int(line)
        if line in seen_lines:
            continue
        seen_lines.add(line)
        raw = (csv_line or "").strip("\r\n")
        found = _explain(raw, src.header, canonical, types)
        if found:
            out.extend(Reject(line, c, v, r) for c, v, r in found)
        else:
            out.append(Reject(line, column or "", raw[:200], f"{error_type}: {str(message).splitlines()[0]}"))
    return out


def _explain(raw: str, header: list[str], canonical: dict[str, str], types: dict[str, str]):
    """Re-check a rejected line field by field; None when it cannot be parsed alone."""
    try:
        fields = next(csv.reader(io.StringIO(raw), strict=True))
    except (csv.Error, StopIteration):
        return [("", raw[:200], "malformed CSV row (unbalanced quotes)")]
    if len(fields) != len(header):
        return [("", raw[:200], f"expected {len(header)} fields, found {len(fields)}")]
    problems = []
    for col, value in zip(header, fields):
        canon = canonical[col]
        if canon in ENUM_TYPES:
            _, allowed, reason = ENUM_TYPES[canon]
            if value not in allowed:
                problems.append((col, value, reason))
        elif canon in AMOUNT_SOURCES:
            if not AMOUNT_RE.match(value):
                problems.append((col, value, "amount is not a number with '.' decimals and no thousands separator"))
    return problems or None

