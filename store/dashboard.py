"""Read functions for the dashboard pages: one function per chart or table, aggregated in SQL.

Each takes the filters a page shows (fiscal year, level of government, programme, drill path)
and `settings` last, and returns only the rows a chart draws. Amounts come back as floats in
soles: the pages scale and format them. Where `store.read` already answers the question
(`totals`, `latest_names`, `is_demo_store`, `load_history_frame`) these functions call it, so
the CLI and the dashboard agree on every total.
"""
from __future__ import annotations

import pandas as pd
import sqlalchemy as sa

from domain.codes import ALL, LEVELS, MAIN_STAGES
from settings import Settings, get_settings
from store.engine import StoreMissing, publish_id, read_engine
from store.errors import SchemaMismatch
from store.gender import rule_conditions, rule_rows
from store.read import (
    DRILL_COLUMNS,
    DRILL_LEVELS,
    _filtered,
    _frame,
    _num,
    _pct,
    is_demo_store,
    latest_names,
    load_history_frame,
    totals,
)
from store.schema import budget_line, code_name, programme_category
from store.schema import load_history as history_table

__all__ = [
    "StoreMissing", "schema_problem", "DRILL_LEVELS", "store_identity", "store_summary", "sources",
    "overview_kpis", "by_level", "by_programme", "drill", "drill_names", "monthly_execution",
    "by_department", "load_history", "programme_names", "network_categories", "gender_programmes",
    "gender_by_programme",
]

def _is_ppr(col):
    """PpR strategic programmes: every programa code except the 9xxx categories (9001 ACCIONES
    CENTRALES, 9002 ASIGNACIONES PRESUPUESTARIAS QUE NO RESULTAN EN PRODUCTOS, ...) and lines
    without a code. A prefix, not a list: the non-programme categories seen are numbered 9xxx
    (docs/domain.md §2), so another such category is left out without a code change."""
    return sa.and_(col != "", sa.not_(col.startswith("9")))


def _level_filters(level: str | None, **more) -> dict:
    filters = {k: v for k, v in more.items() if v not in (None, "")}
    if level in LEVELS:
        filters["nivel"] = level
    return filters


def _where(stmt, year: int, level: str | None, programa: str | None = None):
    return _filtered(stmt, budget_line, year, _level_filters(level, programa=programa))


def _totals_frame(df: pd.DataFrame) -> pd.DataFrame:
    """store.read.totals gives Decimals and a rounded %: charts want floats, exact ratios."""
    out = pd.DataFrame({
        "key": df["key"].astype(str) if not df.empty else pd.Series(dtype=str),
        "name": df["name"].astype(str) if not df.empty else pd.Series(dtype=str),
    })
    for c in MAIN_STAGES:
        out[c] = [(_num(v) or 0.0) for v in df[c]] if not df.empty else pd.Series(dtype=float)
    out["avance_pct"] = [_pct(d, p) for d, p in zip(out["devengado"], out["pim"])]
    return out


def store_identity(settings: Settings | None = None) -> str:
    """A string that changes whenever anything is published: part of every cache key.

    DuckDB: each publish is a new version file behind the store path, so the resolved file's
    identity changes (a stat, no query). PostgreSQL: every write transaction stores a new
    publish_id (loads, `etl classify`, reference loads alike)."""
    s = settings or get_settings()
    if s.is_duckdb:
        try:
            st = s.duckdb_path.stat()
        except FileNotFoundError:
            raise StoreMissing(f"no store at {s.duckdb_path}") from None
        return f"duckdb:{s.duckdb_path}:{st.st_ino}:{st.st_mtime_ns}:{st.st_size}"
    return f"{s.database_url.rsplit('@', 1)[-1]}:{publish_id(s)}"


def schema_problem(settings: Settings | None = None) -> SchemaMismatch | None:
    """Why a store that exists cannot be read (another schema version), for the page's message."""
    try:
        read_engine(settings)
    except SchemaMismatch as exc:
        return exc
    except StoreMissing:
        return None
    return None


def store_summary(settings: Settings | None = None) -> dict:
    """What every page needs once per published store: the fiscal years with budget lines,
    the demo flag, and per year the loads its lines come from (for the charts' source line)."""
    src = sources(None, settings)
    by_year: dict[int, list[tuple[int, bool]]] = {}
    for r in src.itertuples():
        by_year.setdefault(int(r.fiscal_year), []).append((int(r.load_id), bool(r.is_demo)))
    return {"years": sorted(by_year), "is_demo": is_demo_store(settings), "loads": by_year}


def sources(year: int | None, settings: Settings | None = None) -> pd.DataFrame:
    """The loads whose lines make up a fiscal year (all years when None)."""
    t = budget_line
    lines = sa.select(t.c.fiscal_year, t.c.load_id).distinct()
    if year is not None:
        lines = lines.where(t.c.fiscal_year == int(year))
    lines = lines.subquery()
    h = history_table
    stmt = (sa.select(lines.c.fiscal_year, h.c.id.label("load_id"), h.c.file_name, h.c.is_demo)
            .select_from(h.join(lines, lines.c.load_id == h.c.id)).order_by(lines.c.fiscal_year, h.c.id))
    return _frame(stmt, settings)


def overview_kpis(year: int, level: str | None = ALL, settings: Settings | None = None) -> pd.DataFrame:
    """One row: PIA, PIM, devengado, avance % and the PpR programmes' share of PIM."""
    t = budget_line
    ppr_pim = sa.func.sum(sa.case((_is_ppr(t.c.programa), t.c.pim), else_=0)).label("ppr_pim")
    stmt = _where(sa.select(sa.func.count().label("lines"), sa.func.sum(t.c.pia).label("pia"),
                            sa.func.sum(t.c.pim).label("pim"), sa.func.sum(t.c.devengado).label("devengado"),
                            ppr_pim), year, level)
    row = _frame(stmt, settings).iloc[0]
    if not row["lines"]:
        return pd.DataFrame(columns=["pia", "pim", "devengado", "avance_pct", "ppr_pim", "ppr_share_pct"])
    pia, pim, dev, ppr = (_num(row[c]) or 0.0 for c in ("pia", "pim", "devengado", "ppr_pim"))
    return pd.DataFrame([{"pia": pia, "pim": pim, "devengado": dev, "avance_pct": _pct(dev, pim),
                          "ppr_pim": ppr, "ppr_share_pct": _pct(ppr, pim)}])


def by_level(year: int, level: str | None = ALL, settings: Settings | None = None) -> pd.DataFrame:
    """PIM, devengado and avance % per level of government (E, R, M), in that order.

    One GROUP BY without the code_name join `totals` makes: the pages label levels from
    their own translation table, and this chart is on the landing page."""
    t = budget_line
    stmt = _where(sa.select(t.c.nivel_gobierno.label("key"), sa.func.sum(t.c.pia).label("pia"),
                            sa.func.sum(t.c.pim).label("pim"), sa.func.sum(t.c.devengado).label("devengado")),
                  year, level).group_by(t.c.nivel_gobierno)
    df = _frame(stmt, settings)
    df["name"] = [LEVELS.get(k, k) for k in df["key"]]
    df = _totals_frame(df)
    order = {k: i for i, k in enumerate(LEVELS)}
    return df.sort_values("key", key=lambda s: s.map(order)).reset_index(drop=True)


def by_programme(year: int, level: str | None = ALL, settings: Settings | None = None) -> pd.DataFrame:
    """Per programa: PIA, PIM, devengado, avance %, largest PIM first."""
    return drill(year, level, (), settings)


def drill(year: int, level: str | None = ALL, path: tuple[str, ...] | list[str] = (),
          settings: Settings | None = None) -> pd.DataFrame:
    """The children of a drill path: programa -> producto/proyecto -> actividad -> ejecutora.

    `path` holds the codes chosen so far (empty = programmes); the rows are the next level
    down within that path, largest PIM first."""
    path = tuple(path)
    if len(path) >= len(DRILL_LEVELS):
        raise ValueError(f"drill path too deep: {path}")
    filters = _level_filters(level, **dict(zip(DRILL_LEVELS, path)))
    df = _totals_frame(totals(DRILL_LEVELS[len(path)], year, filters=filters, settings=settings))
    return df.sort_values(["pim", "devengado", "key"], ascending=[False, False, True]).reset_index(drop=True)


def drill_names(year: int, path: tuple[str, ...] | list[str], settings: Settings | None = None) -> list[str]:
    """The names of the codes in a drill path, for the breadcrumb ('' when unnamed)."""
    path = tuple(path)[:len(DRILL_LEVELS)]
    if not path:
        return []
    conds = [sa.and_(code_name.c.dimension == DRILL_COLUMNS[i], code_name.c.code == code)
             for i, code in enumerate(path)]
    stmt = (sa.select(code_name.c.dimension, code_name.c.code, code_name.c.name)
            .where(code_name.c.fiscal_year == int(year), sa.or_(*conds)))
    found = {(r.dimension, r.code): r.name for r in _frame(stmt, settings).itertuples()}
    return [found.get((DRILL_COLUMNS[i], code), "") for i, code in enumerate(path)]


def monthly_execution(year: int, level: str | None = ALL, programa: str | None = None,
                      settings: Settings | None = None) -> pd.DataFrame:
    """Devengado per month 1..last month loaded, its running total, PIM and cumulative avance %.

    PIM sits on the month-0 rows, so it is the sum over all rows; months run up to the last
    one with lines (a year in progress stops there instead of drawing a flat tail)."""
    t = budget_line
    stmt = _where(sa.select(t.c.month, sa.func.sum(t.c.pim).label("pim"),
                            sa.func.sum(t.c.devengado).label("devengado")), year, level, programa)
    df = _frame(stmt.group_by(t.c.month), settings)
    cols = ["month", "devengado", "devengado_acum", "pim", "avance_acum_pct"]
    months = [int(m) for m in df["month"] if int(m) > 0]
    if df.empty or not months:
        return pd.DataFrame(columns=cols)
    pim = sum(_num(v) or 0.0 for v in df["pim"])
    by_month = {int(m): _num(d) or 0.0 for m, d in zip(df["month"], df["devengado"])}
    out = pd.DataFrame({"month": range(1, max(months) + 1)})
    out["devengado"] = [by_month.get(m, 0.0) for m in out["month"]]
    out["devengado_acum"] = out["devengado"].cumsum()
    out["pim"] = pim
    out["avance_acum_pct"] = [_pct(a, pim) for a in out["devengado_acum"]]
    return out[cols]


def by_department(year: int, level: str | None = ALL, programa: str | None = None,
                  settings: Settings | None = None) -> pd.DataFrame:
    """Per DEPARTAMENTO_META (where the spending lands), 98 Exterior included."""
    df = _totals_frame(totals("departamento", year, filters=_level_filters(level, programa=programa),
                              settings=settings))
    return df.sort_values("key").reset_index(drop=True)


def load_history(settings: Settings | None = None) -> pd.DataFrame:
    """The load history, newest first, with the columns the Datos page shows."""
    df = load_history_frame(settings)
    cols = ["id", "file_name", "format", "fiscal_years", "rows_read", "rows_loaded", "rows_rejected",
            "status", "sha256", "started_at", "finished_at", "is_demo", "message"]
    df = df[cols].copy()
    df["sha256"] = df["sha256"].str[:12]
    for c in ("started_at", "finished_at"):
        df[c] = [v.strftime("%Y-%m-%d %H:%M:%S") if v is not None and v == v else "" for v in df[c]]
    return df.sort_values("id", ascending=False).reset_index(drop=True)


def programme_names(year: int, settings: Settings | None = None) -> pd.DataFrame:
    """(code, name) of the programmes with lines in a year, for a filter dropdown."""
    names = latest_names("programa", year)
    codes = (sa.select(budget_line.c.programa.label("code"))
             .where(budget_line.c.fiscal_year == int(year)).distinct().subquery())
    stmt = (sa.select(codes.c.code, names.c.name)
            .select_from(codes.outerjoin(names, names.c.code == codes.c.code)).order_by(codes.c.code))
    df = _frame(stmt, settings)
    df["name"] = df["name"].fillna("")
    return df


def network_categories(lang: str = "es", settings: Settings | None = None) -> pd.DataFrame:
    """The four Devereux & Sabates-Wheeler categories of the social protection network, in their
    order, with label and definition in `lang` ("es" or "en"), for the legend of the Red page.

    Columns: category, label, definition. Empty when programmes.yaml is not loaded."""
    c = programme_category
    if lang not in ("es", "en"):
        raise ValueError(f"lang must be es or en, not {lang!r}")
    stmt = (sa.select(c.c.category, c.c[f"label_{lang}"].label("label"),
                      c.c[f"definition_{lang}"].label("definition"))
            .where(c.c.subtype == "").order_by(c.c.position))
    df = _frame(stmt, settings)
    df["definition"] = df["definition"].fillna("")
    return df


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
