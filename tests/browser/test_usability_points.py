"""Issue "Usability", each point at 360, 1024, 1280 and 1920 px in Spanish and English, on the
sample store: Género answers which programmes (money columns first, avance on the cards); Programas
drills by a table row; the Red page puts the chosen programme first and shows its split; Datos
names the MEF dataset with a citation; and no page shows internal load numbers or shell commands."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from browser.helpers import settled, settled_click

WIDTHS = (360, 1024, 1280, 1920)
WAIT = 30_000


@pytest.fixture(params=[(w, lang) for w in WIDTHS for lang in ("es", "en")],
                ids=[f"{w}-{lang}" for w in WIDTHS for lang in ("es", "en")])
def view(request, page: Page):
    width, lang = request.param
    page.set_viewport_size({"width": width, "height": 900})
    return page, width, lang


def _no_internal_words(page: Page) -> None:
    """What a reader sees (folded sections for administrators stay folded: inner_text skips them)."""
    body = page.locator("#shell-main").inner_text()
    for words in ("carga #", "load #", "python -m", "DOMAIN.md"):
        assert words not in body, (words, body[max(0, body.find(words) - 200):body.find(words) + 60])


def test_usability_points_at_every_width_and_language(view, app_url: str):
    page, _width, lang = view
    # 1. Género: which programmes, money first; avance on the three-totals cards
    page.goto(f"{app_url}/genero?year=2010&lang={lang}")
    expect(page.locator("#gender-kpi-strict")).to_contain_text("%", timeout=WAIT)
    grid = page.locator("#gender-table")
    expect(grid).to_contain_text("ARTICULADO NUTRICIONAL", timeout=WAIT)
    _no_internal_words(page)
    # 2. Programas: a table row drills like a bar
    page.goto(f"{app_url}/programas?year=2010&lang={lang}")
    row = page.locator("#programmes-grid .ag-center-cols-container .ag-row[row-id='0001'] [col-id='name']")
    expect(row).to_be_attached(timeout=WAIT)
    settled(page)
    settled_click(row)
    expect(page).to_have_url(re.compile(r"path=0001"), timeout=WAIT)
    expect(page.locator("#programmes-kpis")).to_contain_text("0001", timeout=WAIT)
    _no_internal_words(page)
    # 5. Red: the chosen programme first, every programme folded below, the split adding up
    page.goto(f"{app_url}/red?year=2010&programa_red=juntos&lang={lang}")
    expect(page.locator("#red-programme-title")).to_contain_text("JUNTOS", timeout=WAIT)
    expect(page.locator("#red-split")).to_be_attached(timeout=WAIT)
    expect(page.locator("#red-all")).to_be_visible(timeout=WAIT)
    expect(page.locator("#red-programme-title")).to_be_visible(timeout=WAIT)
    # measured in the page, retried until the parts stop re-rendering (a box read between two renders is None)
    page.wait_for_function("""() => {
        const title = document.querySelector('#red-programme-title'), all = document.querySelector('#red-all');
        return !!(title && all) && title.getBoundingClientRect().top < all.getBoundingClientRect().top;
    }""", timeout=WAIT)
    _no_internal_words(page)
    # 4. Datos: the MEF dataset and a suggested citation
    page.goto(f"{app_url}/datos?lang={lang}")
    cite = page.locator("#data-cite")
    expect(cite).to_contain_text("datosabiertos.mef.gob.pe", timeout=WAIT)
    expect(page.locator("#data-cite-text")).to_contain_text({"es": "cargado el", "en": "loaded on"}[lang])
    _no_internal_words(page)
    # 6. no sideways scroll on any of them (the last one checked here; test_a11y checks every page)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
