"""What a load returns, and the one wrapper every loader runs in.

Every loader answers with a LoadResult and never raises for bad input: run_load turns a
LoadRefused into a logged 'refused' result (the store was not touched), and unchanged() is the
answer for a file whose exact bytes were loaded before. print_result is how the CLI shows one."""
from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from domain.errors import LoadRefused
from etl import history
from settings import Settings


@dataclass
class LoadResult:
    file: str
    status: str                     # loaded | unchanged | refused
    message: str = ""
    load_id: int | None = None
    years: list[int] = field(default_factory=list)
    rows_read: int = 0
    rows_loaded: int = 0
    rows_rejected: int = 0
    reject_report: Path | None = None


def unchanged(name: str, sha: str, fmt: str, settings: Settings) -> LoadResult | None:
    """The 'nothing to do' result when a file with this sha256 is already loaded, else None."""
    existing = history.loaded_with_sha(sha, fmt, settings)
    if existing is None:
        return None
    return LoadResult(name, "unchanged", f"already loaded as load {existing}; nothing changed", load_id=existing)


def run_load(path: Path, settings: Settings, body: Callable[[dt.datetime], LoadResult]) -> LoadResult:
    """body(started) does the load; a refusal is logged (var/etl-refused.log) and returned."""
    started = history.now()
    try:
        return body(started)
    except LoadRefused as exc:
        history.log_refusal(settings, path, started, str(exc))
        return LoadResult(path.name, "refused", str(exc), reject_report=getattr(exc, "reject_report", None))


def print_result(r: LoadResult, detail: str = "") -> int:
    """The CLI's line for a result: 'REFUSED why' on stderr, 'unchanged FILE: why', or
    'loaded FILE: load N' + detail (and the reject report, if any). Returns 1 if refused, else 0."""
    if r.status == "refused":
        print(f"REFUSED {r.message}", file=sys.stderr)
        return 1
    if r.status == "unchanged":
        print(f"unchanged {r.file}: {r.message}")
        return 0
    print(f"loaded {r.file}: load {r.load_id}{detail}")
    if r.reject_report:
        print(f"  reject report: {r.reject_report}")
    return 0
