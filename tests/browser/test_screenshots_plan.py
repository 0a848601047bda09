"""README images of the results summary and the plan, at 1280 px and 390 px: `make screenshots`.
Each also prints the page's height at that width (document.documentElement.scrollHeight)."""

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Page

from growth import services
from growth.models import Plan
from tests.browser.test_forum_journey import log_in
from tests.factories import UserFactory
from tests.growth import factories as growth

pytestmark = [pytest.mark.browser, pytest.mark.screenshot, pytest.mark.django_db(transaction=True)]
IMAGES = Path(settings.BASE_DIR) / "docs" / "img"
SIZES = {"": {"width": 1280, "height": 900}, "-phone": {"width": 390, "height": 844}}


def scene(page: Page) -> tuple[int, Plan]:
    """A mid-level engineer aiming at senior, strong in craft, half way in most, with a plan
    two actions into it and shared."""
    person = UserFactory(headline="Backend Engineer", level_code="L4", band="mid")
    done = growth.finished(
        person,
        by_competency={"craft": 2, "delivery": 2, "design": 0, "communication": 2, "business": 0},
    )
    plan = services.plan_generate(user=person, assessment=done)
    first = plan.goals.first()
    ticked = first.actions.first()
    services.plan_action_toggle(user=person, action=ticked, done=True)
    services.plan_action_add(user=person, goal=first, text="Ask Priya to review my design doc")
    services.plan_share(user=person, plan=plan)
    page.set_viewport_size(SIZES[""])
    log_in(page, person.email)
    return done.pk, plan


def shoot(page: Page, where: str, name: str) -> None:
    for suffix, size in SIZES.items():
        page.set_viewport_size(size)
        page.goto(where)
        path = IMAGES / f"{name}{suffix}.png"
        page.screenshot(path=path)
        height = page.evaluate("document.documentElement.scrollHeight")
        print(f"{path.name}: page height {height} px at {size['width']} px wide")
        assert path.stat().st_size > 10_000


def test_results_and_plan(page: Page, ladder):
    assessment, plan = scene(page)
    shoot(page, f"/growth/assessments/{assessment}/results/", "results")
    shoot(page, f"/growth/plans/{plan.pk}/", "plan")
