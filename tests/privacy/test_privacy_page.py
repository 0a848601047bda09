"""The privacy page: public, linked from every page's footer, pointing at export and deletion."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PRIVACY = reverse("privacy:privacy")


def test_the_privacy_page_explains_storage_export_and_deletion(
    client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(0):
        response = client.get(PRIVACY)
    assert response.status_code == 200
    text = response.text
    for heading in ("What Rungs stores", "Why", "Take your data with you", "Delete your account"):
        assert heading in text
    assert reverse("privacy:export") in text
    assert reverse("privacy:delete") in text
    assert "Deleted member" in text


def test_the_privacy_page_is_public_and_cached(client, settings):
    settings.RUNGS_PAGE_CACHE = True
    first = client.get(PRIVACY)
    assert "public" in first["Cache-Control"]
    assert client.get(PRIVACY).content == first.content


def test_every_page_links_to_it(client):
    assert f'href="{PRIVACY}"' in client.get(reverse("home")).text
