"""The forum's part of the welcome step (forum/welcome.py): levels and tags to follow."""

import pytest
from django.urls import reverse

from forum.models import Follow
from ladder.models import Level
from tests.factories import QuestionFactory, UserFactory

pytestmark = pytest.mark.django_db
WELCOME_URL = reverse("welcome")


@pytest.fixture
def newcomer(client):
    person = UserFactory(welcomed_at=None, display_name="")
    client.force_login(person)
    return person


def test_the_step_offers_the_levels_and_the_popular_tags(client, ladder, newcomer):
    QuestionFactory(tags=["promotion"])
    page = client.get(WELCOME_URL).text
    assert "<legend>Levels you care about" in page
    assert "<legend>Topics you care about" in page
    for level in Level.objects.all():
        assert f'value="{level.pk}"' in page
    assert 'name="follow-tags" value="promotion"' in page
    assert "promotion (1)" in page


def test_saving_the_step_follows_what_was_picked(client, ladder, newcomer):
    QuestionFactory(tags=["promotion", "pip"])
    mid = Level.objects.get(slug="mid")
    response = client.post(
        WELCOME_URL,
        {"display_name": "Dana", "follow-levels": [mid.pk], "follow-tags": ["pip"]},
    )
    assert response.status_code == 302
    follows = Follow.objects.filter(follower=newcomer)
    assert {(f.level_id, f.tag.name if f.tag_id else None) for f in follows} == {
        (mid.pk, None),
        (None, "pip"),
    }


def test_a_refused_pick_saves_nothing_and_says_why(client, ladder, newcomer):
    QuestionFactory(tags=["promotion"])
    response = client.post(
        WELCOME_URL, {"display_name": "Dana", "follow-levels": ["999999"], "follow-tags": ["x"]}
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.text
    newcomer.refresh_from_db()
    assert (newcomer.display_name, newcomer.welcomed_at) == ("", None)
    assert not Follow.objects.filter(follower=newcomer).exists()


def test_skipping_follows_nothing(client, ladder, newcomer):
    mid = Level.objects.get(slug="mid")
    client.post(WELCOME_URL, {"skip": "1", "follow-levels": [mid.pk]})
    assert not Follow.objects.filter(follower=newcomer).exists()
