"""README images, made from the real pages: `make screenshots`."""

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Page

pytestmark = [pytest.mark.browser, pytest.mark.screenshot, pytest.mark.django_db(transaction=True)]
IMAGES = Path(settings.BASE_DIR) / "docs" / "img"


# The compare page (compare.png) is in test_screenshots_ladder.py, with its phone image.


def test_results_page(page: Page, ladder):
    from growth import services
    from growth.selectors.assessments import scope
    from tests.browser.test_forum_journey import log_in
    from tests.factories import UserFactory
    from tests.growth.factories import start

    person = UserFactory(headline="Backend Engineer", level_code="L4")
    assessment = start(person)
    items = scope(
        track=assessment.track, current=assessment.current_level, target=assessment.target_level
    ).items
    strong = {"craft": 2, "delivery": 2, "growth": 2, "design": 1, "operations": 1}
    ratings = [
        services.RatingInput(e.pk, strong.get(e.competency.slug, 0) if i % 3 else 1)
        for i, e in enumerate(items)
    ]
    services.assessment_save(
        user=assessment.owner, assessment=assessment, ratings=ratings, finish=True
    )
    log_in(page, person.email)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"/growth/assessments/{assessment.pk}/results/")
    page.screenshot(path=IMAGES / "results.png")
    assert (IMAGES / "results.png").stat().st_size > 10_000
