"""A member with a little reputation suggests an edit; the author accepts it; the post shows it,
with a revision in the suggester's name. axe checks the new pages on the way."""

import pytest
from playwright.sync_api import Page, expect

from accounts.privileges import Privilege
from tests.browser.axe import axe_scan
from tests.browser.test_forum_journey import log_in, log_out
from tests.factories import QuestionFactory, UserFactory, holder

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
FIXED = "I have been mid-level for two years, and my reviews say I am close. What should I do next?"


def assert_accessible(page: Page, name: str) -> None:
    scan = axe_scan(page, name)
    assert not scan.blocking, scan.details()


def test_suggest_an_edit_then_the_author_accepts_it(page: Page, ladder):
    author = UserFactory(display_name="Ari Asker")
    question = QuestionFactory(author=author)
    suggester = holder(Privilege.SUGGEST_EDITS, display_name="Sam Suggester")

    # The suggester sees what their reputation unlocks, then suggests an edit.
    log_in(page, suggester.email)
    page.goto("/privileges/")
    expect(page.get_by_role("heading", level=1, name="Privileges")).to_be_visible()
    expect(page.get_by_role("row", name="Suggest edits")).to_contain_text("✓ Held")
    expect(page.get_by_role("row", name="Vote down")).to_contain_text("45 to go")
    assert_accessible(page, "privileges")

    page.goto(question.get_absolute_url())
    expect(page.get_by_role("button", name="Downvote question")).to_be_disabled()
    page.get_by_role("link", name="Suggest an edit question").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Suggest an edit to this question")
    assert_accessible(page, "suggest an edit")
    page.get_by_label("Body").fill(FIXED)
    page.get_by_label("Why this edit").fill("Fixed the punctuation")
    page.get_by_role("button", name="Suggest this edit").click()
    expect(page.get_by_role("status").first).to_contain_text("your suggested edit waits")
    log_out(page)

    # The author is told on their question, reviews the suggestion and accepts it.
    log_in(page, author.email)
    page.goto(question.get_absolute_url())
    banner = page.locator(".suggestions-waiting")
    expect(banner).to_contain_text("1 suggested edit to your posts on this page waits")
    banner.get_by_role("link", name="Review suggested edits").click()
    expect(page.get_by_role("heading", level=1, name="Suggested edits")).to_be_visible()
    expect(page.get_by_role("link", name="Waiting 1 suggested edit")).to_have_attribute(
        "aria-current", "true"
    )
    assert_accessible(page, "review queue")
    page.get_by_role("link", name="Review the edit suggested").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Suggested edit to a question")
    expect(page.locator(".diff-view ins").first).to_be_visible()
    assert_accessible(page, "suggested edit")
    page.get_by_role("button", name="Accept and apply this edit").click()
    expect(page.get_by_role("status").first).to_contain_text("Accepted")
    expect(page.get_by_role("link", name="Accepted 1 suggested edit")).to_be_visible()

    # The question shows the edit; its history credits the suggester.
    page.goto(question.get_absolute_url())
    expect(page.locator(".post--question .post-body")).to_contain_text("two years, and my")
    expect(page.locator(".suggestions-waiting")).to_have_count(0)
    page.locator(".post--question").get_by_role("link", name="History").click()
    latest = page.locator(".revision").first
    expect(latest).to_contain_text("Revision 2")
    expect(latest).to_contain_text("Sam Suggester")
    expect(latest).to_contain_text("Fixed the punctuation")
