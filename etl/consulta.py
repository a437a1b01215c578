"""Read MEF Consulta Amigable exports (XLSX or CSV): one row per key of the chosen breakdown.

An export is small (thousands of rows) but loosely formatted: title rows above the header
(the filters the user navigated through, the date of the query), labels as "code: NAME" with
compound codes ("010101-300001: MUNICIPALIDAD ..."), amounts as numbers or text with thousands
commas, blank trailing rows, sometimes a total row. Any breakdown, in any order and depth, is
kept (domain/consulta.py names the levels); a title we do not know becomes a level of its own.
An export is one table whose totals officials compare with the portal, so a bad row refuses
the whole file (naming file, line and reason) rather than loading part of it.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyarrow as pa

from domain.codes import DEPARTMENTS, LEVELS, STAGES
from domain.consulta import (
    AMOUNT_NAMES,
    AMOUNT_TITLES,
    AVANCE_TITLES,
    CODE_TITLES,
    DATE_TITLES,
    LEVELS as CA_LEVELS,
    TITLE_TO_LEVEL,
    YEAR_TITLES,
    generic_level,
    label_key,
    split_label,
)
from domain.errors import LoadRefused
from etl.spreadsheet import norm, read_rows
from store.schema import CONSULTA_DIMENSIONS

HEADER_SEARCH_ROWS = 30
TOTAL_TOLERANCE = Decimal("1")        # the portal prints whole soles; a total row may round


def _norm(text: object) -> str:
    return norm(text, keep="%")     # "Avance %" is a column title


NUMBER_RE = re.compile(r"^-?\d{1,3}(,\d{3})*(\.\d+)?$|^-?\d+(\.\d+)?$")
MONTHS_ES = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "set", "oct", "nov", "dic"]
TITLE_RE = re.compile(r"^\s*([^:]+?)\s*:\s*(.+?)\s*$")


@dataclass
class Column:
    role: str            # level | code | amount | avance | year | skip
    target: str          # level name, stage, ...
    title: str           # as printed


@dataclass
class ConsultaExport:
    breakdown: str                   # the levels of its columns, "departamento>provincia>municipalidad"
    rows: int
    years: list[int]
    columns: dict[str, list]         # consulta_line's columns
    labels: dict[str, list]          # consulta_label's columns (without load_id)
    levels: list[tuple[str, str]]    # (level, title as printed), filters first
    filters: list[str] = field(default_factory=list)     # "Sector: 11: SALUD" from the title rows
    as_of: dt.date | None = None     # "Fecha de la consulta" in the title rows
    total_line: int | None = None    # the total row left out (checked against the rows)

    def table_with_load_id(self, load_id: int) -> pa.Table:
        return pa.table({"load_id": [load_id] * self.rows, **self.columns})

    def labels_with_load_id(self, load_id: int) -> pa.Table:
        return pa.table({"load_id": [load_id] * len(self.labels["line"]), **self.labels})


def looks_like_consulta_csv(path: Path) -> bool:
    """A CSV with Consulta Amigable's titles (PIM, Devengado, ...), not MEF Gasto's MONTO_* columns."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(65536)
    except OSError:
        return False
    text = head.decode("utf-8", errors="replace")
    if "MONTO_PIM" in text.upper() or "ANO_EJE" in text.upper():
        return False
    words = _norm(text).split()
    return "pim" in words or "devengado" in words


def _amount(value) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(str(value))
    if isinstance(value, (int, float)):
        return Decimal(str(value))
    text = str(value).strip()
    if not NUMBER_RE.match(text):
        raise ValueError(text)
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise ValueError(text) from None


def _year(value) -> int:
    text = str(value).strip()
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    if not re.fullmatch(r"(19|20)\d\d", text):
        raise ValueError(text)
    return int(text)


def _date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    m = re.fullmatch(r"(\d{1,2})[-/ ]([A-Za-z]{3})[a-z]*[-/ ](\d{4})", text)
    mon = {"sep": "set"}.get(m.group(2).lower(), m.group(2).lower()) if m else ""
    if mon in MONTHS_ES:                 # "12-mar-2025", as the portal prints it
        return dt.date(int(m.group(3)), MONTHS_ES.index(mon) + 1, int(m.group(1)))
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M:%S"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _cells(row) -> list:
    return [c for c in row if c is not None and str(c).strip() != ""]


def _header_role(title) -> Column:
    key = _norm(title)
    text = "" if title is None else str(title).strip()
    if not key:
        return Column("skip", "", text)
    if key in AMOUNT_TITLES:
        return Column("amount", AMOUNT_TITLES[key], text)
    if key in AVANCE_TITLES:
        return Column("avance", "avance_pct", text)
    if key in YEAR_TITLES:
        return Column("year", "fiscal_year", text)
    if key in CODE_TITLES:
        return Column("code", CODE_TITLES[key], text)
    if key in TITLE_TO_LEVEL:
        return Column("level", TITLE_TO_LEVEL[key], text)
    return Column("level", generic_level(text), text)


def _is_header(row) -> bool:
    """The header: at least two cells, at least one an amount title or a known level title."""
    cells = _cells(row)
    if len(cells) < 2:
        return False
    known = [_norm(c) for c in cells]
    return any(k in AMOUNT_TITLES or k in TITLE_TO_LEVEL or k in YEAR_TITLES for k in known)


def read_export(path: Path, year: int | None = None) -> ConsultaExport:
    name = path.name
    if not path.exists():
        raise LoadRefused(name, "file not found")
    if path.stat().st_size == 0:
        raise LoadRefused(name, "empty file (0 bytes)")
    rows = read_rows(path)
    header, header_line = None, 0
    titles: list[tuple[int, list]] = []
    for i, row in rows:
        if _is_header(row):
            header, header_line = row, i
            break
        titles.append((i, row))
        if i >= HEADER_SEARCH_ROWS:
            break
    if header is None:
        raise LoadRefused(name, "not a Consulta Amigable export: no header row with its column titles "
                                f"(Año, Sector, ..., PIM, Devengado) in the first {HEADER_SEARCH_ROWS} rows")
    cols = [_header_role(c) for c in header]
    seen: dict[str, str] = {}
    for c in cols:
        if c.role in ("level", "amount", "year"):
            if c.target in seen:
                raise LoadRefused(name, f"two columns mean the same: {seen[c.target]!r} and {c.title!r}",
                                  line=header_line, column=c.title)
            seen[c.target] = c.title
    if not any(c.role == "amount" for c in cols):
        found = ", ".join(c.title for c in cols if c.role != "skip")
        raise LoadRefused(name, f"no amount column: expected at least one of {AMOUNT_NAMES}; found only {found}",
                          line=header_line)
    filters, as_of, title_year = _title_rows(name, titles)
    year = year if year is not None else title_year
    if not any(c.role == "year" for c in cols) and year is None:
        raise LoadRefused(name, "no Año column nor year in the title rows: give the fiscal year with --year",
                          line=header_line)
    levels = [c for c in cols if c.role == "level"]
    if not levels and not filters:
        raise LoadRefused(name, "no breakdown column (Sector, Pliego, Departamento, ...)", line=header_line)
    return _read_body(name, rows, header_line, cols, filters, as_of, year)


def _title_rows(name: str, titles: list[tuple[int, list]]):
    """Filters ("Sector: 11: SALUD"), the query date and the year printed above the header."""
    filters: list[tuple[int, str, str, str, str]] = []    # (line, level, title, code, name)
    as_of, year = None, None
    for line, row in titles:
        cells = _cells(row)
        if not cells:
            continue
        if len(cells) >= 2 and str(cells[0]).strip().endswith(":"):
            title, value = str(cells[0]).strip()[:-1], cells[1]
        else:
            m = TITLE_RE.match(" ".join(str(c) for c in cells))
            if not m:
                continue
            title, value = m.group(1), m.group(2)
        key = _norm(title)
        if key in DATE_TITLES:
            as_of = _date(value) or as_of
        elif key in YEAR_TITLES:
            try:
                year = _year(value)
            except ValueError:
                raise LoadRefused(name, f"year above the header is not a year: {value!r}", line=line) from None
        elif key in TITLE_TO_LEVEL:
            code, label = split_label(str(value))
            if code is None:              # "Fuente: MEF, Consulta Amigable" is a note, not a filter
                continue
            filters.append((line, TITLE_TO_LEVEL[key], str(title).strip(), code, label))
    return filters, as_of, year


def _read_body(name, rows, header_line, cols, filters, as_of, year) -> ConsultaExport:
    out: dict[str, list] = {"line": [], "fiscal_year": []}
    for d in CONSULTA_DIMENSIONS:
        out[d], out[f"{d}_name"] = [], []
    for stage in STAGES:
        out[stage] = []
    out["avance_pct"] = []
    labels: dict[str, list] = {k: [] for k in ("line", "fiscal_year", "depth", "level", "code", "key", "name")}
    amount_cols = [c.target for c in cols if c.role == "amount"]
    level_cols = [c for c in cols if c.role == "level"]
    width = len(cols)
    problems: list[tuple[int, str, str]] = []        # (line, column, reason)
    totals_rows: list[tuple[int, dict]] = []
    sums = {a: Decimal(0) for a in amount_cols}
    count = 0
    for line, row in rows:
        cells = _cells(row)
        if not cells:
            continue                                   # blank rows, blank trailing rows
        row = list(row) + [None] * (width - len(row))
        if len(cells) == 1 and not any(c.role in ("amount", "avance") and row[i] not in (None, "")
                                       for i, c in enumerate(cols)):
            continue                                   # a note under the table ("Fuente: MEF ...")
        rec, labs, bad = _parse_row(line, row[:width], cols, year, filters)
        if rec is None:                                # a total row
            if bad:
                problems.extend(bad)
            else:
                totals_rows.append((line, labs))
            continue
        if len(_cells(row)) > width and any(c not in (None, "") for c in row[width:]):
            bad.append((line, "", f"{len(_cells(row))} cells but the header has {width} columns"))
        if bad:
            problems.extend(bad)
            continue
        count += 1
        for key, values in out.items():
            values.append(rec.get(key))
        for depth, (level, code, key, label) in enumerate(labs):
            for k, v in zip(("line", "fiscal_year", "depth", "level", "code", "key", "name"),
                            (line, rec["fiscal_year"], depth, level, code, key, label)):
                labels[k].append(v)
        for a in amount_cols:
            sums[a] += rec.get(a) or Decimal(0)
    if problems:
        line, column, reason = problems[0]
        more = f" ({len(problems) - 1} more problem{'s' if len(problems) > 2 else ''} in other rows)" \
            if len(problems) > 1 else ""
        raise LoadRefused(name, reason + more, line=line, column=column or None)
    if count == 0:
        raise LoadRefused(name, "no data rows below the header")
    total_line = None
    if len(totals_rows) == 1:
        total_line, amounts = totals_rows[0]
        for a in amount_cols:
            given = amounts.get(a)
            if given is not None and abs(given - sums[a]) > TOTAL_TOLERANCE:
                title = next(c.title for c in cols if c.target == a and c.role == "amount")
                raise LoadRefused(name, f"the total row says {title} {given:,} but the rows above sum to "
                                        f"{sums[a]:,}: the export looks incomplete", line=total_line, column=title)
    levels = [(lv, title) for _, lv, title, _, _ in filters] + [(c.target, c.title) for c in level_cols]
    return ConsultaExport(
        breakdown=">".join(c.target for c in level_cols) or ">".join(lv for lv, _ in levels),
        rows=count, years=sorted(set(out["fiscal_year"])), columns=out, labels=labels, levels=levels,
        filters=[f"{title}: {code}: {label}" for _, _, title, code, label in filters], as_of=as_of,
        total_line=total_line)


def _parse_row(line: int, row: list, cols: list[Column], year: int | None, filters: list):
    """(record, labels, problems); record None for a total row (labels then hold its amounts).
    The title rows' filters come first among the labels: they hold for every row."""
    rec: dict[str, object] = {"line": line, "fiscal_year": year}
    bad: list[tuple[int, str, str]] = []
    codes: dict[str, str] = {}
    raw_labels: list[tuple[str, str | None, str, str]] = []    # (level, code, name, title)
    filter_labels = [(level, code, label, title) for _, level, title, code, label in filters]
    amounts: dict[str, Decimal | None] = {}
    is_total = False
    for c, value in zip(cols, row):
        if c.role in ("amount", "avance"):
            try:
                amounts[c.target] = _amount(value)
            except ValueError:
                bad.append((line, c.title, f"amount is not a number: {value!r}"))
        elif c.role == "year":
            if value in (None, ""):
                continue
            try:
                rec["fiscal_year"] = _year(value)
            except ValueError:
                if _norm(value).startswith("total"):
                    is_total = True
                else:
                    bad.append((line, c.title, f"year is not a year: {value!r}"))
        elif c.role == "code":
            if value not in (None, ""):
                codes[c.target] = str(value).strip()
        elif c.role == "level":
            text = "" if value is None else str(value).strip()
            code, label = split_label(text)
            if code is None and _norm(text).startswith("total"):
                is_total = True
            raw_labels.append((c.target, code, label, c.title))
    if is_total and not any(code for _, code, _, _ in raw_labels):
        return None, amounts, bad
    labs: list[tuple[str, str, str, str | None]] = []
    for level, code, label, title in filter_labels + raw_labels:
        code = code or codes.get(level)
        if level == "departamento":
            code = _department(code, label)
            if code not in DEPARTMENTS:
                printed = f"{code}: {label}" if code and label else (label or code)
                bad.append((line, title, f"unknown department {printed!r} (INEI codes 01-25 or 98)"))
                continue
        elif level == "nivel" and code is not None and code not in LEVELS:
            bad.append((line, title, f"level of government must be E, R or M, not {code!r}"))
            continue
        if code is None:
            if not label:
                bad.append((line, title, "empty label: every row needs a value in each breakdown column"))
                continue
            if CA_LEVELS.get(level):      # a known level always prints "code: NAME"
                bad.append((line, title, f"label without a code (expected 'code: NAME'): {label!r}"))
                continue
            code = label                  # a generic level: the label is its own key
        labs.append((level, code, label_key(level, code), label or None))
    if rec["fiscal_year"] is None:
        bad.append((line, "Año", "no year in this row"))
    if not any(v is not None for k, v in amounts.items() if k != "avance_pct") and not bad:
        bad.append((line, "", "no amounts in this row"))
    for level, code, key, label in labs:
        column = CA_LEVELS.get(level, ((), None))[1]
        if column:
            rec[column], rec[f"{column}_name"] = key, label
    rec.update(amounts)
    return rec, labs, bad


def _department(code: str | None, label: str) -> str | None:
    if code is not None:
        code = code.strip()
        return code.zfill(2) if code.isdigit() and len(code) <= 2 else code
    key = _norm(label).upper()
    for dcode, dname in DEPARTMENTS.items():
        if _norm(dname).upper() == key:
            return dcode
    aliases = {"CALLAO": "07", "LIMA METROPOLITANA": "15", "EXTRANJERO": "98", "EXTERIOR": "98"}
    return aliases.get(key)
