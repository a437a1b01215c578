"""Read functions for the reference series that put money in context: INEI population (the
per-person denominators), the Lima CPI (real soles) and soles per US dollar, with their citations.

Apart from the budget reads because every page that shows soles in context can use them, and
they change only when `python -m etl reference` loads new series (data/reference/SOURCES.md).
"""
from __future__ import annotations

from decimal import Decimal

import pandas as pd
import sqlalchemy as sa

from domain.codes import MAIN_STAGES, REAL_BASE_YEAR, STAGES
from settings import Settings
from store.engine import read_engine
from store.programmes import DEPARTMENT_NAMES
from store.read import _rows
from store.schema import cpi, exchange_rate, population, reference_source


def population_by_department(year: int, settings: Settings | None = None) -> pd.DataFrame:
    """Columns: department ('00' = national), department_name, F, M, T."""
    stmt = (sa.select(population.c.department, population.c.sex, population.c.population)
            .where(population.c.year == int(year)))
    with read_engine(settings).connect() as conn:
        df = _rows(conn, stmt)
    if df.empty:
        return pd.DataFrame(columns=["department", "department_name", "F", "M", "T"])
    wide = df.pivot(index="department", columns="sex", values="population").reset_index()
    wide.columns.name = None
    wide.insert(1, "department_name", [DEPARTMENT_NAMES.get(d, "PERÚ (NACIONAL)" if d == "00" else d)
                                       for d in wide["department"]])
    return wide[["department", "department_name", "F", "M", "T"]]


# ---------------------------------------------------------------- prices and exchange rates

def _cpi(conn, years) -> dict[int, Decimal]:
    rows = conn.execute(sa.select(cpi.c.year, cpi.c.cpi_index).where(cpi.c.year.in_([int(y) for y in years])))
    return {int(y): Decimal(v) for y, v in rows}


def to_real_soles(amount, year: int, base_year: int, settings: Settings | None = None) -> float | None:
    """Soles of `year` in prices of `base_year`: amount x CPI(base) / CPI(year); None without both CPIs."""
    if amount is None:
        return None
    with read_engine(settings).connect() as conn:
        idx = _cpi(conn, {year, base_year})
    if int(year) not in idx or int(base_year) not in idx:
        return None
    return float(Decimal(str(amount)) * idx[int(base_year)] / idx[int(year)])


def real_series(frame: pd.DataFrame, base_year: int, *, year_column: str = "fiscal_year",
                columns=MAIN_STAGES, settings: Settings | None = None) -> pd.DataFrame:
    """A copy of `frame` with cpi_factor (CPI(base) / CPI(year)) and `<column>_real` per amount column.

    Years without a CPI get None. Works on any by-year frame (totals, budget_by_year, ...).
    """
    out = frame.copy()
    with read_engine(settings).connect() as conn:
        idx = _cpi(conn, set(out[year_column].dropna().astype(int)) | {int(base_year)})
    base = idx.get(int(base_year))
    factors = [float(base / idx[int(y)]) if base is not None and int(y) in idx else None for y in out[year_column]]
    out["cpi_factor"] = pd.Series(factors, index=out.index, dtype=object)
    for c in columns:
        if c in out:
            out[f"{c}_real"] = pd.Series([None if v is None or f is None or v != v else float(v) * f
                                          for v, f in zip(out[c], factors)], index=out.index, dtype=object)
    return out


# Amount columns the read functions return (soles); in_prices converts those a frame has.
AMOUNT_COLUMNS = (*STAGES, "ppr_pim", "devengado_acum")


def price_factors(years, base_year: int = REAL_BASE_YEAR, settings: Settings | None = None) -> dict[int, float | None]:
    """{year: CPI(base) / CPI(year)}, None for a year (or a base) without a CPI: one small read,
    cacheable by pages (a tuple of years has a faithful repr)."""
    years = {int(y) for y in years}
    with read_engine(settings).connect() as conn:
        idx = _cpi(conn, years | {int(base_year)})
    base = idx.get(int(base_year))
    return {y: (float(base / idx[y]) if base is not None and y in idx else None) for y in sorted(years)}


def in_prices(frame: pd.DataFrame, prices: str, *, year: int | None = None, year_column: str = "fiscal_year",
              columns=None, base_year: int = REAL_BASE_YEAR, factors: dict | None = None,
              settings: Settings | None = None) -> pd.DataFrame:
    """The one way to show amounts in the chosen prices (state["precios"]): a copy of `frame`
    with its amount columns as nominal soles ("nominal") or soles of `base_year` ("real",
    amount x CPI(base) / CPI(year), BCRP Lima CPI), plus `cpi_factor` (1.0 when nominal).

    The year of each row is `frame[year_column]`, or `year` for a one-year frame (KPIs, a
    chart of one fiscal year). `columns`: the amount columns (default: those of AMOUNT_COLUMNS
    present). Ratios (avance %, shares) need no conversion. A year without a CPI gets NaN
    amounts and NaN factor, never the nominal figure: show no_cpi_years() beside them.
    `factors` (from price_factors) spares the read when the caller has them already."""
    out = frame.copy()
    cols = [c for c in (AMOUNT_COLUMNS if columns is None else columns) if c in out.columns]
    if prices != "real":
        out["cpi_factor"] = 1.0
        return out
    years = [int(year)] * len(out) if year is not None else [int(y) for y in out[year_column]]
    if factors is None:
        factors = price_factors(set(years), base_year, settings)
    f = pd.Series([factors.get(y) for y in years], index=out.index, dtype=float)
    out["cpi_factor"] = f
    for c in cols:
        out[c] = pd.to_numeric(out[c], errors="coerce").astype(float) * f
    return out


def no_cpi_years(frame: pd.DataFrame, *, year: int | None = None, year_column: str = "fiscal_year") -> list[int]:
    """The years of an in_prices frame whose amounts are unknown in real soles (no CPI)."""
    if "cpi_factor" not in frame or frame.empty:
        return []
    missing = frame["cpi_factor"].isna()
    if year is not None:
        return [int(year)] if missing.any() else []
    return sorted({int(y) for y in frame.loc[missing, year_column]})


def _rate(year: int, settings) -> Decimal | None:
    stmt = sa.select(exchange_rate.c.pen_per_usd).where(exchange_rate.c.year == int(year))
    with read_engine(settings).connect() as conn:
        v = conn.execute(stmt).scalar()
    return None if v is None else Decimal(v)


def soles_to_usd(amount, year: int, settings: Settings | None = None) -> float | None:
    """Soles / the year's average soles per dollar; None without a rate for that year."""
    rate = _rate(year, settings)
    return None if amount is None or rate is None else float(Decimal(str(amount)) / rate)


def usd_to_soles(amount, year: int, settings: Settings | None = None) -> float | None:
    """Dollars (as the report quotes budgets) x the year's average soles per dollar."""
    rate = _rate(year, settings)
    return None if amount is None or rate is None else float(Decimal(str(amount)) * rate)


def printed_in_soles(printed: tuple, settings: Settings | None = None) -> list[float | None]:
    """The soles of each (amount, currency, year) a programme's record prints (programme_detail's
    "budget"): PEN as printed, USD at that year's rate (usd_to_soles), None for a percentage
    (no currency) or a dollar amount without its year. A tuple, so one cached call covers them."""
    return [usd_to_soles(a, int(y), settings) if c == "USD" and a is not None and y is not None
            else (a if c == "PEN" else None)
            for a, c, y in printed]


def reference_sources(settings: Settings | None = None) -> pd.DataFrame:
    """Citations to show beside the figures. Columns: dataset, file, citation."""
    stmt = sa.select(reference_source.c.dataset, reference_source.c.file, reference_source.c.citation).order_by(
        reference_source.c.dataset)
    with read_engine(settings).connect() as conn:
        return _rows(conn, stmt)
