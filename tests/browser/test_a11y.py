"""Accessibility and layout on every page, at 360, 1024, 1280 and 1920 px, in Spanish and English
(issues 9 and 14): axe-core finds no serious or critical WCAG 2 A/AA violation, nothing scrolls
sideways (navbar included), and the keyboard reaches the skip link, the navbar and the language
switch. One page load per width, language and page."""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from browser.helpers import open_page

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
WIDTHS = (360, 1024, 1280, 1920)
LANGS = ("es", "en")
PAGES = ("/", "/programas", "/regiones", "/genero", "/red", "/red?programa_red=juntos", "/datos",
         "/informe?programa=0001&year=2011")
WAIT_MS = 30_000
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
NAV_FOLDS_BELOW = 1200          # components/shell.py NAV_EXPAND = "xl"



def axe_violations(page: Page) -> list[str]:
    """Serious and critical WCAG 2 A/AA violations axe-core finds on the page, one line per node."""
    if not AXE.exists():
        pytest.fail(f"{AXE} missing: it is committed with the tests (see tests/browser/vendor/README.md)")
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("""async (tags) => {
        const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
        return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
            .flatMap(v => v.nodes.map(n => v.id + ' ' + n.target.join(' ')));
    }""", WCAG)
    return found


def overflow(page: Page) -> tuple[int, int]:
    return page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_accessible_and_no_sideways_scroll(page: Page, app_url: str, width: int, lang: str):
    page.set_viewport_size({"width": width, "height": 900})
    problems = {}
    for path in PAGES:
        open_page(page, f"{app_url}{path}{'&' if '?' in path else '?'}lang={lang}")
        scroll, inner = overflow(page)
        if scroll > inner:
            problems[path] = f"scrollWidth {scroll} > innerWidth {inner}"
        found = axe_violations(page)
        if found:
            problems[path] = problems.get(path, "") + f" axe: {found}"
        expect(page.locator("html")).to_have_attribute("lang", lang)
    assert problems == {}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
def test_keyboard_reaches_skip_link_nav_and_language(page: Page, app_url: str, width: int, lang: str):
    """Tab: the skip link comes first and jumps to the page; below 1200 px the menu button opens
    the folded navbar; then every page link and the other language are reachable by Tab."""
    page.set_viewport_size({"width": width, "height": 900})
    open_page(page, f"{app_url}/genero?lang={lang}")
    skip_text = {"es": "Saltar al contenido", "en": "Skip to content"}[lang]
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    expect(focused).to_have_attribute("id", "shell-skip")
    expect(focused).to_have_text(skip_text)
    expect(focused).to_be_in_viewport()                    # shown when focused (visually hidden otherwise)
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "no visible focus ring on the skip link"
    toggler = page.locator("#shell-toggler")
    if width < NAV_FOLDS_BELOW:
        expect(page.locator("#shell-nav-programmes")).to_be_hidden()     # folded: the page starts at once
        expect(toggler).to_be_visible()
        page.keyboard.press("Tab")
        expect(page.locator(":focus")).to_have_attribute("id", "shell-toggler")
        expect(toggler).to_have_attribute("aria-expanded", "false")
        page.keyboard.press("Enter")
        expect(toggler).to_have_attribute("aria-expanded", "true")
        expect(page.locator("#shell-nav-programmes")).to_be_visible()
    else:
        expect(toggler).to_be_hidden()
    other = "en" if lang == "es" else "es"
    wanted = ["shell-nav-overview", "shell-nav-programmes", "shell-nav-regions", "shell-nav-gender",
              "shell-nav-network", "shell-nav-data", f"shell-lang-{other}"]
    reached = []
    for _ in range(12):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.id"))
        if reached[-1] == f"shell-lang-{other}":
            break
    assert [x for x in reached if x in wanted] == wanted, reached
    page.keyboard.press("Enter")                            # the language switch works from the keyboard
    expect(page.locator("html")).to_have_attribute("lang", other, timeout=WAIT_MS)
    expect(page.locator("#gender-heading")).to_have_text({"es": "Gasto sensible al género",
                                                          "en": "Gender-sensitive spending"}[other])


def test_skip_link_moves_focus_to_the_page(page: Page, app_url: str):
    open_page(page, f"{app_url}/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator(":focus")).to_have_attribute("id", "shell-main")
