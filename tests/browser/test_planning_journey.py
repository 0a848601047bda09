"""From a finished self-assessment to a plan that is worked through: the results' summary,
making the plan, ticking an action off, re-dating one, adding one, sharing the plan, copying
its link and turning the link off. On a desktop and on a phone-sized screen, and a tick
without JavaScript."""

import re

import pytest
from playwright.sync_api import Page, expect

from growth.models import Plan
from tests.browser.axe import axe_scan
from tests.browser.test_forum_journey import log_in, log_out
from tests.factories import UserFactory
from tests.growth import factories as growth

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def finished_assessment(person):
    """Craft a strength, design a gap, the rest half way."""
    return growth.finished(person, by_competency={"craft": 2, "design": 0})


def assert_accessible(page: Page, name: str) -> None:
    scan = axe_scan(page, name)
    assert not scan.blocking, scan.details()


@pytest.mark.parametrize("width", [1280, 390])
def test_results_plan_tick_redate_add_share_and_turn_off(page: Page, ladder, live_server, width):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    person = UserFactory(headline="Backend Engineer", band="mid")
    done = finished_assessment(person)
    log_in(page, person.email)  # the header's own layout at 390 px is another journey's
    page.set_viewport_size({"width": width, "height": 900})

    # The results lead with the verdict, what matters most and what is strong.
    page.goto(f"/growth/assessments/{done.pk}/results/")
    summary = page.get_by_role("region", name="Not yet ready for senior engineer")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("link", name="System design and architecture")).to_be_visible()
    expect(summary).to_contain_text("Technical craft: 100%")
    summary.get_by_text("How this is decided").click()
    expect(summary).to_contain_text("at least 80% overall")
    assert_accessible(page, "results")

    summary.get_by_role("button", name="Turn the gaps into a plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "From mid-level engineer to senior engineer"
    )
    expect(page.get_by_text("0 of 10 actions done")).to_be_visible()
    design = page.get_by_role(
        "region", name=re.compile(r"^System design and architecture: become someone who")
    )
    expect(design.get_by_role("link", name=re.compile("Questions others asked"))).to_have_attribute(
        "href", "/questions/?competency=design"
    )
    assert_accessible(page, "plan")

    # Tick the first action off: the row and both progress counts change in place.
    actions = design.get_by_role("list", name="Actions").get_by_role("listitem")
    first, second = actions.nth(0), actions.nth(1)
    first.get_by_role("button", name="Mark as done").click()
    expect(first.get_by_role("button", name="Mark as not done")).to_be_focused()
    expect(first).to_contain_text(re.compile(r"Done \d{1,2} \w{3} \d{4}"))
    expect(page.get_by_text("1 of 10 actions done")).to_be_visible()
    expect(design.get_by_text("1 of 2 done")).to_be_visible()

    # Re-date the second one.
    second.get_by_text("Edit").click()
    second.get_by_label("Due").fill("2027-04-30")
    second.get_by_role("button", name="Save").click()
    expect(second).to_contain_text("Due 30 Apr 2027")

    # Add one of one's own.
    design.get_by_text("Add an action").click()
    design.get_by_label("New action").fill("Ask Priya to review my next design doc")
    design.get_by_role("button", name="Add", exact=True).click()
    expect(actions).to_have_count(3)
    expect(actions.nth(2)).to_contain_text("Ask Priya to review my next design doc")
    expect(page.get_by_text("1 of 11 actions done")).to_be_visible()
    expect(design.get_by_label("New action")).to_have_value("")
    assert_accessible(page, "plan after changes")

    # Share, copy the link, then turn it off (after being asked).
    page.get_by_role("button", name="Make a share link").click()
    link = page.get_by_label("Share link").input_value()
    page.get_by_role("button", name="Copy link").click()
    expect(page.get_by_text("Link copied.")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == link
    page.get_by_role("link", name="Turn the link off…").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Turn off the link?")
    page.get_by_role("button", name="Turn the link off").click()
    expect(page.get_by_text("Private: only you can see this plan.")).to_be_visible()
    page.set_viewport_size({"width": 1280, "height": 900})
    log_out(page)

    # Whoever opens the old link is told it was turned off (410, on a page of its own: the
    # browser logs the status as an error, which this test's page would count as a failure).
    visitor = page.context.new_page()
    response = visitor.goto(link)
    assert response.status == 410
    expect(visitor.get_by_role("heading", level=1)).to_have_text("This link was turned off")
    visitor.close()

    plan = Plan.objects.get(owner=person)
    assert (
        plan.goals.get(competency__slug="design").actions.filter(done_at__isnull=False).count() == 1
    )


def test_a_tick_without_javascript(browser, live_server, ladder):
    person = UserFactory(headline="Backend Engineer", band="mid")
    plan = growth.plan(person)
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 844})
    log_in(page, person.email)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/growth/plans/{plan.pk}/")
    expect(page.get_by_role("button", name="Copy link")).to_have_count(0)
    row = page.get_by_role("listitem").filter(has=page.get_by_role("button", name="Mark as done"))
    row.first.get_by_role("button", name="Mark as done").click()
    expect(page.get_by_role("status")).to_contain_text("Done. Nicely.")
    expect(page.get_by_text("1 of 10 actions done")).to_be_visible()
    expect(page.get_by_role("button", name="Mark as not done")).to_have_count(1)
    # Edit and add open without JavaScript too (they are <details>).
    page.get_by_text("Add an action").first.click()
    expect(page.get_by_label("New action").first).to_be_visible()
    context.close()
