"""Results indicators (data/indicators/): values by department, programme -> indicator links and
the target populations (children 0-4, women 15-49) that spending per person divides by.

Two ways in, one checker: `python -m etl reference` seeds the curated files with the other
reference data (etl/reference.py), and `python -m etl indicators FILE` loads a table officials
keep in the same long format. A value replaces the one with the same key (indicator, method,
department, area, year); every other value stays. A bad row refuses the whole file; nothing in
the store changes. The method is part of the key, so two methods never become one series.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import sqlalchemy as sa

from domain.codes import DEPARTMENTS, FIRST_FACT_YEAR, LAST_YEAR, NATIONAL
from domain.errors import LoadRefused
from domain.indicators import AREAS, EXTRA_AREAS
from domain.text import fold
from etl.curated_csv import read_rows
from etl.publish import Writer, Written, publish_once
from etl.result import LoadResult, run_load
from settings import PROJECT_ROOT, Settings, get_settings
from store.schema import indicator_link, indicator_value, population_group

INDICATORS_DIR = PROJECT_ROOT / "data" / "indicators"
FORMAT = "indicators"
HEADER = ("indicator", "method", "department", "area", "year", "value", "unit", "lower_is_better",
          "referential", "source", "source_table")
LINK_HEADER = ("kind", "target", "name_pattern", "first_year", "last_year", "indicator", "reason")
GROUP_HEADER = ("year", "department", "group", "population")
CURATED = ("indicators.csv", "links.csv", "population_groups.csv")      # in INDICATORS_DIR
DEPARTMENT_CODES = {*(k for k in DEPARTMENTS if k != "98"), NATIONAL, *EXTRA_AREAS}
GROUP_DEPARTMENTS = ("00", *(f"{i:02d}" for i in range(1, 26)))   # as population.csv: 00 = national
TARGET_GROUPS = ("children_0_4", "women_15_49")
BOOLEAN = {"true": True, "false": False}
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass
class Staged:
    name: str
    sha256: str
    rows: list[dict]


def _rows(path: Path, header: tuple[str, ...]) -> tuple[str, bytes, list[tuple[int, dict]]]:
    raw, rows = read_rows(path, header)
    return path.name, raw, rows


def _year(name: str, line: int, rec: dict, column: str) -> int:
    text = rec[column]
    if not re.fullmatch(r"\d{4}", text) or not FIRST_FACT_YEAR <= int(text) <= LAST_YEAR:
        raise LoadRefused(name, f"{column} {text!r} is not a year {FIRST_FACT_YEAR}-{LAST_YEAR}", line=line,
                          column=column)
    return int(text)


def _duplicate(name: str, seen: dict, key: tuple, line: int) -> None:
    if key in seen:
        raise LoadRefused(name, f"duplicate of line {seen[key]} (same {', '.join(map(str, key))})", line=line)
    seen[key] = line


def read_indicators(path: Path | str) -> Staged:
    """Check every row of a long-format indicator file; the first bad row refuses the file."""
    name, raw, rows = _rows(Path(path), HEADER)
    out, seen = [], {}
    for line, rec in rows:
        if not _ID.match(rec["indicator"]):
            raise LoadRefused(name, f"indicator {rec['indicator']!r} is not an id (lower case, digits, _)",
                              line=line, column="indicator")
        if rec["department"] not in DEPARTMENT_CODES:
            raise LoadRefused(name, f"department {rec['department']!r} is not a code 01-25, {NATIONAL} (national), "
                                    f"LM or LR (Lima's halves)", line=line, column="department")
        if rec["area"] not in AREAS:
            raise LoadRefused(name, f"area {rec['area']!r} is not one of {', '.join(AREAS)}", line=line, column="area")
        year = _year(name, line, rec, "year")
        try:
            value = Decimal(rec["value"])
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite():
            raise LoadRefused(name, f"value {rec['value']!r} is not a number (use . as decimal point, no "
                                    f"thousands separator)", line=line, column="value")
        for col, allowed in (("lower_is_better", {"true", "false", ""}), ("referential", {"true", "false"})):
            if rec[col] not in allowed:
                raise LoadRefused(name, f"{col} {rec[col]!r} is not {' or '.join(repr(a) for a in sorted(allowed))}",
                                  line=line, column=col)
        for col in ("unit", "source"):
            if not rec[col]:
                raise LoadRefused(name, f"{col} is empty: every value says its {col}", line=line, column=col)
        key = (rec["indicator"], rec["method"], rec["department"], rec["area"], year)
        _duplicate(name, seen, key, line)
        out.append({"indicator": rec["indicator"], "method": rec["method"], "department": rec["department"],
                    "area": rec["area"], "year": year, "value": value, "unit": rec["unit"],
                    "lower_is_better": BOOLEAN.get(rec["lower_is_better"]), "referential": BOOLEAN[rec["referential"]],
                    "source": rec["source"], "source_table": rec["source_table"]})
    return Staged(name, hashlib.sha256(raw).hexdigest(), out)


def read_links(path: Path | str) -> Staged:
    name, raw, rows = _rows(Path(path), LINK_HEADER)
    out, seen = [], {}
    for line, rec in rows:
        if rec["kind"] not in ("programme", "network"):
            raise LoadRefused(name, f"kind {rec['kind']!r} is not programme or network", line=line, column="kind")
        if rec["kind"] == "programme" and not re.fullmatch(r"\d{4}", rec["target"]):
            raise LoadRefused(name, f"programme code {rec['target']!r} is not 4 digits", line=line, column="target")
        if rec["kind"] == "network" and not _ID.match(rec["target"]):
            raise LoadRefused(name, f"network programme {rec['target']!r} is not an id", line=line, column="target")
        if not _ID.match(rec["indicator"]):
            raise LoadRefused(name, f"indicator {rec['indicator']!r} is not an id", line=line, column="indicator")
        first, last = _year(name, line, rec, "first_year"), _year(name, line, rec, "last_year")
        if last < first:
            raise LoadRefused(name, f"last_year {last} is before first_year {first}", line=line, column="last_year")
        if not rec["reason"]:
            raise LoadRefused(name, "reason is empty: every link says why", line=line, column="reason")
        _duplicate(name, seen, (rec["kind"], rec["target"], rec["indicator"], first), line)
        out.append({"kind": rec["kind"], "target": rec["target"], "indicator": rec["indicator"], "first_year": first,
                    "last_year": last, "name_pattern": fold(rec["name_pattern"]).upper(), "reason": rec["reason"]})
    return Staged(name, hashlib.sha256(raw).hexdigest(), out)


def read_groups(path: Path | str) -> Staged:
    """Target populations; the departments must add up to the national figure."""
    name, raw, rows = _rows(Path(path), GROUP_HEADER)
    out, seen = [], {}
    for line, rec in rows:
        year = _year(name, line, rec, "year")
        if rec["department"] not in GROUP_DEPARTMENTS:
            raise LoadRefused(name, f"department {rec['department']!r} is not 00 (national) or 01-25", line=line,
                              column="department")
        if rec["group"] not in TARGET_GROUPS:
            raise LoadRefused(name, f"group {rec['group']!r} is not one of {', '.join(TARGET_GROUPS)}", line=line,
                              column="group")
        if not rec["population"].isdigit():
            raise LoadRefused(name, f"population {rec['population']!r} is not a whole number >= 0", line=line,
                              column="population")
        _duplicate(name, seen, (year, rec["department"], rec["group"]), line)
        out.append({"year": year, "department": rec["department"], "group_name": rec["group"],
                    "population": int(rec["population"])})
    by = {(r["year"], r["department"], r["group_name"]): r["population"] for r in out}
    for (year, dept, group), value in sorted(by.items()):
        if dept == "00":
            parts = [by.get((year, d, group)) for d in GROUP_DEPARTMENTS[1:]]
            if all(p is not None for p in parts) and sum(parts) != value:
                raise LoadRefused(name, f"{year} {group}: the 25 departments add up to {sum(parts):,}, not the "
                                        f"national {value:,}")
    return Staged(name, hashlib.sha256(raw).hexdigest(), out)


def write_values(staged: Staged, conn: sa.Connection, load_id: int) -> Written:
    """Upsert by key: the file's values replace those with the same key; the rest stay."""
    t = indicator_value.c
    series: dict[tuple, list[int]] = {}
    for r in staged.rows:
        series.setdefault((r["indicator"], r["method"], r["department"], r["area"]), []).append(r["year"])
    for (ind, method, dept, area), years in sorted(series.items()):
        conn.execute(indicator_value.delete().where(t.indicator == ind, t.method == method, t.department == dept,
                                                    t.area == area, t.year.in_(years)))
    conn.execute(indicator_value.insert(), [{**r, "load_id": load_id} for r in staged.rows])
    years = sorted({r["year"] for r in staged.rows})
    inds = sorted({r["indicator"] for r in staged.rows})
    return Written(f"{FORMAT}:{staged.name}", len(staged.rows), years=years, fiscal_years=False,
                   note=f"{len(inds)} indicators, {years[0]}-{years[-1]}")


def write_links(staged: Staged, conn: sa.Connection, load_id: int) -> Written:
    """The curated links replace every link (they are one list, kept in one file)."""
    conn.execute(indicator_link.delete())
    conn.execute(indicator_link.insert(), [{**r, "load_id": load_id} for r in staged.rows])
    return Written(f"{FORMAT}:links", len(staged.rows), fiscal_years=False, note=f"{len(staged.rows)} links")


def write_groups(staged: Staged, conn: sa.Connection, load_id: int) -> Written:
    conn.execute(population_group.delete())
    conn.execute(population_group.insert(), [{**r, "load_id": load_id} for r in staged.rows])
    years = sorted({r["year"] for r in staged.rows})
    return Written(f"{FORMAT}:population_groups", len(staged.rows), years=years, fiscal_years=False,
                   note=f"population groups {years[0]}-{years[-1]}")


def stage_curated(folder: Path = INDICATORS_DIR) -> list[tuple[Staged, object]]:
    """The three curated files with their writers, for etl.reference.seed."""
    readers = (read_indicators, read_links, read_groups)
    writers = (write_values, write_links, write_groups)
    return [(read(folder / name), write) for name, read, write in zip(CURATED, readers, writers)]


def load_indicators(path: Path | str, *, settings: Settings | None = None) -> LoadResult:
    """`python -m etl indicators FILE`: never raises for bad input (status 'refused' with the reason)."""
    s = settings or get_settings()
    path = Path(path)

    def body(started) -> LoadResult:
        staged = read_indicators(path)

        def prepare() -> Writer:
            return lambda conn, load_id: write_values(staged, conn, load_id)

        return publish_once(path.name, staged.sha256, FORMAT, s, started, prepare)

    return run_load(path, s, body)


def add_indicators_command(sub) -> None:
    """`python -m etl indicators FILE...`: officials' indicator tables, in the curated long format."""
    ip = sub.add_parser("indicators", help="load results-indicator tables (long format, see data/indicators/SOURCES.md)")
    ip.add_argument("files", nargs="+", type=Path)
    ip.set_defaults(func=_cmd_indicators)


def _cmd_indicators(args) -> int:
    from etl.result import print_result
    status = 0
    for f in args.files:
        r = load_indicators(f)
        status |= print_result(r, f", {r.rows_loaded:,} values")
    return status
