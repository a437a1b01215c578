"""The Excel brief: one dashboard view as a workbook an advocate can forward as it is.

Sheets, named in the view's language: Portada (what, filters, when, source and freshness, the
permalink, the demonstration-data warning), Resumen (key figures and native Excel charts drawn
from the data sheets' cells), one data sheet per table of the page (amounts in soles to the
centavo, totals as SUBTOTAL formulas so they follow a filter), Género (the three totals, by
category and marker, the rules behind the lines in view and the rule-set version) and Fuentes y
método (loads, definitions, how the classification works, report sections, reference series).

Every string from the data goes through `_put`, so a name such as "=HYPERLINK(...)" stays text.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.text import RichText, Text
from openpyxl.chart.title import Title
from openpyxl.drawing.text import (
    CharacterProperties,
    Paragraph,
    ParagraphProperties,
    RegularTextRun,
)
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from domain import palette
from domain.i18n import t
from exports import results
from exports.views import (
    COUNT,
    MONEY,
    NUMBER,
    PERCENT,
    Chart,
    Column,
    Table,
    View,
    categories_text,
    definitions_text,
    view_for,
)
from settings import get_settings

MONEY_FORMAT = '"S/ "#,##0.00'
PERCENT_FORMAT = "0.0%"
COUNT_FORMAT = "#,##0"
FORMATS = {MONEY: MONEY_FORMAT, PERCENT: PERCENT_FORMAT, COUNT: COUNT_FORMAT}
MILLIONS_AXIS = "#,##0,,"            # soles shown in millions on a chart axis (two thousands scalings)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
TITLE = Font(bold=True, size=14)
HEAD = Font(bold=True)
NOTE = Font(italic=True, color="555555")
WARNING = Font(bold=True, color="9C0006")
WARNING_FILL = PatternFill("solid", fgColor="FFC7CE")
HEADER_FILL = PatternFill("solid", fgColor="DEEBF7")
LINK = Font(color="0563C1", underline="single")
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
WIDE_TEXT = 60                       # characters: wider text columns wrap
CHART_WIDTH_CM = 24
# the dashboard's colour-blind-safe colours (domain/palette.py)
_DEV = palette.hex_no_hash(palette.DEVENGADO)
SERIES_COLORS = {"pim": palette.hex_no_hash(palette.PIM), "devengado": _DEV, "devengado_acum": _DEV, "per": _DEV,
                 "avance": _DEV}
ROW_COLORS = tuple(palette.hex_no_hash(palette.GENDER_TOTALS[d]) for d in ("strict", "weighted", "broad"))
ACCENT = palette.hex_no_hash(palette.ACCENT)
ROW_CM = 0.53                        # a default row's height (15 pt)


def _put(cell, value, kind: str | None = None):
    """The one way a value gets into a cell: numbers as numbers with the column's format, every
    string as a string (data never becomes a formula, and control characters Excel rejects are
    dropped)."""
    if value is None or (isinstance(value, float) and value != value):
        cell.value = None
        return cell
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool) and kind != "text":
        cell.value = value
        if kind in FORMATS:
            cell.number_format = FORMATS[kind]
        elif kind == NUMBER:
            cell.number_format = COUNT_FORMAT if value == int(value) else "#,##0.0##"
        return cell
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    cell.value = text
    cell.data_type = "s"             # after the value: openpyxl would take "=..." for a formula
    return cell


def _chart_title(text: str, size: int = 1200) -> Title:
    """A chart title in `size` hundredths of a point (openpyxl's default is Excel's 18 pt)."""
    props = CharacterProperties(sz=size, b=True)
    para = Paragraph(pPr=ParagraphProperties(defRPr=props), r=[RegularTextRun(rPr=props, t=text)])
    return Title(tx=Text(rich=RichText(p=[para])), overlay=False)


def _formula(cell, formula: str, kind: str):
    cell.value = formula
    cell.number_format = FORMATS.get(kind, "General")
    cell.font = HEAD
    return cell


@dataclass
class Placed:
    """Where a table landed: its sheet, header row, first and last data rows, column numbers."""
    ws: Worksheet
    header: int
    first: int
    last: int
    cols: dict[str, int]

    def ref(self, field: str, first: int | None = None, last: int | None = None) -> str:
        col = get_column_letter(self.cols[field])
        return f"{col}{first or self.first}:{col}{last or self.last}"


def _sheet_name(name: str, taken: set[str]) -> str:
    base = re.sub(r"\s+", " ", SHEET_CHARS.sub("-", name)).strip()[:31] or "Hoja"
    out, n = base, 2
    while out.lower() in taken:
        suffix = f" ({n})"
        out, n = base[:31 - len(suffix)] + suffix, n + 1
    taken.add(out.lower())
    return out


class _Book:
    def __init__(self, view: View):
        self.view, self.lang = view, view.lang
        self.wb = Workbook()
        self.taken: set[str] = set()
        self.placed: dict[str, Placed] = {}
        self.widths: dict[tuple[str, int], int] = {}
        self.contents_cell = None
        self.fixed: set[tuple[str, int]] = set()

    def sheet(self, key: str) -> Worksheet:
        name = _sheet_name(t(key, self.lang) if key.startswith("brief.") else key, self.taken)
        if len(self.wb.worksheets) == 1 and self.wb.active.title == "Sheet":
            ws = self.wb.active
            ws.title = name
        else:
            ws = self.wb.create_sheet(name)
        return ws

    # -- cells
    def put(self, ws: Worksheet, row: int, col: int, value, kind: str | None = None, font=None, width=True):
        cell = _put(ws.cell(row=row, column=col), value, kind)
        if font is not None:
            cell.font = font
        if width and value is not None:
            shown = 16 if kind in (MONEY, COUNT, NUMBER) else 8 if kind == PERCENT else len(str(value))
            key = (ws.title, col)
            self.widths[key] = max(self.widths.get(key, 0), min(shown, WIDE_TEXT))
            if kind not in (MONEY, COUNT, NUMBER, PERCENT) and len(str(value)) > WIDE_TEXT:
                cell.alignment = WRAP
        return cell

    def text_block(self, ws: Worksheet, row: int, heading: str | None, lines, col: int = 1) -> int:
        """A heading and lines of text (a string, or (term, text) pairs); returns the next free row."""
        if heading:
            self.put(ws, row, col, heading, font=HEAD, width=False)
            row += 1
        for line in lines:
            if isinstance(line, tuple):
                self.put(ws, row, col, line[0], font=HEAD)
                self.put(ws, row, col + 1, line[1])
            else:
                self.put(ws, row, col, line, width=False).alignment = WRAP
            row += 1
        return row + 1

    def table(self, ws: Worksheet, table: Table, row: int, *, filters: bool) -> int:
        """Title, note, header, rows and the totals row of `table` from `row`; returns the next
        free row. filters: freeze the panes under the header and set the autofilter (one table
        per sheet)."""
        self.put(ws, row, 1, table.title, font=HEAD, width=False)
        row += 1
        if table.note:
            self.put(ws, row, 1, table.note, font=NOTE, width=False)
            row += 1
        header = row
        cols = {c.field: i for i, c in enumerate(table.columns, start=1)}
        for c in table.columns:
            cell = self.put(ws, header, cols[c.field], c.header, font=HEAD)
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        records = table.frame.to_dict("records")
        for i, rec in enumerate(records, start=header + 1):
            for c in table.columns:
                self.put(ws, i, cols[c.field], rec.get(c.field), c.kind)
        first, last = header + 1, header + len(records)
        if not records:
            self.put(ws, header + 1, 1, t("empty", self.lang), font=NOTE, width=False)
            last = header
        placed = Placed(ws, header, first, last, cols)
        self.placed[table.key] = placed
        if filters:
            ws.freeze_panes = ws.cell(row=header + 1, column=1)
            ws.auto_filter.ref = f"A{header}:{get_column_letter(len(cols))}{max(last, header)}"
        if records and table.has_totals:
            total_row = last + 1
            self.put(ws, total_row, 1, t("regions.total", self.lang), font=HEAD)
            for c in table.columns:
                cell = ws.cell(row=total_row, column=cols[c.field])
                if c.total:
                    _formula(cell, f"=SUBTOTAL(109,{placed.ref(c.field)})", c.kind)
                elif c.ratio:
                    num, den = (f"SUBTOTAL(109,{placed.ref(f)})" for f in c.ratio)
                    _formula(cell, f'=IF({den}=0,"",{num}/{den})', c.kind)
            return total_row + 2
        return max(last, header + 1) + 2

    def finish_widths(self) -> None:
        """Readable widths from the longest value of each column, unless a sheet set its own."""
        for ws in self.wb.worksheets:
            for (title, col), width in self.widths.items():
                if title == ws.title and (title, col) not in self.fixed:
                    ws.column_dimensions[get_column_letter(col)].width = max(9, width + 2)

    def fix_width(self, ws: Worksheet, column: str, width: int) -> None:
        ws.column_dimensions[column].width = width
        self.fixed.add((ws.title, ws[f"{column}1"].column))

    # -- charts
    @staticmethod
    def colour(bar: BarChart, spec: Chart) -> None:
        """The page's colours: PIM light blue, devengado dark blue, the three gender totals in purples."""
        if spec.by_rows:
            for s, colour in zip(bar.series, ROW_COLORS):
                _colour_series(s, colour)
            return
        fields = spec.series[:1] if spec.kind == "combo" else spec.series
        for s, f in zip(bar.series, fields):     # a combo's monthly bars are light, its running total dark
            _colour_series(s, SERIES_COLORS["pim"] if spec.kind == "combo" else SERIES_COLORS.get(f, _DEV))
        for part in bar._charts[1:]:
            for s, f in zip(part.series, spec.series[1:]):
                _colour_series(s, SERIES_COLORS.get(f, ACCENT) if f != "pim" else ACCENT, line=True, dashed=f == "pim")

    def chart(self, spec: Chart):
        placed = self.placed.get(spec.table)
        if placed is None or placed.last < placed.first:
            return None
        ws, last = placed.ws, placed.last
        if spec.rows:
            last = min(last, placed.first + spec.rows - 1)
        if last < placed.first:
            return None
        table = self.view.table(spec.table)
        kinds = {c.field: c.kind for c in table.columns}
        bar = BarChart()
        bar.type = "bar" if spec.kind == "bar" else "col"
        bar.grouping = "clustered"
        if spec.by_rows:
            cols = [placed.cols[f] for f in spec.series]
            label = placed.cols[spec.category]
            assert cols == list(range(label + 1, label + 1 + len(cols))), "by_rows: values right of the labels"
            bar.add_data(Reference(ws, min_col=label, max_col=cols[-1], min_row=placed.first, max_row=last),
                         from_rows=True, titles_from_data=True)
            bar.set_categories(Reference(ws, min_col=cols[0], max_col=cols[-1], min_row=placed.header))
        else:
            bars = spec.series[:1] if spec.kind == "combo" else spec.series
            cats = Reference(ws, min_col=placed.cols[spec.category], min_row=placed.first, max_row=last)
            for f in bars:
                bar.add_data(Reference(ws, min_col=placed.cols[f], min_row=placed.header, max_row=last),
                             titles_from_data=True)
            bar.set_categories(cats)
            if spec.kind == "combo":
                line = LineChart()
                for f in spec.series[1:]:
                    line.add_data(Reference(ws, min_col=placed.cols[f], min_row=placed.header, max_row=last),
                                  titles_from_data=True)
                line.set_categories(cats)
                bar += line
        self.colour(bar, spec)
        value_kind = kinds.get(spec.series[0], MONEY)
        bar.y_axis.number_format = (MILLIONS_AXIS if spec.millions and value_kind == MONEY
                                    else "0%" if value_kind == PERCENT else "#,##0")
        bar.y_axis.title = spec.units
        bar.title = _chart_title(spec.title)
        bar.x_axis.delete = False
        bar.y_axis.delete = False
        if spec.kind == "bar":
            bar.x_axis.scaling.orientation = "maxMin"     # first row on top, as on the page
            bar.y_axis.crosses = "max"
        bar.legend.position = "b"
        n = last - placed.first + 1
        bar.width = CHART_WIDTH_CM
        bar.height = max(8.0, 3.0 + 0.8 * n) if spec.kind == "bar" else 8.5
        return bar


def _colour_series(series, colour: str, line: bool = False, dashed: bool = False) -> None:
    gp = series.graphicalProperties
    gp.line.solidFill = colour
    if line:
        gp.line.width = 28575                # 2.25 pt, in EMU
        if dashed:
            gp.line.dashStyle = "dash"
        series.smooth = False
    else:
        gp.solidFill = colour


def _loads_table(view: View, lang: str) -> Table:
    loads = view.sources.loads.assign(
        demo=[t("yes" if d else "no", lang) for d in view.sources.loads["is_demo"]],
        years=[("" if y is None or y != y else str(y)) for y in view.sources.loads["fiscal_years"]],
        id=[f"#{i}" for i in view.sources.loads["id"]])
    return Table("loads", "", t("brief.loads", lang), loads,
                 [Column("id", t("col.id", lang)), Column("file_name", t("col.file", lang)),
                  Column("sha256", t("col.sha", lang)), Column("finished_at", t("brief.col.loaded_at", lang)),
                  Column("format", t("col.format", lang)), Column("years", t("col.years", lang)),
                  Column("demo", t("col.demo", lang))])


def _cover(book: _Book, view: View, now: datetime, permalink: str) -> None:
    lang = view.lang
    ws = book.sheet("brief.sheet.cover")
    book.put(ws, 1, 1, t("app.title", lang), font=NOTE, width=False)
    book.put(ws, 2, 1, view.title, font=TITLE, width=False)
    row = 4
    if view.sources.is_demo:
        for col in (1, 2):
            ws.cell(row=row, column=col).fill = WARNING_FILL
        book.put(ws, row, 1, t("brief.demo.label", lang), font=WARNING)
        book.put(ws, row, 2, t("brief.demo.warning", lang), font=WARNING, width=False).alignment = WRAP
        row += 2
    row = book.text_block(ws, row, t("brief.filters", lang), view.filters)
    book.put(ws, row, 1, t("brief.generated", lang), font=HEAD)
    book.put(ws, row, 2, now.strftime("%Y-%m-%d %H:%M %Z").strip())
    row += 1
    book.put(ws, row, 1, t("brief.permalink", lang), font=HEAD)
    cell = book.put(ws, row, 2, permalink, width=False)
    cell.hyperlink = permalink
    cell.font = LINK
    row += 1
    book.put(ws, row, 1, t("brief.lang", lang), font=HEAD)
    book.put(ws, row, 2, t("brief.lang.name", lang))
    row += 2
    for note in view.notes:
        book.put(ws, row, 1, note, font=NOTE, width=False)
        row += 1
    if view.notes:
        row += 1
    book.put(ws, row, 1, t("brief.source", lang), font=HEAD)
    book.put(ws, row, 2, t("data.what.body", lang), width=False).alignment = WRAP
    row += 2
    row = book.table(ws, _loads_table(view, lang), row, filters=False)
    version = view.gender.version
    book.put(ws, row, 1, t("brief.rule_set", lang), font=HEAD)
    book.put(ws, row, 2, t("brief.rule_set.value", lang, **version) if version else t("gender.versions.none", lang),
             width=False)
    row += 2
    book.put(ws, row, 1, t("brief.contents", lang), font=HEAD)
    book.contents_cell = ws.cell(row=row, column=2)      # filled once every sheet exists
    book.fix_width(ws, "B", 90)


def _summary(book: _Book, ws: Worksheet, view: View) -> None:
    lang = view.lang
    book.put(ws, 1, 1, view.title, font=TITLE, width=False)
    book.put(ws, 2, 1, t("brief.summary.note", lang), font=NOTE, width=False)
    row = 4
    for c, head in enumerate((t("brief.figure", lang), t("brief.value", lang), t("col.note", lang)), start=1):
        book.put(ws, row, c, head, font=HEAD).fill = HEADER_FILL
    for f in view.key_figures:
        row += 1
        book.put(ws, row, 1, f.label, font=HEAD)
        book.put(ws, row, 2, f.value, f.kind)
        book.put(ws, row, 3, f.note)
    row += 2
    if view.sources.is_demo:
        book.put(ws, row, 1, t("brief.demo.warning", lang), font=WARNING, width=False)
        row += 2
    for spec in view.charts:          # one under the other: prints on pages of one chart width
        chart = book.chart(spec)
        if chart is None:
            book.put(ws, row, 1, f"{spec.title}: {t('empty', lang)}", font=NOTE, width=False)
            row += 2
            continue
        ws.add_chart(chart, f"A{row}")
        row += int(chart.height / ROW_CM) + 2
    book.fix_width(ws, "A", 34)
    book.fix_width(ws, "B", 24)
    book.fix_width(ws, "C", 60)
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _gender_sheet(book: _Book, view: View) -> None:
    lang = view.lang
    ws = book.sheet("brief.sheet.gender")
    book.put(ws, 1, 1, t("gender.title", lang) + f" · {view.year}", font=TITLE, width=False)
    book.put(ws, 2, 1, view.gender.scope, font=NOTE, width=False)
    row = 4
    for table in view.gender.tables:
        row = book.table(ws, table, row, filters=False)
    version = view.gender.version
    book.put(ws, row, 1, t("brief.rule_set", lang), font=HEAD)
    row += 1
    if version:
        for key in ("id", "sha256", "loaded_at", "loaded_by", "file_name", "rule_count"):
            book.put(ws, row, 1, t(f"brief.rule_set.{key}", lang), font=HEAD)
            book.put(ws, row, 2, version[key], "text" if key == "id" else None)
            row += 1
    else:
        book.put(ws, row, 1, t("gender.versions.none", lang))


def _results_sheet(book: _Book, view: View) -> None:
    """Result indicators beside the money: the values with their sources, then the caveats."""
    table = view.results
    if table is None:
        return
    ws = book.sheet(table.sheet)
    book.put(ws, 1, 1, table.title, font=TITLE, width=False)
    row = book.table(ws, Table(table.key, table.sheet, table.title, table.frame, table.columns), 3, filters=True)
    book.text_block(ws, row, t("results.caveats", view.lang), [t(k, view.lang) for k in results.CAVEATS])


def _method_sheet(book: _Book, view: View) -> None:
    lang = view.lang
    ws = book.sheet("brief.sheet.method")
    book.put(ws, 1, 1, t("brief.sheet.method", lang), font=TITLE, width=False)
    row = 3
    if view.sources.is_demo:
        book.put(ws, row, 1, t("brief.demo.warning", lang), font=WARNING, width=False)
        row += 2
    row = book.text_block(ws, row, t("brief.source", lang), [t("data.what.body", lang), t("data.grain.body", lang)])
    row = book.table(ws, _loads_table(view, lang), row, filters=False)
    row = book.text_block(ws, row, t("data.definitions", lang),
                          [t(f"def.{k}", lang) for k in ("pia", "pim", "certificado", "devengado", "girado",
                                                         "avance", "ppr")])
    row = book.text_block(ws, row, t("brief.method.gender", lang),
                          [t("brief.method.gender.body", lang), *definitions_text(lang), *categories_text(lang),
                           *[(t(f"gmark.{m}", lang), t(f"gmark.{m}.body", lang)) for m in ("2", "1", "0")],
                           t("gender.weight.body", lang)])
    if view.page == "red":
        row = book.text_block(ws, row, t("brief.method.network", lang),
                              [t("red.source.table", lang), *view.sources.report_sections])
    if not view.sources.reference.empty:
        row = book.text_block(ws, row, t("brief.method.reference", lang),
                              [(f"{r.file}", r.citation) for r in view.sources.reference.itertuples()])
    book.fix_width(ws, "A", 100 if view.page != "red" else 40)
    book.fix_width(ws, "B", 90)


def file_name(view: View, now: datetime) -> str:
    """What and when: brief-genero-2011-es-2026-12-04.xlsx."""
    return f"brief-{view.page}-{view.year}-{view.lang}-{now:%Y-%m-%d}.xlsx"


def build_brief(query: dict[str, str], settings=None, now: datetime | None = None,
                base_url: str | None = None) -> tuple[str, bytes]:
    """(file name, xlsx bytes) of the brief for the view at `query` (the page's URL keys plus
    page=resumen|programas|regiones|genero|red; exports.views.view_for validates them).

    now: the generation time written on the cover (default: now, local time); base_url: the
    permalink's scheme and host (default settings.public_url), e.g. the request's host URL.
    Raises exports.views.StoreMissing without a store, BriefError without budget lines."""
    s = settings or get_settings()
    view = view_for(query, s)
    now = now or datetime.now().astimezone()
    permalink = (base_url or s.public_url or f"http://{s.host}:{s.port}").rstrip("/") + view.url
    book = _Book(view)
    book.wb.properties.title = view.title
    book.wb.properties.creator = t("app.title", view.lang)
    _cover(book, view, now, permalink)
    summary = book.sheet("brief.sheet.summary")
    for table in view.tables:
        ws = book.sheet(table.sheet)
        book.table(ws, table, 1, filters=True)
    _gender_sheet(book, view)
    _results_sheet(book, view)
    _method_sheet(book, view)
    _summary(book, summary, view)
    _put(book.contents_cell, ", ".join(w.title for w in book.wb.worksheets[1:]))
    book.finish_widths()
    for ws in book.wb.worksheets:
        ws.sheet_view.showGridLines = ws.title != summary.title
    book.wb.active = 0
    buf = io.BytesIO()
    book.wb.save(buf)
    return file_name(view, now), buf.getvalue()


__all__ = ["build_brief", "file_name", "MONEY_FORMAT", "PERCENT_FORMAT", "COUNT_FORMAT"]
