"""Serving benchmark: the dashboard on a 10-million-line store, served by gunicorn as scripts/run.sh
does, driven by Chromium (Debian's /usr/bin/chromium through Playwright).

1. Builds (or reuses, --workdir/app-store) the store: the lines of benchmarks/bench_classify.py
   (build_store), `etl reference` and `etl classify`. With --postgres ADMIN_URL the same store
   is copied into a new database on that server (dropped afterwards) and measured too.
2. Per backend: gunicorn -c gunicorn.conf.py app:server on a free port with an empty cache; every
   page is visited once in Chromium for several years, levels and drill paths (cold: nothing
   cached), then the same visits again (warm). Each Dash callback's time is the browser's, from
   request start to response end.
3. 20 concurrent users for 60 s replay the recorded callback requests (random order) over HTTP.
Reports p50/p95/max and errors per backend in benchmarks/RESULTS.md (section "## app serving,").

    nice -n 19 python benchmarks/bench_app.py [--lines 10000000] [--postgres URL] [--users 20 --seconds 60]
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from common import machine, write_section

CHROMIUM = "/usr/bin/chromium"
GOALS = {"cold_p95": 300, "cold_max": 1000, "warm_p95": 50, "users_p95": 300}
CALLBACK = "/_dash-update-component"
slow: list[tuple[float, str, str]] = []      # (ms, page, callback output) of the last cold pass


def visits(years: list[int]) -> list[str]:
    """Every page, several years, levels and drill paths (URL state: domain/url_state.py)."""
    last, first = years[-1], years[0]
    out = []
    for y in (last, first):
        for level in ("", "&level=E", "&level=M"):
            out += [f"/?year={y}{level}", f"/programas?year={y}{level}", f"/regiones?year={y}{level}",
                    f"/genero?year={y}{level}"]
        out += [f"/programas?year={y}&path=9002", f"/programas?year={y}&path=0001",
                f"/red?year={y}", f"/red?year={y}&programa_red=juntos", f"/datos?year={y}",
                f"/?year={y}&precios=real"]
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build(store_dir: Path, lines: int) -> None:
    """The bench_classify lines, then the reference tables and the classification, as an operator would."""
    import bench_classify

    from settings import get_settings
    os.environ["GSB_DATA_DIR"] = str(store_dir)
    os.environ.pop("DATABASE_URL", None)
    t0 = time.perf_counter()
    bench_classify.build_store(get_settings(), lines, 1_000_000, 3)
    env = {**os.environ, "GSB_DATA_DIR": str(store_dir)}
    for step in (["reference"], ["classify"]):
        subprocess.run([sys.executable, "-m", "etl", *step], cwd=ROOT, env=env, check=True)
    print(f"store built in {time.perf_counter() - t0:.0f} s", flush=True)


def copy_to_postgres(store_dir: Path, admin_url: str, name: str | None = None) -> str:
    """Every table of the DuckDB store into a new PostgreSQL database (through the project's schema)."""
    import uuid

    import duckdb
    import sqlalchemy as sa

    from settings import get_settings
    from store.bulk import insert_batches
    from store.engine import dispose_read_engines, write_transaction
    from store.schema import metadata
    name = name or f"gsb_app_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = admin_url.rsplit("/", 1)[0] + "/" + name
    try:
        os.environ["GSB_DATA_DIR"] = str(store_dir)
        dispose_read_engines()              # DuckDB: one configuration per file and process
        pg = dataclasses.replace(get_settings(), database_url=url)
        src = duckdb.connect(str(get_settings().duckdb_path), read_only=True)
        present = {r[0] for r in src.sql("SELECT table_name FROM information_schema.tables").fetchall()}
        with write_transaction(pg) as conn:
            for table in metadata.sorted_tables:
                if table.name not in present:       # a table newer than the store: stays empty
                    continue
                conn.execute(table.delete())
                insert_batches(conn, table, src.sql(f'SELECT * FROM "{table.name}"').to_arrow_reader(250_000))
            # ids were copied as they are: move each id sequence past them, so a later write
            # (etl reference, etl load) on the copy does not collide with a copied id
            serial = conn.execute(sa.text("SELECT table_name, column_name FROM information_schema.columns "
                                          "WHERE table_schema = current_schema() AND column_default LIKE 'nextval%'"))
            for tname, col in serial.all():
                conn.exec_driver_sql(f"SELECT setval(pg_get_serial_sequence('{tname}', '{col}'), "
                                     f'COALESCE((SELECT max("{col}") FROM "{tname}"), 0) + 1, false)')
        src.close()
        with sa.create_engine(url, isolation_level="AUTOCOMMIT").connect() as c:
            c.exec_driver_sql("VACUUM ANALYZE")
    except BaseException:
        with admin.connect() as c:
            c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        raise
    finally:
        admin.dispose()
    return url


class Server:
    """gunicorn as scripts/run.sh starts it, with an empty cache."""

    def __init__(self, store_dir: Path, database_url: str | None):
        shutil.rmtree(store_dir / "cache", ignore_errors=True)
        self.port = _free_port()
        env = {**os.environ, "GSB_DATA_DIR": str(store_dir), "HOST": "127.0.0.1", "PORT": str(self.port)}
        env.pop("DATABASE_URL", None)
        if database_url:
            env["DATABASE_URL"] = database_url
        self.log = open(store_dir / f"gunicorn-{self.port}.log", "w")  # noqa: SIM115 - closed by stop()
        self.proc = subprocess.Popen([str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "gunicorn.conf.py",
                                      "app:server"], cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{self.port}"
        for _ in range(600):
            try:
                urllib.request.urlopen(self.url + "/healthz", timeout=2)
                return
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError("gunicorn exited")
                time.sleep(0.1)
        raise RuntimeError("gunicorn did not start in 60 s")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)
        self.log.close()


def drive(url: str, paths: list[str]) -> tuple[list[float], list[float], list[dict], int]:
    """Cold then warm visits in Chromium: callback milliseconds, the recorded requests, errors."""
    from playwright.sync_api import sync_playwright
    cold, warm, recorded, errors = [], [], [], 0
    slow.clear()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu",
                                                                     "--disable-dev-shm-usage"])
        page = browser.new_page()
        bucket: list[list] = [[]]
        page.on("requestfinished", lambda req: bucket[0].append((req, True)))
        page.on("requestfailed", lambda req: bucket[0].append((req, False)))
        for times in (cold, warm):
            bucket[0] = done = []
            for path in paths:
                page.goto(url + path)
                page.wait_for_load_state("networkidle", timeout=120_000)
            for req, finished in done:
                if CALLBACK not in req.url:
                    continue
                resp = req.response() if finished else None
                if resp is None or resp.status >= 400:
                    errors += 1
                    why = f"HTTP {resp.status}" if resp is not None else f"failed: {req.failure}"
                    print(f"callback error ({why}): {json.loads(req.post_data or '{}').get('output', '?')[:80]}",
                          flush=True)
                    continue
                t = req.timing
                times.append(t["responseEnd"] - t["requestStart"])
                if times is cold:
                    slow.append((times[-1], req.headers.get("referer", "").replace(url, "") or "?",
                                 json.loads(req.post_data or "{}").get("output", "?")[:60]))
                    recorded.append({"body": req.post_data, "headers": {"Content-Type": "application/json"}})
        browser.close()
    return cold, warm, recorded, errors


def users(url: str, recorded: list[dict], n: int, seconds: float) -> tuple[list[float], int]:
    """n threads replaying the recorded callbacks at random for `seconds`."""
    stop = time.monotonic() + seconds
    times: list[float] = []
    errors = [0]
    lock = threading.Lock()

    def user(seed: int) -> None:
        rnd = random.Random(seed)
        while time.monotonic() < stop:
            r = rnd.choice(recorded)
            req = urllib.request.Request(url + CALLBACK, data=r["body"].encode(), headers=r["headers"])
            t0 = time.perf_counter()
            try:
                with urllib.request.urlopen(req, timeout=60) as resp:
                    resp.read()
                    ok = resp.status < 400 or resp.status == 204
            except urllib.error.HTTPError as e:
                ok = e.code == 204
            except OSError:
                ok = False
            ms = (time.perf_counter() - t0) * 1000
            with lock:
                times.append(ms)
                errors[0] += 0 if ok else 1

    threads = [threading.Thread(target=user, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times, errors[0]


def stats(ms: list[float]) -> dict:
    if not ms:
        return {"n": 0, "p50": float("nan"), "p95": float("nan"), "max": float("nan")}
    s = sorted(ms)
    return {"n": len(s), "p50": statistics.median(s), "p95": s[min(len(s) - 1, int(0.95 * len(s)))], "max": s[-1]}


def measure(backend: str, store_dir: Path, database_url: str | None, paths: list[str], n_users: int,
            seconds: float) -> dict:
    server = Server(store_dir, database_url)
    try:
        cold, warm, recorded, errors = drive(server.url, paths)
        load, load_errors = users(server.url, recorded, n_users, seconds) if recorded else ([], 0)
    finally:
        server.stop()
    out = {"backend": backend, "cold": stats(cold), "warm": stats(warm), "users": stats(load),
           "errors": errors, "users_errors": load_errors, "slowest": sorted(slow, reverse=True)[:8]}
    print(json.dumps(out), flush=True)
    over = sorted((x for x in slow if x[0] > GOALS["cold_p95"]), reverse=True)
    print(f"{backend}: {len(over)} cold callbacks over {GOALS['cold_p95']} ms:", flush=True)
    for ms, page, output in over:
        print(f"  {ms:8,.0f} ms  {page}  {output}", flush=True)
    return out


def _line(r: dict, kind: str) -> str:
    s = r[kind]
    errs = r["users_errors"] if kind == "users" else r["errors"]
    return f"| {r['backend']} | {kind} | {s['n']:,} | {s['p50']:,.0f} | {s['p95']:,.0f} | {s['max']:,.0f} | {errs} |"


def verdict(r: dict) -> list[str]:
    checks = [("cold p95", r["cold"]["p95"], GOALS["cold_p95"]), ("cold max", r["cold"]["max"], GOALS["cold_max"]),
              ("warm p95", r["warm"]["p95"], GOALS["warm_p95"]), ("20 users p95", r["users"]["p95"], GOALS["users_p95"])]
    out = [f"- {r['backend']}: " + "; ".join(f"{name} **{v:,.0f} ms** (goal <= {g:,} ms): {'met' if v <= g else 'NOT met'}"
                                            for name, v, g in checks)
           + f"; errors {r['errors'] + r['users_errors']} (goal 0): {'met' if not r['errors'] + r['users_errors'] else 'NOT met'}"]
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", type=int, default=10_000_000)
    ap.add_argument("--workdir", type=Path, default=ROOT / "benchmarks" / "work")
    ap.add_argument("--postgres", help="admin URL of a PostgreSQL server: also measure the store copied there")
    ap.add_argument("--users", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--postgres-store", metavar="URL",
                    help="a database already holding the copy (bench_app.copy_to_postgres): measured, not dropped")
    ap.add_argument("--skip-duckdb", action="store_true")
    args = ap.parse_args()
    store_dir = args.workdir / f"app-store-{args.lines}"
    if not (store_dir / "store.duckdb").exists():
        store_dir.mkdir(parents=True, exist_ok=True)
        print(f"building the store in {store_dir} ...", flush=True)
        build(store_dir, args.lines)
    os.environ["GSB_DATA_DIR"] = str(store_dir)
    os.environ.pop("DATABASE_URL", None)
    from store.status import store_summary
    years = store_summary()["years"]
    paths = visits(years)
    results = []
    if not args.skip_duckdb:
        results.append(measure("DuckDB", store_dir, None, paths, args.users, args.seconds))
    if args.postgres_store:
        results.append(measure("PostgreSQL", store_dir, args.postgres_store, paths, args.users, args.seconds))
    elif args.postgres:
        import sqlalchemy as sa
        url = copy_to_postgres(store_dir, args.postgres)
        try:
            results.append(measure("PostgreSQL", store_dir, url, paths, args.users, args.seconds))
        finally:
            from store.engine import dispose_read_engines
            dispose_read_engines()
            admin = sa.create_engine(args.postgres, isolation_level="AUTOCOMMIT")
            with admin.connect() as c:
                c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')
            admin.dispose()
    report = "\n".join([
        f"## app serving, {dt.date.today().isoformat()}",
        "",
        f"Store: {args.lines:,} budget lines over years {', '.join(map(str, years))} (`benchmarks/bench_classify.py`'s "
        "lines, then `etl reference` and `etl classify`), with the summary tables (store/summaries.py). Served by "
        "`gunicorn -c gunicorn.conf.py app:server` as `scripts/run.sh` does, empty cache at start. "
        f"{len(paths)} page visits in Chromium (every page; years, levels, drill paths), cold then warm; then "
        f"{args.users} users replaying the recorded callbacks for {args.seconds:.0f} s. Callback time = the "
        f"browser's request start to response end. Machine: {machine()}, shared with other work (run with nice -n {os.nice(0)}).",
        "",
        "| backend | pass | callbacks | p50 ms | p95 ms | max ms | errors |",
        "|---|---|---:|---:|---:|---:|---:|",
        *[_line(r, k) for r in results for k in ("cold", "warm", "users")],
        "",
        *[v for r in results for v in verdict(r)],
        "",
        "Slowest cold callbacks (ms, page visited, callback output):",
        "",
        *[f"- {r['backend']}: {ms:,.0f} ms, `{page}`, `{output}`" for r in results for ms, page, output in r["slowest"]],
        "",
    ])
    print(report)
    write_section("## app serving,", report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
