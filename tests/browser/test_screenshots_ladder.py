"""Screenshots of a level and the compare page, on a desktop and on a phone (issue 13 §3):
`pytest tests/browser/test_screenshots_ladder.py --screenshots`. compare.png is the README's."""

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Page

pytestmark = [pytest.mark.browser, pytest.mark.screenshot, pytest.mark.django_db(transaction=True)]
IMAGES = Path(settings.BASE_DIR) / "docs" / "img"


def shoot(page: Page, url: str, name: str) -> dict[str, int]:
    """The desktop image shows the first screen; the phone image the whole (folded) page.
    Returns each page's height in CSS pixels."""
    heights = {}
    for suffix, width, height in (("", 1280, 1000), ("-phone", 390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.goto(url)
        path = IMAGES / f"{name}{suffix}.png"
        page.screenshot(path=path, full_page=suffix == "-phone")
        assert path.stat().st_size > 10_000
        heights[suffix or "desktop"] = page.evaluate("document.documentElement.scrollHeight")
    return heights


def test_level_page(page: Page, ladder):
    heights = shoot(page, "/ladder/mid/", "ladder-level")
    assert heights["-phone"] < 4000  # folded; 12,535 px before issue 13


def test_compare_page(page: Page, ladder):
    heights = shoot(page, "/ladder/compare/mid/senior/", "compare")
    assert heights["-phone"] < 4500  # folded; 17,162 px before issue 13
