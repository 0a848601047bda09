"""The search page (forum/views/search.py)."""

import pytest
from django.urls import reverse

from forum.models import Question
from tests.factories import AnswerFactory, QuestionFactory, UserFactory

FILLER = "I have been at the company for three years and want to understand what comes next."


def ask(title: str, body: str = FILLER, **kwargs) -> Question:
    return QuestionFactory(title=title, body=body, **kwargs)


@pytest.mark.usefixtures("ladder")
class TestSearchPage:
    def test_an_empty_query_shows_the_tips(self, client, django_assert_max_num_queries):
        with django_assert_max_num_queries(4):
            response = client.get(reverse("forum:search"))
        assert response.status_code == 200
        assert "Search tips" in response.text
        assert "Nothing matched." not in response.text
        assert 'class="q-list"' not in response.text

    def test_a_blank_query_also_shows_the_tips(self, client):
        response = client.get(reverse("forum:search"), {"q": "   "})
        assert response.status_code == 200
        assert "Search tips" in response.text

    def test_results_link_to_the_questions(self, client):
        question = ask("Can I take a break?", body=f"{FILLER} I am thinking of a sabbatical.")
        ask("Something unrelated about code review")
        response = client.get(reverse("forum:search"), {"q": "sabbatical"})
        assert response.status_code == 200
        assert "1 result for “sabbatical”." in response.text
        assert f'href="{question.get_absolute_url()}"' in response.text
        assert "<mark>sabbatical</mark>" in response.text
        assert "Search tips" not in response.text

    def test_nothing_matched(self, client):
        response = client.get(reverse("forum:search"), {"q": "xylophone"})
        assert response.status_code == 200
        assert "0 results for “xylophone”." in response.text
        assert "Nothing matched." in response.text

    def test_user_html_is_escaped_on_the_results_page(self, client):
        ask(
            "My request for time off was ignored",
            body="My sabbatical request said <script>alert(1)</script> and more.",
        )
        response = client.get(reverse("forum:search"), {"q": "sabbatical"})
        assert "1 result for" in response.text
        assert "<mark>sabbatical</mark> request said" in response.text
        assert "alert(1)" in response.text
        assert "<script>alert" not in response.text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text

    def test_html_in_the_query_is_escaped(self, client):
        ask("Can I take a sabbatical?")
        response = client.get(reverse("forum:search"), {"q": "<script>alert(1)</script>"})
        assert response.status_code == 200
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
        assert "<script>alert" not in response.text

    def test_level_and_tag_filters(self, client, ladder):
        mid = ask("Sabbatical at mid level", level=ladder["mid"], tags=["leave"])
        senior = ask("Sabbatical at senior level", level=ladder["senior"], tags=["leave"])
        other = ask("Sabbatical with another tag", level=ladder["senior"], tags=["burnout"])
        url = reverse("forum:search")

        by_level = client.get(url, {"q": "sabbatical", "level": "senior"}).text
        assert "2 results for" in by_level
        assert senior.get_absolute_url() in by_level
        assert other.get_absolute_url() in by_level
        assert mid.get_absolute_url() not in by_level

        both = client.get(url, {"q": "sabbatical", "level": "senior", "tag": "leave"}).text
        assert "1 result for" in both
        assert senior.get_absolute_url() in both
        assert other.get_absolute_url() not in both

    def test_an_unknown_level_is_a_form_error_not_a_crash(self, client):
        response = client.get(reverse("forum:search"), {"q": "sabbatical", "level": "wizard"})
        assert response.status_code == 200
        assert "Select a valid choice." in response.text

    def test_pagination(self, client):
        questions = [ask(f"Sabbatical question number {n}") for n in range(22)]
        url = reverse("forum:search")
        first = client.get(url, {"q": "sabbatical"}).text
        second = client.get(url, {"q": "sabbatical", "page": "2"}).text
        beyond = client.get(url, {"q": "sabbatical", "page": "99"}).text
        assert "22 results for" in first
        assert "Page 1 of 2" in first
        assert "Page 2 of 2" in second
        assert "Page 2 of 2" in beyond  # past the end: the last page
        assert 'rel="next" href="/search/?q=sabbatical&amp;page=2"' in first

        def listed(html):
            return {q.pk for q in questions if q.get_absolute_url() in html}

        assert len(listed(first)) == 20
        assert len(listed(second)) == 2
        assert listed(first) | listed(second) == {q.pk for q in questions}

    @pytest.mark.parametrize("count", [3, 25])
    def test_a_results_page_is_a_fixed_number_of_queries(
        self, client, django_assert_max_num_queries, count
    ):
        for n in range(count):
            AnswerFactory(question=ask(f"Sabbatical question number {n}", tags=["leave", "pip"]))
        client.force_login(UserFactory())
        with django_assert_max_num_queries(10):
            response = client.get(reverse("forum:search"), {"q": "sabbatical", "tag": "leave"})
        assert f"{count} results for" in response.text
