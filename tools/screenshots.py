"""Screenshots of every page, desktop (1280 px) and phone (390 px), into docs/screenshots/ for the
README (issue 9):

    python -m etl demo                      # once: the demonstration store (GSB_DATA_DIR, default var/)
    python tools/screenshots.py             # Spanish; --langs es,en for both
    python tools/screenshots.py --url http://127.0.0.1:8050   # an app that is already running

Without --url the dashboard is started on a free loopback port against the store the settings
name (DATABASE_URL / GSB_DATA_DIR), and stopped afterwards. Debian's Chromium draws the pages
(Playwright with /usr/bin/chromium; nothing is downloaded). Each shot waits until the page's
callbacks have drawn it. Files: <page>-<desktop|phone>-<lang>.png, the first screen of the page
(--full for the whole page).
"""
from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
# page name -> path with a year and a selection that shows each page's content, not its chooser
PAGES = {"resumen": "/?year=2011", "programas": "/programas?year=2011", "regiones": "/regiones?year=2011",
         "genero": "/genero?year=2011", "red": "/red?year=2011&programa_red=juntos", "datos": "/datos",
         "informe": "/informe?programa=0001&year=2011"}
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}
WAIT_MS = 60_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app() -> tuple[subprocess.Popen, str]:
    """app.py on a free loopback port; returns once it answers (60 s at most)."""
    port = _free_port()
    env = {**os.environ, "HOST": "127.0.0.1", "PORT": str(port)}
    proc = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            urllib.request.urlopen(url + "/_dash-layout", timeout=1)
            return proc, url
        except OSError:
            if proc.poll() is not None:
                raise SystemExit(f"the dashboard did not start: {proc.stderr.read()}")
            time.sleep(0.1)
    proc.terminate()
    raise SystemExit("the dashboard did not answer within 60 s")


def shoot(url: str, out: Path, langs: list[str], full: bool) -> list[Path]:
    from playwright.sync_api import expect, sync_playwright
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for size, (width, height) in SIZES.items():
            page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
            for lang in langs:
                for name, path in PAGES.items():
                    sep = "&" if "?" in path else "?"
                    page.goto(f"{url}{path}{sep}lang={lang}" if lang != "es" else f"{url}{path}")
                    expect(page.locator("#shell-main h1").first).to_be_visible(timeout=WAIT_MS)
                    page.wait_for_load_state("networkidle", timeout=WAIT_MS)
                    expect(page.locator("._dash-loading")).to_have_count(0, timeout=WAIT_MS)
                    if page.locator(".js-plotly-plot").count():
                        expect(page.locator(".js-plotly-plot .main-svg").first).to_be_attached(timeout=WAIT_MS)
                    page.wait_for_timeout(300)        # plotly's last resize
                    if page.locator("#shell-main [id$='-missing']").count():
                        raise SystemExit("no store to show: run `python -m etl demo` first")
                    target = out / f"{name}-{size}-{lang}.png"
                    page.screenshot(path=str(target), full_page=full)
                    written.append(target)
                    print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
            page.close()
        browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--url", help="a running dashboard (default: start one on the configured store)")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    ap.add_argument("--langs", default="es", help="comma-separated: es, en")
    ap.add_argument("--full", action="store_true", help="the whole page, not only its first screen")
    args = ap.parse_args(argv)
    langs = [x.strip() for x in args.langs.split(",") if x.strip()]
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} missing: apt-get install -y chromium")
    proc = None
    url = args.url
    if not url:
        proc, url = start_app()
    try:
        shoot(url.rstrip("/"), args.out, langs, args.full)
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
