"""The small pieces every page relies on: number format, translation table, URL state, grids."""
from __future__ import annotations

import pandas as pd
import pytest
from dash_tree import find

from components.fmt import fmt_number, millions, pct
from components.tables import data_grid
from domain.codes import LANGS
from domain.i18n import TEXT, code_label, report_section, t
from domain.url_state import global_search, page_state, search_for


def test_amounts_as_mef_writes_them():
    assert millions(1_234_567_890) == "1,234.6"
    assert millions(-2_500_000) == "-2.5"
    assert pct(45.678) == "45.7 %"
    assert fmt_number(1234567, 0) == "1,234,567"
    assert millions(None) == "—" and pct(float("nan")) == "—"


def test_every_text_has_spanish_and_english():
    for key, entry in TEXT.items():
        assert set(entry) == set(LANGS), key
        assert all(v.strip() for v in entry.values()), key
    assert t("nav.overview", "en") == "Overview"
    assert t("nav.overview", "xx") == "Resumen"           # unknown language: Spanish
    assert t("source.mef", "es", loads="g.csv") == "Fuente: MEF, datos abiertos de ejecución del gasto (SIAF); archivo g.csv"


@pytest.mark.parametrize("query,expected", [
    ({}, {"year": 2011, "level": "all", "lang": "es", "path": [], "metric": "devengado", "programme": "",
          "precios": "nominal"}),
    ({"year": "2010", "level": "R", "lang": "en", "path": "0001.3000001", "metric": "avance", "programme": "0002",
      "precios": "real"},
     {"year": 2010, "level": "R", "lang": "en", "path": ["0001", "3000001"], "metric": "avance",
      "programme": "0002", "precios": "real"}),
    ({"year": "1999", "level": "X", "lang": "fr", "path": "..", "metric": "?", "programme": "all", "precios": "x"},
     {"year": 2011, "level": "all", "lang": "es", "path": [], "metric": "devengado", "programme": "",
      "precios": "nominal"}),
])
def test_page_state_validates_the_query(query, expected):
    assert page_state(query, [2010, 2011]) == expected


def test_search_round_trip_and_defaults_left_out():
    s = page_state({"year": "2010", "level": "M", "lang": "en", "path": "0001"}, [2010, 2011])
    assert search_for(s) == "?year=2010&level=M&path=0001&lang=en"
    assert search_for(s, path=[], lang="es", level="all") == "?year=2010"
    assert global_search("?year=2010&level=R&path=0001&metric=pim&lang=en") == "?year=2010&level=R&lang=en"
    # prices travel between pages like year, level and lang (issue "Analysis depth")
    assert global_search("?precios=real&indicador=mujer&year=2010") == "?year=2010&precios=real"


def test_grid_columns_never_flex():
    """AG Grid hides every row (class ag-delay-render) until flex widths are computed and, when
    the grid is re-created off-screen, sometimes never shows them again: a table that looks
    empty. Columns get plain widths; `responsiveSizeToFit` still fills the width."""
    df = pd.DataFrame({"key": ["1"], "name": ["JUNTOS"], "note": ["texto largo"], "pim": [1.0]})
    grid = find(data_grid("g", df, [("key", "Código", "text"), ("name", "Nombre", "text"),
                                    ("note", "Nota", "text"), ("pim", "PIM", "amount")],
                          wrap=("note",), row_id="key"), "g")
    assert [c["field"] for c in grid.columnDefs] == ["key", "name", "note", "pim"]
    assert all("flex" not in c for c in grid.columnDefs), grid.columnDefs
    assert grid.columnSize == "responsiveSizeToFit"
    assert grid.columnDefs[2]["wrapText"] and grid.columnDefs[2]["width"] >= grid.columnDefs[2]["minWidth"]


@pytest.mark.parametrize("section,es,en", [
    ("Table A3.2", "Tabla A3.2", "Table A3.2"),
    ("Appendix 1", "Apéndice 1", "Appendix 1"),
    ("Box 1", "Recuadro 1", "Box 1"),
    ("4.1", "sección 4.1", "section 4.1"),
    ("3.2 (footnote 30)", "sección 3.2 (nota al pie 30)", "section 3.2 (footnote 30)"),
    ("Prefacio", "Prefacio", "Prefacio"),        # not a pattern we know: left as the report prints it
    (None, "", ""),
])
def test_report_sections_in_the_page_language(section, es, en):
    assert (report_section(section, "es"), report_section(section, "en")) == (es, en)


def test_stored_codes_in_words_and_unknown_codes_kept():
    assert code_label("status", "replaced", "es") == "reemplazada"
    assert code_label("format", "coverage", "en") == "coverage table"
    assert code_label("status", "quarantined", "es") == "quarantined"
    assert code_label("format", None, "es") == ""
