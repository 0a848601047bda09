"""Deleting one's account through the pages: the confirmation, the password, what it leaves."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import DELETED_MEMBER, User
from forum.models import Question
from growth.models import Plan
from moderation.models import AuditEntry
from tests.factories import PASSWORD, AnswerFactory
from tests.growth.factories import controls
from tests.moderation.factories import moderator

pytestmark = pytest.mark.django_db

DELETE = reverse("privacy:delete")
LOGIN = reverse("account_login")


def _signed_in(person) -> Client:
    browser = Client()
    browser.force_login(person)
    return browser


def test_the_confirmation_page_explains_and_asks_for_the_password(client, footprint):
    client.force_login(footprint.person)
    response = client.get(DELETE)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    page = response.text
    assert "What is erased" in page
    assert "What stays" in page
    assert DELETED_MEMBER in page
    assert reverse("privacy:export") in page
    [password] = controls(page)
    assert password["type"] == "password"
    assert password["name"] == "password"
    assert password["labelled"]
    assert password["autocomplete"] == "current-password"
    assert re.search(r'<label for="id_password">Your password', page)
    assert re.search(
        r'<button type="submit" class="btn btn--danger">Delete my account</button>', page
    )
    assert 'method="post"' in page


def test_a_wrong_password_erases_nothing(client, footprint):
    person = footprint.person
    client.force_login(person)
    response = client.post(DELETE, {"password": "not-my-password"})
    assert response.status_code == 400
    assert "That is not your password." in response.text
    row = User.objects.get(pk=person.pk)
    assert (row.username, row.email, row.is_active, row.erased_at) == (
        "priya",
        "priya@example.com",
        True,
        None,
    )
    assert row.check_password(PASSWORD)
    assert Plan.objects.filter(owner=person).exists()
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.ERASE).exists()
    assert client.get(reverse("home")).context["user"] == person  # still signed in


def test_an_empty_password_is_a_form_error(client, footprint):
    client.force_login(footprint.person)
    response = client.post(DELETE, {})
    assert response.status_code == 400
    assert "errorlist" in response.text
    assert User.objects.get(pk=footprint.person.pk).erased_at is None


def test_password_guesses_are_rate_limited(client, footprint):
    client.force_login(footprint.person)
    for _ in range(5):
        assert client.post(DELETE, {"password": "guess"}).status_code == 400
    response = client.post(DELETE, {"password": PASSWORD})
    assert response.status_code == 429
    assert User.objects.get(pk=footprint.person.pk).erased_at is None


def test_deleting_signs_out_everywhere_and_for_good(client, footprint):
    person = footprint.person
    elsewhere = Client()
    assert elsewhere.login(username="priya", password=PASSWORD)  # another browser, logged in
    assert elsewhere.get(reverse("home")).context["user"] == person
    client.force_login(person)

    response = client.post(DELETE, {"password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    home = client.get(reverse("home"))
    assert not home.context["user"].is_authenticated
    assert "Your account is deleted" in home.text
    assert not elsewhere.get(reverse("home")).context["user"].is_authenticated
    assert elsewhere.get(reverse("privacy:export"))["Location"].startswith(LOGIN)
    # The real log-in form refuses the old address and password.
    login = Client()
    refused = login.post(LOGIN, {"login": "priya@example.com", "password": PASSWORD})
    assert refused.status_code == 200
    assert "errorlist" in refused.text
    assert not login.get(reverse("home")).context["user"].is_authenticated


def test_pages_show_a_deleted_member(client, footprint, settings):
    settings.RUNGS_PAGE_CACHE = True
    person, named = footprint.person, footprint.named_question
    AnswerFactory(author=person, question=footprint.others_question, body="Second answer.")
    reader = Client()
    pages = [
        named.get_absolute_url(),
        footprint.others_question.get_absolute_url(),
        reverse("forum:questions"),
        reverse("home"),
        reverse("forum:feed_atom"),
        reverse("forum:search") + "?q=migration",
    ]
    for url in pages:  # cached for anonymous readers while the name is still there
        assert "Priya Kapoor" in reader.get(url).text, url
    client.force_login(person)
    client.post(DELETE, {"password": PASSWORD})

    for url in pages:
        text = reader.get(url).text
        assert "Priya Kapoor" not in text, url
        assert "/users/priya/" not in text, url
        assert DELETED_MEMBER in text, url
    # Her anonymous posts stay anonymous; nothing ties them to the deleted member either.
    anonymous = reader.get(footprint.anonymous_question.get_absolute_url()).text
    assert "Anonymous" in anonymous
    assert DELETED_MEMBER not in anonymous
    answer_page = reader.get(footprint.anonymous_answer.question.get_absolute_url()).text
    assert "Anonymous" in answer_page
    assert DELETED_MEMBER not in answer_page
    # Scores are intact, and her old profile is gone.
    assert Question.objects.get(pk=named.pk).score == 1
    assert reader.get(reverse("accounts:profile", args=["priya"])).status_code == 404


def test_others_see_a_deleted_member_in_their_notifications(client, footprint):
    """Olu was notified of Priya's answer; his inbox now says a deleted member answered."""
    client.force_login(footprint.person)
    client.post(DELETE, {"password": PASSWORD})
    olu = _signed_in(footprint.other)
    inbox = olu.get(reverse("forum:notifications")).text
    assert DELETED_MEMBER in inbox
    assert "Priya" not in inbox


def test_moderators_see_a_deleted_member(client, footprint):
    client.force_login(footprint.person)
    client.post(DELETE, {"password": PASSWORD})
    mod = _signed_in(moderator(username="mod-ada"))
    page = mod.get(footprint.named_question.get_absolute_url()).text
    assert DELETED_MEMBER in page
    for old in ("Priya Kapoor", "@priya", "/users/priya/", "people/priya/"):
        assert old not in page
    log = mod.get(reverse("moderation:log")).text
    assert "Deleted their own account" in log
    assert DELETED_MEMBER in log
    assert "priya" not in log.lower()


def test_a_moderator_can_only_delete_their_own_account(client, footprint):
    """There is no field naming whose account: a moderator's POST, with whatever they add,
    deletes theirs, never the person they name."""
    mod = moderator(username="mod-ada")
    client.force_login(mod)
    response = client.post(
        DELETE,
        {"password": PASSWORD, "username": "priya", "user": footprint.person.pk},
    )
    assert response.status_code == 302
    assert User.objects.get(pk=mod.pk).erased_at is not None
    assert User.objects.get(pk=footprint.person.pk).erased_at is None
