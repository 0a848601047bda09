"""Screenshots of the welcome step and the ask page with its live preview, at desktop and
phone widths (docs/img/welcome*.png, docs/img/ask-preview*.png): `make screenshots`."""

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from tests.browser.test_forum_journey import log_in
from tests.factories import QuestionFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.screenshot, pytest.mark.django_db(transaction=True)]
IMAGES = Path(settings.BASE_DIR) / "docs" / "img"
WIDTHS = {"": 1280, "-phone": 390}
BODY = (
    "I was promoted to **senior** eight months ago, and my new manager says I still work like a "
    "mid-level engineer.\n\n"
    "- I lead the on-call rotation\n- I review most of the team's designs\n\n"
    "What would *senior* look like from the outside?"
)


@pytest.mark.parametrize("suffix", WIDTHS)
def test_welcome_page(page: Page, ladder, suffix):
    person = UserFactory(username="dana", display_name="", headline="", level_code="", band="")
    person.welcomed_at = None
    person.save(update_fields=["welcomed_at"])
    log_in(page, person.email)  # at the default width, where "Log out" is in the header
    page.set_viewport_size({"width": WIDTHS[suffix], "height": 900})
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome to Rungs, dana")
    page.get_by_label("Display name").fill("Dana Okafor")
    page.get_by_label("Headline role").fill("Site Reliability Engineer")
    page.get_by_label("Level code").fill("L5")
    expect(page.locator("#level-band")).to_have_text("“L5” is in the Senior band.")
    path = IMAGES / f"welcome{suffix}.png"
    page.screenshot(path=path, full_page=True)
    assert path.stat().st_size > 10_000


@pytest.mark.parametrize("suffix", WIDTHS)
def test_ask_page_with_preview(page: Page, ladder, suffix):
    for tags in (["promotion", "feedback"], ["promotion"], ["probation"]):
        QuestionFactory(tags=tags)
    person = UserFactory()
    log_in(page, person.email)
    page.set_viewport_size({"width": WIDTHS[suffix], "height": 1000})
    page.goto("/questions/ask/")
    page.get_by_label("Title").fill(
        "My new manager says I am not acting senior yet: what is missing?"
    )
    page.get_by_label("Body").fill(BODY)
    expect(page.locator("#preview li").first).to_have_text("I lead the on-call rotation")
    page.get_by_label("Tags", exact=True).fill("pro")
    expect(page.locator(".tag-suggest__hint")).to_have_text("Tags in use that start with “pro”:")
    path = IMAGES / f"ask-preview{suffix}.png"
    page.screenshot(path=path, full_page=True)
    assert path.stat().st_size > 10_000
