"""Read functions over Consulta Amigable exports (consulta_line + consulta_label).

An export's rows are keyed by whatever levels the user exported, so totals are asked by
level name (domain/consulta.py) and summed over the labels of that level.
"""
from __future__ import annotations

import pandas as pd
import sqlalchemy as sa

from domain.codes import DEPARTMENTS, MAIN_STAGES
from domain.consulta import LEVELS
from settings import Settings
from store.read import _finish, _frame
from store.schema import consulta_export, consulta_label, consulta_line, load_history


def _active():
    return sa.select(load_history.c.id).where(load_history.c.status == "loaded",
                                              load_history.c.format == "consulta_amigable")


def loaded_levels(year: int | None = None, settings: Settings | None = None) -> list[str]:
    """The levels some active export holds (what `etl totals --source consulta --by` accepts)."""
    lab = consulta_label
    stmt = sa.select(lab.c.level).distinct().where(lab.c.load_id.in_(_active())).order_by(lab.c.level)
    if year is not None:
        stmt = stmt.where(lab.c.fiscal_year == int(year))
    return list(_frame(stmt, settings)["level"])


def _summed(level: str, year, settings, extra_levels: tuple[str, ...] = ()) -> pd.DataFrame:
    lab, line = consulta_label, consulta_line
    on = sa.and_(lab.c.load_id == line.c.load_id, lab.c.line == line.c.line, lab.c.level == level)
    cols = [lab.c.key.label("key"), sa.func.max(lab.c.name).label("name")]
    joins = line.join(lab, on)
    groups = [lab.c.key]
    for extra in extra_levels:
        other = consulta_label.alias(f"lab_{extra}")
        joins = joins.outerjoin(other, sa.and_(other.c.load_id == line.c.load_id, other.c.line == line.c.line,
                                               other.c.level == extra))
        cols += [other.c.key.label(f"{extra}_key"), sa.func.max(other.c.name).label(f"{extra}_name")]
        groups.append(other.c.key)
    stmt = (sa.select(*cols, *[sa.func.sum(line.c[s]).label(s) for s in MAIN_STAGES])
            .select_from(joins).where(line.c.load_id.in_(_active())).group_by(*groups).order_by(*groups))
    if year is not None:
        stmt = stmt.where(line.c.fiscal_year == int(year))
    return _frame(stmt, settings)


def consulta_totals(level: str, year: int | None = None, settings: Settings | None = None) -> pd.DataFrame:
    """Per key of a level: PIA, PIM, devengado and execution %, over every active export holding it
    (key, name, pia, pim, devengado, execution_pct: the columns of store.read.totals)."""
    df = _summed(level, year, settings)
    return _finish(df, LEVELS.get(level, ((), None))[1] or level)


def municipalities(year: int | None = None, settings: Settings | None = None) -> pd.DataFrame:
    """Department -> province -> municipality rows of the exports that hold municipalities.

    A municipality's code is "UBIGEO-SEC_EJEC": when the export has no Departamento or Provincia
    column its ubigeo places it (first two and four digits, INEI)."""
    df = _summed("municipalidad", year, settings, extra_levels=("departamento", "provincia"))
    if df.empty:
        return pd.DataFrame(columns=["departamento", "departamento_name", "provincia", "provincia_name",
                                     "key", "name", *MAIN_STAGES, "execution_pct"])
    ubigeo = df["key"].str.split("-").str[0]
    df["departamento"] = df["departamento_key"].where(df["departamento_key"].notna(), ubigeo.str[:2])
    df["provincia"] = df["provincia_key"].where(df["provincia_key"].notna(), ubigeo.str[:4])
    df["departamento_name"] = [n if isinstance(n, str) and n else DEPARTMENTS.get(c, "")
                               for c, n in zip(df["departamento"], df["departamento_name"])]
    df["provincia_name"] = df["provincia_name"].fillna("")
    df = _finish(df, "municipalidad")
    cols = ["departamento", "departamento_name", "provincia", "provincia_name", "key", "name",
            *MAIN_STAGES, "execution_pct"]
    return df[cols].sort_values(["departamento", "provincia", "key"]).reset_index(drop=True)


def exports(settings: Settings | None = None) -> pd.DataFrame:
    """The active exports: file, load date, date of the query on the portal, levels, filters, years."""
    h, e = load_history, consulta_export
    stmt = (sa.select(h.c.id.label("load_id"), h.c.file_name, h.c.finished_at, h.c.fiscal_years, e.c.levels,
                      e.c.filters, e.c.as_of)
            .select_from(h.join(e, e.c.load_id == h.c.id)).where(h.c.id.in_(_active())).order_by(h.c.id))
    return _frame(stmt, settings)
