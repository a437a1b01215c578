"""Read functions for the social protection network's programmes: what the curated file
(data/network/programmes.yaml) says about each one, its categories, and its coverage table.

Kept apart from the money (store/programme_money.py) because these reads touch only the
curated tables, never the budget lines. Tidy DataFrames whose columns each docstring lists.
"""
from __future__ import annotations

import pandas as pd
import sqlalchemy as sa

from domain.codes import DEPARTMENTS, LANGS, NATIONAL, NATIONAL_NAME
from domain.network import MATCHERS
from settings import Settings
from store.engine import read_engine
from store.read import _frame, _rows
from store.schema import (
    network_figure,
    coverage,
    programme,
    programme_budget_link,
    programme_category,
    programme_fact,
)

DEPARTMENT_NAMES = {**DEPARTMENTS, NATIONAL: NATIONAL_NAME}


def _lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    return lang


def _float(v):
    return None if v is None else float(v)


def _decimals_to_float(df: pd.DataFrame, columns) -> pd.DataFrame:
    for c in columns:
        if c in df:
            df[c] = pd.Series([None if v is None or (isinstance(v, float) and v != v) else float(v) for v in df[c]],
                              index=df.index, dtype=object)
    return df


def _ints(df: pd.DataFrame, columns) -> pd.DataFrame:
    """Whole-number columns that may be missing: int or None, never 2005.0 / NaN."""
    for c in columns:
        df[c] = pd.Series([None if v is None or v != v else int(v) for v in df[c]], index=df.index, dtype=object)
    return df


# ---------------------------------------------------------------- programmes

def network_table(lang: str = "es", settings: Settings | None = None) -> pd.DataFrame:
    """One row per programme, in the order of programmes.yaml.

    Columns: id, acronym, name, category, category_label, subtype, subtype_label, institution,
    start_year, target_population, coverage_printed, coverage_section,
    share_social_budget_2009_pct, in_table_1. coverage_printed is the report's Table 1 figure
    as printed ("; " between several), else the programme's first figure, with its section.
    """
    lang = _lang(lang)
    p, cat = programme, programme_category
    stmt = (sa.select(p.c.id, p.c.acronym, p.c[f"name_{lang}"].label("name"), p.c.category,
                      cat.c[f"label_{lang}"].label("category_label"), p.c.subtype,
                      p.c[f"subtype_label_{lang}"].label("subtype_label"),
                      p.c[f"institution_{lang}"].label("institution"), p.c.start_year,
                      p.c[f"target_population_{lang}"].label("target_population"), p.c.coverage_printed,
                      p.c.coverage_section, p.c.share_social_budget_2009_pct, p.c.in_table_1)
            .select_from(p.outerjoin(cat, sa.and_(cat.c.category == p.c.category, cat.c.subtype == "")))
            .order_by(p.c.position))
    f = programme_fact
    facts = (sa.select(f.c.programme_id, f.c.value, f.c.unit, f.c.section)
             .where(f.c.kind == "coverage").order_by(f.c.programme_id, f.c.seq))
    with read_engine(settings).connect() as conn:
        df = _rows(conn, stmt)
        figs = _rows(conn, facts)
    # the headline figures as numbers and units (shown in the page's language beside the printed text)
    heads = {pid: [] for pid in df["id"]}
    sections = dict(zip(df["id"], df["coverage_section"]))
    for r in figs.itertuples():
        if r.section == sections.get(r.programme_id) and r.value is not None and r.value == r.value:
            heads[r.programme_id].append((float(r.value), r.unit))
    df["headline"] = [heads.get(pid, []) for pid in df["id"]]
    return _ints(_decimals_to_float(df, ["share_social_budget_2009_pct"]), ["start_year"])


def programme_list(settings: Settings | None = None) -> pd.DataFrame:
    """Every column of the programme table (both languages), in file order: for exports and the CLI."""
    cols = [c for c in programme.c if c.name not in ("load_id",)]
    with read_engine(settings).connect() as conn:
        df = _rows(conn, sa.select(*cols).order_by(programme.c.position))
    return _ints(_decimals_to_float(df, ["share_social_budget_2009_pct"]), ["start_year", "position"])


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


def programme_detail(programme_id: str, lang: str = "es", settings: Settings | None = None) -> dict | None:
    """Everything about one programme, or None for an unknown id.

    Keys:
    - "programme": dict of the programme's fields (texts in es and en) plus
      category_label_es/en and category_definition_es/en.
    The frames carry the curator's texts (what, note) in `lang`:
    - "coverage_printed": DataFrame seq, value, printed, unit, sex, date, section, contradicts,
      note (the report's figures, including those given only in words, value None;
      contradicts = the section that prints another value for the same thing).
    - "budget": DataFrame seq, amount, printed, currency, year, what, section
      (currency None = a percentage).
    - "contradictions": DataFrame seq, what, note, item, printed, section: one row per value.
    - "budget_links": DataFrame seq, year_from, year_to, match (sec_ejec | programa | pliego |
      name_pattern), code (the code or pattern), successor, note.
    - "coverage": the coverage table's rows for it: year, department, department_name, sex,
      value, unit, source, note.
    """
    p, cat, f = programme, programme_category, programme_fact
    with read_engine(settings).connect() as conn:
        row = conn.execute(
            sa.select(*[c for c in p.c if c.name != "load_id"],
                      cat.c.label_es.label("category_label_es"), cat.c.label_en.label("category_label_en"),
                      cat.c.definition_es.label("category_definition_es"),
                      cat.c.definition_en.label("category_definition_en"))
            .select_from(p.outerjoin(cat, sa.and_(cat.c.category == p.c.category, cat.c.subtype == "")))
            .where(p.c.id == programme_id)).mappings().first()
        if row is None:
            return None
        facts = _rows(conn, sa.select(f).where(f.c.programme_id == programme_id)
                      .order_by(f.c.kind, f.c.seq, f.c.item))
        links = _rows(conn, sa.select(programme_budget_link).where(
            programme_budget_link.c.programme_id == programme_id).order_by(programme_budget_link.c.seq))
        cov = _rows(conn, _coverage_stmt(programme_id))
    lang = _lang(lang)
    facts = facts.rename(columns={f"what_{lang}": "what", f"note_{lang}": "note"})
    links = links.rename(columns={f"note_{lang}": "note"})
    info = dict(row)
    info["share_social_budget_2009_pct"] = _float(info["share_social_budget_2009_pct"])
    info["share_note"] = info.get(f"share_note_{lang}")
    kind = facts["kind"] if not facts.empty else pd.Series(dtype=object)
    printed = facts[kind == "coverage"][["seq", "value", "printed", "unit", "sex", "date", "section",
                                         "contradicts", "note"]]
    budget = (facts[kind == "budget"][["seq", "value", "printed", "currency", "year", "what", "section"]]
              .rename(columns={"value": "amount"}))
    contra = facts[kind == "contradiction"]
    heads = contra[contra["item"] == 0][["seq", "note"]]
    contra = (contra[contra["item"] > 0][["seq", "what", "item", "printed", "section"]]
              .merge(heads, on="seq", how="left")[["seq", "what", "note", "item", "printed", "section"]])
    links["match"] = [next((m for m in MATCHERS if isinstance(r[m], str)), None) for _, r in links.iterrows()]
    links["code"] = [r[r["match"]] if r["match"] else None for _, r in links.iterrows()]
    links = links[["seq", "year_from", "year_to", "match", "code", "successor", "note"]]
    return {
        "programme": info,
        "coverage_printed": _decimals_to_float(printed.reset_index(drop=True), ["value"]),
        "budget": _ints(_decimals_to_float(budget.reset_index(drop=True), ["amount"]), ["year"]),
        "contradictions": contra.reset_index(drop=True),
        "budget_links": links.reset_index(drop=True),
        "coverage": _finish_coverage(cov),
    }


# ---------------------------------------------------------------- the coverage table

def _coverage_stmt(programme_id: str, year: int | None = None, unit: str | None = None):
    c = coverage
    stmt = (sa.select(c.c.year, c.c.year_inferred, c.c.department, c.c.sex, c.c.value, c.c.unit, c.c.source,
                      c.c.note)
            .where(c.c.programme_id == programme_id))
    if year is not None:
        stmt = stmt.where(c.c.year == int(year))
    if unit:
        stmt = stmt.where(c.c.unit == unit)
    order = sa.case({NATIONAL: 0}, value=c.c.department, else_=1)
    sex_order = sa.case({"F": 0, "M": 1}, value=c.c.sex, else_=2)
    return stmt.order_by(c.c.year, c.c.unit, order, c.c.department, sex_order, c.c.source)


def _finish_coverage(df: pd.DataFrame) -> pd.DataFrame:
    df.insert(3, "department_name", [DEPARTMENT_NAMES.get(d, d) for d in df["department"]])
    return _decimals_to_float(df, ["value"])


def coverage_by_department(programme_id: str, year: int | None = None, unit: str | None = None,
                           settings: Settings | None = None) -> pd.DataFrame:
    """Coverage rows of one programme, by department and sex, as loaded (never summed).

    Columns: year, year_inferred (the source prints no year: the year is the curator's reading),
    department ('PE' = national, else INEI code), department_name, sex (F/M/T), value, unit,
    source, note. Rows from different sources are kept apart: the report gives
    contradicting figures for the same thing, and percentages must never be added up.
    """
    with read_engine(settings).connect() as conn:
        return _finish_coverage(_rows(conn, _coverage_stmt(programme_id, year, unit)))


def network_figures(lang: str = "es", settings: Settings | None = None) -> pd.DataFrame:
    """Figures about the network as a whole (programmes.yaml context_figures): position, value,
    printed, unit, year, section, what (in `lang`)."""
    f = network_figure
    lang = _lang(lang)
    stmt = sa.select(f.c.position, f.c.value, f.c.printed, f.c.unit, f.c.year, f.c.section,
                     getattr(f.c, f"what_{lang}").label("what")).order_by(f.c.position)
    with read_engine(settings).connect() as conn:
        return _decimals_to_float(_rows(conn, stmt), ["value"])


def budget_names(year: int, settings: Settings | None = None) -> dict:
    """{(level, code): name} of the year's budget programmes, products and executing units, for
    tables that show codes with their names (the Red page's split of a programme's money)."""
    from store.read import latest_names
    out = {}
    with read_engine(settings).connect() as conn:
        for level, column in (("programa", "programa"), ("producto", "producto_proyecto"), ("ejecutora", "sec_ejec")):
            names = latest_names(column, year)
            out.update({(level, code): name for code, name in conn.execute(sa.select(names.c.code, names.c.name))})
    return out
