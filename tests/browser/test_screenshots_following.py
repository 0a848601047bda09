"""Images for the docs: the home page's Following tab and the notifications menu open, at
1280 px and on a 390 px phone (`make screenshots`, or pytest --screenshots)."""

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Page
from taggit.models import Tag

from forum.services.follows import follow_create
from moderation.services.curation import answer_curate
from moderation.services.questions import question_close
from tests.browser.test_forum_journey import log_in
from tests.factories import AnswerFactory, QuestionFactory, UserFactory
from tests.moderation.factories import moderator

pytestmark = [pytest.mark.browser, pytest.mark.screenshot, pytest.mark.django_db(transaction=True)]
IMAGES = Path(settings.BASE_DIR) / "docs" / "img"
SIZES = {"": {"width": 1280, "height": 900}, "-phone": {"width": 390, "height": 844}}


def _scene(ladder) -> UserFactory:
    reader = UserFactory(display_name="Rosa Reader", headline="Backend Engineer")
    helper = UserFactory(display_name="Hana Okafor", headline="Staff SRE", level_code="L6")
    mine = QuestionFactory(
        author=reader,
        title="What does a mid-level promotion case need?",
        tags=["promotion"],
    )
    original = QuestionFactory(title="How do I build a promotion case?", tags=["promotion"])
    QuestionFactory(
        title="How do senior engineers pick what not to do?",
        level=ladder["senior"],
        tags=["prioritisation"],
    )
    QuestionFactory(title="Is a PIP ever a fresh start?", tags=["pip"], level=ladder["junior"])
    follow_create(follower=reader, target=ladder["senior"])
    follow_create(follower=reader, target=Tag.objects.get(slug="pip"))
    follow_create(follower=reader, target=original)
    answer = AnswerFactory(
        question=original,
        author=helper,
        body="Collect three outcomes with numbers, and ask your manager to check them.",
    )
    AnswerFactory(question=mine, author=helper)
    mod = moderator(display_name="Ada Moderator")
    answer_curate(moderator=mod, answer=answer, note="Clear, concrete steps.")
    question_close(moderator=mod, question=mine, reason="duplicate", duplicate_of=original)
    return reader


def test_following_tab_and_notifications_menu(page: Page, ladder):
    reader = _scene(ladder)
    log_in(page, reader.email)
    for suffix, size in SIZES.items():
        page.set_viewport_size(size)
        page.goto("/following/")
        page.screenshot(path=IMAGES / f"following{suffix}.png", full_page=suffix == "")
        page.goto("/questions/")
        if suffix:
            page.locator(".site-menu__toggle").click()
        page.locator(".notif-menu__toggle").click()
        page.screenshot(path=IMAGES / f"notifications-menu{suffix}.png")
    for name in ("following", "notifications-menu"):
        for suffix in SIZES:
            assert (IMAGES / f"{name}{suffix}.png").stat().st_size > 10_000
