"""A whole self-assessment in steps, as a person walks it: on a phone and on a desktop, with and
without JavaScript; the tab is closed halfway and everything is found again."""

import re

import pytest
from playwright.sync_api import Page, expect

from growth.models import Rating
from tests.browser.axe import axe_scan
from tests.browser.test_forum_journey import log_in
from tests.factories import UserFactory
from tests.growth import factories as growth

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STRONG = ("Technical craft", "System design and architecture")
PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 900}


def heading(page: Page):
    return page.locator("#step-heading")


def competency(page: Page) -> str:
    return heading(page).inner_text().split("\n")[-1].split("10 ", 1)[-1].strip()


def rate_step(page: Page, *, skip_last: bool = False) -> int:
    """Rate every expectation of the step shown: strong on two competencies, weak elsewhere."""
    choice = "Consistently" if competency(page) in STRONG else "Not yet"
    items = page.locator("fieldset.assess-item")
    count = items.count() - (1 if skip_last else 0)
    for i in range(count):
        items.nth(i).get_by_label(choice).check()
    return count


def jump_list(page: Page):
    """The list of competencies, opened if it is folded (on a phone, with JavaScript)."""
    if page.locator(".assess-jump__fold").get_attribute("open") is None:
        page.locator(".assess-jump__summary").click()
    return page.get_by_role("navigation", name="Competencies")


def go(page: Page, button: str, step: int) -> None:
    page.locator(".assess-step__actions").get_by_role("button", name=re.compile(button)).click()
    expect(heading(page)).to_contain_text(f"Step {step} of 10")


@pytest.fixture(params=["phone", "desktop"])
def viewport(request):
    return PHONE if request.param == "phone" else DESKTOP


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_whole_assessment_in_steps(browser, live_server, ladder, viewport, javascript):
    person = UserFactory(headline="Backend Engineer", level_code="L4", band="mid")
    context = browser.new_context(
        base_url=live_server.url, viewport=viewport, java_script_enabled=javascript
    )
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.set_viewport_size(DESKTOP)  # the header's log-out button shows: the log-in check
    log_in(page, person.email)
    page.set_viewport_size(viewport)
    page.goto("/growth/")
    page.get_by_role("link", name="Start an assessment").click()
    page.get_by_role("button", name="Begin").click()

    # Step 1: progress, the jump list, one competency.
    expect(heading(page)).to_contain_text("Step 1 of 10")
    expect(page.locator(".assess-progress__text")).to_have_text(
        "0 of 10 competencies done, 0 of 74 expectations rated"
    )
    height = page.evaluate("document.documentElement.scrollHeight")
    print(f"\nstep 1 (15 expectations) at {viewport['width']} px: {height} px tall")
    folded = page.locator(".assess-jump__fold").get_attribute("open") is None
    assert folded == (javascript and viewport == PHONE)  # folded on a phone, open without JS
    jump = jump_list(page)
    expect(jump.get_by_role("button")).to_have_count(11)  # ten steps and "Finish"
    expect(jump.locator('[aria-current="step"]')).to_contain_text("Technical craft")
    first = page.locator("fieldset.assess-item").first
    first.get_by_text("Examples and source").click()
    expect(first.locator(".assess-item__sources a").first).to_be_visible()

    rated = rate_step(page)
    go(page, "Next", 2)
    if javascript:
        assert page.url.endswith("/step/delivery/")  # the address follows the swap
        expect(heading(page)).to_be_focused()
    expect(page.locator(".assess-progress__text")).to_contain_text(f"{rated} of 74 expectations")

    # Step 2: all but the last rated, and evidence without a rating for that one.
    rated += rate_step(page, skip_last=True)
    last = page.locator("fieldset.assess-item").last
    last.get_by_label("Evidence (optional)").fill("The on-call handbook I wrote")
    go(page, "Next", 3)
    rated += rate_step(page)
    if javascript:  # a changed answer is saved at once, before any button
        expect(page.locator("#autosave-status")).to_contain_text("Saved at")
        expect(page.locator(".assess-progress__text")).to_contain_text(f"{rated} of 74")
        # Evidence is saved a second after typing stops, without leaving the field.
        evidence = page.locator("fieldset.assess-item").first.get_by_label("Evidence (optional)")
        with page.expect_response(
            lambda r: "tab%20closed" in (r.request.post_data or "") and r.status == 200
        ):
            evidence.press_sequentially("Typed, then the tab closed")
    else:
        go(page, "Next", 4)

    # The tab is closed halfway; a new one finds everything.
    page.close()
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto("/growth/")
    page.get_by_role("link", name="Continue your assessment").click()
    expect(heading(page)).to_contain_text("Step 2 of 10")  # the first with something left
    expect(page.locator(".assess-progress__text")).to_contain_text(f"{rated} of 74 expectations")
    last = page.locator("fieldset.assess-item").last
    expect(last.get_by_label("Evidence (optional)")).to_have_value("The on-call handbook I wrote")
    expect(last.locator("input:checked")).to_have_count(0)
    jump_list(page).get_by_role("button", name=re.compile("Technical craft")).click()
    expect(heading(page)).to_contain_text("Step 1 of 10")
    expect(page.locator("fieldset.assess-item input:checked")).to_have_count(15)

    # Finishing now leads to the first item left, marked, with how many are left.
    jump_list(page).get_by_role("button", name="Finish and see results").click()
    expect(heading(page)).to_contain_text("Step 2 of 10")
    expect(page.get_by_text(re.compile(r"\d+ expectations still need a rating"))).to_be_visible()
    marked = page.locator("fieldset.assess-item--unrated")
    expect(marked).to_have_count(1)
    expect(marked).to_contain_text("Not rated yet")
    if javascript:
        expect(marked).to_be_focused()
        assert_accessible(page, "a step with an item marked")  # axe runs as JavaScript
    else:
        assert page.url.endswith(f"#{marked.get_attribute('id')}")
    marked.get_by_label("Not yet").check()

    # The rest, step by step, then finish on the last step.
    heights = []
    for step in range(3, 11):
        go(page, "Next", step)
        heights.append(page.evaluate("document.documentElement.scrollHeight"))
        if javascript and step == 3:
            typed = page.locator("fieldset.assess-item").first.get_by_label("Evidence (optional)")
            expect(typed).to_have_value("Typed, then the tab closed")
        rate_step(page)
    print(f"steps 3-10 at {viewport['width']} px: {heights} px tall")
    page.locator(".assess-step__actions").get_by_role(
        "button", name="Finish and see results"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile(r"Readiness for senior engineer: \d+%")
    )
    context.close()
    assert errors == [], errors


def assert_accessible(page: Page, name: str) -> None:
    scan = axe_scan(page, name)
    assert not scan.blocking, scan.details()


def test_starting_again_shows_last_times_answers_to_confirm(page: Page, ladder):
    person = UserFactory(headline="Backend Engineer", level_code="L4", band="mid")
    growth.finished(person, value=Rating.Value.SOMETIMES)
    log_in(page, person.email)
    page.set_viewport_size(PHONE)

    page.goto("/growth/assessments/new/")
    page.get_by_role("button", name="Begin").click()
    expect(page.locator(".assess-progress__text")).to_contain_text(
        re.compile(r"74 of 74 expectations rated · 74 answers from .+ to check")
    )
    first = page.locator("fieldset.assess-item").first
    expect(first.locator(".badge--carried")).to_have_text(re.compile(r"from \d+ \w+ \d{4}"))
    expect(first.get_by_label("Sometimes")).to_be_checked()
    first.get_by_label("Consistently").check()  # changed: saved at once, no longer "from"
    expect(page.locator("#autosave-status")).to_contain_text("Saved at")
    expect(first.locator(".badge--carried")).to_have_count(0)
    expect(page.locator(".assess-progress__text")).to_contain_text("73 answers from")
    assert_accessible(page, "a step with carried answers")
