"""Issue 13 §3: the ladder on a phone and on a desktop. "On this page" jumps to a competency,
competencies fold on phones (and show in full without JavaScript), the navigation stays in sight
on wide screens, and the readiness radar's labels are legible at 390 px."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.axe import axe_scan
from tests.browser.test_forum_journey import log_in
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def height(page: Page) -> int:
    return page.evaluate("document.documentElement.scrollHeight")


def toggles(page: Page):
    return page.locator("section[data-fold] h2 > button.fold__toggle")


def in_view(page: Page, selector: str) -> bool:
    return page.locator(selector).evaluate(
        "el => { const r = el.getBoundingClientRect();"
        " return r.bottom > 0 && r.top < window.innerHeight; }"
    )


def test_on_a_phone_the_level_page_folds_and_jumps(page: Page, ladder):
    page.set_viewport_size(PHONE)
    page.goto("/ladder/mid/")
    # Every competency starts folded: a short page of headings that say what they hold.
    expect(toggles(page)).to_have_count(10)
    for i in range(10):
        expect(toggles(page).nth(i)).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#fold-design")).to_be_hidden()
    design_heading = page.get_by_role("heading", level=2, name="System design and architecture")
    expect(design_heading).to_be_visible()
    folded = height(page)

    # "On this page" is one line until opened; a link opens its competency and lands on it.
    toc = page.get_by_role("navigation", name="On this page")
    expect(toc.get_by_role("link", name="System design and architecture")).to_be_hidden()
    toc.get_by_text("On this page").click()
    expect(toc.get_by_role("link", name="System design and architecture")).to_be_visible()
    folded = height(page)  # with the list open
    toc.get_by_role("link", name="System design and architecture").click()
    expect(page).to_have_url(re.compile(r"/ladder/mid/#design$"))
    design = page.get_by_role("button", name="System design and architecture")
    expect(design).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#fold-design")).to_be_visible()
    assert in_view(page, "#h-design")
    assert height(page) > folded

    # The heading's button folds it again (keyboard too).
    design.focus()
    page.keyboard.press("Enter")
    expect(design).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#fold-design")).to_be_hidden()
    assert height(page) == folded

    # All open: the page as long as before, which the folding saves on a phone.
    page.get_by_role("button", name="Open every competency").click()
    for i in range(10):
        expect(toggles(page).nth(i)).to_have_attribute("aria-expanded", "true")
    opened = height(page)
    assert opened > 3 * folded
    page.get_by_role("button", name="Close every competency").click()
    assert height(page) == folded


def test_a_link_to_a_competency_opens_it_on_a_phone(page: Page, ladder):
    page.set_viewport_size(PHONE)
    page.goto("/ladder/senior/#operations")
    operations = page.get_by_role("button", name="Reliability, security and operations")
    expect(operations).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("button", name="Technical craft")).to_have_attribute(
        "aria-expanded", "false"
    )
    # A link to one expectation (the two-of-three group lists them) opens the one holding it.
    page.locator("#senior-two-of-three .link-list a").first.click()
    expect(page.get_by_role("button", name="System design and architecture")).to_have_attribute(
        "aria-expanded", "true"
    )


def test_a_malformed_address_still_gets_the_folding_page(page: Page, ladder):
    page.set_viewport_size(PHONE)
    page.goto("/ladder/senior/#%E0%A4")  # decodeURIComponent throws on it
    expect(page.get_by_role("button", name="Technical craft")).to_have_attribute(
        "aria-expanded", "false"
    )


def test_the_compare_page_folds_on_a_phone(page: Page, ladder):
    page.set_viewport_size(PHONE)
    page.goto("/ladder/compare/mid/senior/")
    expect(toggles(page)).to_have_count(10)
    expect(page.locator("#fold-craft")).to_be_hidden()
    expect(page.locator("#craft .fold__meta")).to_have_text(re.compile(r"\d+ new · \d+ change"))
    # The summary's "biggest shifts" links open what they point at.
    page.locator(".summary a[href='#craft']").click()
    expect(page.locator("#fold-craft")).to_be_visible()
    expect(page.get_by_role("heading", name="What changes").first).to_be_visible()


def test_on_a_desktop_everything_shows_and_the_navigation_stays_in_sight(page: Page, ladder):
    page.set_viewport_size(DESKTOP)
    for url in ("/ladder/mid/", "/ladder/compare/mid/senior/"):
        page.goto(url)
        for i in range(10):
            expect(toggles(page).nth(i)).to_have_attribute("aria-expanded", "true")
        toc = page.get_by_role("navigation", name="On this page")
        expect(toc.get_by_role("link", name="Learning and career growth")).to_be_visible()
        # Beside the content, not above it.
        box, main = toc.bounding_box(), page.locator(".ladder-page__main").bounding_box()
        assert box["x"] + box["width"] <= main["x"]
        page.evaluate("window.scrollTo(0, 4000)")
        assert page.evaluate("window.scrollY") == 4000
        assert in_view(page, ".page-toc")
        assert toc.bounding_box()["y"] == pytest.approx(16, abs=2)  # sticky, 1rem from the top
        toc.get_by_role("link", name="Technical craft").click()
        expect(page).to_have_url(re.compile(r"#craft$"))
        assert in_view(page, "#h-craft")


def test_without_javascript_a_phone_gets_the_whole_page(browser: Browser, live_server, ladder):
    context = browser.new_context(
        java_script_enabled=False, viewport=PHONE, base_url=live_server.url
    )
    page = context.new_page()
    page.goto("/ladder/mid/")
    expect(page.locator("button.fold__toggle")).to_have_count(0)
    expect(page.locator("#fold-design")).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="Technical craft")).to_be_visible()
    # "On this page" is open, and its links work as plain anchors.
    toc = page.get_by_role("navigation", name="On this page")
    toc.get_by_role("link", name="Mentoring and code review").click()
    expect(page).to_have_url(re.compile(r"#mentoring$"))
    assert in_view(page, "#h-mentoring")
    context.close()


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_ladder_pages_pass_axe(page: Page, ladder, size):
    page.set_viewport_size(size)
    for url, name in (("/ladder/mid/", "level"), ("/ladder/compare/mid/senior/", "compare")):
        page.goto(url)
        scan = axe_scan(page, f"{name} {size['width']}")
        print(scan.line())
        assert scan.blocking == [], scan.details()


def finished_assessment():
    from growth import services
    from growth.selectors.assessments import scope
    from tests.growth.factories import start

    person = UserFactory()
    assessment = start(person)
    items = scope(
        track=assessment.track, current=assessment.current_level, target=assessment.target_level
    ).items
    ratings = [services.RatingInput(e.pk, i % 3) for i, e in enumerate(items)]
    services.assessment_save(
        user=assessment.owner, assessment=assessment, ratings=ratings, finish=True
    )
    return person, assessment


def test_the_radar_is_legible_on_a_phone_with_the_table_beside_it_on_a_desktop(page: Page, ladder):
    person, assessment = finished_assessment()
    page.set_viewport_size(DESKTOP)
    log_in(page, person.email)
    page.goto(f"/growth/assessments/{assessment.pk}/results/")
    figure, table = page.locator("figure.radar"), page.locator("table.scores")
    assert table.bounding_box()["x"] >= figure.bounding_box()["x"] + figure.bounding_box()["width"]

    page.set_viewport_size(PHONE)
    page.goto(f"/growth/assessments/{assessment.pk}/results/")
    # The SVG scales its text with the chart: what counts is the size on the screen.
    sizes = page.locator(".radar__label").evaluate_all(
        "els => els.map(el => parseFloat(getComputedStyle(el).fontSize) * el.getScreenCTM().a)"
    )
    assert len(sizes) == 10
    assert min(sizes) >= 12, sizes
    heights = page.locator(".radar__label").evaluate_all(
        "els => els.map(el => el.getBoundingClientRect().height)"
    )
    assert min(heights) >= 12
    # The key spells the abbreviations out, and the table comes below the chart.
    key = page.locator(".radar__key")
    expect(key.locator("dt", has_text=re.compile(r"^SDA$"))).to_be_visible()
    expect(key).to_contain_text("System design and architecture")
    assert table.bounding_box()["y"] >= figure.bounding_box()["y"] + figure.bounding_box()["height"]
    assert figure.bounding_box()["width"] <= 390


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_printing_a_folded_level_page_prints_it_all_on_few_pages(page: Page, ladder):
    page.set_viewport_size(PHONE)
    page.goto("/ladder/mid/")
    expect(page.locator("#fold-design")).to_be_hidden()  # folded on the phone
    page.emulate_media(media="print")
    # On paper: no navigation, side column or buttons, and every competency open.
    expect(page.locator(".page-toc")).to_be_hidden()
    expect(page.locator(".ladder-page__side")).to_be_hidden()
    expect(page.get_by_role("button", name="Open every competency")).to_be_hidden()
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".site-footer")).to_be_hidden()
    expectations = page.locator(".fold__body .expectation")
    assert expectations.count() > 40
    hidden = expectations.evaluate_all(
        "els => els.filter(el => !el.checkVisibility({contentVisibilityAuto: true})).length"
    )
    assert hidden == 0
    # 11 A4 pages before issue 13.
    assert pdf_pages(page.pdf(format="A4")) <= 6
