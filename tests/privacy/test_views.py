"""The export and deletion pages: who may reach them, what they answer, what they cost."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from privacy.selectors import FORMAT
from tests.moderation.factories import moderator
from tests.privacy.conftest import grow

pytestmark = pytest.mark.django_db

EXPORT = reverse("privacy:export")
DELETE = reverse("privacy:delete")
LOGIN = reverse("account_login")
# The session and its user, the e-mail addresses, questions and their tags, answers, comments,
# votes, badges, follows, flags, assessments and their ratings, plans and their goals, the
# goals' actions and the plans' turned-off links.
EXPORT_QUERIES = 18


@pytest.mark.parametrize("url", [EXPORT, DELETE])
def test_anonymous_visitors_are_sent_to_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_the_export_is_a_private_download(client, footprint):
    client.force_login(footprint.person)
    response = client.get(EXPORT)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith('attachment; filename="rungs-data-')
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    assert "public" not in cache_control
    data = json.loads(response.content)
    assert data["format"] == FORMAT
    assert data["account"]["username"] == "priya"


def test_the_export_is_never_served_from_the_page_cache(client, footprint, settings):
    """Two people asking for the same URL each get their own data, every time."""
    settings.RUNGS_PAGE_CACHE = True
    client.force_login(footprint.person)
    assert json.loads(client.get(EXPORT).content)["account"]["username"] == "priya"
    olu = Client()
    olu.force_login(footprint.other)
    assert json.loads(olu.get(EXPORT).content)["account"]["username"] == "olu"
    assert json.loads(client.get(EXPORT).content)["account"]["username"] == "priya"


@pytest.mark.parametrize(
    "params", ["?user=1", "?username=priya", "?pk=1&id=1"], ids=["user", "username", "ids"]
)
def test_there_is_no_way_to_ask_for_someone_elses_data(client, footprint, params):
    """A moderator included: whatever they add to the URL, they get their own data."""
    mod = moderator(username="mod-ada")
    client.force_login(mod)
    params = params.replace("1", str(footprint.person.pk))
    data = json.loads(client.get(EXPORT + params).content)
    assert data["account"]["username"] == "mod-ada"
    assert "priya" not in json.dumps(data)


def test_the_export_does_not_accept_post(client, footprint):
    client.force_login(footprint.person)
    assert client.post(EXPORT).status_code == 405


def test_export_query_count_is_pinned_and_flat(client, footprint, django_assert_max_num_queries):
    client.force_login(footprint.person)
    with django_assert_max_num_queries(EXPORT_QUERIES) as few:
        assert client.get(EXPORT).status_code == 200
    grow(footprint, 3)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(EXPORT)
    data = json.loads(response.content)
    assert len(data["forum"]["questions"]) == 5
    assert len(data["forum"]["comments"]) == 7
    assert len(data["moderation"]["flags"]) == 4
    assert len(data["growth"]["plans"]) == 4
