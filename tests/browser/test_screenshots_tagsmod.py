"""Screenshots of a tag page, the review queue with bulk actions and the duplicate picker:
`pytest tests/browser/test_screenshots_tagsmod.py --screenshots`."""

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from forum.models import Question
from forum.services.tagwiki import tag_wiki_edit
from moderation.services.closevotes import close_vote_cast
from tests.browser.test_forum_journey import log_in
from tests.browser.test_moderation_journey import moderator
from tests.factories import AnswerFactory, CommentFactory, QuestionFactory, UserFactory
from tests.moderation.factories import flag

pytestmark = [pytest.mark.browser, pytest.mark.screenshot, pytest.mark.django_db(transaction=True)]
IMAGES = Path(settings.BASE_DIR) / "docs" / "img"
WIDTHS = {"": 1280, "-phone": 390}


def shoot(page: Page, name: str, height: int = 900) -> None:
    for suffix, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        path = IMAGES / f"{name}{suffix}.png"
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=path, full_page=suffix == "-phone")
        assert path.stat().st_size > 10_000


def test_tag_page(page: Page, ladder):
    from taggit.models import Tag

    people = [
        UserFactory(display_name=name)
        for name in ("Priya Raman", "Dana Okafor", "Luis Ortega", "Mei Chen")
    ]
    for n, person in enumerate(people):
        question = QuestionFactory(
            author=person, tags=["pip"], title=f"Getting through a PIP, case {n + 1}"
        )
        Question.objects.filter(pk=question.pk).update(score=8 - 2 * n)
        AnswerFactory(question=question, author=people[(n + 1) % 4])
    mod = moderator()
    tag_wiki_edit(
        editor=mod,
        tag=Tag.objects.get(name="pip"),
        excerpt="Performance improvement plans: what they mean and how to get through one.",
        body=(
            "Use **pip** for questions about a *performance improvement plan*: the goals, "
            "the check-ins, and what comes after.\n\n"
            "- Ask for the goals in writing.\n- Agree on weekly check-ins.\n"
            "- Keep a log of progress.\n\n"
            "Questions about being let go belong under **layoffs**."
        ),
    )
    page.goto("/tags/pip/")
    shoot(page, "tag-page")


def test_review_queue_with_bulk_actions(page: Page, ladder):
    answers = [
        AnswerFactory(body=text)
        for text in (
            "Buy cheap followers at this link, guaranteed promotion in a week!",
            "Just quit. Nobody gets promoted at companies like yours.",
            "Ask your manager for the promotion criteria in writing.",
        )
    ]
    comment = CommentFactory(post=answers[2], body="You clearly have no idea what you are doing.")
    flag(answers[0], reason="spam")
    flag(answers[1], reason="off-topic")
    flag(answers[2], reason="off-topic")
    flag(comment, reason="rude")
    log_in(page, moderator().email)
    page.goto("/moderation/")
    for answer in answers[1:]:
        page.locator(f"#queue-answer-{answer.pk}").get_by_label("Check").check()
    page.get_by_label("Reason for all checked items").fill("On topic: career advice")
    page.evaluate("window.scrollTo(0, 0)")
    shoot(page, "review-queue-bulk", height=1100)


def test_duplicate_picker(page: Page, ladder):
    original = QuestionFactory(title="How do I negotiate a promotion after a reorganisation?")
    QuestionFactory(title="Is a promotion still possible after a team reorganisation?")
    question = QuestionFactory(title="Negotiating my promotion after a reorganisation")
    close_vote_cast(
        voter=UserFactory(reputation=500),
        question=question,
        reason="duplicate",
        duplicate_of=original,
    )
    log_in(page, moderator().email)
    page.goto(question.get_absolute_url())
    tools = page.get_by_role("region", name="Moderate this question")
    tools.get_by_label("Close as").select_option("Duplicate")
    tools.get_by_label("Original question").press_sequentially("promotion reorganisation")
    expect(tools.get_by_role("radio").first).to_be_visible()
    tools.scroll_into_view_if_needed()
    for suffix, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        tools.scroll_into_view_if_needed()
        path = IMAGES / f"duplicate-picker{suffix}.png"
        tools.screenshot(path=path)
        assert path.stat().st_size > 5_000
