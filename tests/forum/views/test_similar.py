"""Similar questions on the ask page (the htmx endpoint and the no-JavaScript step), and the
search page's “did you mean” and answer filters, on SQLite and PostgreSQL."""

import uuid

import pytest
from django.urls import reverse

from forum.models import Question
from forum.services.answers import answer_accept
from moderation.services.visibility import contribution_hide
from tests.factories import AnswerFactory, QuestionFactory, UserFactory
from tests.moderation.factories import moderator

pytestmark = pytest.mark.usefixtures("ladder")
ASK, SIMILAR, SEARCH = reverse("forum:ask"), reverse("forum:similar"), reverse("forum:search")
TITLE = "How do I prepare for a promotion committee review?"


def ask_data(**overrides):
    data = {
        "title": TITLE,
        "body": "I am a mid-level engineer and my manager nominated me. What should I prepare?",
        "level": "mid",
        "tags": "promotion",
        "client_token": str(uuid.uuid4()),
    }
    return {**data, **overrides}


@pytest.fixture
def asker(client):
    person = UserFactory()
    client.force_login(person)
    return person


@pytest.fixture
def existing():
    return QuestionFactory(title="Preparing for my promotion committee review next month")


class TestSimilarEndpoint:
    def test_lists_similar_questions_with_level_and_answers(
        self, client, asker, existing, django_assert_max_num_queries
    ):
        answer = AnswerFactory(question=existing)
        answer_accept(user=existing.author, answer=answer)
        with django_assert_max_num_queries(6):
            response = client.get(SIMILAR, {"title": TITLE}, headers={"HX-Request": "true"})
        assert response.status_code == 200
        assert f'href="{existing.get_absolute_url()}"' in response.text
        assert "Mid-level engineer" in response.text
        assert "1 answer" in response.text
        assert "accepted answer" in response.text
        assert 'name="similar_seen"' in response.text
        assert "<html" not in response.text

    def test_never_names_an_anonymous_asker(self, client, asker):
        author = UserFactory(display_name="Secret Sam", username="secretsam")
        QuestionFactory(author=author, is_anonymous=True, title="Preparing for promotion committee")
        response = client.get(SIMILAR, {"title": TITLE})
        assert "Preparing for promotion committee" in response.text
        assert "Secret Sam" not in response.text
        assert "secretsam" not in response.text

    def test_hidden_questions_are_left_out(self, client, asker, existing):
        contribution_hide(moderator=moderator(), contribution=existing, reason="spam")
        response = client.get(SIMILAR, {"title": TITLE})
        assert existing.title not in response.text
        assert "No similar questions found" in response.text
        assert 'name="similar_seen"' not in response.text

    def test_user_text_is_escaped(self, client, asker):
        QuestionFactory(title="Promotion committee <script>alert(1)</script> review")
        response = client.get(SIMILAR, {"title": TITLE})
        assert "&lt;script&gt;" in response.text
        assert "<script>alert" not in response.text

    def test_blank_or_hostile_titles(self, client, asker, existing):
        for title in ["", "   ", "how do I", '") OR * NEAR(', "x" * 5000, "%_\\'"]:
            response = client.get(SIMILAR, {"title": title})
            assert response.status_code == 200

    def test_logged_out_visitors_are_sent_to_log_in(self, client):
        response = client.get(SIMILAR, {"title": TITLE})
        assert response.status_code == 302

    def test_rate_limited(self, client, asker, settings):
        settings.RUNGS_RATE_LIMITS = {**settings.RUNGS_RATE_LIMITS, "similar": "2/h"}
        for _ in range(2):
            assert client.get(SIMILAR, {"title": TITLE}).status_code == 200
        assert client.get(SIMILAR, {"title": TITLE}).status_code == 429

    def test_the_ask_page_wires_the_title_to_it(self, client, asker):
        response = client.get(ASK)
        assert f'hx-get="{SIMILAR}"' in response.text
        assert 'hx-trigger="input changed delay:400ms"' in response.text
        assert 'id="similar"' in response.text
        assert 'name="check"' in response.text


class TestAskingWithoutJavaScript:
    def test_the_first_post_shows_similar_questions_and_keeps_everything(
        self, client, asker, existing
    ):
        data = ask_data(is_anonymous="on")
        response = client.post(ASK, data)
        assert response.status_code == 200
        assert Question.objects.filter(author=asker).count() == 0
        assert existing.title in response.text
        assert "Post my question" in response.text
        assert 'name="similar_seen"' in response.text
        assert f'value="{TITLE}"' in response.text
        assert data["client_token"] in response.text
        assert "What should I prepare?" in response.text
        assert 'value="mid" selected' in response.text
        assert "checked" in response.text.split('name="is_anonymous"')[1].split(">")[0]

        data["similar_seen"] = "1"
        response = client.post(ASK, data)
        assert response.status_code == 302
        question = Question.objects.get(author=asker)
        assert question.is_anonymous
        # The double-submit guard still holds: the same form again is the same question.
        assert client.post(ASK, data).status_code == 302
        assert Question.objects.filter(author=asker).count() == 1

    def test_no_similar_questions_posts_at_once(self, client, asker):
        QuestionFactory(title="Handling a difficult code review with a peer")
        response = client.post(ASK, ask_data())
        assert response.status_code == 302
        assert Question.objects.filter(author=asker).count() == 1

    def test_check_shows_similar_questions_before_the_form_is_complete(
        self, client, asker, existing
    ):
        response = client.post(ASK, {"title": TITLE, "check": "1", "client_token": "x"})
        assert response.status_code == 200
        assert existing.title in response.text
        assert "field--error" not in response.text  # the body is not written yet: no errors
        assert Question.objects.filter(author=asker).count() == 0

    def test_check_with_nothing_similar_says_so(self, client, asker):
        response = client.post(ASK, {"title": "Something entirely unique", "check": "1"})
        assert "No similar questions found" in response.text
        assert 'name="similar_seen"' in response.text

    def test_a_form_error_still_shows_errors_not_the_step(self, client, asker, existing):
        response = client.post(ASK, ask_data(body="short"))
        assert response.status_code == 400
        assert Question.objects.filter(author=asker).count() == 0
        assert "Post my question" not in response.text

    def test_the_edit_page_has_no_similar_lookup(self, client, asker):
        question = QuestionFactory(author=asker)
        response = client.get(reverse("forum:question_edit", args=[question.pk]))
        assert 'name="check"' not in response.text


class TestSearchPage:
    def test_did_you_mean(self, client):
        QuestionFactory(title="Asking for a promotion after a reorg", tags=["promotion"])
        response = client.get(SEARCH, {"q": "promtion"})
        assert "0 results" in response.text
        assert "Did you mean" in response.text
        assert 'href="?q=promotion"' in response.text
        assert "1 result" in client.get(SEARCH, {"q": "promotion"}).text

    def test_did_you_mean_keeps_the_filters(self, client):
        QuestionFactory(title="Asking for a promotion after a reorg", tags=["promotion"])
        response = client.get(SEARCH, {"q": "promtion", "level": "mid", "page": "2"})
        assert 'href="?q=promotion&amp;level=mid"' in response.text

    def test_no_suggestion_when_the_query_finds_enough(self, client):
        for n in range(3):
            QuestionFactory(title=f"Asking for a promotion, take {n}")
        assert "Did you mean" not in client.get(SEARCH, {"q": "promotion"}).text

    def test_no_suggestion_that_finds_nothing_more(self, client):
        QuestionFactory(title="Asking for a promotion after a reorg")
        assert "Did you mean" not in client.get(SEARCH, {"q": "xylophone"}).text

    def test_answer_filters(self, client):
        unanswered = QuestionFactory(title="Mentoring a new hire, unanswered")
        answered = QuestionFactory(title="Mentoring a new hire, answered")
        accepted = QuestionFactory(title="Mentoring a new hire, accepted")
        AnswerFactory(question=answered)
        answer_accept(user=accepted.author, answer=AnswerFactory(question=accepted))

        def titles(answers):
            text = client.get(SEARCH, {"q": "mentoring", "answers": answers}).text
            return {q.title for q in (unanswered, answered, accepted) if q.title in text}

        assert titles("") == {unanswered.title, answered.title, accepted.title}
        assert titles("answered") == {answered.title, accepted.title}
        assert titles("accepted") == {accepted.title}
        assert titles("unanswered") == {unanswered.title}

    def test_an_unknown_answer_filter_is_a_form_error(self, client):
        response = client.get(SEARCH, {"q": "mentoring", "answers": "bogus"})
        assert response.status_code == 200
        assert "Select a valid choice" in response.text
