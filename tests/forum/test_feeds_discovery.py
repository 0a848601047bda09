"""Every page that lists questions advertises its feeds, and they resolve (forum/feeds.py)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.usefixtures("ladder")


class TestDiscovery:
    def test_every_page_advertises_the_atom_feed(self, client, questions):
        page = client.get(reverse("forum:questions")).text
        assert (
            '<link rel="alternate" type="application/atom+xml" title="Rungs: latest questions" '
            'href="/feeds/questions/atom/">'
        ) in page
        assert 'href="/feeds/questions/rss/">RSS</a>' in page

    def test_the_level_page_links_to_its_feeds(self, client, questions):
        page = client.get(reverse("forum:level_questions", args=["senior"])).text
        assert (
            '<link rel="alternate" type="application/rss+xml" '
            'title="Senior engineer questions (RSS)" href="/feeds/level/senior/rss/">'
        ) in page
        assert (
            '<link rel="alternate" type="application/atom+xml" '
            'title="Senior engineer questions (Atom)" href="/feeds/level/senior/atom/">'
        ) in page

    def test_the_tag_page_links_to_its_feeds(self, client, questions):
        page = client.get(reverse("forum:tag_questions", args=["pip"])).text
        assert (
            '<link rel="alternate" type="application/rss+xml" title="Questions tagged pip (RSS)" '
            'href="/feeds/tag/pip/rss/">'
        ) in page
        assert (
            '<link rel="alternate" type="application/atom+xml" '
            'title="Questions tagged pip (Atom)" href="/feeds/tag/pip/atom/">'
        ) in page

    def test_the_advertised_feeds_resolve(self, client, questions):
        for url in ("/feeds/level/senior/rss/", "/feeds/tag/pip/atom/", "/feeds/questions/atom/"):
            assert client.get(url).status_code == 200
