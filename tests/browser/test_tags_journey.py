"""Tag pages: a moderator writes a tag's description and wiki; a reader finds it from the tag
index and sees the tag's top askers and answerers (Chromium)."""

import pytest
from playwright.sync_api import Page, expect

from forum.models import Question
from tests.browser.axe import axe_scan
from tests.browser.test_forum_journey import log_in, log_out
from tests.browser.test_moderation_journey import moderator
from tests.factories import AnswerFactory, QuestionFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_moderator_describes_a_tag_and_readers_find_it(page: Page, ladder):
    asker = UserFactory(display_name="Priya Asker")
    question = QuestionFactory(author=asker, tags=["pip"], title="How do I survive a PIP?")
    Question.objects.filter(pk=question.pk).update(score=4)
    AnswerFactory(question=question, author=UserFactory(display_name="Sam Answerer"))
    QuestionFactory(tags=["pip"], is_anonymous=True, author=UserFactory(display_name="Hidden Hal"))
    mod = moderator()

    log_in(page, mod.email)
    page.goto("/tags/pip/")
    page.get_by_role("link", name="Edit description and wiki").click()
    page.get_by_label("Short description").fill("Performance improvement plans: surviving one.")
    page.get_by_label("Wiki").fill("Use **pip** for performance improvement plans.")
    page.get_by_label("Edit summary (optional)").fill("First description")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("is saved")
    expect(page.locator(".prose strong")).to_have_text("pip")
    log_out(page)

    # A reader: from the tag index (with the description) to the tag's page.
    page.goto("/tags/")
    expect(page.get_by_text("Performance improvement plans: surviving one.")).to_be_visible()
    scan = axe_scan(page, "tag index")
    assert not scan.blocking, scan.details()
    page.get_by_role("link", name="About pip").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("pip")
    askers = page.get_by_role("region", name="Top askers")
    expect(askers.get_by_role("link", name="Priya Asker")).to_be_visible()
    expect(askers).not_to_contain_text("Hidden Hal")  # anonymous: never named
    answerers = page.get_by_role("region", name="Top answerers")
    expect(answerers.get_by_role("link", name="Sam Answerer")).to_be_visible()
    scan = axe_scan(page, "tag page")
    assert not scan.blocking, scan.details()
    page.get_by_role("link", name="History (1 revision)").click()
    expect(page.get_by_role("heading", name="Revision 1")).to_be_visible()
    expect(page.get_by_text("First description")).to_be_visible()
    # The old list of questions tagged pip still works, and links here.
    page.goto("/questions/tagged/pip/")
    page.get_by_role("link", name="About this tag").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("About the")
