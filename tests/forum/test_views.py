import uuid

import pytest
from django.urls import reverse

from forum import services
from forum.models import Answer, Comment, Question, Vote
from tests.factories import AnswerFactory, CommentFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.usefixtures("ladder")
ASK = reverse("forum:ask")


def ask_data(**overrides):
    data = {
        "title": "How do I prepare for my first performance review?",
        "body": "It is my first review cycle as a junior backend engineer. What should I bring?",
        "level": "junior",
        "tags": "performance-review, Growth Plan",
        "client_token": str(uuid.uuid4()),
    }
    return {**data, **overrides}


@pytest.fixture
def busy_question():
    """A question with 30 answers and 50 comments, as the query budget is stated."""
    question = QuestionFactory(tags=["pip", "promotion", "burnout"])
    people = [UserFactory() for _ in range(6)]
    answers = [AnswerFactory(question=question, author=people[i % 6]) for i in range(30)]
    for i in range(50):
        CommentFactory(post=answers[i % 30] if i % 5 else question, author=people[i % 6])
    for person in people[:3]:
        services.vote_cast(user=person, post=answers[-1], value=1)
    QuestionFactory(tags=["pip"])  # something related
    return question


class TestQueryBudgets:
    def test_question_page_logged_in(self, client, busy_question, django_assert_max_num_queries):
        client.force_login(UserFactory())
        with django_assert_max_num_queries(12):
            response = client.get(busy_question.get_absolute_url())
        assert response.status_code == 200
        # The question's ten comments fold after five; the answers have two at most.
        assert response.text.count('class="comment"') == 45
        assert "Show 5 more comments" in response.text
        assert response.text.count('class="post post--answer') == 30

    def test_folded_comments_open_one_post_at_a_time(
        self, client, busy_question, django_assert_max_num_queries
    ):
        url = f"{busy_question.get_absolute_url()}?comments=question-{busy_question.pk}"
        with django_assert_max_num_queries(8):
            response = client.get(url)
        assert response.text.count('class="comment"') == 50
        assert "more comment" not in response.text

    def test_question_page_logged_out(self, client, busy_question, django_assert_max_num_queries):
        with django_assert_max_num_queries(8):
            assert client.get(busy_question.get_absolute_url()).status_code == 200

    @pytest.mark.parametrize(
        ("url", "budget"),
        [
            (reverse("home"), 10),
            (reverse("forum:questions"), 9),
            (reverse("forum:questions") + "?sort=votes&level=mid&tag=pip", 11),
            (reverse("forum:questions") + "?sort=unanswered", 9),
            (reverse("forum:level_questions", args=["mid"]), 10),
            (reverse("forum:tag_questions", args=["pip"]), 10),
            (reverse("forum:tags"), 5),
            (reverse("forum:search") + "?q=senior", 10),
            (reverse("forum:notifications"), 7),
            (reverse("forum:ask"), 6),
            (reverse("ladder:level", args=["mid"]), 15),
        ],
    )
    def test_list_pages_stay_flat_as_rows_grow(
        self, client, url, budget, django_assert_max_num_queries
    ):
        client.force_login(UserFactory())
        for _ in range(7):  # enough for every home-page list to have rows
            AnswerFactory(question=QuestionFactory(tags=["pip", "promotion"]))
        with django_assert_max_num_queries(budget) as few:
            assert client.get(url).status_code == 200
        for _ in range(25):
            CommentFactory(post=AnswerFactory(question=QuestionFactory(tags=["pip", "growth"])))
        with django_assert_max_num_queries(len(few.captured_queries)):
            assert client.get(url).status_code == 200


class TestAsk:
    def test_the_form_has_the_labelled_fields(self, client):
        client.force_login(UserFactory())
        html = client.get(ASK).text
        for label in ("Title", "Body", "Level", "Tags", "Ask anonymously"):
            assert f">{label}</label>" in html or f">{label}:</label>" in html
        assert "Post your question" in html
        assert '<datalist id="tag-suggestions">' in html

    def test_asking_normalises_tags_and_redirects(self, client):
        client.force_login(UserFactory())
        response = client.post(ASK, ask_data())
        question = Question.objects.get()
        assert response.url == question.get_absolute_url()
        assert sorted(question.tags.names()) == ["growth-plan", "performance-review"]
        assert question.level.slug == "junior"

    def test_a_double_submit_makes_one_question(self, client):
        client.force_login(UserFactory())
        data = ask_data()
        first, second = client.post(ASK, data), client.post(ASK, data)
        assert first.url == second.url
        assert Question.objects.count() == 1

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            ({"title": "Too short"}, "at least 15 characters"),
            ({"title": "x" * 151}, "at most 150 characters"),
            ({"body": "Short body"}, "at least 30 characters"),
            ({"body": "x" * 200_000}, "at most 30000 characters"),
            ({"body": "A body with a NUL \x00 character in it, long enough"}, "Null characters"),
            ({"tags": "a b c d e f"}, "at most 5 tags"),
            ({"tags": ""}, "This field is required"),
            ({"tags": "c++"}, "letters, digits and single hyphens"),
            ({"level": "principal"}, "Select a valid choice"),
            ({"client_token": "not-a-uuid"}, "damaged on its way"),
        ],
    )
    def test_bad_input_is_a_form_error_and_saves_nothing(self, client, changes, message):
        client.force_login(UserFactory())
        response = client.post(ASK, ask_data(**changes))
        assert response.status_code == 400
        assert message in response.text
        assert not Question.objects.exists()

    def test_an_empty_post_is_a_form_error_not_a_blank_form(self, client):
        client.force_login(UserFactory())
        response = client.post(ASK, {})
        assert response.status_code == 400
        assert "This field is required" in response.text

    def test_preview_renders_without_saving(self, client):
        client.force_login(UserFactory())
        response = client.post(
            ASK, ask_data(body="A **bold** preview that is long enough.", preview="1")
        )
        assert response.status_code == 200
        assert "<strong>bold</strong>" in response.text
        assert not Question.objects.exists()

    def test_htmx_preview_returns_the_fragment(self, client):
        client.force_login(UserFactory())
        response = client.post(reverse("forum:preview"), {"body": "# Heading\n<script>x</script>"})
        assert response.status_code == 200
        assert "<h1>Heading</h1>" in response.text
        assert "<script>" not in response.text
        assert "<html" not in response.text

    def test_asking_needs_a_login(self, client):
        response = client.get(ASK)
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))


class TestQuestionPage:
    def test_a_wrong_slug_redirects_to_the_right_one(self, client):
        question = QuestionFactory()
        response = client.get(reverse("forum:question", args=[question.pk, "wrong-slug"]))
        assert response.status_code == 301
        assert response.url == question.get_absolute_url()
        short = client.get(reverse("forum:question_short", args=[question.pk]))
        assert short.url == question.get_absolute_url()

    def test_missing_and_hidden_questions_are_404(self, client):
        question = QuestionFactory()
        Question.objects.filter(pk=question.pk).update(is_hidden=True)
        assert client.get(question.get_absolute_url()).status_code == 404
        assert client.get(reverse("forum:question", args=[999999, "x"])).status_code == 404

    def test_views_count_once_per_visitor(self, client):
        question = QuestionFactory()
        for _ in range(3):
            client.get(question.get_absolute_url())
        question.refresh_from_db()
        assert question.view_count == 1

    def test_meta_description_and_sidebar(self, client):
        question = QuestionFactory(body="My manager says I lack ownership. What does that mean?")
        html = client.get(question.get_absolute_url()).text
        assert '<meta name="description" content="My manager says I lack ownership.' in html
        assert "What a mid-level engineer is expected to do" in html
        assert 'href="/ladder/mid/"' in html

    def test_the_asker_sees_accept_and_others_do_not(self, client):
        answer = AnswerFactory()
        client.force_login(UserFactory())
        assert ">Accept</button>" not in client.get(answer.question.get_absolute_url()).text
        client.force_login(answer.question.author)
        assert ">Accept</button>" in client.get(answer.question.get_absolute_url()).text


class TestActions:
    def test_answering(self, client):
        question = QuestionFactory()
        client.force_login(UserFactory())
        data = {
            "body": "Ask your manager for the written PIP goals and meet weekly.",
            "client_token": str(uuid.uuid4()),
        }
        response = client.post(reverse("forum:answer_create", args=[question.pk]), data)
        answer = Answer.objects.get()
        assert response.url == answer.get_absolute_url()
        client.post(reverse("forum:answer_create", args=[question.pk]), data)  # double submit
        assert Answer.objects.count() == 1

    def test_a_short_answer_shows_the_error_and_keeps_the_text(self, client):
        question = QuestionFactory()
        client.force_login(UserFactory())
        response = client.post(
            reverse("forum:answer_create", args=[question.pk]), {"body": "Too short."}
        )
        assert response.status_code == 400
        assert "at least 30 characters" in response.text
        assert "Too short.</textarea>" in response.text
        assert not Answer.objects.exists()

    def test_answers_on_missing_or_hidden_questions_are_404(self, client):
        question = QuestionFactory()
        Question.objects.filter(pk=question.pk).update(is_hidden=True)
        client.force_login(UserFactory())
        body = {"body": "x" * 40}
        assert (
            client.post(reverse("forum:answer_create", args=[question.pk]), body).status_code == 404
        )
        assert client.post(reverse("forum:answer_create", args=[424242]), body).status_code == 404

    def test_commenting_and_a_bad_comment(self, client):
        answer = AnswerFactory()
        client.force_login(UserFactory())
        url = reverse("forum:answer_comment", args=[answer.pk])
        form = client.get(url)
        assert form.status_code == 200
        assert 'name="body"' in form.text
        assert "<header" not in client.get(url, HTTP_HX_REQUEST="true").text  # the form alone
        bad = client.post(url, {"body": "no"})
        assert bad.status_code == 400
        assert "at least 5 characters" in bad.text
        assert 'class="stack-form comment-form"' in bad.text
        good = client.post(url, {"body": "What did your manager say?"})
        comment = Comment.objects.get()
        assert good.url == comment.get_absolute_url()

    def test_voting_without_javascript_redirects_back(self, client):
        answer = AnswerFactory()
        client.force_login(UserFactory())
        response = client.post(reverse("forum:answer_vote", args=[answer.pk]), {"value": "up"})
        assert response.status_code == 302
        assert Vote.objects.get().value == 1

    def test_voting_with_htmx_returns_the_widget(self, client):
        answer = AnswerFactory()
        client.force_login(UserFactory())
        url = reverse("forum:answer_vote", args=[answer.pk])
        response = client.post(url, {"value": "down"}, headers={"HX-Request": "true"})
        assert response.status_code == 200
        assert f'id="vote-answer-{answer.pk}"' in response.text
        assert '<span class="visually-hidden">Score </span>-1</span>' in response.text
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

    def test_accept_and_undo(self, client):
        answer = AnswerFactory()
        client.force_login(answer.question.author)
        url = reverse("forum:answer_accept", args=[answer.pk])
        assert client.post(url).status_code == 302
        answer.refresh_from_db()
        assert answer.is_accepted
        client.post(url)  # a second accept changes nothing
        client.post(url, {"undo": "1"})
        answer.refresh_from_db()
        assert not answer.is_accepted

    def test_someone_else_cannot_accept(self, client):
        answer = AnswerFactory()
        client.force_login(UserFactory())
        response = client.post(reverse("forum:answer_accept", args=[answer.pk]))
        assert response.status_code == 403
        assert "Only the asker can accept an answer" in response.text

    def test_editing_a_question(self, client):
        question = QuestionFactory()
        client.force_login(question.author)
        url = reverse("forum:question_edit", args=[question.pk])
        assert client.get(url).status_code == 200
        data = ask_data(title="A clearer title for my question here", tags="promotion")
        response = client.post(url, data)
        question.refresh_from_db()
        assert response.url == question.get_absolute_url()
        assert question.title == "A clearer title for my question here"
        client.force_login(UserFactory())
        assert client.get(url).status_code == 403
        assert client.post(url, data).status_code == 403

    def test_editing_an_answer(self, client):
        answer = AnswerFactory()
        url = reverse("forum:answer_edit", args=[answer.pk])
        client.force_login(UserFactory())
        assert client.get(url).status_code == 403
        client.force_login(answer.author)
        response = client.post(url, {"body": "A better answer with **more** detail than before."})
        assert response.status_code == 302
        answer.refresh_from_db()
        assert "<strong>more</strong>" in answer.body_html


class TestNotifications:
    def test_the_badge_and_the_list(self, client):
        question = QuestionFactory()
        AnswerFactory(question=question)
        client.force_login(question.author)
        home = client.get(reverse("home")).text
        assert '<span class="nav-count">1<span class="visually-hidden"> unread</span>' in home
        page = client.get(reverse("forum:notifications")).text
        assert "answered your question" in page
        assert "nav-count" not in client.get(reverse("home")).text

    def test_mark_all_read(self, client):
        question = QuestionFactory()
        AnswerFactory(question=question)
        client.force_login(question.author)
        assert client.post(reverse("forum:notifications")).status_code == 302
        assert not question.author.notifications.filter(read_at__isnull=True).exists()
