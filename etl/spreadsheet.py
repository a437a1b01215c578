"""Rows of small spreadsheets officials send: XLSX (first sheet) or CSV, with line numbers.

Consulta Amigable exports and coverage tables arrive both ways, saved by Excel in either
language: UTF-8 or Windows-1252, comma or semicolon. Whole-file faults are LoadRefused.
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path
from typing import Iterator

from domain.errors import LoadRefused
from domain.text import ascii_fold

XLSX_SUFFIXES = (".xlsx", ".xlsm")


def norm(text: object, keep: str = "") -> str:
    """A cell as a key to compare: accents folded and any other non-ASCII character dropped,
    lowercase, each run of characters other than a-z, 0-9 (and `keep`) one space: "Año Eje" -> "ano eje"."""
    plain = ascii_fold(str(text or ""))
    return re.sub(f"[^a-z0-9{re.escape(keep)}]+", " ", plain.lower()).strip()


def read_rows(path: Path, data: bytes | None = None) -> Iterator[tuple[int, list]]:
    """(line, cells) for every row; line 1 is the first row of the sheet or file.

    data: the file's bytes, when the caller has read them already (used for CSV)."""
    if path.suffix.lower() in XLSX_SUFFIXES:
        return _rows_from_xlsx(path)
    return _rows_from_csv(path, data)


def _rows_from_csv(path: Path, data: bytes | None = None):
    raw = path.read_bytes() if data is None else data
    if b"\x00" in raw[:65536]:
        raise LoadRefused(path.name, "undecodable: NUL bytes, so a binary or UTF-16 file, not CSV text "
                                     "(save as 'CSV UTF-8')")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise LoadRefused(path.name, "undecodable: neither UTF-8 nor Windows-1252 text (save as 'CSV UTF-8')")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    try:
        for row in reader:
            yield start, row
            start = reader.line_num + 1
    except csv.Error as exc:
        raise LoadRefused(path.name, f"malformed or truncated CSV ({exc})", line=start) from None


def _rows_from_xlsx(path: Path):
    import openpyxl
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise LoadRefused(path.name, f"corrupt or truncated XLSX workbook ({exc})") from None
    try:
        for i, row in enumerate(wb.worksheets[0].iter_rows(values_only=True), start=1):
            yield i, list(row)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError) as exc:
        raise LoadRefused(path.name, f"corrupt or truncated XLSX workbook ({exc})") from None
    finally:
        wb.close()
