"""axe-core (WCAG 2.2 AA rules) on the main pages, logged out and in, light and dark.

Fails on any critical or serious violation; prints a per-page summary either way, which is where
the "axe results per page" in docs/accessibility.md come from."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from forum.services.answers import answer_accept
from tests.browser.axe import axe_scan
from tests.browser.test_forum_journey import log_in
from tests.browser.test_moderation_journey import moderator
from tests.factories import AnswerFactory, CommentFactory, QuestionFactory, UserFactory
from tests.moderation.factories import flag

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _forum():
    """A moderator with a question that has a named, an anonymous and an accepted answer, a
    comment, a flag waiting in the queue and unread notifications."""
    mod = moderator()
    question = QuestionFactory(
        author=mod, title="How do I prepare a promotion packet?", tags=["promotion", "packet"]
    )
    dana = UserFactory(display_name="Dana Okafor", headline="Staff SRE", level_code="L6")
    accepted = AnswerFactory(question=question, author=dana, body="Collect evidence of impact.")
    AnswerFactory(question=question, is_anonymous=True, body="Ask your manager for the rubric.")
    CommentFactory(post=accepted, body="Which evidence counted most?")
    answer_accept(user=mod, answer=accepted)
    other = QuestionFactory(title="Is a promotion without a title change worth it?")
    flag(other)
    return mod, question, dana


def _pages(mod, question, dana, *, logged_in: bool) -> list[tuple[str, str]]:
    pages = [
        ("home", "/"),
        ("question list", "/questions/"),
        ("question", question.get_absolute_url()),
        ("tag", "/questions/tagged/promotion/"),
        ("ladder level", "/ladder/mid/"),
        ("compare", "/ladder/compare/mid/senior/"),
        ("sources", "/ladder/sources/"),
        ("search results", "/search/?q=promotion"),
        ("profile", dana.get_absolute_url()),
        ("profile reputation", dana.get_absolute_url() + "?tab=reputation"),
        ("tag page", "/tags/promotion/"),
        ("tag index", "/tags/"),
        ("badges", "/badges/"),
        ("privileges", "/privileges/"),
    ]
    if logged_in:
        pages += [
            ("ask", "/questions/ask/"),
            ("notifications", "/notifications/"),
            ("following", "/following/"),
            ("growth dashboard", "/growth/"),
            ("moderation queue", "/moderation/"),
            ("close (picker)", f"/moderation/question/{question.pk}/close/"),
            ("review edits", "/review/edits/"),
            ("edit profile", "/users/me/edit/"),
        ]
    else:
        pages += [("log in", "/accounts/login/"), ("sign up", "/accounts/signup/")]
    return pages


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("logged_in", [False, True], ids=["logged-out", "logged-in"])
def test_main_pages_have_no_serious_axe_violations(page: Page, ladder, capsys, scheme, logged_in):
    mod, question, dana = _forum()
    page.emulate_media(color_scheme=scheme)
    if logged_in:
        log_in(page, mod.email)
    scans = []
    for name, url in _pages(mod, question, dana, logged_in=logged_in):
        page.goto(url)
        scans.append(axe_scan(page, name))
    # The home page on a phone, with the menu open.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/")
    page.locator(".site-menu__toggle").click()
    scans.append(axe_scan(page, "home, phone menu"))

    state = "logged in" if logged_in else "logged out"
    with capsys.disabled():
        print(f"\naxe-core, WCAG 2.2 AA, {state}, {scheme}:")
        for scan in scans:
            print(f"  {scan.line()}")
    failing = [scan.details() for scan in scans if scan.blocking]
    assert not failing, "\n".join(failing)


SHOTS = Path(settings.BASE_DIR) / "test-results"


def test_phone_header_is_a_menu_that_works_without_javascript(browser, live_server, ladder):
    """At 390 px the navigation and the search box fold behind "Menu", a <details> that opens
    without JavaScript; at 1280 px they show as a bar and there is no "Menu" button."""
    QuestionFactory(title="How do I ask for a promotion timeline?")
    SHOTS.mkdir(exist_ok=True)
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport={"width": 390, "height": 800}
    )
    page = context.new_page()
    page.goto("/ladder/")
    menu = page.locator(".site-menu__toggle")
    main_nav = page.get_by_role("navigation", name="Main")
    expect(menu).to_be_visible()
    expect(main_nav).to_be_hidden()
    page.locator(".site-header").screenshot(path=SHOTS / "header-390-closed.png")

    menu.click()
    expect(main_nav.get_by_role("link", name="Ladder")).to_have_attribute("aria-current", "page")
    expect(page.get_by_role("navigation", name="Account").get_by_role("link", name="Log in"))
    page.screenshot(path=SHOTS / "header-390-open.png")
    # The search box is in the menu, and searches without JavaScript.
    page.get_by_label("Search questions").fill("promotion timeline")
    page.get_by_role("search", name="Site").get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/search/\?q=promotion\+timeline"))
    expect(
        page.get_by_role("main").get_by_role("link", name="How do I ask for a promotion timeline?")
    ).to_be_visible()

    # Every target in the open menu is at least 24 x 24 CSS pixels (WCAG 2.2, 2.5.8).
    page.locator(".site-menu__toggle").click()
    for target in page.locator(
        ".site-header a, .site-header button, .site-header input, summary"
    ).all():
        box = target.bounding_box()
        html = target.evaluate("e => e.outerHTML")
        assert box["width"] >= 24, (html, box)
        assert box["height"] >= 24, (html, box)
    context.close()

    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto("/")
    expect(page.locator(".site-menu__toggle")).to_be_hidden()
    expect(
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Tags")
    ).to_be_visible()
    expect(page.get_by_label("Search questions")).to_be_visible()
    page.locator(".site-header").screenshot(path=SHOTS / "header-1280.png")
    context.close()
