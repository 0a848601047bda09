"""Suspending through the site, and what a suspended person sees (moderation/views/people.py)."""

from datetime import UTC

import pytest
from django.test import Client
from django.urls import reverse

from forum.models import Answer, Comment, Question, Vote
from moderation.models import Flag, Suspension
from moderation.services.people import suspension_lift, user_suspend
from tests.factories import (
    PASSWORD,
    AnswerFactory,
    UserFactory,
    superuser,
)
from tests.moderation.factories import fresh, moderator
from tests.moderation.support import follow_messages, url

pytestmark = pytest.mark.usefixtures("ladder")


class TestSuspend:
    def test_suspend_from_the_person_page_and_lift(self, mod_client):
        person = UserFactory(username="hot-head")
        page = mod_client.get(url("person", "hot-head")).text
        assert "In good standing" in page
        response = mod_client.post(
            url("suspend", "hot-head"), {"days": 7, "reason": "Insults in three threads"}
        )
        assert response.url == url("person", "hot-head")
        page = follow_messages(mod_client, response)
        assert "@hot-head is suspended." in page
        assert "Suspended until" in page
        assert "Insults in three threads" in page
        suspension = Suspension.objects.get()
        assert fresh(person).suspended_until == suspension.ends_at
        response = mod_client.post(url("lift", suspension.pk))
        page = follow_messages(mod_client, response)
        assert "The suspension is lifted." in page
        assert "lifted by Ada Moderator" in page
        assert not fresh(person).is_suspended

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ({"days": 0, "reason": "x"}, "greater than or equal to 1"),
            ({"days": 400, "reason": "x"}, "less than or equal to 365"),
            ({"days": 3, "reason": ""}, "This field is required."),
        ],
    )
    def test_bad_input_is_a_form_error(self, mod_client, data, message):
        UserFactory(username="hot-head")
        response = mod_client.post(url("suspend", "hot-head"), data)
        assert response.status_code == 400
        assert message in response.text
        assert not Suspension.objects.exists()

    def test_moderators_cannot_suspend_themselves(self, mod_client):
        response = mod_client.post(url("suspend", "mod-ada"), {"days": 1, "reason": "x"})
        assert response.status_code == 403
        assert "nobody can suspend a superuser or themselves" in response.text

    def test_a_moderator_sees_no_lift_button_for_a_suspension_only_a_superuser_may_lift(
        self, mod_client
    ):
        other_mod = moderator(username="mod-bea")
        suspension = user_suspend(
            moderator=superuser(), user=other_mod, days=3, reason="Cooling off"
        )
        page = mod_client.get(url("person", "mod-bea")).text
        assert "Cooling off" in page
        assert url("lift", suspension.pk) not in page
        assert mod_client.post(url("lift", suspension.pk)).status_code == 403
        assert fresh(suspension).is_live

    def test_missing_people_are_404(self, mod_client):
        assert mod_client.get(url("person", "nobody-here")).status_code == 404
        assert mod_client.post(url("lift", 999999)).status_code == 404


class TestSuspendedPerson:
    @pytest.fixture
    def suspended(self, client, thread):
        person = UserFactory(username="benched")
        mine = AnswerFactory(question=thread[0], author=person)
        suspension = user_suspend(
            moderator=moderator(), user=person, days=5, reason="Spam links in answers"
        )
        client.force_login(person)
        until = suspension.ends_at.astimezone(UTC).strftime("%-d %B %Y, %H:%M")
        return person, mine, until

    def test_the_banner_says_why_and_until_when_on_every_page(self, client, suspended, thread):
        _, _, until = suspended
        for where in (reverse("home"), thread[0].get_absolute_url(), reverse("forum:questions")):
            html = client.get(where).text
            assert f"Your account is suspended until {until} UTC." in html
            assert "Reason: Spam links in answers." in html

    def test_reading_works(self, client, suspended, thread):
        assert client.get(thread[0].get_absolute_url()).status_code == 200
        assert client.get(reverse("forum:search") + "?q=quarter").status_code == 200

    def test_signing_in_works(self, suspended):
        person = suspended[0]
        other = Client()
        response = other.post(
            reverse("account_login"), {"login": person.email, "password": PASSWORD}
        )
        assert response.status_code == 302
        assert other.get(reverse("home")).context["user"] == person

    def test_every_write_is_refused_with_the_reason(self, client, suspended, thread):
        _person, mine, until = suspended
        question, answer, comment = thread
        refusal = f"Your account is suspended until {until} UTC: Spam links in answers"
        requests = [
            (
                reverse("forum:ask"),
                {
                    "title": "A question from a suspended person",
                    "body": "This body is long enough to pass the form's validation.",
                    "level": "mid",
                    "tags": "pip",
                },
            ),
            (reverse("forum:answer_create", args=[question.pk]), {"body": "a" * 40}),
            (reverse("forum:question_comment", args=[question.pk]), {"body": "A comment"}),
            (reverse("forum:answer_vote", args=[answer.pk]), {"value": "up"}),
            (url("flag", "comment", comment.pk), {"reason": "spam"}),
            (reverse("forum:answer_edit", args=[mine.pk]), {"body": "e" * 40}),
            (reverse("forum:delete", args=["answer", mine.pk]), {}),
        ]
        for where, data in requests:
            response = client.post(where, data)
            assert response.status_code == 403, where
            assert refusal in response.text, where
        assert Question.objects.count() == 1
        assert (Answer.objects.count(), Comment.objects.count()) == (2, 1)
        assert not Vote.objects.exists()
        assert not Flag.objects.exists()
        assert not fresh(mine).is_hidden

    def test_the_question_page_explains_instead_of_offering_forms(self, client, suspended, thread):
        _, _, until = suspended
        html = client.get(thread[0].get_absolute_url()).text
        assert "Post your answer" not in html
        assert "Add a comment" not in html
        assert f"Your account is suspended until {until} UTC: Spam links in answers" in html
        assert ">Flag</a>" not in html

    def test_lifting_restores_rights(self, client, suspended, thread):
        person = suspended[0]
        suspension_lift(moderator=moderator(), suspension=Suspension.objects.get())
        html = client.get(thread[0].get_absolute_url()).text
        assert "Your account is suspended" not in html
        assert "Post your answer" in html
        response = client.post(url("flag", "comment", thread[2].pk), {"reason": "spam"})
        assert response.status_code == 302
        assert Flag.objects.get().flagger == person
