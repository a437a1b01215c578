"""The demonstration data generator: MEF's exact CSV format and the calibrated aggregates.

Every figure is computed from the written CSV (read back as text with pandas), never from the
generator's internals.
"""
from __future__ import annotations

import re
import tracemalloc
from pathlib import Path

import pandas as pd
import pytest

from demo import generate as demo_data
from demo.generate import DEMO_YEARS, write_benchmark_file, write_demo_files, write_year
from domain.codes import DEPARTMENTS, LEVELS
from domain.mef_format import GASTO_COLUMNS, GRAIN

AMOUNT_COLS = list(GASTO_COLUMNS[-7:])
SOLES_PER_USD_2008 = 2.9249
FIELD = r'"[^"]*"'
ROW_RE = re.compile(rf"^{FIELD}(,{FIELD}){{62}}$")
AMOUNT_RE = re.compile(r"^-?\d+(\.\d{1,2})?$")

# Codes are zero-padded text, as in real files.
CODE_RE = {
    "ANO_EJE": r"20\d\d", "MES_EJE": r"[0-9]|1[0-2]", "NIVEL_GOBIERNO": r"[ERM]", "SECTOR": r"\d{2}",
    "PLIEGO": r"\d{3}", "SEC_EJEC": r"[1-9]\d*", "EJECUTORA": r"\d{3}", "DEPARTAMENTO_EJECUTORA": r"\d{2}",
    "PROVINCIA_EJECUTORA": r"\d{2}", "DISTRITO_EJECUTORA": r"\d{2}", "SEC_FUNC": r"[1-9]\d*",
    "PROGRAMA_PPTO": r"\d{4}", "TIPO_ACT_PROY": r"[23]", "PRODUCTO_PROYECTO": r"[23]\d{6}",
    "ACTIVIDAD_ACCION_OBRA": r"[456]\d{6}", "FUNCION": r"\d{2}", "DIVISION_FUNCIONAL": r"\d{3}",
    "GRUPO_FUNCIONAL": r"\d{4}", "META": r"\d{5}", "FINALIDAD": r"\d{7}", "DEPARTAMENTO_META": r"\d{2}",
    "FUENTE_FINANCIAMIENTO": r"[1-5]", "RUBRO": r"\d{2}", "TIPO_RECURSO": r"[0-9A-Z]",
    "CATEGORIA_GASTO": r"[567]", "TIPO_TRANSACCION": r"2", "GENERICA": r"[1-8]", "SUBGENERICA": r"\d{1,2}",
    "SUBGENERICA_DET": r"\d{1,2}", "ESPECIFICA": r"\d{1,2}", "ESPECIFICA_DET": r"\d{1,2}",
}
GENERICA_NAMES = {
    "1": "PERSONAL Y OBLIGACIONES SOCIALES", "2": "PENSIONES Y OTRAS PRESTACIONES SOCIALES",
    "3": "BIENES Y SERVICIOS", "4": "DONACIONES Y TRANSFERENCIAS", "5": "OTROS GASTOS",
    "6": "ADQUISICION DE ACTIVOS NO FINANCIEROS", "7": "ADQUISICION DE ACTIVOS FINANCIEROS",
    "8": "SERVICIO DE LA DEUDA PUBLICA",
}
# 2008 PIM of the five strategic programmes, S/ million (docs/domain.md §5)
PPR_2008 = {
    "PROGRAMA ARTICULADO NUTRICIONAL": 972, "SALUD MATERNO NEONATAL": 340,
    "LOGROS DE APRENDIZAJE AL FINALIZAR EL III CICLO": 1225, "ACCESO DE LA POBLACION A LA IDENTIDAD": 25,
    "ACCESO A SERVICIOS SOCIALES BASICOS Y A OPORTUNIDADES DE MERCADO": 249,
}


@pytest.fixture(scope="module")
def demo_files(tmp_path_factory) -> dict[int, Path]:
    out = tmp_path_factory.mktemp("demo")
    paths = write_demo_files(out)
    assert [p.name for p in paths] == [f"DEMO-{y}-Gasto.csv" for y in DEMO_YEARS]
    return dict(zip(DEMO_YEARS, paths))


@pytest.fixture(scope="module")
def frames(demo_files) -> dict[int, pd.DataFrame]:
    out = {}
    for year, path in demo_files.items():
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        for c in AMOUNT_COLS:
            df[c] = df[c].astype(float)
        df["MES"] = df["MES_EJE"].astype(int)
        out[year] = df
    return out


def _pim_m(df: pd.DataFrame) -> float:
    return df["MONTO_PIM"].sum() / 1e6


def _ppr(df: pd.DataFrame) -> pd.Series:
    return ~df["PROGRAMA_PPTO"].isin(["9001", "9002"])


# ------------------------------------------------------------------------------------ format

def test_header_is_the_63_mef_columns_quoted_lf(demo_files):
    for path in demo_files.values():
        with open(path, "rb") as f:
            first = f.readline()
        assert first == (",".join(f'"{c}"' for c in GASTO_COLUMNS) + "\n").encode()
        assert len(GASTO_COLUMNS) == 63


def test_every_field_is_quoted_utf8_lf(demo_files):
    raw = demo_files[2010].read_bytes()
    assert b"\r" not in raw
    text = raw.decode("utf-8")                      # strict: fails on anything but UTF-8
    assert "Ñ" in text                              # real UTF-8, not latin-1 or stripped
    lines = text.split("\n")
    assert lines[-1] == ""                          # ends with a line end
    lines = lines[1:-1]
    step = max(1, len(lines) // 400)
    sample = lines[:200] + lines[::step] + lines[-200:]
    for line in sample:
        assert ROW_RE.match(line), line[:200]
        fields = line[1:-1].split('","')
        assert len(fields) == 63
        for value in fields[-7:]:
            assert AMOUNT_RE.match(value), (value, line[:120])


def test_codes_are_zero_padded_text(frames):
    for year, df in frames.items():
        for col, pattern in CODE_RE.items():
            bad = df.loc[~df[col].str.fullmatch(pattern), col]
            assert bad.empty, (year, col, bad.unique()[:5])
        assert set(df["ANO_EJE"]) == {str(year)}
        assert set(df["MES_EJE"]) == {str(m) for m in range(13)}
        assert {"011", "440", "039"} <= set(df["PLIEGO"])
        assert {"0001", "9001", "9002"} <= set(df["PROGRAMA_PPTO"])


def test_amounts_plain_decimals_some_negative(demo_files, frames):
    raw = pd.read_csv(demo_files[2009], dtype=str, keep_default_na=False, usecols=AMOUNT_COLS)
    for c in AMOUNT_COLS:
        assert raw[c].str.fullmatch(r"-?\d+(\.\d{1,2})?").all(), c
        assert not raw[c].str.contains(",").any()
    dev = raw["MONTO_DEVENGADO"]
    assert dev.str.startswith("-").sum() >= 10      # reversals
    assert dev.str.fullmatch(r"\d+\.\d").any() and dev.str.fullmatch(r"\d+\.\d\d").any()
    assert (dev == "0").any()


def test_names_are_upper_case_and_consistent(frames):
    for year, df in frames.items():
        for col, code, name in GRAIN:
            if name is None:
                continue
            per_code = df.groupby(code)[name].nunique()
            assert (per_code == 1).all(), (year, code, per_code[per_code > 1].head())
            assert (df[name] == df[name].str.upper()).all(), name
        assert dict(zip(df["GENERICA"], df["GENERICA_NOMBRE"])) == {
            g: n for g, n in GENERICA_NAMES.items() if g in set(df["GENERICA"])}
        assert set(df["GENERICA"]) >= {"1", "2", "3", "4", "5", "6", "7", "8"}


def test_no_demo_marker_inside_rows_but_module_says_so(demo_files):
    for path in demo_files.values():
        with open(path, encoding="utf-8") as f:
            next(f)
            for line in f:
                assert "DEMO" not in line.upper().replace("DEMOGRAF", "")
    doc = demo_data.__doc__.upper()
    assert "DEMONSTRATION" in doc and "NOT OFFICIAL" in doc


# ------------------------------------------------------------------------------- structure

def test_pia_pim_on_month_zero_only(frames):
    for year, df in frames.items():
        opening = df[df["MES"] == 0]
        monthly = df[df["MES"] > 0]
        assert len(opening) and len(monthly)
        for c in AMOUNT_COLS[2:]:
            assert (opening[c] == 0).all(), (year, c)
        assert (monthly["MONTO_PIA"] == 0).all() and (monthly["MONTO_PIM"] == 0).all()
        assert (opening["MONTO_PIM"] > 0).all()
        assert monthly["MONTO_DEVENGADO"].sum() > 0


def test_stages_are_ordered(frames):
    cols = ["MONTO_CERTIFICADO", "MONTO_COMPROMETIDO_ANUAL", "MONTO_COMPROMETIDO", "MONTO_DEVENGADO",
            "MONTO_GIRADO"]
    for year, df in frames.items():
        monthly = df[df["MES"] > 0]
        totals = monthly[cols].sum()
        assert list(totals) == sorted(totals, reverse=True), (year, totals)
        pos = monthly[monthly["MONTO_DEVENGADO"] > 0]
        ok = ((pos[cols[0]] >= pos[cols[1]]) & (pos[cols[1]] >= pos[cols[2]]) & (pos[cols[2]] >= pos[cols[3]])
              & (pos[cols[3]] >= pos[cols[4]]))
        assert ok.mean() > 0.99, year


def test_departments_levels_and_regional_governments(frames):
    for year, df in frames.items():
        assert set(df["DEPARTAMENTO_META"]) == set(DEPARTMENTS)          # 01-25 and 98
        names = dict(zip(df["DEPARTAMENTO_META"], df["DEPARTAMENTO_META_NOMBRE"]))
        assert names == DEPARTMENTS
        assert dict(zip(df["NIVEL_GOBIERNO"], df["NIVEL_GOBIERNO_NOMBRE"])) == LEVELS
        shares = df.groupby("NIVEL_GOBIERNO")["MONTO_PIM"].sum() / df["MONTO_PIM"].sum()
        assert shares["E"] > 0.5 and shares["R"] > 0.1 and shares["M"] > 0.1
        exterior = df.loc[df["DEPARTAMENTO_META"] == "98", "MONTO_PIM"].sum() / df["MONTO_PIM"].sum()
        assert 0 < exterior < 0.02                                         # a small amount abroad
        regional = df[df["NIVEL_GOBIERNO"] == "R"]
        gr = dict(zip(regional["PLIEGO"], regional["PLIEGO_NOMBRE"]))
        assert {f"{p}" for p in range(440, 465)} <= set(gr)               # 25 regional governments
        assert gr["440"] == "GOBIERNO REGIONAL DEL DEPARTAMENTO DE AMAZONAS"
        assert gr["464"] == "GOBIERNO REGIONAL DE LA PROVINCIA CONSTITUCIONAL DEL CALLAO"
        assert gr["465"] == "MUNICIPALIDAD METROPOLITANA DE LIMA"
        local = df[df["NIVEL_GOBIERNO"] == "M"]
        assert local["EJECUTORA_NOMBRE"].str.startswith("MUNICIPALIDAD").all()
        assert local.groupby("DEPARTAMENTO_EJECUTORA")["SEC_EJEC"].nunique().min() >= 1
        assert local["DEPARTAMENTO_EJECUTORA"].nunique() == 25
        # spending lands roughly where people live: Lima first, Madre de Dios among the last
        by_dept = df.groupby("DEPARTAMENTO_META")["MONTO_PIM"].sum()
        assert by_dept.idxmax() == "15"
        assert by_dept["17"] < by_dept["20"] and by_dept["24"] < by_dept["13"]


def test_several_meta_especifica_rows_per_grain_cell(frames):
    grain = [code for _, code, _ in GRAIN]
    for year, df in frames.items():
        cells = df[df["MES"] == 0].groupby(grain).size()
        assert (cells >= 2).mean() > 0.15, year
        assert cells.max() >= 4


def test_programmes_by_year(frames):
    expected = {2008: {"0001", "0002", "0003", "0004", "0005"}}
    expected[2009] = expected[2008] | {"0006", "0007", "0008"}
    expected[2010] = expected[2009] | {"0009"}
    expected[2011] = expected[2010] | {"0080"}
    for year, df in frames.items():
        assert set(df["PROGRAMA_PPTO"]) == expected[year] | {"9001", "9002"}
        names = dict(zip(df["PROGRAMA_PPTO"], df["PROGRAMA_PPTO_NOMBRE"]))
        assert names["9001"] == "ACCIONES CENTRALES"
        assert names["9002"] == "ASIGNACIONES PRESUPUESTARIAS QUE NO RESULTAN EN PRODUCTOS"
        strategic = df[_ppr(df) & (df["TIPO_ACT_PROY"] == "3")]      # 2-6 products, each with activities
        per_prog = strategic.groupby("PROGRAMA_PPTO")["PRODUCTO_PROYECTO"].nunique()
        assert per_prog.between(2, 6).all(), per_prog
        assert strategic.groupby("PRODUCTO_PROYECTO")["ACTIVIDAD_ACCION_OBRA"].nunique().min() >= 1
        projects = df[_ppr(df) & (df["TIPO_ACT_PROY"] == "2")]       # rural water, telecom, energy
        assert {"0006", "0007", "0008"} & set(df["PROGRAMA_PPTO"]) <= set(projects["PROGRAMA_PPTO"])
        # the bulk of the budget is outside the strategic programmes
        assert df.loc[df["PROGRAMA_PPTO"] == "9002", "MONTO_PIM"].sum() > 0.7 * df["MONTO_PIM"].sum()


def test_social_programme_units_and_activities(frames):
    df = frames[2008]
    units = dict(zip(df["SEC_EJEC"], df["EJECUTORA_NOMBRE"]))
    assert "JUNTOS" in units["1428"]
    assert units["1232"] == "PROGRAMA NACIONAL CONTRA LA VIOLENCIA FAMILIAR Y SEXUAL"
    all_units = " | ".join(units.values())
    for name in ("PRONAA", "WAWA WASI", "INABIF", "SEGURO INTEGRAL DE SALUD", "CONSTRUYENDO PERU", "PROJOVEN",
                 "AGRO RURAL", "PRONAMA", "FONCODES"):
        assert name in all_units, name
    acts = " | ".join(set(df["ACTIVIDAD_ACCION_OBRA_NOMBRE"]))
    for name in ("PROGRAMA INTEGRAL DE NUTRICION", "CENTROS EMERGENCIA MUJER", "COMEDORES POPULARES",
                 "PRONAMACHCS", "MARENASS", "TECHO PROPIO", "MIVIVIENDA", "DEMUNA"):
        assert name in acts, name
    vdl = df[df["ACTIVIDAD_ACCION_OBRA_NOMBRE"] == "VASO DE LECHE"]
    assert set(vdl["NIVEL_GOBIERNO"]) == {"M"} and vdl["DEPARTAMENTO_META"].nunique() == 25
    assert 300 < vdl["MONTO_PIM"].sum() / 1e6 < 420
    pin = df[df["ACTIVIDAD_ACCION_OBRA_NOMBRE"].str.contains("PROGRAMA INTEGRAL DE NUTRICION")]
    assert set(pin["PROGRAMA_PPTO"]) == {"0001"}
    sis = df[df["SEC_EJEC"] == "1091"]
    assert {"0001", "0002", "9002"} <= set(sis["PROGRAMA_PPTO"])
    assert "REVALORA" not in all_units                                   # created in 2009
    later = frames[2009]
    assert "PROGRAMA REVALORA PERU" in set(later["EJECUTORA_NOMBRE"])
    juntos = later[later["SEC_EJEC"] == "1428"]
    assert juntos.loc[juntos["PROGRAMA_PPTO"] == "0005", "MONTO_PIM"].sum() > 0.8 * juntos["MONTO_PIM"].sum()
    vf = frames[2011]
    assert set(vf.loc[vf["PROGRAMA_PPTO"] == "0080", "SEC_EJEC"]) == {"1232"}


# ----------------------------------------------------------------------------- calibration

def test_total_pim_2008_and_growth(frames):
    pim = {y: _pim_m(df) for y, df in frames.items()}
    assert 71_000 < pim[2008] <= 72_000                 # "a budget of over S/ 71,000 million"
    for y in DEMO_YEARS[1:]:
        growth = pim[y] / pim[y - 1] - 1
        assert 0.10 <= growth <= 0.15, (y, growth)
    for y, df in frames.items():                        # PIA below PIM overall, as in Peru
        assert 0.75 < df["MONTO_PIA"].sum() / df["MONTO_PIM"].sum() < 1.0


def test_ppr_share_of_budget(frames):
    share = {y: df.loc[_ppr(df), "MONTO_PIM"].sum() / df["MONTO_PIM"].sum() for y, df in frames.items()}
    assert abs(share[2008] - 0.038) <= 0.002, share[2008]
    assert abs(share[2009] - 0.083) <= 0.002, share[2009]
    assert share[2010] > share[2009] - 0.01 and share[2011] > share[2009] - 0.01


def test_strategic_programmes_2008(frames):
    df = frames[2008]
    by_name = df[_ppr(df)].groupby("PROGRAMA_PPTO_NOMBRE")["MONTO_PIM"].sum() / 1e6
    assert set(by_name.index) == set(PPR_2008)
    for name, target in PPR_2008.items():
        assert abs(by_name[name] / target - 1) <= 0.03, (name, by_name[name], target)


def test_juntos_devengado_2008_about_200_million_dollars(frames):
    df = frames[2008]
    dev = df.loc[df["SEC_EJEC"] == "1428", "MONTO_DEVENGADO"].sum() / 1e6
    target = 200 * SOLES_PER_USD_2008
    assert abs(dev / target - 1) <= 0.05, (dev, target)


def test_monthly_execution_slow_start_december_surge(frames):
    for year, df in frames.items():
        by_month = df[df["MES"] > 0].groupby("MES")["MONTO_DEVENGADO"].sum()
        share = by_month / by_month.sum()
        assert share.idxmax() == 12, (year, share.round(3).to_dict())
        assert 0.15 <= share[12] <= 0.25, share[12]
        assert all(share[m] < 1 / 12 for m in (1, 2, 3)), share.round(3).to_dict()
        assert share[[1, 2, 3]].sum() < 0.20
        assert share[12] > 1.8 * share[[7, 8, 9, 10, 11]].max()


def test_execution_rate_and_under_executed_lines(frames):
    for year, df in frames.items():
        rate = df["MONTO_DEVENGADO"].sum() / df["MONTO_PIM"].sum()
        assert 0.80 <= rate <= 0.90, (year, rate)
        projects = df[df["TIPO_ACT_PROY"] == "2"].groupby(["SEC_EJEC", "PRODUCTO_PROYECTO"])[
            ["MONTO_PIM", "MONTO_DEVENGADO"]].sum()
        projects = projects[projects["MONTO_PIM"] > 100_000]
        prate = projects["MONTO_DEVENGADO"] / projects["MONTO_PIM"]
        assert (prate.between(0.2, 0.5)).sum() >= 10, year          # clearly under-executed
        assert (prate > 0.9).sum() >= 10                            # and some executed in full
        local = df[df["NIVEL_GOBIERNO"] == "M"]
        assert local["MONTO_DEVENGADO"].sum() / local["MONTO_PIM"].sum() < rate


# ------------------------------------------------------------------------- determinism, size

def test_deterministic_in_seed(demo_files, tmp_path):
    again = tmp_path / "again.csv"
    n = write_year(again, 2008, seed=2010)
    assert again.read_bytes() == demo_files[2008].read_bytes()
    assert n == demo_files[2008].read_bytes().count(b"\n") - 1
    other = tmp_path / "other.csv"
    write_year(other, 2008, seed=11)
    assert other.read_bytes() != again.read_bytes()
    # a different seed moves the amounts, not the calibrated totals
    df = pd.read_csv(other, dtype=str, keep_default_na=False, usecols=["PROGRAMA_PPTO", "MONTO_PIM"])
    pim = df["MONTO_PIM"].astype(float)
    assert abs(pim.sum() / 1e6 - 71_950) < 1
    assert abs(pim[df["PROGRAMA_PPTO"] == "0001"].sum() / 1e6 - 972) < 1


def test_demo_row_counts(demo_files):
    for year, path in demo_files.items():
        rows = path.read_bytes().count(b"\n") - 1
        assert 20_000 <= rows <= 60_000, (year, rows)


def test_target_rows_exact(tmp_path):
    for target in (70_000, 1_500):
        path = tmp_path / f"t{target}.csv"
        n = write_year(path, 2010, target_rows=target)
        assert n == target
        assert path.read_bytes().count(b"\n") == target + 1
    df = pd.read_csv(tmp_path / "t70000.csv", dtype=str, keep_default_na=False)
    assert abs(df["MONTO_PIM"].astype(float).sum() / 1e6 - 90_800) < 1   # still calibrated


def test_benchmark_file_rows_and_format(tmp_path):
    """Speed is measured by benchmarks/bench_load.py, never asserted here."""
    path = tmp_path / "bench.csv"
    rows = 300_000
    n = write_benchmark_file(path, rows)
    assert n == rows
    with open(path, "rb") as f:
        assert f.readline() == (",".join(f'"{c}"' for c in GASTO_COLUMNS) + "\n").encode()
        count = 0
        for i, line in enumerate(f):
            count += 1
            if i % 997 == 0:
                text = line.decode("utf-8")
                assert text.endswith("\n") and "\r" not in text
                assert ROW_RE.match(text[:-1]), text[:200]
                fields = text[1:-2].split('","')
                assert fields[0] == "2011"
                assert all(AMOUNT_RE.match(v) for v in fields[-7:])
                if fields[1] == "0":
                    assert fields[-5:] == ["0"] * 5
                else:
                    assert fields[-7:-5] == ["0", "0"]
    assert count == rows


def test_benchmark_file_memory_is_bounded(tmp_path):
    path = tmp_path / "bench.csv"
    rows = 100_000
    tracemalloc.start()
    try:
        write_benchmark_file(path, rows, year=2009, seed=3)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    size = path.stat().st_size
    assert size > 60e6                                 # the file is far larger ...
    assert peak < 40e6, f"peak {peak / 1e6:.1f} MB"    # ... than what was ever held in memory
    assert path.read_bytes().count(b"\n") == rows + 1
