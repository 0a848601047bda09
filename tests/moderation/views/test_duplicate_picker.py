"""Picking a duplicate's original by searching (moderation/views/questions.py)."""

import pytest
from django.test import Client

from forum.models import Question
from moderation.services.visibility import contribution_hide
from tests.factories import AnswerFactory, QuestionFactory, UserFactory
from tests.moderation.factories import fresh, moderator
from tests.moderation.support import url

pytestmark = pytest.mark.usefixtures("ladder")

TITLE = "How do I negotiate a promotion after a reorganisation?"


@pytest.fixture
def pair():
    original = QuestionFactory(title=TITLE)
    return QuestionFactory(title="Negotiating my promotion after a reorganisation"), original


class TestSearchAsYouType:
    def test_typing_lists_matching_questions_as_radio_buttons(self, mod_client, pair):
        question, original = pair
        response = mod_client.get(
            url("duplicate_search", question.pk), {"duplicate_of": "promotion reorganisation"}
        )
        assert response.status_code == 200
        assert f'name="original" value="{original.pk}"' in response.text
        assert f'value="{question.pk}"' not in response.text  # never itself
        assert TITLE in response.text

    def test_hidden_questions_are_never_offered(self, mod_client, pair):
        question, original = pair
        contribution_hide(moderator=mod_client.user, contribution=original, reason="Spam")
        response = mod_client.get(
            url("duplicate_search", question.pk), {"duplicate_of": "promotion reorganisation"}
        )
        assert "No question matches" in response.text

    def test_the_question_page_field_asks_the_endpoint(self, mod_client, pair):
        question, _ = pair
        html = mod_client.get(question.get_absolute_url()).text
        assert f'hx-get="{url("duplicate_search", question.pk)}"' in html
        assert 'class="dup-picker"' in html

    @pytest.mark.parametrize("typed", ["", "12", "x" * 5000, "\\x00", "'; DROP TABLE"])
    def test_hostile_or_empty_terms_are_harmless(self, mod_client, pair, typed):
        question, _ = pair
        response = mod_client.get(url("duplicate_search", question.pk), {"duplicate_of": typed})
        assert response.status_code in {200, 400}

    @pytest.mark.parametrize(
        ("role", "expected"),
        [("anonymous", 302), ("user", 403), ("author", 403), ("other", 403),
         ("close-vote holder", 200), ("moderator", 200)],
    )  # fmt: skip
    def test_who_may_search(self, pair, role, expected):
        question, _ = pair
        people = {
            "user": UserFactory(),
            "author": question.author,
            "other": AnswerFactory(question=question).author,
            "close-vote holder": UserFactory(reputation=500),
            "moderator": moderator(),
        }
        browser = Client()
        if role != "anonymous":
            browser.force_login(people[role])
        response = browser.get(url("duplicate_search", question.pk), {"duplicate_of": "promotion"})
        assert response.status_code == expected


class TestWithoutJavaScript:
    def test_submitting_words_shows_a_results_step_then_picking_closes(self, mod_client, pair):
        question, original = pair
        response = mod_client.post(
            url("close", question.pk),
            {"reason": "duplicate", "duplicate_of": "promotion reorganisation", "note": "Same"},
        )
        assert response.status_code == 400
        assert "Pick the original from the questions found below." in response.text
        assert f'name="original" value="{original.pk}"' in response.text
        assert 'value="promotion reorganisation"' in response.text
        assert not fresh(question).is_closed
        response = mod_client.post(
            url("close", question.pk),
            {
                "reason": "duplicate",
                "duplicate_of": "promotion reorganisation",
                "original": str(original.pk),
                "note": "Same",
            },
        )
        assert response.status_code == 302
        assert fresh(question).duplicate_of == original

    def test_the_close_page_is_for_moderators(self, client, mod_client, pair):
        question, _ = pair
        assert mod_client.get(url("close", question.pk)).status_code == 200
        client.force_login(UserFactory(reputation=10_000))
        assert client.get(url("close", question.pk)).status_code == 403

    @pytest.mark.parametrize("picked", ["-1", "abc", "9" * 40, "999999"])
    def test_a_bad_pick_is_a_form_error(self, mod_client, pair, picked):
        question, _ = pair
        response = mod_client.post(
            url("close", question.pk), {"reason": "duplicate", "original": picked}
        )
        assert response.status_code == 400
        assert not Question.objects.filter(closed_at__isnull=False).exists()
