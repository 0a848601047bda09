"""Arriving and asking (issue 12): the welcome step after the first log-in, tag suggestions,
the live preview, a draft that survives a reload, and the confirmation once posted."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import axe_scan
from tests.browser.test_accounts_journey import confirm_email
from tests.browser.test_forum_journey import log_in, log_out
from tests.factories import PASSWORD, QuestionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TITLE = "How do I ask for a promotion after a reorg moved my manager?"
BODY = "My manager changed twice this year. **Who** writes my promotion case now?"


def sign_up(page: Page, username: str, email: str) -> None:
    page.goto("/accounts/signup/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    confirm_email(page, email)


def assert_no_blocking(page: Page, name: str) -> None:
    scan = axe_scan(page, name)
    print(scan.line())  # the per-page summary for the closing note (pytest -s)
    assert not scan.blocking, scan.details()


def test_welcome_then_ask_with_suggestions_preview_draft_and_confirmation(page: Page, ladder):
    QuestionFactory(tags=["promotion", "reorg"])
    QuestionFactory(tags=["promotion"])

    # The welcome step comes right after the address is confirmed.
    sign_up(page, "dana", "dana@example.com")
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome to Rungs, dana")
    assert_no_blocking(page, "welcome")
    page.get_by_label("Display name").fill("Dana Okafor")
    page.get_by_label("Headline role").fill("Backend Engineer")
    page.get_by_label("Level code").fill("E5")
    expect(page.locator("#level-band")).to_have_text("“E5” is in the Senior band.")
    page.get_by_label("Level code").fill("Wizard")
    expect(page.locator("#level-band")).to_contain_text("Rungs cannot tell the band from “Wizard”")
    page.get_by_label("Level code").fill("E5")
    expect(page.locator("#level-band")).to_have_text("“E5” is in the Senior band.")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("status")).to_contain_text("Welcome to Rungs. Your profile is saved.")
    account = page.get_by_role("navigation", name="Account")
    expect(account.get_by_role("link", name="Dana Okafor")).to_be_visible()

    # Shown once: the next log-in goes straight on.
    log_out(page)
    log_in(page, "dana@example.com")
    expect(page.get_by_role("heading", level=1, name="Welcome to Rungs, dana")).to_have_count(0)

    # Asking: tags suggested with their counts; picking one completes the field.
    account.get_by_role("link", name="Ask a question").click()
    page.get_by_label("Title").fill(TITLE)
    tags = page.get_by_label("Tags", exact=True)
    tags.fill("pro")
    pick = page.get_by_role("button", name="Add tag promotion 2 questions")
    expect(pick).to_be_visible()
    pick.click()
    expect(tags).to_have_value("promotion, ")
    tags.press_sequentially("reo")
    expect(page.get_by_role("button", name="Add tag reorg 1 question")).to_be_visible()
    expect(page.get_by_role("button", name="Add tag promotion 2 questions")).to_have_count(0)
    tags.fill("promotion, reorg")

    # The preview follows the typing, beside the field on a wide screen.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_label("Body").fill(BODY)
    preview = page.locator("#preview")
    expect(preview.locator("strong")).to_have_text("Who")
    field_box = page.get_by_label("Body").bounding_box()
    preview_box = preview.bounding_box()
    assert preview_box["x"] > field_box["x"] + field_box["width"] - 1  # beside, not below
    assert_no_blocking(page, "ask with preview")

    # A reload (or a closed tab) loses nothing: the draft comes back, with a way to drop it.
    page.wait_for_timeout(500)  # the draft is saved a moment after the last key
    page.reload()
    notice = page.get_by_role("status").filter(has_text="Draft restored")
    expect(notice).to_be_visible()
    expect(page.get_by_label("Title")).to_have_value(TITLE)
    expect(page.get_by_label("Body")).to_have_value(BODY)
    expect(page.get_by_label("Tags")).to_have_value("promotion, reorg")
    expect(preview.locator("strong")).to_have_text("Who")

    # Posting says so, and the draft is gone afterwards.
    page.get_by_role("button", name="Post your question").click()
    post_mine = page.get_by_role("button", name="Post my question")
    posted = page.get_by_role("heading", level=1, name=TITLE)
    expect(posted.or_(post_mine)).to_be_visible()
    if post_mine.is_visible():
        post_mine.click()
    expect(posted).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Your question is posted.")
    page.goto("/questions/ask/")
    expect(page.get_by_label("Title")).to_have_value("")
    expect(page.get_by_text("Draft restored")).to_have_count(0)


def test_discarding_a_restored_draft_and_the_answer_draft(page: Page, ladder):
    question = QuestionFactory()
    log_in(page, question.author.email)  # a factory member is past the welcome step
    page.goto("/questions/ask/")
    page.get_by_label("Title").fill("A draft I will throw away after all, really")
    page.wait_for_timeout(500)
    page.reload()
    page.get_by_role("button", name="Discard the restored draft").click()
    expect(page.get_by_label("Title")).to_have_value("")
    page.reload()
    expect(page.get_by_text("Draft restored")).to_have_count(0)

    # The answer form keeps its own draft, per question.
    page.goto(question.get_absolute_url())
    answer = page.get_by_label("Your answer")
    answer.fill("Write down what you agreed with your old manager, then ask the new one.")
    page.wait_for_timeout(500)
    page.reload()
    expect(page.get_by_role("status").filter(has_text="Draft restored")).to_be_visible()
    expect(answer).to_have_value(
        "Write down what you agreed with your old manager, then ask the new one."
    )


def test_without_javascript_the_forms_still_work(browser, live_server, ladder):
    """No script runs: the welcome step, the tags field and the Preview button all answer."""
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    page = context.new_page()
    sign_up(page, "nojs", "nojs@example.com")
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome to Rungs, nojs")
    page.get_by_role("button", name="Skip for now").click()
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Welcome to Rungs, nojs")
    page.goto("/questions/ask/")
    page.get_by_label("Body").fill(BODY)
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Level", exact=True).select_option("Mid-level engineer")
    page.get_by_label("Tags", exact=True).fill("promotion")
    page.get_by_role("button", name="Preview").click()
    expect(page.locator("#preview strong")).to_have_text("Who")
    expect(page.get_by_label("Body")).to_have_value(BODY)
    context.close()
