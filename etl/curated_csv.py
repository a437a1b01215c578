"""The strict reading every curated CSV of the project shares (data/reference/, data/indicators/):
UTF-8, exactly the expected header, every row as wide as the header, blank lines skipped.
A fault refuses the file (LoadRefused with the file, the line and the reason)."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from domain.errors import LoadRefused


def read_nonempty(path: Path) -> bytes:
    """The bytes of a curated file (CSV here, YAML in etl/network.py), refused when absent or blank."""
    if not path.exists():
        raise LoadRefused(path.name, "file not found")
    raw = path.read_bytes()
    if not raw.strip():
        raise LoadRefused(path.name, "empty file")
    return raw


def read_rows(path: Path, header: tuple[str, ...]) -> tuple[bytes, list[tuple[int, dict]]]:
    """(the file's bytes, [(line, {column: stripped text})])."""
    name = path.name
    raw = read_nonempty(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadRefused(name, f"undecodable: not UTF-8 ({exc.reason})") from None
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        raise LoadRefused(name, f"malformed CSV ({exc})") from None
    found = tuple(c.strip() for c in rows[0])
    if found != header:
        missing = [c for c in header if c not in found]
        why = f"missing column(s) {', '.join(missing)}; " if missing else ""
        raise LoadRefused(name, f"{why}header must be {','.join(header)}, found {','.join(found)}", line=1)
    out = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            raise LoadRefused(name, f"the row has {len(row)} fields, the header has {len(header)}", line=line)
        out.append((line, dict(zip(header, (c.strip() for c in row)))))
    if not out:
        raise LoadRefused(name, "no data rows")
    return raw, out
