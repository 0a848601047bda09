"""Screenshots of the people pages for the docs (`--screenshots`): a profile's summary and
reputation tabs, and the badges page, on a desktop and a phone."""

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Page

from tests.browser.test_forum_journey import log_in
from tests.browser.test_profile_journey import scene

pytestmark = [pytest.mark.browser, pytest.mark.screenshot, pytest.mark.django_db(transaction=True)]
IMAGES = Path(settings.BASE_DIR) / "docs" / "img"
SIZES = {"": {"width": 1280, "height": 1000}, "-phone": {"width": 390, "height": 844}}


def shoot(page: Page, name: str) -> None:
    for suffix, size in SIZES.items():
        page.set_viewport_size(size)
        path = IMAGES / f"{name}{suffix}.png"
        page.screenshot(path=path, full_page=True)
        assert path.stat().st_size > 10_000


def test_profile_and_badges(page: Page, ladder):
    dana = scene(ladder)
    log_in(page, dana.email)
    page.goto(dana.get_absolute_url())
    shoot(page, "profile")
    page.goto(dana.get_absolute_url() + "?tab=reputation")
    shoot(page, "profile-reputation")
    page.goto("/badges/")
    shoot(page, "badges")
