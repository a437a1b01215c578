"""The printable report on paper: /informe printed to an A4 PDF by Chromium (Playwright's
page.pdf, and `python -m etl report`), read back with pdftotext (poppler-utils): the report's
text and figures, charts drawn, the numbered source list, page numbers, and nothing of the
dashboard around it (navbar, print button)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from browser.helpers import pdf_text

ROOT = Path(__file__).resolve().parents[2]
WAIT_MS = 30_000
MAX_PAGES = 8                     # a report is a few pages; more means tables or charts broke apart
NAVBAR = ("Resumen", "Regiones", "Datos y fuentes", "Imprimir / Print", "Otro informe")



def flat(text: str) -> str:
    """Text without line breaks or runs of spaces: a long line wraps anywhere in a PDF."""
    return " ".join(text.split())


def print_report(page: Page, url: str, out: Path) -> str:
    """Open the report, wait until every chart is drawn, print it to A4 and return its text."""
    page.goto(url)
    # generous waits: plotly.js loads and draws slowly on a busy two-core machine
    expect(page.locator("#report")).to_be_visible(timeout=WAIT_MS)
    figures = page.locator("#report .report-figure")
    expect(figures.filter(has=page.locator(".main-svg"))).to_have_count(figures.count(), timeout=WAIT_MS)
    page.pdf(path=str(out), format="A4", print_background=True)
    return pdf_text(out)


def check_paper(text: str) -> int:
    """What every printed report must have; returns the page count."""
    pages = text.count("\f")
    assert 1 <= pages <= MAX_PAGES, pages
    assert re.search(rf"\b1\s*/\s*{pages}\b", text), "page numbers (@page margin box) missing"
    for word in NAVBAR:
        assert word not in text, f"{word!r} printed: the dashboard's chrome is not hidden"
    assert "Fuentes" in text and "Cómo citar" in text
    return pages


def numbered_sources(text: str, heading: str = "Fuentes", end: str = "Cómo citar") -> list[str]:
    """The printed numbers of the entries under the source list's heading (a line of its own)."""
    found = re.search(rf"^\f?{heading}$(.*?)^\f?{end}$", text, flags=re.MULTILINE | re.DOTALL)
    assert found, f"no {heading!r} list"
    return re.findall(r"^\s*(\d+)\.\s", found.group(1), flags=re.MULTILINE)


def test_programme_report_prints_with_figures_charts_and_sources(page: Page, app_url: str, tmp_path: Path):
    text = print_report(page, f"{app_url}/informe?programa=0001&year=2011", tmp_path / "p.pdf")
    check_paper(text)
    words = flat(text)
    assert "Programa presupuestal 0001 · PROGRAMA ARTICULADO NUTRICIONAL" in words
    assert page.locator("#report-kpi-pim .kpi-value").inner_text() in words          # the key figure, printed
    for chart in ("PIM y devengado por nivel de gobierno · 2011", "Devengado por mes y acumulado · 2011"):
        assert chart in words                                                        # drawn, not blank boxes
    assert "Estricto: solo marcador 2" in words and "Amplio: marcador 1 o 2" in words
    assert numbered_sources(text) == ["1", "2"]
    assert "sample-Gasto.csv" in words and "gender_rules.csv" in words
    assert "/informe?programa=0001&year=2011" in "".join(text.split())


def test_department_report_prints(page: Page, app_url: str, tmp_path: Path):
    text = print_report(page, f"{app_url}/informe?departamento=08&year=2011", tmp_path / "d.pdf")
    check_paper(text)
    words = flat(text)
    assert "Departamento 08 · CUSCO" in words and "Programas con mayor PIM · 2011" in words
    assert "Devengado por habitante" in words
    assert numbered_sources(text) == ["1", "2", "3"] and "INEI" in words


def test_network_report_prints_in_english(page: Page, app_url: str, tmp_path: Path):
    text = print_report(page, f"{app_url}/informe?programa_red=juntos&year=2011&lang=en", tmp_path / "n.pdf")
    pages = text.count("\f")
    assert 1 <= pages <= MAX_PAGES and re.search(rf"\b1\s*/\s*{pages}\b", text)
    words = flat(text)
    assert "Social protection programme: JUNTOS" in words and "PIM and devengado by fiscal year" in words
    assert "Coverage as the seed report prints it" in words and "Vargas Valente" in words
    assert "Sources" in words and "How to cite" in words
    assert numbered_sources(text, "Sources", "How to cite") == ["1", "2", "3", "4"]
    assert "Overview" not in words and "Imprimir / Print" not in words


def test_print_button_opens_the_print_dialog(page: Page, app_url: str):
    page.goto(f"{app_url}/informe?programa=0001&year=2011")
    button = page.locator("#report-print")
    expect(button).to_be_visible(timeout=WAIT_MS)
    # (ends in `true`: Playwright would call a function the expression evaluates to)
    page.evaluate("window.__printed = 0; window.print = () => { window.__printed += 1; }; true")
    button.click()
    page.wait_for_function("window.__printed === 1")


def test_chooser_form_opens_the_report_url(page: Page, app_url: str):
    page.goto(f"{app_url}/informe")
    page.locator("#report-pick-departamento").select_option("08", timeout=WAIT_MS)
    page.locator("#report-year-departamento").select_option("2010")
    page.locator("#report-go-departamento").click()
    expect(page.locator("#report-heading")).to_have_text("Departamento 08 · CUSCO", timeout=WAIT_MS)
    assert page.url.endswith("/informe?departamento=08&year=2010")


@pytest.fixture(scope="module")
def cli_store(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("report-cli-store")
    env = {**os.environ, "GSB_DATA_DIR": str(data_dir), "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'tests'}"}
    env.pop("DATABASE_URL", None)
    build = f"import pathlib, fixtures; fixtures.build_sample_store(pathlib.Path({str(data_dir)!r}))"
    subprocess.run([sys.executable, "-c", build], env=env, check=True, cwd=ROOT)
    return data_dir


def test_etl_report_writes_the_pdf(cli_store: Path, tmp_path: Path):
    out = tmp_path / "informe.pdf"
    env = {**os.environ, "GSB_DATA_DIR": str(cli_store), "GSB_PUBLIC_URL": "https://presupuesto.example.pe"}
    env.pop("DATABASE_URL", None)
    done = subprocess.run([sys.executable, "-m", "etl", "report", "--programa", "0001", "--year", "2011",
                           "--out", str(out)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"wrote {out}" in done.stdout
    text = pdf_text(out)
    check_paper(text)
    words = flat(text)
    assert "PROGRAMA ARTICULADO NUTRICIONAL" in words
    assert "Devengado por mes y acumulado · 2011" in words                 # charts drawn before printing
    assert "https://presupuesto.example.pe/informe?programa=0001&year=2011" in "".join(text.split())
