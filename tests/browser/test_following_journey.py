"""Following and being told, in Chromium: follow a tag and a level (htmx) and a question
(without JavaScript), read the Following tab, hear of a new answer and a duplicate closing in
the header's notifications menu, choose a digest, and unsubscribe from a link in an e-mail."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from accounts.models import User
from accounts.unsubscribe import unsubscribe_url
from moderation.services.questions import question_close
from tests.browser.axe import axe_scan
from tests.browser.test_forum_journey import log_in
from tests.factories import AnswerFactory, QuestionFactory, UserFactory
from tests.moderation.factories import moderator

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def assert_accessible(page: Page, name: str) -> None:
    scan = axe_scan(page, name)
    assert not scan.blocking, scan.details()


def test_follow_read_be_told_and_unsubscribe(page: Page, browser: Browser, live_server, ladder):
    reader = UserFactory(display_name="Rosa Reader")
    senior = QuestionFactory(
        title="How do senior engineers pick what not to do?",
        level=ladder["senior"],
        tags=["prioritisation"],
    )
    tagged = QuestionFactory(title="Is a PIP ever a fresh start?", tags=["pip"])
    mine = QuestionFactory(author=reader, title="What does a mid-level promotion case need?")
    original = QuestionFactory(title="How do I build a promotion case?")

    # With JavaScript: follow a tag and a level from their lists; the button swaps in place.
    log_in(page, reader.email)
    page.goto("/questions/tagged/pip/")
    page.get_by_role("button", name="Follow the tag pip").click()
    expect(page.get_by_role("button", name="Unfollow the tag pip")).to_be_visible()
    page.goto("/questions/level/senior/")
    page.get_by_role("button", name="Follow Senior engineer questions").click()
    expect(page.get_by_role("button", name="Unfollow Senior engineer questions")).to_be_visible()
    assert_accessible(page, "level list, following")

    # The Following tab: what they follow, their own question too (askers follow theirs).
    page.goto("/")
    page.get_by_role("navigation", name="Home page").get_by_role("link", name="Following").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Following")
    for question in (senior, tagged, mine):
        expect(page.get_by_role("link", name=question.title)).to_be_visible()
    expect(page.get_by_role("link", name=original.title)).to_have_count(0)
    assert_accessible(page, "following tab")

    # Without JavaScript: following a question is a plain form post, back to the same page.
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    plain = context.new_page()
    log_in(plain, reader.email)
    plain.goto(original.get_absolute_url())
    plain.get_by_role("button", name="Follow this question").click()
    expect(plain.get_by_role("status").first).to_contain_text("You follow this question.")
    expect(plain.get_by_role("button", name="Unfollow this question")).to_be_visible()
    assert plain.url.endswith(original.get_absolute_url())

    # Someone answers a question they follow, and a moderator closes theirs as a duplicate.
    AnswerFactory(question=original, author=UserFactory(display_name="Hana Helper"))
    question_close(moderator=moderator(), question=mine, reason="duplicate", duplicate_of=original)

    # The header says so; the menu (a <details>) opens without JavaScript, too.
    plain.goto("/questions/")
    account = plain.get_by_role("navigation", name="Account")
    account.locator(".notif-menu__toggle").click()
    expect(
        account.get_by_role("link", name="Hana Helper answered a question you follow")
    ).to_be_visible()
    context.close()

    page.goto("/questions/")
    account = page.get_by_role("navigation", name="Account")
    expect(account.locator(".notif-menu__toggle")).to_contain_text("2 unread")
    account.locator(".notif-menu__toggle").click()
    menu = account.locator(".notif-menu__panel")
    expect(
        menu.get_by_role("link", name="A moderator closed your question as a duplicate")
    ).to_be_visible()
    expect(
        menu.get_by_role("link", name="Hana Helper answered a question you follow")
    ).to_be_visible()
    assert_accessible(page, "notifications menu open")
    page.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    account.locator(".notif-menu__toggle").click()
    menu.get_by_role("link", name="All notifications").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Notifications")
    expect(page.get_by_role("link", name=original.title).first).to_be_visible()

    # A weekly digest instead of an e-mail each.
    page.goto("/users/me/edit/")
    page.get_by_label("A weekly digest").check()
    page.get_by_role("button", name="Save profile").click()
    reader.refresh_from_db()
    assert reader.email_frequency == "weekly"

    # The link in an e-mail unsubscribes, logged out, after a confirmation.
    page.get_by_role("button", name="Log out").click()
    page.goto(urlsplit(unsubscribe_url(reader)).path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Stop notification e-mails?")
    assert_accessible(page, "unsubscribe confirmation")
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You are unsubscribed")
    assert User.objects.get(pk=reader.pk).email_frequency == "none"
