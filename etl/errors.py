"""Errors the ETL reports to users: always the file, where, and why.

A LoadRefused (domain/errors.py) refuses the whole file; a Reject is one bad field of a row the loader left
out (or, for coverage tables, one problem that refuses the file), listed in the reject report.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable


@dataclass
class Reject:
    line: int
    column: str
    value: str
    reason: str


def rejected_lines(rejects: Iterable[Reject]) -> int:
    """How many distinct lines the rejects are on (a line can have several bad fields)."""
    return len({r.line for r in rejects})


def write_reject_report(rejects: list[Reject], file_name: str, sha: str, folder: Path) -> Path | None:
    """The reject report CSV (file, line, column, value, reason); None when there is nothing to report."""
    if not rejects:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / f"{file_name}.{sha[:12]}.rejects.csv"
    with open(out, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["file", "line", "column", "value", "reason"])
        for r in rejects:
            w.writerow([file_name, r.line, r.column, r.value, r.reason])
    return out
