"""`python -m etl report`: the printable report (/informe) as a PDF file.

The dashboard draws the report (its charts are plotly.js, drawn in the browser), so this starts
the dashboard in a subprocess (gunicorn, loopback, a free port, the same store) and lets
headless Chromium print the page, then stops the server. The ETL imports no Dash and the
dashboard never needs Chromium: only this command does.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from settings import PROJECT_ROOT, get_settings

CHROMIUM = Path("/usr/bin/chromium")       # Debian's package (scripts/test.sh installs it)
START_TIMEOUT_S = 90                       # the app's first answer (imports, store check)
PRINT_TIMEOUT_S = 180
# Virtual time Chromium lets the page run before printing: plotly.js draws after the layout
# arrives; virtual time runs fast while nothing is pending, so this costs far less wall time.
VIRTUAL_TIME_MS = 30_000


class ReportError(Exception):
    """What went wrong, in words for the terminal (exit status 1)."""


@dataclass
class ReportJob:
    kind: str            # programa | departamento | programa_red (exports/report_data.KINDS)
    code: str
    year: int | None
    lang: str
    out: Path
    prices: str = "nominal"    # nominal | real (domain.url_state.PRICES)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def check_selection(job: ReportJob) -> tuple[int, str]:
    """(fiscal year, name) of what the report is about, from the store; ReportError when the
    store has no such programme or department that year (the page would show its chooser)."""
    from exports import report_data
    from store import status
    years = status.store_summary()["years"]
    if not years:
        raise ReportError("no budget lines in the store: run `python -m etl demo` or `python -m etl load FILE`")
    year = job.year if job.year is not None else years[-1]
    if year not in years:
        raise ReportError(f"no budget lines for {year} in the store (years: {', '.join(map(str, years))})")
    data = report_data.report(job.kind, job.code, year, job.lang)
    if data is None:
        raise ReportError(f"nothing to report: {job.kind} {job.code!r} has no data in {year}")
    return year, data["name"]


def _start_app(port: int, log) -> subprocess.Popen:
    s = get_settings()
    env = {**os.environ, "HOST": "127.0.0.1", "PORT": str(port), "GSB_DATA_DIR": str(s.data_dir),
           "DATABASE_URL": s.database_url,
           # the permalink printed in the report is the dashboard's address, not this temporary one
           "GSB_PUBLIC_URL": s.public_url}
    cmd = [sys.executable, "-m", "gunicorn", "app:server", "--bind", f"127.0.0.1:{port}", "--workers", "1",
           "--timeout", "120"]
    return subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def _wait_until_up(proc: subprocess.Popen, url: str, log_path: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise ReportError(f"the dashboard did not start (exit {proc.returncode}):\n"
                              f"{log_path.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    raise ReportError(f"the dashboard did not answer {url} within {START_TIMEOUT_S} s")


def _print(url: str, out: Path, chromium: Path, profile: Path) -> None:
    cmd = [str(chromium), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
           "--no-first-run", f"--user-data-dir={profile}", "--no-pdf-header-footer",
           "--run-all-compositor-stages-before-draw", f"--virtual-time-budget={VIRTUAL_TIME_MS}",
           f"--print-to-pdf={out}", url]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=PRINT_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        raise ReportError(f"Chromium did not finish printing within {PRINT_TIMEOUT_S} s") from None
    if done.returncode != 0 or not out.exists() or out.read_bytes()[:5] != b"%PDF-":
        raise ReportError(f"Chromium could not print {url} (exit {done.returncode}):\n{done.stderr[-2000:]}")


def make_report(job: ReportJob, chromium: Path = CHROMIUM) -> tuple[str, Path]:
    """Print the report to job.out; returns (the report's URL as served here, the file)."""
    if not (chromium.is_file() and os.access(chromium, os.X_OK)):
        raise ReportError(f"Chromium not found at {chromium}: install Debian's package "
                          "(apt-get install chromium); the dashboard itself does not need it")
    year, _ = check_selection(job)
    from exports.report_data import PATH, report_search
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    url = base + PATH + report_search(job.kind, job.code, year, job.lang, job.prices)
    out = job.out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gsb-report-") as tmp:
        log_path = Path(tmp) / "app.log"
        partial = Path(tmp) / "report.pdf"
        with open(log_path, "w") as log:
            proc = _start_app(port, log)
            try:
                _wait_until_up(proc, url, log_path)
                _print(url, partial, chromium, Path(tmp) / "profile")
            finally:
                proc.terminate()
                try:
                    proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        shutil.move(str(partial), out)      # a complete PDF or nothing at all
    return url, out


def cmd_report(args) -> int:
    kind, code = next((k, v) for k, v in (("programa", args.programa), ("departamento", args.departamento),
                                          ("programa_red", args.programa_red)) if v)
    job = ReportJob(kind=kind, code=code.strip().lower() if kind == "programa_red" else code.strip(),
                    year=args.year, lang=args.lang, out=Path(args.out), prices=args.precios)
    try:
        _, out = make_report(job)
    except ReportError as exc:
        print(f"report: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {out} ({out.stat().st_size:,} bytes)")
    return 0


def add_report_command(sub) -> None:
    rp = sub.add_parser("report", help="the printable report (/informe) of a programme, department or "
                                       "network programme as a PDF (needs Chromium)")
    which = rp.add_mutually_exclusive_group(required=True)
    which.add_argument("--programa", metavar="CODE", help="budget programme (PROGRAMA_PPTO), e.g. 0001")
    which.add_argument("--departamento", metavar="CODE", help="department of the meta (INEI code), e.g. 08")
    which.add_argument("--programa-red", dest="programa_red", metavar="SLUG",
                       help="social protection programme (data/network/programmes.yaml id), e.g. juntos")
    rp.add_argument("--year", type=int, help="fiscal year (default: the latest loaded)")
    rp.add_argument("--lang", choices=["es", "en"], default="es")
    rp.add_argument("--precios", choices=["nominal", "real"], default="nominal",
                    help="amounts in nominal soles or in soles of the CPI base year, as the page's switch")
    rp.add_argument("--out", required=True, help="the PDF file to write")
    rp.set_defaults(func=cmd_report)
