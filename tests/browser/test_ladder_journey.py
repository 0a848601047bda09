import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_browse_the_ladder_and_compare_mid_with_senior(page: Page, ladder):
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Ladder").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The career ladder")
    expect(page.get_by_role("columnheader", name="Senior engineer")).to_be_visible()

    page.get_by_role("link", name="Infrastructure / SRE").click()
    expect(page).to_have_url(re.compile(r"/ladder/\?track=infrastructure$"))

    page.get_by_role("link", name="Mid-level engineer").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mid-level engineer")
    page.get_by_role("link", name="Gap to senior engineer").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "From mid-level engineer to senior engineer"
    )
    expect(page.get_by_role("heading", name="The gap in short")).to_be_visible()
    expect(page.get_by_role("heading", name="What changes").first).to_be_visible()
    expect(page.get_by_role("link", name="Infrastructure / SRE")).to_have_attribute(
        "aria-current", "true"
    )

    # Pick another pair with the plain form.
    page.get_by_label("Compare").select_option("junior")
    page.get_by_label("with").select_option("mid")
    page.get_by_role("button", name="Show the gap").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "From junior engineer to mid-level engineer"
    )


def test_the_matrix_stacks_on_a_phone(page: Page, ladder):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/ladder/")
    table_width = page.locator("table.matrix").evaluate("el => el.getBoundingClientRect().width")
    assert table_width <= 390
    expect(page.locator("td[data-label='Senior engineer']").first).to_be_visible()
