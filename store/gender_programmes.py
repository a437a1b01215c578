"""Read functions that set the gender classification beside the budget programmes: which rule
classified each programme's lines (Género page) and the category of most of its PIM (Programas
drill table).

Apart from store/gender.py, which answers the totals and rule-set questions, because these
two are per-programme tables for the pages, shaped the way store/budget.py shapes its rows.
"""
from __future__ import annotations

import pandas as pd

from domain.codes import ALL, MAIN_STAGES
from settings import Settings
from store.gender import rule_conditions, rule_rows
from store.read import _frame, _num, _pct


def gender_programmes(year: int, level: str | None = ALL, settings: Settings | None = None) -> pd.DataFrame:
    """Each programa with the rule(s) that classified its lines (store.gender's line_class), so a
    reader sees why money was tagged. One row per programa x rule: a programme whose products
    or units fall under different rules has several rows.

    Columns: key (programa code), name, rule_id ('sin_revisar' where no rule matched), category,
    marker (None when unreviewed), weight (percent), lio_line, lines, pia, pim, devengado (floats),
    rationale, source, conditions (what the rule tests). Programmes by PIM, largest first; within
    one, its rules by PIM."""
    df = _frame(rule_rows(year, level, by_programme=True), settings)
    cols = ["key", "name", "rule_id", "category", "marker", "weight", "lio_line", "lines", *MAIN_STAGES,
            "rationale", "source", "conditions"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    df["conditions"] = [rule_conditions(r) for r in df.to_dict("records")]
    df = df.rename(columns={"programa": "key"})
    df["name"] = df["name"].fillna("")
    for col in ("rationale", "source"):
        df[col] = df[col].fillna("")
    for a in MAIN_STAGES:
        df[a] = [_num(v) or 0.0 for v in df[a]]
    df["weight"] = [_num(v) or 0.0 for v in df["weight"]]
    df["marker"] = pd.Series([None if v is None or v != v else int(v) for v in df["marker"]], dtype=object)
    df["lines"] = [int(v) for v in df["lines"]]
    df["_total"] = df.groupby("key")["pim"].transform("sum")
    df = df.sort_values(["_total", "key", "pim", "rule_id"], ascending=[False, True, False, True])
    return df[cols].reset_index(drop=True)


def gender_by_programme(year: int, level: str | None = ALL, settings: Settings | None = None) -> pd.DataFrame:
    """One row per programa: the gender category and marker of most of its PIM, and how many
    rules share it (for the Programas drill table). Columns: key, category, marker, rules,
    category_share_pct (share of the programme's PIM in that category)."""
    df = gender_programmes(year, level, settings)
    cols = ["key", "category", "marker", "rules", "category_share_pct"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    rows = []
    for key, part in df.groupby("key", sort=False):
        top = part.iloc[0]          # rules by PIM, largest first
        pim = part["pim"].sum()
        same = part.loc[part["category"] == top["category"], "pim"].sum()
        rows.append({"key": key, "category": top["category"], "marker": top["marker"], "rules": len(part),
                     "category_share_pct": _pct(same, pim) if pim else (100.0 if len(part) == 1 else None)})
    return pd.DataFrame(rows, columns=cols)
