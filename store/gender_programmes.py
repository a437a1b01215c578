"""Read functions that set the gender classification beside the budget programmes: which rule
classified each programme's lines (Género page) and the category of most of its PIM (Programas
drill table).

Apart from store/gender.py, which answers the totals and rule-set questions, because these
two are per-programme tables for the pages, shaped the way store/budget.py shapes its rows.
"""
from __future__ import annotations

import pandas as pd
import sqlalchemy as sa

from domain.codes import ALL, LEVELS, MAIN_STAGES
from settings import Settings
from store import gender_sums
from store.engine import read_engine
from store.gender import rule_conditions, rule_rows
from store.read import _frame, _num, _pct, _rows, latest_names
from store.schema import (
    GENDER_SUM_SPREAD,
    code_name,
    gender_rule,
    gender_sum_rule,
    line_class,
)


def gender_programmes(year: int, level: str | None = ALL, settings: Settings | None = None) -> pd.DataFrame:
    """Each programa with the rule(s) that classified its lines (store.gender's line_class), so a
    reader sees why money was tagged. One row per programa x rule: a programme whose products
    or units fall under different rules has several rows.

    Columns: key (programa code), name, rule_id ('sin_revisar' where no rule matched), category,
    marker (None when unreviewed), weight (percent), lio_line, lines, pia, pim, devengado (floats),
    rationale, rationale_en ('' when the rule has no English text), source, conditions (what the
    rule tests). Programmes by PIM, largest first; within one, its rules by PIM."""
    df = _frame(rule_rows(year, level, by_programme=True, rule_columns=("rationale", "rationale_en", "source")),
                settings)
    cols = ["key", "name", "rule_id", "category", "marker", "weight", "lio_line", "lines", *MAIN_STAGES,
            "rationale", "rationale_en", "source", "conditions"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    df["conditions"] = [rule_conditions(r) for r in df.to_dict("records")]
    df = df.rename(columns={"programa": "key"})
    df["name"] = df["name"].fillna("")
    for col in ("rationale", "rationale_en", "source"):
        df[col] = [v if isinstance(v, str) else "" for v in df[col]]
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


# Budget "programmes" that are not programmes (docs/domain.md §2): central actions and
# allocations that yield no product. Their gender money sits in units or activities that rules
# name, so the programme table shows them by rule (unit, activity or product), not as one row.
SPLIT_PROGRAMMES = ("9001", "9002")
PROGRAMME_TABLE_COLUMNS = ["key", "programa", "programa_name", "unit", "name", "strict", "weighted", "broad",
                           "pia", "pim", "devengado", "avance_pct", "category", "marker", "lio_line", "rules",
                           "rationale", "rationale_en"]


def _three_sums(c):
    """strict, weighted, broad devengado of line_class rows, as SELECT columns."""
    dev = c.c.devengado
    return [sa.func.sum(sa.case((c.c.marker == 2, dev), else_=0)).label("strict"),
            (sa.func.sum(dev * c.c.weight) / 100).label("weighted"),
            sa.func.sum(sa.case((c.c.marker.in_([1, 2]), dev), else_=0)).label("broad")]


def programme_table(year: int, level: str | None = ALL, settings: Settings | None = None) -> pd.DataFrame:
    """"Which programmes": one row per budget programme with its strict, weighted and broad
    devengado, PIA, PIM, devengado and avance, the category and marker of most of its PIM and
    the rules behind it. 9001 and 9002 come as one row per rule, named by the executing unit,
    activity or product the rule tests (UE 1428 JUNTOS, VASO DE LECHE...), since that is where
    their gender money is; so every line is in exactly one row and the rows add up.

    Columns: PROGRAMME_TABLE_COLUMNS; amounts are floats in soles; `unit` is the executing unit
    code of a split row whose rule tests the unit ('' otherwise). Rows by strict, weighted, broad, PIM, largest
    first."""
    g = gender_rule
    # a group's lines share one unit (activity, product) when its min equals its max: the same
    # answer as count(distinct) == 1 (the columns are NOT NULL) at a fraction of the cost
    dims = GENDER_SUM_SPREAD

    def build(c):
        """Over line_class or its sum per programme x rule (store/gender_sums.py), which keeps each
        group's smallest and largest unit, activity and product."""
        summed = c is not line_class
        grouped = [c.c.programa, c.c.rule_id, c.c.rule_set_id, c.c.category, c.c.marker, c.c.lio_line]
        stmt = sa.select(*grouped, *[sa.func.sum(c.c[a]).label(a) for a in MAIN_STAGES], *_three_sums(c),
                         *[sa.func.min(c.c[f"{d}_min" if summed else d]).label(f"{d}_code") for d in dims],
                         *[sa.func.max(c.c[f"{d}_max" if summed else d]).label(f"{d}_max") for d in dims]
                         ).where(c.c.fiscal_year == int(year))
        if level in LEVELS:
            stmt = stmt.where(c.c.nivel_gobierno == level)
        inner = stmt.group_by(*grouped).subquery()
        joined = inner.outerjoin(g, sa.and_(g.c.rule_set_id == inner.c.rule_set_id,
                                            g.c.rule_id == inner.c.rule_id))
        tests = [(g.c[d].is_not(None) | g.c[f"{d}_name"].is_not(None)).label(f"tests_{d}") for d in dims]
        return sa.select(inner, g.c.rationale, g.c.rationale_en, *tests).select_from(joined)
    with read_engine(settings).connect() as conn:
        df = _rows(conn, build(gender_sums.source(conn, gender_sum_rule)))
    if df.empty:
        return pd.DataFrame(columns=PROGRAMME_TABLE_COLUMNS)
    split = df["programa"].isin(SPLIT_PROGRAMMES)
    names = {"programa": _names("programa", year, settings, df["programa"])}
    for d in dims:
        one = df[split & (df[f"{d}_code"] == df[f"{d}_max"])]
        names[d] = _names(d, year, settings, one[f"{d}_code"])
    for col in (*MAIN_STAGES, "strict", "weighted", "broad"):
        df[col] = [_num(v) or 0.0 for v in df[col]]
    df["marker"] = [None if v is None or v != v else int(v) for v in df["marker"]]
    for col in ("rationale", "rationale_en"):
        df[col] = [v if isinstance(v, str) else "" for v in df[col]]
    rows = [_split_row(r, names) for r in df[split].to_dict("records")]
    for code, part in df[~split].groupby("programa", sort=False):
        rows.append(_programme_row(code, part, names))
    out = pd.DataFrame(rows, columns=PROGRAMME_TABLE_COLUMNS)
    twice = out["key"].duplicated(keep=False)
    out.loc[twice, "key"] = [f"{k} · {r}" for k, r in zip(out.loc[twice, "key"], out.loc[twice, "rules"])]
    out["avance_pct"] = [_pct(d, p) for d, p in zip(out["devengado"], out["pim"])]
    out = out.sort_values(["strict", "weighted", "broad", "pim", "key"], ascending=[False] * 4 + [True])
    return out.reset_index(drop=True)


NAMES_IN_LIST = 500      # more codes than this: fetch the dimension's names whole, it is quicker


def _names(dimension: str, year: int, settings, codes=None) -> dict[str, str]:
    """code -> name as store.read.latest_names gives it; with `codes`, only those (a table of 30
    rows should not fetch the year's 5,000 activity names)."""
    if codes is not None:
        codes = sorted({str(c) for c in (codes.tolist() if hasattr(codes, "tolist") else codes)})
        if not codes:
            return {}
    if codes is not None and len(codes) <= NAMES_IN_LIST:
        n = code_name
        rn = sa.func.row_number().over(partition_by=n.c.code, order_by=n.c.fiscal_year.desc()).label("rn")
        inner = sa.select(n.c.code, n.c.name, rn).where(n.c.dimension == dimension, n.c.fiscal_year == int(year),
                                                         n.c.code.in_(codes)).subquery()
        stmt = sa.select(inner.c.code, inner.c.name).where(inner.c.rn == 1)
    else:
        n = latest_names(dimension, year)
        stmt = sa.select(n.c.code, n.c.name)
    df = _frame(stmt, settings)     # .tolist(): iterating pandas' arrow strings one by one is slow
    return dict(zip(map(str, df["code"].tolist()), map(str, df["name"].tolist())))


def _programme_row(code: str, part: pd.DataFrame, names: dict) -> dict:
    part = part.sort_values(["pim", "rule_id"], ascending=[False, True])
    top = part.iloc[0]
    return {"key": code, "programa": code, "programa_name": names["programa"].get(code, ""), "unit": "",
            "name": names["programa"].get(code, ""),
            **{a: float(part[a].sum()) for a in (*MAIN_STAGES, "strict", "weighted", "broad")},
            "category": top["category"], "marker": top["marker"], "lio_line": top["lio_line"],
            "rules": ", ".join(part["rule_id"]), "rationale": top["rationale"], "rationale_en": top["rationale_en"]}


def _split_row(r: dict, names: dict) -> dict:
    """A 9001/9002 rule's lines, named by what the rule tests when its lines share one (a unit
    rule: the unit; an activity rule: the activity; a product rule: the product), else by what
    they share (unit, activity, product), else by the programme itself."""
    code = r["programa"]
    unit, key, name = "", f"{code} · {r['rule_id']}", names["programa"].get(code, "")
    dims = (("sec_ejec", "UE "), ("actividad", ""), ("producto_proyecto", ""))
    tested = [d for d in dims if r.get(f"tests_{d[0]}") is True]
    for dim, prefix in [*tested, *[d for d in dims if d not in tested]]:
        if r[f"{dim}_code"] == r[f"{dim}_max"]:
            one = r[f"{dim}_code"]
            key, name = f"{code} · {prefix}{one}", names[dim].get(one, "")
            unit = one if dim == "sec_ejec" and r.get("tests_sec_ejec") is True else ""
            break
    return {"key": key, "programa": code, "programa_name": names["programa"].get(code, ""), "unit": unit,
            "name": name, **{a: r[a] for a in (*MAIN_STAGES, "strict", "weighted", "broad")},
            "category": r["category"], "marker": r["marker"], "lio_line": r["lio_line"], "rules": r["rule_id"],
            "rationale": r["rationale"], "rationale_en": r["rationale_en"]}


def unit_spread(year: int, units: tuple[str, ...], level: str | None = ALL,
                settings: Settings | None = None) -> pd.DataFrame:
    """Where executing units' money sits across budget programmes: unit, programa, pim, devengado
    (floats), one row per unit x programme with money. For the 9001/9002 rows of programme_table
    that are one unit: a network programme such as Juntos has its unit (1428) there and most of
    its money in its own budget programme (0005), and the page shows that the parts add up."""
    c = line_class
    if not units:
        return pd.DataFrame(columns=["unit", "programa", "pim", "devengado"])
    stmt = sa.select(c.c.sec_ejec.label("unit"), c.c.programa, sa.func.sum(c.c.pim).label("pim"),
                     sa.func.sum(c.c.devengado).label("devengado")).where(
        c.c.fiscal_year == int(year), c.c.sec_ejec.in_([str(u) for u in units]))
    if level in LEVELS:
        stmt = stmt.where(c.c.nivel_gobierno == level)
    df = _frame(stmt.group_by(c.c.sec_ejec, c.c.programa).order_by(c.c.sec_ejec, c.c.programa), settings)
    for a in ("pim", "devengado"):
        df[a] = [_num(v) or 0.0 for v in df[a]]
    return df[(df["pim"] != 0) | (df["devengado"] != 0)].reset_index(drop=True)
