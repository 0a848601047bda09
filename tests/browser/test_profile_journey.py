"""Profiles, badges and avatars in a browser (issue 12 §5): a member finds their badges and
their reputation history through the header, sees their anonymous question marked as theirs
alone, and a visitor sees neither it nor anything pointing at it."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from forum.models import Vote
from forum.services.answers import answer_accept
from forum.services.votes import vote_cast
from tests.browser.axe import axe_scan
from tests.browser.test_forum_journey import log_in, log_out
from tests.factories import AnswerFactory, QuestionFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SECRET = "Is a PIP the end of my career here?"


def scene(ladder):
    """Dana, a mid-level engineer: a signed question, an anonymous one, answers (one accepted,
    on a senior-level question), and votes spread over a few days."""
    dana = UserFactory(
        username="dana",
        display_name="Dana Okafor",
        headline="Backend Engineer",
        company="Acme",
        level_code="L4",
        band="mid",
    )
    asked = QuestionFactory(
        author=dana,
        title="How do I ask my manager what senior means on our team?",
        level=ladder["mid"],
        tags=["promotion", "manager"],
    )
    QuestionFactory(author=dana, title=SECRET, is_anonymous=True, tags=["pip"])
    senior = QuestionFactory(
        title="How should a senior engineer run a design review?",
        level=ladder["senior"],
        tags=["design-review"],
    )
    helped = AnswerFactory(
        author=dana,
        question=senior,
        body="Send the doc two days ahead, name one decision to make, and time-box the meeting.",
    )
    other = AnswerFactory(
        author=dana,
        question=QuestionFactory(title="What goes into a good incident write-up?"),
        body="A timeline, the impact in numbers, and what changes so it cannot happen again.",
    )
    voters = [UserFactory(reputation=5000) for _ in range(6)]
    for voter in voters:
        vote_cast(user=voter, post=asked, value=1)
    for voter in voters[:4]:
        vote_cast(user=voter, post=helped, value=1)
    vote_cast(user=voters[4], post=other, value=1)
    vote_cast(user=voters[5], post=other, value=-1)
    answer_accept(user=senior.author, answer=helped)
    now = timezone.now()
    for days, voter in enumerate(voters):
        Vote.objects.filter(user=voter).update(updated_at=now - timedelta(days=days))
    return dana


def test_profile_tabs_badges_and_avatars(page: Page, ladder):
    dana = scene(ladder)
    log_in(page, dana.email)
    account = page.get_by_role("navigation", name="Account")
    expect(account.locator(".account-nav__me svg.avatar")).to_be_visible()
    account.get_by_role("link", name="Dana Okafor").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Dana Okafor")

    # Summary: her badges, her latest posts, the anonymous one marked as hers alone.
    badges = page.get_by_role("region", name="Badges")
    for name in ("First accepted answer", "Helped at the next level", "Good question"):
        expect(badges.get_by_text(name)).to_be_visible()
    expect(page.get_by_text(SECRET)).to_be_visible()
    expect(page.get_by_text("Anonymous — only you see this").first).to_be_visible()
    scan = axe_scan(page, "profile summary (own)")
    print(scan.line())
    assert not scan.blocking, scan.details()

    # Reputation: each change with its reason and post, a day's total, summing to her figure.
    tabs = page.get_by_role("navigation", name="Profile")
    tabs.get_by_role("link", name="Reputation").click()
    expect(tabs.get_by_role("link", name="Reputation")).to_have_attribute("aria-current", "page")
    history = page.get_by_role("region", name="Reputation history")
    expect(history.get_by_text("Answer accepted")).to_be_visible()
    expect(history.get_by_text("Answer downvoted")).to_be_visible()
    expect(
        history.get_by_role("link", name="How should a senior engineer run a design review?").first
    ).to_be_visible()
    dana.refresh_from_db()
    points = history.locator(".rep-changes .rep-points").all_inner_texts()
    assert sum(int(p) for p in points) == dana.reputation
    scan = axe_scan(page, "profile reputation")
    print(scan.line())
    assert not scan.blocking, scan.details()

    # Questions tab: the anonymous one is there for her.
    tabs.get_by_role("link", name="Questions").click()
    expect(page.get_by_role("link", name=SECRET)).to_be_visible()
    log_out(page)

    # A visitor: the same tabs, never the anonymous question.
    page.goto(dana.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_contain_text("Dana Okafor")
    expect(page.get_by_text(SECRET)).to_have_count(0)
    page.get_by_role("navigation", name="Profile").get_by_role("link", name="Questions").click()
    expect(page.get_by_role("link", name=SECRET)).to_have_count(0)
    expect(
        page.get_by_role("link", name="How do I ask my manager what senior means on our team?")
    ).to_be_visible()
    scan = axe_scan(page, "profile questions")
    print(scan.line())
    assert not scan.blocking, scan.details()

    # The badges page, from the profile.
    page.goto(dana.get_absolute_url())
    page.get_by_role("link", name="All badges and how to earn them").click()
    expect(page.get_by_role("heading", level=1, name="Badges")).to_be_visible()
    expect(page.locator("#badge-next-level")).to_contain_text("1 person holds it")
    scan = axe_scan(page, "badges")
    print(scan.line())
    assert not scan.blocking, scan.details()

    # Author cards carry avatars: Dana's initials, and the neutral one on an anonymous post.
    page.goto(dana.get_absolute_url() + "?tab=answers")
    page.get_by_role("link", name="How should a senior engineer run a design review?").click()
    card = page.locator(".post--answer .author").first
    expect(card.locator("svg.avatar text")).to_have_text("DO")
