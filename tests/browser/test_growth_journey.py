import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_assessing_journey import rate_step
from tests.browser.test_forum_journey import log_in, log_out
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def assess(page: Page) -> None:
    """Rate every expectation, a step per competency: strong on craft and design, weak elsewhere."""
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Growth").click()
    page.get_by_role("link", name="Start an assessment").click()
    expect(page.get_by_label("Backend")).to_be_checked()
    page.get_by_role("button", name="Begin").click()
    for step in range(1, 11):
        expect(page.locator("#step-heading")).to_contain_text(f"Step {step} of 10")
        rate_step(page)
        if step < 10:
            page.locator(".assess-step__actions").get_by_role(
                "button", name=re.compile("Next")
            ).click()
    page.locator(".assess-step__actions").get_by_role(
        "button", name="Finish and see results"
    ).click()


def test_assess_see_the_radar_plan_export_share_and_revoke(page: Page, ladder):
    person = UserFactory(headline="Backend Engineer", level_code="L4", band="mid")
    log_in(page, person.email)
    assess(page)

    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile(r"Readiness for senior engineer: \d+%")
    )
    expect(page.get_by_role("img", name="Readiness by competency")).to_be_visible()
    table = page.get_by_role("table", name="Readiness by competency")
    expect(table.get_by_role("row", name=re.compile("Technical craft"))).to_contain_text("Strength")
    expect(table.get_by_role("row", name=re.compile("Mentoring and code review"))).to_contain_text(
        "Gap"
    )

    page.get_by_role("button", name="Turn the gaps into a plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "From mid-level engineer to senior engineer"
    )
    page.get_by_role("link", name="Edit goals and topics").click()  # opens the folded form
    first_goal = page.locator("fieldset.goal").first
    first_goal.get_by_label("Goal", exact=True).fill("Mentor one junior engineer every week")
    first_goal.get_by_label("Target date").fill("2027-03-31")
    page.get_by_label("To discuss with my manager (one per line)").fill(
        "Who could I mentor?\nWhich design could I lead next quarter?"
    )
    page.get_by_role("button", name="Save goals and topics").click()
    expect(page.get_by_role("status")).to_contain_text("Your plan is saved")

    with page.expect_download() as download:
        page.get_by_role("link", name="Download as Markdown").click()
    markdown = Path(download.value.path()).read_text(encoding="utf-8")
    assert markdown.startswith("# From mid-level engineer to senior engineer")
    assert "## Mentor one junior engineer every week" in markdown
    assert "By 31 March 2027 · 0 of " in markdown
    assert "- Which design could I lead next quarter?" in markdown

    page.get_by_role("button", name="Make a share link").click()
    link = page.get_by_label("Share link").input_value()
    plan_url = page.url
    log_out(page)
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "From mid-level engineer to senior engineer"
    )
    expect(page.get_by_text("Mentor one junior engineer every week")).to_be_visible()
    expect(page.get_by_role("button", name="Save goals and topics")).to_have_count(0)

    log_in(page, person.email)
    page.goto(plan_url)
    page.get_by_role("link", name="Turn the link off…").click()
    page.get_by_role("button", name="Turn the link off").click()
    expect(page.get_by_text("Private: only you can see this plan.")).to_be_visible()
    log_out(page)
    assert page.request.get(link).status == 410  # turned off: gone at once, and says so
