"""Tables with dash-ag-grid: numbers stay numbers (so columns sort), shown as components.fmt
formats them (the text travels beside each value and a valueFormatter picks it up)."""
from __future__ import annotations

import dash_ag_grid as dag
import pandas as pd

from components.fmt import fmt_number, millions, pct
from components.i18n import t

FORMATTERS = {"amount": millions, "pct": pct, "int": lambda v: fmt_number(v, 0)}


def data_grid(grid_id: str, df: pd.DataFrame, columns: list[tuple[str, str, str]], *, height: int = 420,
              pinned_total: dict | None = None) -> dag.AgGrid:
    """A read-only grid. `columns` = (field, header, kind) with kind text | amount | pct | int."""
    rows = []
    for rec in df.to_dict("records"):
        row = {}
        for field, _, kind in columns:
            value = rec.get(field)
            if kind in FORMATTERS:
                row[field] = None if value is None or value != value else float(value)
                row[f"{field}__txt"] = FORMATTERS[kind](value)
            else:
                row[field] = "" if value is None else str(value)
        rows.append(row)
    defs = []
    for field, header, kind in columns:
        d = {"field": field, "headerName": header, "sortable": True, "resizable": True}
        if kind in FORMATTERS:
            d.update(type="rightAligned", filter="agNumberColumnFilter", minWidth=110,
                     valueFormatter={"function": f"params.data ? params.data['{field}__txt'] : ''"})
        else:
            d.update(filter=True, minWidth=90 if field == "key" else 160)
            if field == "name":
                d.update(flex=2, tooltipField="name")
        defs.append(d)
    options = {"animateRows": False, "domLayout": "normal", "tooltipShowDelay": 300}
    if pinned_total:
        total = {f: pinned_total.get(f) for f, _, _ in columns}
        for field, _, kind in columns:
            if kind in FORMATTERS:
                total[f"{field}__txt"] = FORMATTERS[kind](pinned_total.get(field))
        options["pinnedBottomRowData"] = [total]
    return dag.AgGrid(id=grid_id, rowData=rows, columnDefs=defs, columnSize="responsiveSizeToFit",
                      defaultColDef={"suppressMovable": True}, dashGridOptions=options,
                      style={"height": f"{height}px", "width": "100%"})


def budget_columns(lang: str, key_header: str | None = None) -> list[tuple[str, str, str]]:
    """Key, name, PIA, PIM, devengado, avance %: the columns of every budget table."""
    return [("key", key_header or t("col.key", lang), "text"), ("name", t("col.name", lang), "text"),
            ("pia", t("pia", lang), "amount"), ("pim", t("pim", lang), "amount"),
            ("devengado", t("devengado", lang), "amount"), ("avance_pct", t("avance", lang), "pct")]


def total_row(df: pd.DataFrame, lang: str) -> dict:
    """The pinned total line of a budget table (avance % from the sums, not an average)."""
    pim, dev = float(df["pim"].sum()), float(df["devengado"].sum())
    return {"key": "", "name": t("regions.total", lang), "pia": float(df["pia"].sum()), "pim": pim,
            "devengado": dev, "avance_pct": dev / pim * 100 if pim else None}
