"""The badges page (forum/views/people.py), and avatars where authors are shown."""

import pytest
from django.urls import reverse

from accounts import avatars
from forum.models import Badge
from forum.services.answers import answer_accept
from tests.factories import AnswerFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.usefixtures("ladder")
URL = reverse("forum:badges")


def test_the_badges_page_lists_every_badge_with_its_holders(client, django_assert_max_num_queries):
    answer = AnswerFactory()
    answer_accept(user=answer.question.author, answer=answer)
    with django_assert_max_num_queries(1):
        response = client.get(URL)
    assert response.status_code == 200
    for badge in Badge:
        assert f'id="badge-{badge.value}"' in response.text
        assert badge.label in response.text
    assert "1 person holds it" in response.text
    assert "Nobody holds it yet" in response.text
    assert answer.author.public_name not in response.text  # counts, never names


def test_the_badges_page_is_read_only(client):
    assert client.post(URL).status_code == 405


def test_author_cards_and_the_header_carry_avatars(client):
    asker = UserFactory(display_name="Dana Okafor")
    question = QuestionFactory(author=asker)
    AnswerFactory(question=question, is_anonymous=True)
    client.force_login(asker)
    html = client.get(question.get_absolute_url()).text
    header, main = html.split("<main", 1)
    assert avatars.colour_for(asker.pk) in header  # the header's own avatar
    assert avatars.colour_for(asker.pk) in main  # the question's author card
    assert str(avatars.anonymous()) in main  # the anonymous answer's


def test_the_profile_shows_the_avatar(client):
    person = UserFactory(display_name="Dana Okafor")
    html = client.get(person.get_absolute_url()).text.split("<main", 1)[1]
    assert str(avatars.for_person(person, 72)) in html
