"""The coverage table officials maintain: long form, CSV or XLSX (data/network/LOADING.md).

Columns: programme, year, department, sex, value, unit, source, note, optional year_inferred (Spanish headers
programa, año, departamento, sexo, valor, unidad, fuente, nota are accepted too).

Decisions:
- One bad row refuses the whole file. These files are small and hand-made, and a coverage
  table with some rows silently missing would show a programme reaching fewer people than
  it does. Every problem is listed in a reject report (file, line, column, value, reason);
  the message names the first one. The store is not touched.
- A file is the complete statement for each (programme, year) pair it contains: loading it
  replaces the coverage rows of those pairs and leaves other pairs alone. So officials can
  load one programme's new year without resending the report's figures, and a corrected
  file never leaves a stale row behind for the pairs it covers.
- The same content twice changes nothing (sha256, as for budget files).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import sqlalchemy as sa

from domain.codes import DEPARTMENTS, FIRST_COVERAGE_YEAR, LAST_YEAR, NATIONAL, SEXES
from domain.errors import LoadRefused
from etl import history
from etl.errors import Reject, write_reject_report
from etl.network import check_coverage_integrity
from etl.publish import Writer, Written, publish_once
from etl.result import LoadResult, run_load
from etl.spreadsheet import XLSX_SUFFIXES, norm, read_rows
from settings import Settings, get_settings
from store.engine import StoreMissing, read_engine
from store.schema import coverage, programme_fact

FORMAT = "coverage"
HEADER_SEARCH_ROWS = 10

COLUMNS = ("programme", "year", "department", "sex", "value", "unit", "source", "note", "year_inferred")
REQUIRED = COLUMNS[:-2]
# year_inferred: the source prints no year for the figure and the year is the curator's reading
# (docs/domain.md §7); optional, empty = no. Shown beside the year on the Red page.
YES_NO = {"true": True, "yes": True, "si": True, "sí": True, "1": True,
          "false": False, "no": False, "0": False, "": False}
HEADER_ALIASES = {
    "programme": "programme", "program": "programme", "programa": "programme",
    "year": "year", "ano": "year", "anio": "year",
    "department": "department", "departamento": "department",
    "sex": "sex", "sexo": "sex",
    "value": "value", "valor": "value",
    "unit": "unit", "unidad": "unit",
    "source": "source", "fuente": "source",
    "note": "note", "nota": "note", "notes": "note", "notas": "note",
    "year inferred": "year_inferred", "ano inferido": "year_inferred", "anio inferido": "year_inferred",
}
NUMBER_RE = re.compile(r"^-?\d+(\.\d+)?$")


@dataclass
class CoverageFile:
    file_name: str
    sha256: str
    rows: list[dict] = field(default_factory=list)     # rows for `coverage` (without load_id)
    problems: list[Reject] = field(default_factory=list)

    @property
    def pairs(self) -> dict[str, list[int]]:
        out: dict[str, set[int]] = {}
        for r in self.rows:
            out.setdefault(r["programme_id"], set()).add(r["year"])
        return {p: sorted(ys) for p, ys in sorted(out.items())}

    @property
    def years(self) -> list[int]:
        return sorted({r["year"] for r in self.rows})


def _cell(value) -> str:
    """A cell as the text the official typed (XLSX numbers: 2009.0 -> '2009')."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_coverage(path: Path | str) -> CoverageFile:
    """Parse and check everything that does not need the store; problems are collected, not raised.

    Raises LoadRefused for whole-file faults (missing, empty, undecodable, no header).
    """
    path = Path(path)
    name = path.name
    if not path.exists():
        raise LoadRefused(name, "file not found")
    raw = path.read_bytes()
    if not raw:
        raise LoadRefused(name, "empty file (0 bytes)")
    is_xlsx = path.suffix.lower() in XLSX_SUFFIXES
    if not is_xlsx and raw[:2] == b"PK":
        raise LoadRefused(name, "this is a ZIP/XLSX workbook with a .csv name: rename it to .xlsx")
    rows = read_rows(path, raw)
    out = CoverageFile(file_name=name, sha256=hashlib.sha256(raw).hexdigest())
    columns: dict[str, int] | None = None
    header_line = 0
    for line, row in rows:
        cells = [_cell(v) for v in row]
        if columns is None:
            if not any(cells):
                continue
            if "programme" not in {HEADER_ALIASES.get(norm(c)) for c in cells}:
                if line >= HEADER_SEARCH_ROWS:
                    break
                continue
            columns, header_line = _header(name, line, cells), line
            continue
        if not any(cells):
            continue
        width = columns["__width__"]
        if any(cells[width:]) or (not is_xlsx and len(cells) < width):
            out.problems.append(Reject(line, "", ",".join(c for c in cells if c),
                                       f"the row has {len(cells)} fields, the header has {width}: "
                                       "truncated or misaligned row"))
            continue
        _row(out, line, cells, columns)
    if columns is None:
        raise LoadRefused(name, "no header row: expected the columns " + ", ".join(COLUMNS)
                          + f" (looked at the first {HEADER_SEARCH_ROWS} rows)")
    if not out.rows and not out.problems:
        raise LoadRefused(name, "no data rows below the header", line=header_line)
    return out


def _header(name: str, line: int, cells: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    width = len(cells)
    while width and not cells[width - 1]:
        width -= 1
    for i, raw in enumerate(cells[:width]):
        key = HEADER_ALIASES.get(norm(raw))
        if key is None:
            raise LoadRefused(name, f"unknown column {raw!r}: the columns are {', '.join(COLUMNS)}",
                              line=line, column=raw or f"#{i + 1}")
        if key in columns:
            raise LoadRefused(name, f"column {key!r} appears twice", line=line, column=raw)
        columns[key] = i
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise LoadRefused(name, f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
                                f"(the columns are {', '.join(COLUMNS)})", line=line)
    columns["__width__"] = width
    return columns


def _row(out: CoverageFile, line: int, cells: list[str], columns: dict[str, int]) -> None:
    def get(col: str) -> str:
        i = columns.get(col)
        return cells[i] if i is not None and i < len(cells) else ""

    problems: list[Reject] = []

    def bad(col: str, value: str, reason: str) -> None:
        problems.append(Reject(line, col, value, reason))

    pid = get("programme").lower()
    if not pid:
        bad("programme", "", "missing programme id")
    year_raw = get("year")
    year = None
    if not re.fullmatch(r"\d{4}", year_raw):
        bad("year", year_raw, "year must be a whole number like 2009")
    elif not FIRST_COVERAGE_YEAR <= int(year_raw) <= LAST_YEAR:
        bad("year", year_raw, f"year out of range ({FIRST_COVERAGE_YEAR}-{LAST_YEAR})")
    else:
        year = int(year_raw)
    dept_raw = get("department")
    dept = dept_raw.upper()
    if dept.isdigit() and len(dept) <= 2:
        dept = dept.zfill(2)
    if dept != NATIONAL and dept not in DEPARTMENTS:
        bad("department", dept_raw, f"unknown department: use an INEI code 01-25, 98 (abroad) or "
                                    f"{NATIONAL} (national)")
    sex = get("sex").upper()
    if sex not in SEXES:
        bad("sex", get("sex"), "sex must be F (women), M (men) or T (total)")
    value_raw = get("value")
    value = None
    if not value_raw:
        bad("value", "", "missing value")
    elif not NUMBER_RE.match(value_raw):
        bad("value", value_raw, "not a number: write digits with '.' as decimal point and no thousands "
                                "separator")
    else:
        try:
            value = Decimal(value_raw)
        except InvalidOperation:
            bad("value", value_raw, "not a number")
        if value is not None and value < 0:
            bad("value", value_raw, "negative value: coverage cannot be below 0")
            value = None
    unit = get("unit").lower()
    if not unit:
        bad("unit", "", "missing unit")
    elif value is not None and unit.startswith("percent_") and value > 100:
        bad("value", value_raw, f"a percentage ({unit}) above 100")
    source = get("source")
    if not source:
        bad("source", "", "missing source: say where the figure comes from")
    inferred_raw = get("year_inferred").strip().lower()
    if inferred_raw not in YES_NO:
        bad("year_inferred", get("year_inferred"), "year_inferred must be true or false (empty = false)")
    if problems:
        out.problems.extend(problems)
        return
    out.rows.append({"line": line, "programme_id": pid, "year": year, "department": dept, "sex": sex,
                     "value": value, "unit": unit, "source": source, "note": get("note") or None,
                     "year_inferred": YES_NO[inferred_raw]})


def check_against_programmes(cov: CoverageFile, units: dict[str, set[str]]) -> None:
    """Programme ids and units must be those of programmes.yaml; duplicates are refused."""
    seen: dict[tuple, int] = {}
    for r in cov.rows:
        pid, unit = r["programme_id"], r["unit"]
        if pid not in units:
            cov.problems.append(Reject(r["line"], "programme", pid, "unknown programme, not an id in "
                                       "programmes.yaml (`python -m etl network` lists them)"))
        elif unit not in units[pid]:
            allowed = ", ".join(sorted(units[pid])) or "none yet: add the unit to the YAML first"
            cov.problems.append(Reject(r["line"], "unit", unit, f"unit does not match programme {pid!r} "
                                       f"(its units: {allowed})"))
        key = (pid, r["year"], r["department"], r["sex"], unit, r["source"])
        if key in seen:
            cov.problems.append(Reject(r["line"], "", ",".join(map(str, key)),
                                       f"duplicate of line {seen[key]} (same programme, year, department, "
                                       f"sex, unit and source)"))
        else:
            seen[key] = r["line"]
    cov.problems.sort(key=lambda p: p.line)


def programme_units(conn: sa.Connection) -> dict[str, set[str]]:
    """Each programme's coverage units as published from programmes.yaml."""
    from store.schema import programme
    if not sa.inspect(conn).has_table("programme"):
        return {}
    units: dict[str, set[str]] = {pid: set() for pid in conn.execute(sa.select(programme.c.id)).scalars()}
    stmt = sa.select(programme_fact.c.programme_id, programme_fact.c.unit).where(
        programme_fact.c.kind == "coverage").distinct()
    for pid, unit in conn.execute(stmt):
        units.setdefault(pid, set()).add(unit)
    return units


def refuse_if_problems(cov: CoverageFile, settings: Settings, reject_dir: Path | None = None) -> None:
    if not cov.problems:
        return
    report = write_reject_report(cov.problems, cov.file_name, cov.sha256, reject_dir or settings.data_dir / "rejects")
    p = cov.problems[0]
    more = (f"; {len(cov.problems)} problems in all, listed in {report}" if len(cov.problems) > 1
            else f"; see {report}")
    value = f"value {p.value!r}" if p.value != "" else ""
    column = f"{p.column}, {value}" if p.column and value else p.column or None
    reason = f"{value}: {p.reason}" if value and not p.column else p.reason
    exc = LoadRefused(cov.file_name, f"{reason}{more}. Nothing was loaded.", line=p.line, column=column)
    exc.reject_report = report
    raise exc


def write_coverage(cov: CoverageFile, conn: sa.Connection, load_id: int) -> Written:
    """Replace the (programme, year) pairs the file holds (a writer for etl.publish)."""
    for pid, years in cov.pairs.items():
        conn.execute(coverage.delete().where(coverage.c.programme_id == pid, coverage.c.year.in_(years)))
    conn.execute(coverage.insert(), [{**r, "load_id": load_id} for r in cov.rows])
    history.retire_orphaned(conn, FORMAT, coverage)
    return Written(FORMAT, len(cov.rows), years=cov.years, replaces_scope=False,
                   note=f"{len(cov.rows)} rows for {sum(len(y) for y in cov.pairs.values())} programme-years")


def load_coverage(path: Path | str, *, settings: Settings | None = None,
                  reject_dir: Path | None = None) -> LoadResult:
    """Load one coverage file; never raises for bad input (status 'refused' with the reason)."""
    s = settings or get_settings()
    path = Path(path)

    def body(started) -> LoadResult:
        cov = read_coverage(path)

        def prepare() -> Writer:
            try:
                with read_engine(s).connect() as conn:
                    units = programme_units(conn)
            except StoreMissing:
                units = {}
            if not units:
                raise LoadRefused(path.name, "the store has no programmes yet: run `python -m etl reference` first")
            check_against_programmes(cov, units)
            refuse_if_problems(cov, s, reject_dir)
            return write

        def check(conn: sa.Connection) -> None:
            # Checked again inside the write: programmes.yaml may have been reloaded meanwhile
            # (with the same programmes, the check finds nothing, as it did outside).
            again = CoverageFile(cov.file_name, cov.sha256, list(cov.rows), [])
            check_against_programmes(again, programme_units(conn))
            refuse_if_problems(again, s, reject_dir)

        def write(conn: sa.Connection, load_id: int) -> Written:
            written = write_coverage(cov, conn, load_id)
            check_coverage_integrity(conn)
            return written

        return publish_once(path.name, cov.sha256, FORMAT, s, started, prepare, check=check)

    return run_load(path, s, body)
