"""Moderating: close votes and the duplicate picker, as you type and without JavaScript, and
bulk actions in the flag queue (Chromium)."""

import pytest
from playwright.sync_api import Page, expect

from forum.models import Question
from moderation.models import Flag
from moderation.services.closevotes import close_vote_cast
from tests.browser.axe import axe_scan
from tests.browser.test_forum_journey import log_in, log_out
from tests.browser.test_moderation_journey import moderator
from tests.factories import AnswerFactory, CommentFactory, QuestionFactory, UserFactory
from tests.moderation.factories import flag

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ORIGINAL = "How do I negotiate a promotion after a reorganisation?"


def test_members_vote_a_duplicate_closed_with_the_picker(page: Page, ladder):
    original = QuestionFactory(title=ORIGINAL)
    question = QuestionFactory(title="Negotiating my promotion after a reorganisation")
    for _ in range(2):
        close_vote_cast(
            voter=UserFactory(reputation=500),
            question=question,
            reason="duplicate",
            duplicate_of=original,
        )
    voter = UserFactory(reputation=600)
    log_in(page, voter.email)
    page.goto(f"/questions/{question.pk}/votes/close/")  # the form's own page (no-JS step)
    scan = axe_scan(page, "close vote page")
    assert not scan.blocking, scan.details()
    page.goto(question.get_absolute_url())
    panel = page.get_by_role("region", name="Vote to close")
    expect(panel).to_contain_text("2 of 3 close votes")
    panel.get_by_label("Close as").select_option("Duplicate")
    panel.get_by_label("Original question").press_sequentially("promotion reorg", delay=20)
    choice = panel.get_by_role("radio", name=ORIGINAL)
    expect(choice).to_be_visible()  # listed as they typed (htmx)
    scan = axe_scan(page, "question with picker")
    assert not scan.blocking, scan.details()
    choice.check()
    panel.get_by_role("button", name="Vote to close").click()
    expect(page.locator(".messages")).to_contain_text("3 votes: the question is closed.")
    expect(page.get_by_role("link", name=ORIGINAL).first).to_be_visible()
    assert Question.objects.get(pk=question.pk).duplicate_of_id == original.pk


def test_a_moderator_picks_the_original_without_javascript(browser, live_server, ladder):
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    page = context.new_page()
    original = QuestionFactory(title=ORIGINAL)
    question = QuestionFactory(title="Negotiating my promotion after a reorganisation")
    mod = moderator()
    log_in(page, mod.email)
    page.goto(question.get_absolute_url())
    tools = page.get_by_role("region", name="Moderate this question")
    tools.get_by_label("Close as").select_option("Duplicate")
    tools.get_by_label("Original question").fill("promotion reorganisation")
    tools.get_by_role("button", name="Close", exact=True).click()
    # The results step: what was typed is kept, the error is by the field.
    expect(page.get_by_role("heading", level=1)).to_have_text("Close this question")
    expect(page.get_by_label("Original question")).to_have_value("promotion reorganisation")
    expect(page.get_by_text("Pick the original from the questions found below.")).to_be_visible()
    page.get_by_role("radio", name=ORIGINAL).check()
    page.get_by_role("button", name="Close", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("The question is closed.")
    assert Question.objects.get(pk=question.pk).duplicate_of_id == original.pk
    context.close()


def test_a_moderator_dismisses_and_hides_in_bulk(page: Page, ladder):
    answers = [AnswerFactory(body=f"Answer number {n} with enough words in it.") for n in range(3)]
    comment = CommentFactory(post=answers[0], body="A rude remark about the asker, flagged.")
    for answer in answers:
        flag(answer, reason="off-topic")
    flag(comment, reason="rude")
    mod = moderator()
    log_in(page, mod.email)
    page.goto("/moderation/")
    tabs = page.get_by_role("navigation", name="Kinds of flagged items")
    expect(tabs.get_by_role("link", name="Answers 3 flagged")).to_be_visible()
    tabs.get_by_role("link", name="Answers 3 flagged").click()
    expect(page.locator(".queue__item")).to_have_count(3)
    scan = axe_scan(page, "review queue")
    assert not scan.blocking, scan.details()
    for answer in answers[:2]:
        page.locator(f"#queue-answer-{answer.pk}").get_by_label("Check").check()
    page.get_by_label("Reason for all checked items").fill("Not off-topic")
    page.get_by_role("button", name="Dismiss flags").click()
    expect(page.locator(".messages")).to_contain_text("Dismissed the flags on 2 items.")
    expect(page.locator(".queue__item")).to_have_count(1)
    page.get_by_role("link", name="Comments 1 flagged").click()
    page.locator(f"#queue-comment-{comment.pk}").get_by_label("Check").check()
    page.get_by_label("Reason for all checked items").fill("Personal attack")
    page.locator("#bulk-form").get_by_role("button", name="Hide").click()
    expect(page.locator(".messages")).to_contain_text("Hid 1 item.")
    assert Flag.objects.filter(status="open").count() == 1
    log_out(page)
