"""Classification benchmark: `etl classify` on a store of 10 million budget lines.

Builds a DuckDB store through the project's schema with lines generated in SQL (range() with
realistic key cardinalities: about 2,600 executing units, 45 programmes, thousands of
products and activities, 25 functions, three fiscal years), then runs `python -m etl classify`
(the same function as the CLI) in its own process, several times, and a floor in the same
invocation: copy the store file and scan its distinct keys, the part no classifier can skip.
Results go to benchmarks/RESULTS.md.

    python benchmarks/bench_classify.py [--lines 10000000] [--keys 1000000] [--runs 3] [--keep]
                                        [--postgres postgresql+psycopg://user@host:port/db]

With --postgres the same lines are copied into a new database on that server and `etl classify`
is timed there too (the database is dropped afterwards).
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from common import machine, run_measured, write_section  # noqa: E402
from store.schema import LINE_CLASS_KEYS  # noqa: E402

KEYS = ", ".join(LINE_CLASS_KEYS)       # one classification key: what line_class has one row per

GOAL_SECONDS = 60.0

# Programme codes and names as seen in real files or widely cited (docs/domain.md §5);
# 9001/9002 repeated: most lines are there.
PROGRAMMES = [
    ("0001", "PROGRAMA ARTICULADO NUTRICIONAL"), ("0002", "SALUD MATERNO NEONATAL"), ("0016", "TBC-VIH/SIDA"),
    ("0017", "ENFERMEDADES METAXENICAS Y ZOONOSIS"), ("0018", "ENFERMEDADES NO TRANSMISIBLES"),
    ("0024", "PREVENCION Y CONTROL DEL CANCER"), ("0049", "PROGRAMA NACIONAL DE APOYO DIRECTO A LOS MAS POBRES"),
    ("0068", "REDUCCION DE VULNERABILIDAD Y ATENCION DE EMERGENCIAS POR DESASTRES"),
    ("0079", "ACCESO DE LA POBLACION A LA IDENTIDAD"), ("0080", "LUCHA CONTRA LA VIOLENCIA FAMILIAR"),
    ("0082", "PROGRAMA NACIONAL DE SANEAMIENTO URBANO"), ("0083", "PROGRAMA NACIONAL DE SANEAMIENTO RURAL"),
    ("0090", "LOGROS DE APRENDIZAJE DE ESTUDIANTES DE LA EDUCACION BASICA REGULAR"),
    ("0097", "PROGRAMA NACIONAL DE ASISTENCIA SOLIDARIA PENSION 65"), ("0098", "CUNA MAS"),
    ("0104", "REDUCCION DE LA MORTALIDAD POR EMERGENCIAS Y URGENCIAS MEDICAS"),
    ("0106", "INCLUSION DE NIÑOS, NIÑAS Y JOVENES CON DISCAPACIDAD EN LA EDUCACION BASICA Y TECNICO PRODUCTIVA"),
    ("0116", "MEJORAMIENTO DE LA EMPLEABILIDAD E INSERCION LABORAL-PROEMPLEO"),
    ("0117", "ATENCION OPORTUNA DE NIÑAS, NIÑOS Y ADOLESCENTES EN PRESUNTO ESTADO DE ABANDONO"),
    ("0131", "CONTROL Y PREVENCION EN SALUD MENTAL"),
    ("1001", "PRODUCTOS ESPECIFICOS PARA DESARROLLO INFANTIL TEMPRANO"),
    ("1002", "PRODUCTOS ESPECIFICOS PARA LA REDUCCION DE LA VIOLENCIA CONTRA LA MUJER"),
    *[(f"{c:04d}", f"PROGRAMA PRESUPUESTAL {c:04d}") for c in range(120, 150)],
    *[("9001", "ACCIONES CENTRALES")] * 10,
    *[("9002", "ASIGNACIONES PRESUPUESTARIAS QUE NO RESULTAN EN PRODUCTOS")] * 20,
]
# Executing units the rules name (docs/domain.md §5 and the Consulta Amigable export): index -> (code, name)
UNITS = {0: ("1428", "MIDIS- PROGRAMA NACIONAL DE APOYO DIRECTO A LOS MAS POBRES- JUNTOS"),
         1: ("1232", "PROGRAMA NACIONAL CONTRA LA VIOLENCIA FAMILIAR Y SEXUAL (PNCVFS)"),
         2: ("1441", "MIDIS- PROGRAMA NACIONAL DE ASISTENCIA SOLIDARIA PENSION 65"),
         3: ("1426", "MIDIS- PROGRAMA NACIONAL CUNA MAS - PNCM"),
         4: ("1160", "PROGRAMA INTEGRAL NACIONAL PARA EL BIENESTAR FAMILIAR- INABIF"),
         5: ("1087", "MINISTERIO DE LA MUJER Y POBLACIONES VULNERABLES- ADM. NIVEL CENTRAL"),
         6: ("1091", "SEGURO INTEGRAL DE SALUD"),
         7: ("1066", "PROGRAMA PARA LA GENERACION DE EMPLEO SOCIAL INCLUSIVO TRABAJA PERU"),
         8: ("1427", "MIDIS- FONDO DE COOPERACION PARA EL DESARROLLO SOCIAL - FONCODES"),
         9: ("480", "REGISTRO NACIONAL DE IDENTIFICACION Y ESTADO CIVIL")}
N_UNITS, FIRST_MUNI = 2600, 1800          # units 1800.. are municipalities (the only ones with VASO DE LECHE)


def _sql_list(values) -> str:
    return "[" + ", ".join("'" + v.replace("'", "''") + "'" for v in values) + "]"


def build_store(settings, lines: int, keys: int, years: int) -> dict:
    """Fill budget_line and code_name of an empty store with generated lines (one transaction)."""
    from store.engine import write_transaction
    codes = _sql_list(c for c, _ in PROGRAMMES)
    unit_case = " ".join(f"WHEN {i} THEN '{c}'" for i, (c, _) in UNITS.items())
    first_year = 2025 - years + 1
    facts = f"""
    INSERT INTO budget_line BY NAME
    WITH g AS (SELECT i, hash(i) AS h, CAST(hash(i) % {keys} AS BIGINT) AS k FROM range({lines}) t(i)),
    u AS (SELECT *, (k * 2654435761) % {N_UNITS} AS unit, (k // 3) % {len(PROGRAMMES)} AS p FROM g),
    c AS (
      SELECT *, {codes}[p + 1] AS programa,
             CASE unit {unit_case} ELSE CAST(2000 + unit * 97 AS VARCHAR) END AS sec_ejec,
             CASE WHEN unit >= {FIRST_MUNI} THEN 'M' WHEN unit >= 1500 THEN 'R' ELSE 'E' END AS nivel
      FROM u)
    SELECT 1 AS load_id, CAST({first_year} + k % {years} AS SMALLINT) AS fiscal_year,
           CAST(i % 13 AS SMALLINT) AS month, nivel AS nivel_gobierno,
           CASE nivel WHEN 'M' THEN '98' WHEN 'R' THEN '99' ELSE lpad(CAST(unit % 40 AS VARCHAR), 2, '0') END AS sector,
           CASE nivel WHEN 'M' THEN '3' || lpad(CAST(unit % 25 + 1 AS VARCHAR), 2, '0')
                      WHEN 'R' THEN CAST(440 + unit % 26 AS VARCHAR)
                      ELSE lpad(CAST(unit % 150 AS VARCHAR), 3, '0') END AS pliego,
           sec_ejec, programa, CASE WHEN k % 9 = 0 THEN '2' ELSE '3' END AS tipo_act_proy,
           CASE WHEN programa = '0016' AND k % 5 = 0 THEN '3043970'
                WHEN programa IN ('9001', '9002') THEN '3999999'
                ELSE CAST(3000000 + p * 100 + (k // 7) % 60 AS VARCHAR) END AS producto_proyecto,
           CASE WHEN unit >= {FIRST_MUNI} THEN CAST(5006000 + k % 20 AS VARCHAR)
                ELSE CAST(5000000 + (k // 11) % 5000 AS VARCHAR) END AS actividad,
           lpad(CAST((p + k) % 25 + 1 AS VARCHAR), 2, '0') AS funcion,
           lpad(CAST((p + k) % 60 AS VARCHAR), 3, '0') AS division_funcional,
           lpad(CAST((p + k) % 130 AS VARCHAR), 4, '0') AS grupo_funcional,
           lpad(CAST(i % 25 + 1 AS VARCHAR), 2, '0') AS departamento_meta,
           CAST(i % 5 + 1 AS VARCHAR) AS fuente_financiamiento, CAST(i % 8 + 1 AS VARCHAR) AS generica,
           CAST(CASE WHEN i % 13 = 0 THEN (h % 10000000) / 100.0 ELSE 0 END AS DECIMAL(18, 2)) AS pia,
           CAST(CASE WHEN i % 13 = 0 THEN (h % 12000000) / 100.0 ELSE 0 END AS DECIMAL(18, 2)) AS pim,
           0 AS certificado, 0 AS comprometido_anual, 0 AS comprometido,
           CAST(CASE WHEN i % 13 > 0 THEN (h % 1000000) / 100.0 ELSE 0 END AS DECIMAL(18, 2)) AS devengado,
           0 AS girado
    FROM c"""
    prog_names = " ".join(f"WHEN '{c}' THEN '{n}'" for c, n in dict(PROGRAMMES).items())
    unit_names = " ".join(f"WHEN '{c}' THEN '{n}'" for c, n in UNITS.values())
    names = f"""
    INSERT INTO code_name (fiscal_year, dimension, code, name)
    SELECT DISTINCT fiscal_year, 'programa', programa, CASE programa {prog_names} END FROM budget_line
    UNION ALL SELECT DISTINCT fiscal_year, 'sec_ejec', sec_ejec,
        CASE sec_ejec {unit_names} ELSE CASE nivel_gobierno WHEN 'M' THEN 'MUNICIPALIDAD DISTRITAL ' || sec_ejec
                                                        ELSE 'UNIDAD EJECUTORA ' || sec_ejec END END FROM budget_line
    UNION ALL SELECT DISTINCT fiscal_year, 'actividad', actividad,
        CASE actividad WHEN '5006000' THEN 'VASO DE LECHE'
                       WHEN '5006001' THEN 'SERVICIO DE LA DEFENSORIA MUNICIPAL DEL NIÑO Y EL ADOLESCENTE - DEMUNA'
                       ELSE 'ACTIVIDAD ' || actividad END FROM budget_line
    UNION ALL SELECT DISTINCT fiscal_year, 'producto_proyecto', producto_proyecto, 'PRODUCTO ' || producto_proyecto
        FROM budget_line
    UNION ALL SELECT DISTINCT fiscal_year, 'pliego', pliego, 'PLIEGO ' || pliego FROM budget_line
    UNION ALL SELECT DISTINCT fiscal_year, 'funcion', funcion, 'FUNCION ' || funcion FROM budget_line"""
    t0 = time.perf_counter()
    with write_transaction(settings) as conn:
        raw = conn.connection.driver_connection
        raw.execute(facts)
        raw.execute(names)
        stats = raw.execute(f"""SELECT count(*), (SELECT count(*) FROM (SELECT DISTINCT {KEYS} FROM budget_line))
            FROM budget_line""").fetchall()[0]
    return {"seconds": time.perf_counter() - t0, "lines": stats[0], "keys": stats[1],
            "file_mb": settings.duckdb_path.stat().st_size / 1e6}


FLOOR = f"""
import duckdb, shutil, sys, os
src, tmp = sys.argv[1], sys.argv[1] + '.floor'
shutil.copyfile(src, tmp)
con = duckdb.connect(tmp)
n = con.execute("SELECT count(*) FROM (SELECT DISTINCT {KEYS} FROM budget_line)").fetchone()[0]
con.close(); os.remove(tmp)
print(n)
"""


def check_store(settings) -> dict:
    """Every budget line joins to exactly one line_class row."""
    import duckdb
    con = duckdb.connect(str(settings.duckdb_path), read_only=True)
    try:
        joined, missing = con.execute(f"""SELECT count(*), count(*) FILTER (WHERE c.rule_id IS NULL)
            FROM budget_line b LEFT JOIN line_class c USING ({KEYS})""").fetchone()
        rows = con.execute("SELECT count(*), count(DISTINCT rule_id) FROM line_class").fetchone()
        unreviewed = con.execute(f"""SELECT round(100.0 * sum(b.devengado) FILTER (WHERE c.category = 'sin_revisar')
            / sum(b.devengado), 1) FROM budget_line b JOIN line_class c USING ({KEYS})""").fetchone()[0]
        return {"joined": joined, "missing": missing, "line_class_rows": rows[0], "rules_used": rows[1],
                "unreviewed_pct": unreviewed}
    finally:
        con.close()


def time_reads(settings, year: int) -> list[tuple[str, float]]:
    """Median milliseconds of the read functions the pages call, on the classified store."""
    from store.gender import coverage, gender_summary, gender_totals, line_rules, rule_diff
    from store.read import totals
    calls = [
        (f"gender_summary({year})", lambda: gender_summary(year, settings=settings)),
        (f"gender_summary({year}, nivel=M)", lambda: gender_summary(year, {"nivel": "M"}, settings=settings)),
        (f"gender_summary({year}, departamento=15) (joins the lines)",
         lambda: gender_summary(year, {"departamento": "15"}, settings=settings)),
        (f"gender_totals('categoria_genero', {year})", lambda: gender_totals("categoria_genero", year, settings=settings)),
        (f"coverage({year})", lambda: coverage(year, settings=settings)),
        (f"line_rules({year}, ['9002'])", lambda: line_rules(year, ["9002"], settings=settings)),
        (f"store.read.totals('programa', {year}) (reference, no gender)", lambda: totals("programa", year, settings=settings)),
        ("rule_diff(active version, rules file), as in: etl rules diff FILE",
         lambda: rule_diff(None, ROOT / "rules" / "gender_rules.csv", settings=settings)),
    ]
    out = []
    for name, call in calls:
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            call()
            times.append(time.perf_counter() - t0)
        out.append((name, statistics.median(times) * 1000))
    return out


def postgres_runs(settings, admin_url: str, runs: int, env: dict) -> dict:
    """Copy the generated store into a fresh PostgreSQL database and time `etl classify` there."""
    import uuid

    import duckdb
    import sqlalchemy as sa
    from store.bulk import insert_batches
    from store.engine import write_transaction
    from store.schema import budget_line, code_name
    name = f"gsb_bench_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = admin_url.rsplit("/", 1)[0] + "/" + name
    try:
        pg = dataclasses.replace(settings, database_url=url)
        src = duckdb.connect(str(settings.duckdb_path), read_only=True)
        with write_transaction(pg) as conn:
            for table in (budget_line, code_name):
                insert_batches(conn, table, src.sql(f"SELECT * FROM {table.name}").to_arrow_reader(250_000))
        src.close()
        with sa.create_engine(url, isolation_level="AUTOCOMMIT").connect() as c:
            c.exec_driver_sql("VACUUM ANALYZE")
        out = [run_measured([sys.executable, "-m", "etl", "classify"], {**env, "DATABASE_URL": url})
               for _ in range(runs)]
        return {"runs": out, "server": url.rsplit("@", 1)[-1].rsplit("/", 1)[0]}
    finally:
        with admin.connect() as c:
            c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", type=int, default=10_000_000)
    ap.add_argument("--keys", type=int, default=1_000_000, help="distinct classification keys to aim for")
    ap.add_argument("--years", type=int, default=3)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workdir", type=Path, default=ROOT / "benchmarks" / "work")
    ap.add_argument("--keep", action="store_true", help="keep the generated store")
    ap.add_argument("--postgres", help="also time `etl classify` on PostgreSQL (admin URL; a database is created)")
    args = ap.parse_args()
    from settings import get_settings

    args.workdir.mkdir(parents=True, exist_ok=True)
    store_dir = Path(tempfile.mkdtemp(dir=args.workdir, prefix="classify-"))
    env = {**os.environ, "GSB_DATA_DIR": str(store_dir), "GSB_USER": "bench_classify"}
    env.pop("DATABASE_URL", None)
    os.environ.update(GSB_DATA_DIR=str(store_dir))
    os.environ.pop("DATABASE_URL", None)
    settings = get_settings()
    print(f"building a store of {args.lines:,} lines in {store_dir} ...", flush=True)
    built = build_store(settings, args.lines, args.keys, args.years)
    print(f"  {built['lines']:,} lines, {built['keys']:,} distinct keys, {built['file_mb']:,.0f} MB, "
          f"{built['seconds']:.1f} s", flush=True)

    floor = run_measured([sys.executable, "-c", FLOOR, str(settings.duckdb_path)])
    print(f"floor (copy file + distinct keys): {floor['seconds']:.1f} s", flush=True)
    runs = []
    for i in range(args.runs):
        r = run_measured([sys.executable, "-m", "etl", "classify"], env)
        runs.append(r)
        print(f"etl classify run {i + 1}: {r['seconds']:.1f} s, peak RSS {r['peak_rss_mb']:,.0f} MB\n  "
              + r["stdout"].replace("\n", "\n  "), flush=True)
    check = check_store(settings)
    pg = postgres_runs(settings, args.postgres, args.runs, env) if args.postgres else None
    reads = time_reads(settings, 2025)
    pg_lines = []
    if pg:
        pg_med = statistics.median(r["seconds"] for r in pg["runs"])
        for r in pg["runs"]:
            print(f"etl classify on PostgreSQL: {r['seconds']:.1f} s", flush=True)
        times = ", ".join(f"{r['seconds']:.1f}" for r in pg["runs"])
        pg_lines = [f"- the same store copied into PostgreSQL ({pg['server']}, same machine): `etl classify` "
                    f"runs {times} s, median **{pg_med:.1f} s** ({'met' if pg_med < GOAL_SECONDS else 'NOT met'})"]
    med = statistics.median(r["seconds"] for r in runs)
    peak = max(r["peak_rss_mb"] for r in runs)
    ok = med < GOAL_SECONDS and check["missing"] == 0 and check["joined"] == built["lines"]
    report = "\n".join([
        f"## etl classify, {dt.date.today().isoformat()}",
        "",
        f"Store: {built['lines']:,} budget lines over {args.years} fiscal years, {built['keys']:,} distinct "
        f"classification keys (fiscal year x level x pliego x sec_ejec x programa x producto x actividad x "
        f"funcion; the level follows from the pliego), "
        f"DuckDB file {built['file_mb']:,.0f} MB, generated in SQL by `benchmarks/bench_classify.py` "
        f"({built['seconds']:.0f} s). Rules: the default `rules/gender_rules.csv`. Machine: {machine()}.",
        "Each run is `python -m etl classify` in its own process (Python start-up, reading the rule file, "
        "the copy of the store file and the atomic swap included).",
        "",
        "| contender | seconds | peak RSS (MB) |",
        "|---|---:|---:|",
        f"| floor: copy the store file + count its distinct keys (DuckDB alone) | {floor['seconds']:.1f} | "
        f"{floor['peak_rss_mb']:,.0f} |",
        *[f"| `etl classify` run {i + 1}{' (new rule-set version)' if i == 0 else ' (same rules, re-applied)'} | "
          f"{r['seconds']:.1f} | {r['peak_rss_mb']:,.0f} |" for i, r in enumerate(runs)],
        "",
        f"- median `etl classify`: **{med:.1f} s** (goal < {GOAL_SECONDS:.0f} s): {'met' if med < GOAL_SECONDS else 'NOT met'}; "
        f"{med / floor['seconds']:.1f}x the floor; peak memory {peak:,.0f} MB",
        f"- after the runs: {check['joined']:,} budget lines joined to line_class, {check['missing']} without a "
        f"classification; {check['line_class_rows']:,} line_class rows; {check['rules_used']} distinct rule ids "
        f"used (incl. sin_revisar); {check['unreviewed_pct']}% of devengado unreviewed (generated programmes "
        "0120-0149 have no rule)",
        *pg_lines,
        "",
        "Read functions the pages call (`store/gender.py`), in-process on the same DuckDB store, median of 5, "
        f"one fiscal year = about {built['lines'] // args.years:,} lines:",
        "",
        "| call | ms |",
        "|---|---:|",
        *[f"| `{name}` | {ms:,.0f} |" for name, ms in reads],
        "",
    ])
    print(report)
    write_section("## etl classify,", report)
    if not args.keep:
        import shutil
        shutil.rmtree(store_dir, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
