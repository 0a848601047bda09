import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import Page, expect

from forum.services.votes import vote_cast
from moderation.services.people import user_suspend
from tests.browser.test_forum_journey import log_in, log_out
from tests.factories import AnswerFactory, QuestionFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def moderator():
    person = UserFactory(display_name="Mo Derator")
    Group.objects.get_or_create(name="Moderators")[0].user_set.add(person)
    person.refresh_from_db()  # the signal set is_moderator in the database
    return person


def test_a_moderator_curates_an_answer_and_it_moves_to_the_top(page: Page, ladder):
    question = QuestionFactory(title="How do I prepare a promotion packet for senior?")
    popular = AnswerFactory(question=question, body="Collect peer feedback early and often.")
    quiet = AnswerFactory(
        question=question, body="Write the packet as a story of impact, with numbers."
    )
    for _ in range(3):
        vote_cast(user=UserFactory(), post=popular, value=1)
    mod = moderator()

    log_in(page, mod.email)
    page.goto(question.get_absolute_url())
    answers = page.locator(".post--answer")
    expect(answers.first).to_contain_text("Collect peer feedback")

    page.locator(f"#answer-{quiet.pk} details.mod-tools").first.locator("summary").click()
    page.locator(f"#answer-{quiet.pk}").get_by_label("Curator's note").fill(
        "Shows how to turn work into evidence, which is what committees read."
    )
    page.locator(f"#answer-{quiet.pk}").get_by_role("button", name="Curate").click()

    expect(page.get_by_role("status")).to_contain_text("now shows first")
    expect(answers.first).to_contain_text("Write the packet as a story of impact")
    expect(answers.first.locator(".curated")).to_contain_text("Curated by Mo Derator")
    expect(answers.first.locator(".curated")).to_contain_text("turn work into evidence")


def test_a_flagged_post_is_queued_hidden_and_restored(page: Page, ladder):
    question = QuestionFactory(title="Is it fine to job hunt while on a performance plan?")
    spam = AnswerFactory(question=question, body="Buy cheap followers at example.com today!!!")
    flagger, mod = UserFactory(), moderator()

    log_in(page, flagger.email)
    page.goto(question.get_absolute_url())
    page.locator(f"#answer-{spam.pk}").get_by_role("link", name="Flag").click()
    page.get_by_label("Spam").check()
    page.get_by_role("button", name="Send flag").click()
    expect(page.get_by_role("status")).to_contain_text("A moderator will look at it")
    log_out(page)

    log_in(page, mod.email)
    expect(page.get_by_role("link", name="Review")).to_contain_text("1")
    page.get_by_role("link", name="Review").click()
    item = page.locator(f"#queue-answer-{spam.pk}")
    expect(item).to_contain_text("Buy cheap followers")
    expect(item).to_contain_text("Spam")
    item.get_by_label("Reason").fill("Advertising")
    item.get_by_role("button", name="Hide").click()
    expect(page.get_by_text("Nothing to review")).to_be_visible()

    page.goto(question.get_absolute_url())
    hidden = page.locator(f"#answer-{spam.pk}")
    expect(hidden).to_contain_text("Hidden: Advertising")
    log_out(page)
    page.goto(question.get_absolute_url())
    expect(page.locator(f"#answer-{spam.pk}")).to_have_count(0)

    log_in(page, mod.email)
    page.get_by_role("link", name="Review").click()
    page.get_by_role("link", name="Hidden content").click()
    page.get_by_role("button", name="Restore").click()
    page.goto(question.get_absolute_url())
    expect(page.locator(f"#answer-{spam.pk}")).not_to_contain_text("Hidden:")
    page.get_by_role("link", name="Review").click()
    page.get_by_role("link", name="Audit log").click()
    expect(page.locator("table.log")).to_contain_text("Hid content")
    expect(page.locator("table.log")).to_contain_text("Restored content")


def test_a_suspended_person_sees_why_instead_of_the_answer_form(page: Page, ladder):
    question = QuestionFactory()
    person = UserFactory()
    user_suspend(moderator=moderator(), user=person, days=3, reason="Repeated personal attacks")

    log_in(page, person.email)
    page.goto(question.get_absolute_url())
    expect(page.get_by_role("alert")).to_contain_text("Your account is suspended until")
    expect(page.get_by_role("alert")).to_contain_text("Repeated personal attacks")
    form_area = page.locator("#answer-form")
    expect(form_area).to_contain_text("Your account is suspended until")
    expect(form_area.get_by_label("Your answer")).to_have_count(0)
    expect(page.get_by_role("button", name="Upvote").first).to_be_disabled()
