"""README images, made from the real pages: `make screenshots`."""

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Page

pytestmark = [pytest.mark.browser, pytest.mark.screenshot, pytest.mark.django_db(transaction=True)]
IMAGES = Path(settings.BASE_DIR) / "docs" / "img"


# The compare page (compare.png) is in test_screenshots_ladder.py, with its phone image.


# The results page's images (results.png, results-phone.png) are made by
# tests/browser/test_screenshots_plan.py, with the plan's.
