"""Tables for paper: the columns of components/tables.data_grid as a plain HTML table.

AG Grid renders only the rows in view, so a printed grid loses the rest; a plain table has
every row in the page, and the browser repeats its header row on each printed page."""
from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from components.tables import FORMATTERS


def print_table(df: pd.DataFrame, columns: list[tuple[str, str, str]], *, table_id: str | None = None,
                total: dict | None = None) -> dbc.Table:
    """`columns` as data_grid takes them, (field, header, kind); numbers formatted and aligned
    right as the grids show them. `total`: a last row (e.g. components.tables.total_row)."""
    def cells(rec: dict, tag):
        out = []
        for field, _, kind in columns:
            value = rec.get(field)
            if kind in FORMATTERS:
                out.append(tag(FORMATTERS[kind](value), className="text-end text-nowrap num"))
            else:
                out.append(tag("" if value is None or value != value else str(value)))
        return out
    head = html.Thead(html.Tr([html.Th(h, className="text-end" if k in FORMATTERS else None)
                               for _, h, k in columns]))
    body = html.Tbody([html.Tr(cells(rec, html.Td)) for rec in df.to_dict("records")])
    parts = [head, body]
    if total:
        parts.append(html.Tfoot(html.Tr(cells(total, html.Th))))
    extra = {"id": table_id} if table_id else {}
    return dbc.Table(parts, size="sm", striped=True, className="print-table mb-1", **extra)
