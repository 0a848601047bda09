"""Voting, with and without htmx (forum/views/votes.py)."""

import pytest
from django.urls import reverse

from accounts.privileges import Privilege
from forum.models import Vote
from tests.factories import AnswerFactory, UserFactory, holder

pytestmark = pytest.mark.usefixtures("ladder")


class TestActions:
    def test_voting_without_javascript_redirects_back(self, client):
        answer = AnswerFactory()
        client.force_login(UserFactory())
        response = client.post(reverse("forum:answer_vote", args=[answer.pk]), {"value": "up"})
        assert response.status_code == 302
        assert Vote.objects.get().value == 1

    def test_voting_with_htmx_returns_the_widget(self, client):
        answer = AnswerFactory()
        client.force_login(holder(Privilege.DOWNVOTE))
        url = reverse("forum:answer_vote", args=[answer.pk])
        response = client.post(url, {"value": "down"}, headers={"HX-Request": "true"})
        assert response.status_code == 200
        assert f'id="vote-answer-{answer.pk}"' in response.text
        assert '-1<span class="vote__unit"> votes</span>' in response.text
        assert "<html" not in response.text

    def test_bad_votes(self, client):
        answer = AnswerFactory()
        client.force_login(answer.author)
        url = reverse("forum:answer_vote", args=[answer.pk])
        assert client.post(url, {"value": "sideways"}).status_code == 400
        assert client.post(url, {"value": "up"}).status_code == 403  # own post
        assert (
            client.post(reverse("forum:answer_vote", args=[999999]), {"value": "up"}).status_code
            == 404
        )
        assert client.get(url).status_code == 405
        assert not Vote.objects.exists()

    def test_anonymous_votes_go_to_log_in_even_with_htmx(self, client):
        answer = AnswerFactory()
        url = reverse("forum:answer_vote", args=[answer.pk])
        plain = client.post(url, {"value": "up"})
        assert plain.url.startswith(reverse("account_login"))
        htmx = client.post(url, {"value": "up"}, headers={"HX-Request": "true"})
        assert htmx.status_code == 200
        assert htmx.headers["HX-Redirect"].startswith(reverse("account_login"))


class TestDownvoteButton:
    def test_below_the_threshold_the_button_says_why_and_the_post_is_refused(self, client):
        answer = AnswerFactory()
        client.force_login(UserFactory(reputation=0))
        page = client.get(answer.question.get_absolute_url()).text
        assert (
            f'id="vote-answer-{answer.pk}-down" class="vote__button"\n'
            '            aria-pressed="false"\n'
            '            disabled title="Voting down needs 50 reputation."'
        ) in page
        url = reverse("forum:answer_vote", args=[answer.pk])
        response = client.post(url, {"value": "down"})
        assert response.status_code == 403
        assert "Voting down needs 50 reputation." in response.text
        assert not Vote.objects.exists()

    def test_a_holder_gets_a_working_button(self, client):
        answer = AnswerFactory()
        client.force_login(holder(Privilege.DOWNVOTE))
        page = client.get(answer.question.get_absolute_url()).text
        assert "Voting down needs" not in page
