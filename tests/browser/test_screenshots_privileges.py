"""Screenshots of the privileges page and the suggested-edit review queue (`make screenshots`)."""

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Page

from accounts.privileges import Privilege
from forum.services.suggestions import suggestion_create
from tests.browser.test_forum_journey import log_in
from tests.factories import AnswerFactory, QuestionFactory, UserFactory, holder

pytestmark = [pytest.mark.browser, pytest.mark.screenshot, pytest.mark.django_db(transaction=True)]
IMAGES = Path(settings.BASE_DIR) / "docs" / "img"
WIDTHS = {"": (1280, 900), "-phone": (390, 844)}


def shoot(page: Page, name: str) -> None:
    for suffix, (width, height) in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        path = IMAGES / f"{name}{suffix}.png"
        page.screenshot(path=path, full_page=suffix == "")
        assert path.stat().st_size > 10_000


def test_privileges_page(page: Page, ladder):
    member = UserFactory(display_name="Maya Chen", reputation=620)
    log_in(page, member.email)
    page.goto("/privileges/")
    shoot(page, "privileges")


def test_review_queue(page: Page, ladder):
    reviewer = holder(Privilege.REVIEW_EDITS, display_name="Rui Reviewer")
    suggestions = [
        (
            QuestionFactory(title="How do I ask for a promotion when my manager is new?"),
            "Fixed the title's grammar and added the promotion tag",
        ),
        (
            AnswerFactory(
                question=QuestionFactory(title="What does staff-level scope look like?"),
                body="Scope is the size of the problem you own, not the team you manage.",
            ),
            "Added an example of cross-team scope",
        ),
    ]
    for post, reason in suggestions:
        suggester = holder(Privilege.SUGGEST_EDITS, display_name="Sam Suggester")
        extra = {}
        if post.kind == "question":
            extra = {"title": post.title, "tags": ["promotion", "manager"]}
        suggestion_create(
            suggester=suggester,
            post=post,
            body=post.body + "\n\nFor example: lead the migration two teams depend on.",
            reason=reason,
            base_revision=1,
            **extra,
        )
    log_in(page, reviewer.email)
    page.goto("/review/edits/")
    shoot(page, "review-edits")
