"""Screenshots of a self-assessment step, on a desktop and on a phone:
`pytest tests/browser/test_screenshots_assess.py --screenshots`."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from growth import services
from growth.models import Rating
from tests.browser.test_forum_journey import log_in
from tests.factories import UserFactory
from tests.growth import factories as growth

pytestmark = [pytest.mark.browser, pytest.mark.screenshot, pytest.mark.django_db(transaction=True)]
IMAGES = Path(settings.BASE_DIR) / "docs" / "img"
WIDTHS = {"": 1280, "-phone": 390}


def test_assessment_step(page: Page, ladder):
    """A second assessment: last spring's answers filled in, the first step confirmed, the
    second half done, with one expectation's examples and sources open."""
    person = UserFactory(headline="Backend Engineer", level_code="L4", band="mid")
    earlier = growth.finished(
        person, by_competency={"craft": Rating.Value.CONSISTENTLY, "design": Rating.Value.NOT_YET}
    )
    earlier.finished_at = datetime(2026, 4, 14, 10, tzinfo=UTC)
    earlier.save(update_fields=["finished_at"])
    draft = growth.start(person)
    items = growth.items(draft)
    services.assessment_save(
        user=person,
        assessment=draft,
        ratings=[services.RatingInput(e.pk, 2) for e in items if e.competency.slug == "craft"],
    )
    delivery = [e for e in items if e.competency.slug == "delivery"]
    services.assessment_save(
        user=person,
        assessment=draft,
        ratings=[
            services.RatingInput(delivery[0].pk, 2, "Led the billing migration, shipped on time"),
            services.RatingInput(delivery[1].pk, 1),
            services.RatingInput(delivery[2].pk, None, "Postmortem for the March outage"),
        ],
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, person.email)
    page.goto(f"/growth/assessments/{draft.pk}/step/delivery/")
    expect(page.locator("#step-heading")).to_contain_text("Step 2 of 10")
    page.locator("fieldset.assess-item").first.get_by_text("Examples and source").click()
    for suffix, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        page.evaluate("window.scrollTo(0, 0)")
        height = page.evaluate("document.documentElement.scrollHeight")
        print(f"\nassess-step{suffix}.png: {width} px wide, page {height} px tall")
        if suffix == "-phone":  # the whole page in one viewport: the sticky buttons at its foot
            page.set_viewport_size({"width": width, "height": height})
        path = IMAGES / f"assess-step{suffix}.png"
        page.screenshot(path=path)
        assert path.stat().st_size > 10_000
