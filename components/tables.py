"""Tables with dash-ag-grid: numbers stay numbers (so columns sort), shown as components.fmt
formats them (the text travels beside each value and a valueFormatter picks it up). Every table
has a CSV button: AG Grid's own export, so the file holds the rows as filtered and sorted."""
from __future__ import annotations

import json

import dash_ag_grid as dag
import pandas as pd
from dash import MATCH, Input, State, clientside_callback, html

from components.fmt import fmt_number, millions, pct
from components.glossary import header_tooltip
from domain.codes import DEFAULT_LANG
from domain.i18n import t

FORMATTERS = {"amount": millions, "pct": pct, "int": lambda v: fmt_number(v, 0), "num": fmt_number,
              "soles": lambda v: fmt_number(v, 2)}     # soles and centavos (reconciliation)
# Heights in px of AG Grid's header, floating filter row and data row (theme Quartz, our font size),
# to tell when a table's rows fit in the box its page gives it.
HEADER_PX, FILTER_PX, ROW_PX = 50, 42, 42
# AG Grid 35 writes UTF-8 with a byte-order mark itself (Excel then reads the accents). Raw
# numbers, not the formatted text (processCellCallback gets the raw value; columns that format
# also say useValueFormatterForExport False); headers are the headerNames, in the page language.
# csvSafeCell (assets/dashAgGridFunctions.js) puts a ' before text that a spreadsheet would run
# as a formula (OWASP CSV injection). The pinned total line is left out: the file holds the rows.
CSV_EXPORT = {"columnSeparator": ",", "skipPinnedBottom": True,
              "processCellCallback": {"function": "csvSafeCell(params)"}}


def csv_button_id(grid_id: str) -> dict:
    return {"type": "csv-export", "grid": grid_id}


def data_grid(grid_id: str, df: pd.DataFrame, columns: list[tuple[str, str, str]], *, height: int | None = 420,
              pinned_total: dict | None = None, fit: bool = True, row_id: str | None = None,
              filters: bool = False, highlight: str | None = None, wrap: tuple[str, ...] = (),
              widths: dict[str, int | tuple[int, int]] | None = None, lang: str = DEFAULT_LANG) -> html.Div:
    """A read-only grid with its CSV button above it (`find(view, grid_id)` gets the grid).
    `columns` = (field, header, kind) with kind text | amount | pct | int | num
    (num: a plain number with one decimal, e.g. S/ per person).

    row_id: a field of `df` that identifies a row (carried even when not shown, so a click's
    `cellClicked.rowId` names the row); highlight: the row_id value drawn as selected;
    filters: a filter box under each text header; wrap: text fields shown in full (wrapped);
    widths: field -> minimum width in px, or (min, max), where the defaults do not suit a column;
    height None: as tall as its rows (a short table, no inner scroll bar)."""
    rows = []
    for rec in df.to_dict("records"):
        row = {row_id: str(rec.get(row_id))} if row_id else {}
        for field, _, kind in columns:
            value = rec.get(field)
            if kind in FORMATTERS:
                row[field] = None if value is None or value != value else float(value)
                row[f"{field}__txt"] = FORMATTERS[kind](value)
            else:
                row[field] = "" if value is None or value != value else str(value)
        rows.append(row)
    defs = []
    for field, header, kind in columns:
        d = {"field": field, "headerName": header, "sortable": True, "resizable": True}
        if header_tooltip(field, lang):
            d["headerTooltip"] = header_tooltip(field, lang)        # PIA, PIM, devengado... explained
        if kind in FORMATTERS:
            d.update(type="rightAligned", minWidth=90, maxWidth=160, useValueFormatterForExport=False,
                     valueFormatter={"function": f"params.data ? params.data['{field}__txt'] : ''"})
        elif field in wrap:
            d.update(minWidth=160, width=320, wrapText=True, autoHeight=True, cellClass="grid-wrap")
        elif field == "name":
            d.update(minWidth=150, width=360, tooltipField="name")
        else:
            d.update(minWidth=70, maxWidth=180 if field == "key" else 320, tooltipField=field)
        if widths and field in widths:
            low, high = widths[field] if isinstance(widths[field], tuple) else (widths[field], None)
            d["minWidth"] = low
            if high:
                d["maxWidth"] = high
        if filters and kind not in FORMATTERS:
            d.update(filter="agTextColumnFilter", floatingFilter=True, suppressHeaderMenuButton=True)
        defs.append(d)
    if height and len(rows) + bool(pinned_total) <= (height - HEADER_PX - (FILTER_PX if filters else 0)) // ROW_PX:
        height = None                 # the rows fit: no fixed box, so no blank band above the total
    # Text can be selected and copied (AG Grid's default forbids it); cells in DOM order, so what is
    # copied, read aloud or printed follows the columns. Tooltips are the browser's own (title),
    # which a click or a redraw cannot leave stuck on screen as AG Grid's could.
    options = {"animateRows": False, "domLayout": "normal" if height else "autoHeight",
               "enableCellTextSelection": True, "ensureDomOrder": True, "enableBrowserTooltips": True}
    if pinned_total:
        total = {f: pinned_total.get(f) for f, _, _ in columns}
        for field, _, kind in columns:
            if kind in FORMATTERS:
                total[f"{field}__txt"] = FORMATTERS[kind](pinned_total.get(field))
        options["pinnedBottomRowData"] = [total]
    extra = {}
    if row_id:
        extra["getRowId"] = f"params.data['{row_id}']"
        options["rowStyle"] = {"cursor": "pointer"}
    if row_id and highlight:
        extra["getRowStyle"] = {"styleConditions": [{
            "condition": f"params.data && params.data['{row_id}'] === {highlight!r}",
            "style": {"backgroundColor": "#deebf7", "fontWeight": "600"}}]}
    grid = dag.AgGrid(id=grid_id, rowData=rows, columnDefs=defs, columnSize="responsiveSizeToFit" if fit else "autoSize",
                      defaultColDef={"suppressMovable": True}, dashGridOptions=options, csvExportParams=CSV_EXPORT,
                      style={"height": f"{height}px" if height else None, "width": "100%"}, **extra)
    label = t("takeaway.csv.label", lang)
    button = html.Button("CSV", id=csv_button_id(grid_id), type="button", title=label, n_clicks=0,
                         className="btn btn-sm btn-outline-dark py-0 px-2", **{"aria-label": label})
    return html.Div([html.Div(button, className="d-flex justify-content-end mb-1"), grid])


# The button sets the grid's exportDataAsCsv (dash-ag-grid calls AG Grid's export and resets it)
# in the browser, no server round trip. File name: page, table, year, language, day, e.g.
# programas-2011-es-2026-12-04.csv; page, year and language come from the page's take-away links
# (components/takeaway.py, data-export-*), or from the URL on a page without them.
clientside_callback(
    """function (n, id, pathname, search) {
        if (!n) { return; }
        const el = document.querySelector('[data-export-page]');
        const query = new URLSearchParams(search || '');
        const page = el ? el.dataset.exportPage : ((pathname || '/').replace(/^\/+|\/+$/g, '') || 'resumen');
        const view = el ? el.dataset.exportView : (query.get('lang') || '%(lang)s');
        const table = id.grid.split('-').slice(1).filter(function (p) { return p !== 'grid'; }).join('-');
        const d = new Date();
        const pad = function (x) { return String(x).padStart(2, '0'); };
        const day = d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
        const name = [page, table, view, day].filter(Boolean).join('-') + '.csv';
        dash_clientside.set_props(id.grid, {csvExportParams: Object.assign(%(params)s, {fileName: name}),
                                            exportDataAsCsv: true});
    }""" % {"lang": DEFAULT_LANG, "params": json.dumps(CSV_EXPORT)},
    Input(csv_button_id(MATCH), "n_clicks"), State(csv_button_id(MATCH), "id"),
    State("shell-url", "pathname"), State("shell-url", "search"), prevent_initial_call=True)


def budget_columns(lang: str, key_header: str | None = None, pia: bool = True,
                   name_header: str | None = None) -> list[tuple[str, str, str]]:
    """Key, name, PIA, PIM, devengado, avance %: the columns of every budget table."""
    cols = [("key", key_header or t("col.key", lang), "text"), ("name", name_header or t("col.name", lang), "text"),
            ("pia", t("col.pia", lang), "amount"), ("pim", t("col.pim", lang), "amount"),
            ("devengado", t("col.devengado", lang), "amount"), ("avance_pct", t("col.avance", lang), "pct")]
    return cols if pia else [c for c in cols if c[0] != "pia"]


def total_row(df: pd.DataFrame, lang: str) -> dict:
    """The pinned total line of a budget table (avance % from the sums, not an average)."""
    pim, dev = float(df["pim"].sum()), float(df["devengado"].sum())
    return {"key": "", "name": t("regions.total", lang), "pia": float(df["pia"].sum()), "pim": pim,
            "devengado": dev, "avance_pct": dev / pim * 100 if pim else None}
