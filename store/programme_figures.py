"""The money figures the Red page shows for one programme, worked out from reads it has already
cached (store/programme_money.py, store/reference.py): nominal or real soles, dollars beside
soles, the national cost per beneficiary against the departments', per person, by year.

Plain arithmetic on those reads' frames, no query: the page keeps each read in its own cache
entry (a switch between nominal and real soles reads nothing again) and only formats these.
"""
from __future__ import annotations

import pandas as pd

from domain.codes import NATIONAL

MONEY = ("pia", "pim", "devengado")


def in_prices(value, factor: float | None):
    """`value` times `factor` (to_real_soles(1.0, year, base year) for real soles, 1.0 for
    nominal soles); None when either is missing."""
    return None if value is None or factor is None else value * factor


def headline_amounts(budget: pd.DataFrame, factor: float | None, real: bool) -> dict:
    """PIA, PIM and devengado of budget_for_programme's row, in real soles when `real`, and
    avance % (devengado / PIM, the same in either prices)."""
    b = budget.iloc[0]
    amounts = {m: b[m] for m in MONEY}
    if real:
        amounts = {m: in_prices(v, factor) for m, v in amounts.items()}
    amounts["avance_pct"] = (b["devengado"] / b["pim"] * 100) if b["pim"] and b["devengado"] is not None else None
    return amounts


def amounts_in_dollars(budget: pd.DataFrame, usd_per_sol: float) -> dict:
    """PIA, PIM and devengado of budget_for_programme's row in US dollars (soles_to_usd(1.0, year))."""
    b = budget.iloc[0]
    return {m: None if b[m] is None else b[m] * usd_per_sol for m in MONEY}


def national_cost(cost: pd.DataFrame, factor: float | None, real: bool) -> dict | None:
    """The national row (PE) of cost_per_beneficiary as a dict, None when the coverage table has
    no national figure that year; `cost` = its cost per beneficiary in the chosen prices (None
    when there is no money, or no CPI for real soles)."""
    national = cost[cost["department"] == NATIONAL] if not cost.empty else cost
    if national.empty:
        return None
    r = national.iloc[0].to_dict()
    value = r["cost_per_beneficiary"]
    r["cost"] = in_prices(value, factor) if real and value is not None else value
    return r


def department_costs(cost: pd.DataFrame, factor: float | None, real: bool) -> pd.DataFrame:
    """The department rows of cost_per_beneficiary, `cost` (per beneficiary) and devengado in the
    chosen prices; empty when the coverage table has only national figures."""
    rows = cost[cost["department"] != NATIONAL] if not cost.empty else cost
    if rows.empty:
        return rows
    scale = (factor if real else 1.0) or None
    return rows.assign(cost=[in_prices(v, scale) for v in rows["cost_per_beneficiary"]],
                       devengado=[in_prices(v, scale) for v in rows["devengado"]])


def per_person(per: pd.DataFrame, indicator: str, factor: float | None, real: bool) -> pd.DataFrame:
    """spending_per_inhabitant (indicator "habitante") or spending_per_woman with devengado and
    `value` (devengado per person) in the chosen prices; empty when no department spent anything."""
    if per.empty or not any(v for v in per["devengado"] if v):
        return per.iloc[:0]
    column = "per_inhabitant" if indicator == "habitante" else "per_woman"
    scale = factor if real else 1.0
    return per.assign(value=pd.Series([in_prices(v, scale) for v in per[column]], index=per.index, dtype=object),
                      devengado=pd.Series([in_prices(v, scale) for v in per["devengado"]], index=per.index,
                                          dtype=object))


def years_in_prices(by_year: pd.DataFrame, real: bool) -> pd.DataFrame:
    """budget_by_year (with base_year) as the by-year chart draws it: fiscal_year, pim and
    devengado in the chosen prices (missing as 0) and avance % (nominal devengado / PIM)."""
    cols = ("pim_real", "devengado_real") if real else ("pim", "devengado")
    out = pd.DataFrame({"fiscal_year": list(by_year["fiscal_year"]), "pim": [v or 0.0 for v in by_year[cols[0]]],
                        "devengado": [v or 0.0 for v in by_year[cols[1]]]})
    out["avance_pct"] = [d / p * 100 if p else None for d, p in zip(by_year["devengado"], by_year["pim"])]
    return out
