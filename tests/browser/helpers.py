"""What the browser tests do the same way: open a page and wait until its callbacks have drawn it,
click an element that a redraw may replace, pick a dropdown option, read a printed PDF, and read
the expected values from a second copy of the sample store the app serves."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page, expect

WAIT_MS = 30_000


def settled(page: Page) -> None:
    """The page's heading shown, no request in flight, no loading spinner."""
    expect(page.locator("#shell-main h1").first).to_be_visible(timeout=WAIT_MS)
    page.wait_for_load_state("networkidle", timeout=WAIT_MS)
    expect(page.locator("._dash-loading, .dash-spinner")).to_have_count(0, timeout=WAIT_MS)


def open_page(page: Page, url: str) -> None:
    page.goto(url)
    settled(page)


def settled_click(target: Locator, tries: int = 3) -> None:
    """Click `target`, again if a redraw replaced it meanwhile (a grid re-creates its rows when
    its data arrive; on a busy machine that can happen between finding and clicking)."""
    for attempt in range(tries):
        try:
            target.scroll_into_view_if_needed(timeout=10_000)
            target.click(timeout=10_000)
            return
        except PlaywrightError:
            if attempt == tries - 1:
                raise


def pick_option(page: Page, box: Locator, name: str, tries: int = 3) -> None:
    """Open the dropdown `box` and click its option `name`, reopening it if a redraw closed it."""
    option = page.get_by_role("option", name=name, exact=True)
    for attempt in range(tries):
        try:
            box.click(timeout=10_000)
            expect(option).to_be_visible(timeout=5_000)
            option.click(force=True, timeout=5_000)   # the list animates open: force past "not stable"
            return
        except (PlaywrightError, AssertionError):
            if attempt == tries - 1:
                raise


def pdf_text(path: Path) -> str:
    """The PDF's text, pages separated by form feeds (pdftotext puts one after each page)."""
    exe = shutil.which("pdftotext")
    if exe is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but pdftotext is missing: scripts/test.sh installs poppler-utils")
        pytest.skip("pdftotext missing (apt-get install poppler-utils)")
    return subprocess.run([exe, "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def sample_store_reads(tmp_path_factory, name: str, read):
    """read(settings) on a second copy of the sample store the app serves (tests/fixtures.py
    builds it deterministically), so tests compare the screen with the read functions."""
    import fixtures

    from settings import get_settings
    from store.engine import dispose_read_engines
    data_dir = tmp_path_factory.mktemp(name)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GSB_DATA_DIR", str(data_dir))
        mp.delenv("DATABASE_URL", raising=False)
        fixtures.build_sample_store(data_dir)
        settings = get_settings()
        try:
            return read(settings)
        finally:
            dispose_read_engines(settings.database_url)
