"""README images, made from the real pages: `make screenshots`."""

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Page

pytestmark = [pytest.mark.browser, pytest.mark.screenshot, pytest.mark.django_db(transaction=True)]
IMAGES = Path(settings.BASE_DIR) / "docs" / "img"


def test_compare_page(page: Page, ladder):
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.goto("/ladder/compare/mid/senior/")
    page.screenshot(path=IMAGES / "compare.png")
    assert (IMAGES / "compare.png").stat().st_size > 10_000


# The results page's images (results.png, results-phone.png) are made by
# tests/browser/test_screenshots_plan.py, with the plan's.
