"""Reference denominators (data/reference/) and the one command that seeds the curated data.

population.csv (INEI), cpi_lima.csv and pen_per_usd.csv (BCRP) are curated files in the
repository; SOURCES.md holds their citations, which go into `reference_source` so pages can
cite them. They are checked as strictly as the budget files (a wrong denominator is as bad
as a wrong total): a bad row refuses the lot and the store is not touched.

`seed()` (CLI `python -m etl reference`, and the demo) loads the reference files,
data/network/programmes.yaml and the report's coverage table in ONE write: on DuckDB each
write copies the store file, so one write instead of three. Parts whose content is already
loaded are skipped; the initial coverage.csv is skipped once it has ever been loaded, so
re-seeding never overwrites figures officials loaded since.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import partial
from pathlib import Path

import sqlalchemy as sa

from domain.codes import SEXES
from domain.errors import LoadRefused
from etl import coverage as coverage_mod
from etl import history, network
from etl import indicators as indicators_mod
from etl.curated_csv import read_rows
from etl.publish import Written, publish
from etl.result import LoadResult, print_result
from settings import PROJECT_ROOT, Settings, get_settings
from store.engine import StoreMissing, read_engine, write_transaction
from store.schema import cpi, exchange_rate, population, reference_source

REFERENCE_DIR = PROJECT_ROOT / "data" / "reference"
NETWORK_DIR = PROJECT_ROOT / "data" / "network"
FORMAT = "reference"
DEPARTMENT_CODES = ("00", *(f"{i:02d}" for i in range(1, 26)))   # 00 = national; MEF's 98 has no population


@dataclass(frozen=True)
class Dataset:
    name: str            # the table and reference_source.dataset
    file: str
    header: tuple[str, ...]


DATASETS = (
    Dataset("population", "population.csv", ("year", "department", "sex", "population")),
    Dataset("cpi", "cpi_lima.csv", ("year", "cpi_index")),
    Dataset("exchange_rate", "pen_per_usd.csv", ("year", "pen_per_usd")),
)
TABLES = {"population": population, "cpi": cpi, "exchange_rate": exchange_rate}


@dataclass
class StagedReference:
    dataset: Dataset
    sha256: str            # of the file's bytes and its citation: a new citation is a new load
    citation: str
    rows: list[dict]


def citations(sources_md: Path) -> dict[str, str]:
    """File name -> its '**Fuente / Source:**' paragraph in SOURCES.md (markdown kept as is)."""
    if not sources_md.exists():
        raise LoadRefused(sources_md.name, "file not found: the reference data must cite its sources")
    out: dict[str, str] = {}
    current = None
    lines = sources_md.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        m = re.match(r"^##\s+(\S+\.csv)\s*$", line)
        if m:
            current = m.group(1)
            continue
        if current and line.startswith("**Fuente / Source:**"):
            para = []
            for nxt in lines[i:]:
                if not nxt.strip():
                    break
                para.append(nxt.strip())
            out[current] = " ".join(para).replace("**Fuente / Source:**", "").strip()
            current = None
    return out


def _decimal(text: str) -> Decimal | None:
    try:
        d = Decimal(text)
    except InvalidOperation:
        return None
    return d if d.is_finite() else None


def read_dataset(ds: Dataset, folder: Path, citation: str | None) -> StagedReference:
    name = ds.file
    raw, rows = read_rows(folder / ds.file, ds.header)
    if not citation:
        raise LoadRefused(name, "no '**Fuente / Source:**' paragraph for this file in SOURCES.md")
    out: list[dict] = []
    seen: dict[tuple, int] = {}
    for line, rec in rows:
        if not re.fullmatch(r"\d{4}", rec["year"]):
            raise LoadRefused(name, f"year {rec['year']!r} is not a year", line=line, column="year")
        rec["year"] = int(rec["year"])
        if ds.name == "population":
            if rec["department"] not in DEPARTMENT_CODES:
                raise LoadRefused(name, f"department {rec['department']!r} is not 00 (national) or an INEI "
                                        f"code 01-25", line=line, column="department")
            if rec["sex"] not in SEXES:
                raise LoadRefused(name, f"sex {rec['sex']!r} is not F, M or T", line=line, column="sex")
            if not rec["population"].isdigit():
                raise LoadRefused(name, f"population {rec['population']!r} is not a whole number >= 0",
                                  line=line, column="population")
            rec["population"] = int(rec["population"])
            key = (rec["year"], rec["department"], rec["sex"])
        else:
            col = ds.header[1]
            value = _decimal(rec[col])
            if value is None or value <= 0:
                raise LoadRefused(name, f"{col} {rec[col]!r} is not a positive number", line=line, column=col)
            rec[col] = value
            key = (rec["year"],)
        if key in seen:
            raise LoadRefused(name, f"duplicate of line {seen[key]}", line=line)
        seen[key] = line
        out.append(rec)
    if ds.name == "population":
        _check_population(name, out)
    sha = hashlib.sha256(raw + b"\0" + citation.encode()).hexdigest()
    return StagedReference(ds, sha, citation, out)


def _check_population(name: str, rows: list[dict]) -> None:
    """T = F + M, and the departments add up to the national figure (SOURCES.md checks)."""
    by = {(r["year"], r["department"], r["sex"]): r["population"] for r in rows}
    for (year, dept, sex), value in sorted(by.items()):
        if sex == "T" and (year, dept, "F") in by and (year, dept, "M") in by:
            if by[(year, dept, "F")] + by[(year, dept, "M")] != value:
                raise LoadRefused(name, f"{year} department {dept}: T {value} is not F + M")
        if dept == "00":
            parts = [by.get((year, d, sex)) for d in DEPARTMENT_CODES[1:]]
            if all(p is not None for p in parts) and sum(parts) != value:
                raise LoadRefused(name, f"{year} sex {sex}: the 25 departments add up to {sum(parts)}, "
                                        f"not the national {value}")


def stage_reference(folder: Path = REFERENCE_DIR) -> list[StagedReference]:
    cites = citations(folder / "SOURCES.md")
    return [read_dataset(ds, folder, cites.get(ds.file)) for ds in DATASETS]


def write_reference(staged: StagedReference, conn: sa.Connection, load_id: int) -> Written:
    """Replace one reference table (a writer for etl.publish)."""
    table = TABLES[staged.dataset.name]
    conn.execute(table.delete())
    conn.execute(table.insert(), [{**r, "load_id": load_id} for r in staged.rows])
    conn.execute(reference_source.delete().where(reference_source.c.dataset == staged.dataset.name))
    conn.execute(reference_source.insert().values(dataset=staged.dataset.name, file=staged.dataset.file,
                                                  citation=staged.citation, load_id=load_id))
    years = sorted({r["year"] for r in staged.rows})
    # Not fiscal years: the range goes in the message, fiscal_years stays empty.
    return Written(f"{FORMAT}:{staged.dataset.name}", len(staged.rows), years=years, fiscal_years=False,
                   note=f"{staged.dataset.name} {years[0]}-{years[-1]}")


def seed(settings: Settings | None = None, *, reference_dir: Path = REFERENCE_DIR,
         network_dir: Path = NETWORK_DIR, indicators_dir: Path = indicators_mod.INDICATORS_DIR) -> list:
    """Load reference files, programmes.yaml, the initial coverage.csv and the results indicators
    (data/indicators/) in one atomic write.

    Returns one LoadResult per file. If any part is refused, every part is reported refused
    (nothing was written) and the refused part's message says why.
    """
    s = settings or get_settings()
    started = history.now()
    yaml_path = network_dir / "programmes.yaml"
    cov_path = network_dir / "coverage.csv"
    names = [ds.file for ds in DATASETS] + [yaml_path.name, cov_path.name] + list(indicators_mod.CURATED)
    results = {n: LoadResult(n, "unchanged", "already loaded; nothing changed") for n in names}
    try:
        refs = [r for r in stage_reference(reference_dir)
                if history.loaded_with_sha(r.sha256, FORMAT, s) is None]
        net = network.read_programmes(yaml_path)
        if history.loaded_with_sha(net.sha256, network.FORMAT, s) is not None:
            net = None
        cov = coverage_mod.read_coverage(cov_path)
        if history.loaded_with_sha(cov.sha256, coverage_mod.FORMAT, s, any_status=True) is not None:
            cov = None
        else:
            coverage_mod.check_against_programmes(cov, net.units if net is not None else _store_units(s))
            coverage_mod.refuse_if_problems(cov, s)
        inds = [(staged, writer) for staged, writer in indicators_mod.stage_curated(indicators_dir)
                if history.loaded_with_sha(staged.sha256, indicators_mod.FORMAT, s) is None]
        if not refs and net is None and cov is None and not inds:
            return list(results.values())
        with write_transaction(s) as conn:
            for staged in refs:
                results[staged.dataset.file] = publish(conn, staged.dataset.file, staged.sha256, FORMAT, started,
                                                       partial(write_reference, staged))
            if net is not None:
                results[yaml_path.name] = publish(conn, yaml_path.name, net.sha256, network.FORMAT, started,
                                                  partial(network.write_network, net))
            if cov is not None:
                results[cov_path.name] = publish(conn, cov_path.name, cov.sha256, coverage_mod.FORMAT, started,
                                                 partial(coverage_mod.write_coverage, cov))
            for staged, writer in inds:
                results[staged.name] = publish(conn, staged.name, staged.sha256, indicators_mod.FORMAT, started,
                                               partial(writer, staged))
            network.check_coverage_integrity(conn)
        return list(results.values())
    except LoadRefused as exc:
        culprit = exc.file if exc.file in names else names[0]
        history.log_refusal(s, Path(culprit), started, str(exc))
        return [LoadResult(n, "refused", str(exc) if n == culprit else f"not loaded: {exc.file} was refused",
                           reject_report=getattr(exc, "reject_report", None) if n == culprit else None)
                for n in names]


def _store_units(s: Settings) -> dict[str, set[str]]:
    try:
        with read_engine(s).connect() as conn:
            return coverage_mod.programme_units(conn)
    except StoreMissing:
        return {}


def seed_and_report(settings: Settings | None = None) -> int:
    """seed() for the CLI and the demo: print one line per file; 1 if refused."""
    status = 0
    for r in seed(settings):
        if r.status == "refused" and r.message.startswith("not loaded:"):
            status = 1      # the refused file's own line says why
            continue
        status |= print_result(r, f", {r.rows_loaded:,} rows{'' if r.message == 'ok' else f' ({r.message})'}")
    return status
