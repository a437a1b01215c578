"""Read MEF Consulta Amigable exports (XLSX or CSV): one row per chosen breakdown.

An export is small (thousands of rows) but loosely formatted: labels as "code: NAME",
amounts as text with thousands commas, sometimes title rows above the header. We record
which breakdown it holds (its label columns) because its rows are not budget lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyarrow as pa

from domain.codes import DEPARTMENTS, LEVELS, STAGES
from domain.errors import LoadRefused
from etl.errors import Reject
from etl.spreadsheet import norm, read_rows
from store.schema import CONSULTA_DIMENSIONS

HEADER_SEARCH_ROWS = 30


def _norm(text: object) -> str:
    return norm(text, keep="%")     # "Avance %" is a column title


AMOUNT_HEADERS = {
    "pia": "pia", "pim": "pim", "certificacion": "certificado", "compromiso anual": "comprometido_anual",
    "atencion de compromiso mensual": "comprometido", "devengado": "devengado", "girado": "girado",
}
AVANCE_HEADERS = {"avance %", "avance"}
YEAR_HEADERS = {"ano", "anio", "ano eje", "year"}
DIMENSION_HEADERS = {
    "nivel de gobierno": "nivel_gobierno", "nivel gobierno": "nivel_gobierno",
    "sector": "sector", "pliego": "pliego",
    "unidad ejecutora": "sec_ejec", "ejecutora": "sec_ejec",
    "departamento": "departamento_meta", "departamento meta": "departamento_meta",
    "categoria presupuestal": "programa", "programa presupuestal": "programa", "programa": "programa",
    "producto proyecto": "producto_proyecto", "producto": "producto_proyecto", "proyecto": "producto_proyecto",
    "actividad accion obra": "actividad", "actividad": "actividad",
    "funcion": "funcion", "division funcional": "division_funcional", "grupo funcional": "grupo_funcional",
    "fuente de financiamiento": "fuente_financiamiento", "fuente": "fuente_financiamiento",
    "generica": "generica",
}
CODE_COLUMNS = {"ubi dpto": "departamento_meta", "ubigeo": "departamento_meta"}
LABEL_RE = re.compile(r"^\s*([0-9A-Za-z][0-9A-Za-z\-\.]*)\s*:\s*(.*)$")
EXECUTOR_RE = re.compile(r"^\d+-(\d+)$")
NUMBER_RE = re.compile(r"^-?\d{1,3}(,\d{3})*(\.\d+)?$|^-?\d+(\.\d+)?$")


@dataclass
class ConsultaExport:
    breakdown: str
    rows: int
    years: list[int]
    columns: dict[str, list]
    rejects: list[Reject] = field(default_factory=list)

    def table_with_load_id(self, load_id: int) -> pa.Table:
        cols = {"load_id": [load_id] * self.rows, **self.columns}
        return pa.table(cols)


def looks_like_consulta_csv(path: Path) -> bool:
    """A CSV whose header row has Consulta Amigable's amount titles, not MEF's MONTO_* columns."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(65536)
    except OSError:
        return False
    text = head.decode("utf-8", errors="replace")
    if "MONTO_PIM" in text.upper():
        return False
    norm = _norm(text)
    return "pim" in norm.split() and "devengado" in norm


def _amount(value) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, (int, float)):
        return Decimal(str(value))
    text = str(value).strip()
    if not NUMBER_RE.match(text):
        raise ValueError(text)
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise ValueError(text) from None


def read_export(path: Path, year: int | None = None) -> ConsultaExport:
    name = path.name
    if not path.exists():
        raise LoadRefused(name, "file not found")
    if path.stat().st_size == 0:
        raise LoadRefused(name, "empty file (0 bytes)")
    rows = read_rows(path)
    header = None
    header_line = 0
    for i, row in rows:
        normed = [_norm(c) for c in row]
        if "pim" in normed and "devengado" in normed:
            header, header_line = row, i
            break
        if i >= HEADER_SEARCH_ROWS:
            break
    if header is None:
        raise LoadRefused(name, "not a Consulta Amigable export: no header row with PIM and Devengado "
                                f"in the first {HEADER_SEARCH_ROWS} rows")
    roles: list[tuple[str, str]] = []   # (role, target) per column
    dims: list[str] = []
    for col in header:
        key = _norm(col)
        if not key:
            roles.append(("skip", ""))
        elif key in AMOUNT_HEADERS:
            roles.append(("amount", AMOUNT_HEADERS[key]))
        elif key in AVANCE_HEADERS:
            roles.append(("avance", "avance_pct"))
        elif key in YEAR_HEADERS:
            roles.append(("year", "fiscal_year"))
        elif key in CODE_COLUMNS:
            roles.append(("code", CODE_COLUMNS[key]))
        elif key in DIMENSION_HEADERS:
            dim = DIMENSION_HEADERS[key]
            roles.append(("label", dim))
            dims.append(dim)
        else:
            raise LoadRefused(name, f"unknown column {col!r}: expected Consulta Amigable titles "
                                    "(Año, Sector, Pliego, Unidad Ejecutora, Departamento, PIA, PIM, ...)",
                              line=header_line, column=str(col))
    if ("year", "fiscal_year") not in roles and year is None:
        raise LoadRefused(name, "no Año column: give the fiscal year with --year", line=header_line)
    for needed in ("pim", "devengado"):
        if ("amount", needed) not in roles:
            raise LoadRefused(name, f"required column missing: {needed.upper()}", line=header_line)
    if not dims:
        raise LoadRefused(name, "no breakdown column (Sector, Pliego, Departamento, ...)", line=header_line)

    out: dict[str, list] = {"line": [], "fiscal_year": []}
    for d in CONSULTA_DIMENSIONS:
        out[d], out[f"{d}_name"] = [], []
    for col in STAGES:
        out[col] = []
    out["avance_pct"] = []
    rejects: list[Reject] = []
    count = 0
    for line, row in rows:
        if not any(c not in (None, "") for c in row):
            continue
        first = _norm(row[0]) if row else ""
        if first.startswith("total"):
            continue
        if len(row) < len(header):
            row = list(row) + [None] * (len(header) - len(row))
        rec: dict[str, object] = {"line": line, "fiscal_year": year}
        bad = []
        for (role, target), col, value in zip(roles, header, row):
            if role == "amount" or role == "avance":
                try:
                    rec[target] = _amount(value)
                except ValueError:
                    bad.append((str(col), str(value), "amount is not a number"))
            elif role == "year":
                try:
                    rec["fiscal_year"] = int(str(value).strip())
                except ValueError:
                    bad.append((str(col), str(value), "year is not a number"))
            elif role == "code":
                rec[target] = str(value).strip().zfill(2) if value is not None else None
            elif role == "label":
                text = "" if value is None else str(value).strip()
                m = LABEL_RE.match(text)
                code, label = (m.group(1), m.group(2).strip()) if m else (None, text)
                if code and target == "sec_ejec":
                    em = EXECUTOR_RE.match(code)
                    code = em.group(1) if em else code
                if target not in rec or rec.get(target) is None:
                    rec[target] = code
                rec[f"{target}_name"] = re.sub(r"\s+", " ", label) or None
        dept = rec.get("departamento_meta")
        if dept is None and rec.get("departamento_meta_name"):
            dept = _department_code(str(rec["departamento_meta_name"]))
            rec["departamento_meta"] = dept
        if "departamento_meta" in dims and dept not in DEPARTMENTS:
            bad.append(("Departamento", str(dept or rec.get("departamento_meta_name")),
                        "unknown department (INEI 01-25 or 98)"))
        level = rec.get("nivel_gobierno")
        if level is not None and level not in LEVELS:
            bad.append(("Nivel de Gobierno", str(level), "level of government must be E, R or M"))
        if bad:
            rejects.extend(Reject(line, c, v, r) for c, v, r in bad)
            continue
        count += 1
        for key, values in out.items():
            values.append(rec.get(key))
    if count == 0:
        if rejects:
            r = rejects[0]
            raise LoadRefused(name, f"no valid rows: every row was rejected (first: {r.reason})",
                              line=r.line, column=r.column)
        raise LoadRefused(name, "no data rows below the header")
    years = sorted({y for y in out["fiscal_year"]})
    breakdown = ">".join(dims)
    return ConsultaExport(breakdown=breakdown, rows=count, years=years, columns=out, rejects=rejects)


def _department_code(label: str) -> str | None:
    key = _norm(label).upper()
    for code, dname in DEPARTMENTS.items():
        if _norm(dname).upper() == key:
            return code
    aliases = {"CALLAO": "07", "LIMA METROPOLITANA": "15", "EXTRANJERO": "98"}
    return aliases.get(key)
