"""Asking, editing and reading a question (forum/views/questions.py)."""

import uuid
from datetime import timedelta

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from forum.models import Answer, Question
from forum.selectors.tags import TagSuggestion
from forum.services.votes import vote_cast
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
        vote_cast(user=person, post=answers[-1], value=1)
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
        assert "btn--accept" not in client.get(answer.question.get_absolute_url()).text
        client.force_login(answer.question.author)
        assert "btn--accept" in client.get(answer.question.get_absolute_url()).text


class TestActions:
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


class TestAnswerOrder:
    @pytest.fixture
    def three_answers(self):
        """An old answer scored 2, an accepted one with no votes, a new one scored 5."""
        question = QuestionFactory()
        now = timezone.now()
        for days, body, score, accepted in [
            (3, "Oldest answer here.", 2, False),
            (2, "Accepted answer here.", 0, True),
            (1, "Newest answer here.", 5, False),
        ]:
            answer = AnswerFactory(question=question, body=body)
            Answer.objects.filter(pk=answer.pk).update(
                created_at=now - timedelta(days=days), score=score, is_accepted=accepted
            )
        return question

    @staticmethod
    def order(html: str) -> list[str]:
        words = ("Oldest", "Accepted", "Newest")
        return sorted(words, key=lambda word: html.index(f"{word} answer here."))

    def test_each_order(self, client, three_answers):
        url = three_answers.get_absolute_url()
        # Votes: the accepted answer first, then by score; the other two are plain time orders.
        assert self.order(client.get(url).text) == ["Accepted", "Newest", "Oldest"]
        assert self.order(client.get(f"{url}?sort=votes").text) == ["Accepted", "Newest", "Oldest"]
        assert self.order(client.get(f"{url}?sort=newest").text) == ["Newest", "Accepted", "Oldest"]
        assert self.order(client.get(f"{url}?sort=oldest").text) == ["Oldest", "Accepted", "Newest"]
        # Anything else is the default order, not an error.
        response = client.get(f"{url}?sort=%3Cscript%3E")
        assert response.status_code == 200
        assert self.order(response.text) == ["Accepted", "Newest", "Oldest"]

    def test_the_control_is_links_naming_the_current_order(self, client, three_answers):
        url = three_answers.get_absolute_url()
        html = client.get(f"{url}?sort=newest").text
        assert '<nav class="answer-sort" aria-label="Sort answers">' in html
        assert f'<a href="{url}?sort=newest#answers" aria-current="true">Newest</a>' in html
        assert f'<a href="{url}?sort=votes#answers">Votes</a>' in html
        assert f'<a href="{url}?sort=oldest#answers">Oldest</a>' in html

    def test_no_control_for_a_single_answer(self, client, thread):
        question, _, _ = thread
        assert "answer-sort" not in client.get(question.get_absolute_url()).text

    def test_anonymous_copies_stay_right(self, client, three_answers):
        url = three_answers.get_absolute_url()
        client.get(url)  # the default order, now in the page cache
        newest = client.get(f"{url}?sort=newest")
        assert "public" in newest.headers["Cache-Control"]
        assert not newest.cookies
        assert self.order(newest.text) == ["Newest", "Accepted", "Oldest"]
        # Nothing remembered for someone anonymous: the bare URL keeps the default order.
        assert self.order(client.get(url).text) == ["Accepted", "Newest", "Oldest"]

    def test_a_signed_in_person_gets_their_last_choice(self, client, three_answers):
        person = UserFactory()
        client.force_login(person)
        url = three_answers.get_absolute_url()
        assert self.order(client.get(url).text) == ["Accepted", "Newest", "Oldest"]  # now stored
        client.get(f"{url}?sort=oldest")
        person.refresh_from_db()
        assert person.answer_sort == "oldest"
        # Their stored copy of the bare page was made in the old order: it is not served again.
        html = client.get(url).text
        assert self.order(html) == ["Oldest", "Accepted", "Newest"]
        assert f'<a href="{url}?sort=oldest#answers" aria-current="true">Oldest</a>' in html
        # On another question too.
        other = QuestionFactory()
        AnswerFactory(question=other, body="First.")
        AnswerFactory(question=other, body="Second.")
        html = client.get(other.get_absolute_url()).text
        assert html.index("First.") < html.index("Second.")
        client.get(f"{url}?sort=votes")
        person.refresh_from_db()
        assert person.answer_sort == "votes"

    def test_remembering_writes_only_when_the_choice_changes(
        self, client, busy_question, django_assert_max_num_queries
    ):
        client.force_login(UserFactory(answer_sort="newest"))
        with django_assert_max_num_queries(12):
            response = client.get(f"{busy_question.get_absolute_url()}?sort=newest")
        assert response.status_code == 200
        # The folded comments' link keeps the order.
        assert "&amp;sort=newest#comments-" in response.text

    def test_a_sorted_page_costs_what_the_default_does(
        self, client, busy_question, django_assert_max_num_queries
    ):
        with django_assert_max_num_queries(8):
            assert client.get(f"{busy_question.get_absolute_url()}?sort=oldest").status_code == 200


class TestAskingHelp:
    """Tag suggestions, the live preview, drafts and the confirmation (issue 12, asking)."""

    TAGS = reverse("forum:ask_tags")

    @pytest.fixture
    def tagged(self):
        QuestionFactory(tags=["promotion", "pip"])
        QuestionFactory(tags=["promotion"])

    def test_tag_suggestions_need_a_login(self, client):
        response = client.get(self.TAGS, {"tags": "p"})
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))

    def test_suggestions_complete_the_tag_being_typed(
        self, client, tagged, django_assert_max_num_queries
    ):
        client.force_login(UserFactory())
        with django_assert_max_num_queries(3):
            response = client.get(self.TAGS, {"tags": "pip, pro"})
        assert response.status_code == 200
        html = response.text
        assert '<option value="pip, promotion">promotion · 2 questions</option>' in html
        assert 'data-tag-value="pip, promotion, "' in html
        assert '<span class="tag">promotion</span>' in html
        assert '<span class="tag-suggest__count">2 questions</span>' in html
        assert ">pip<" not in html  # typed already

    def test_a_new_tag_is_said_to_be_new_and_typing_is_escaped(self, client, tagged):
        client.force_login(UserFactory())
        response = client.get(self.TAGS, {"tags": '<b>"x'})
        assert "No tag starts with “&lt;b&gt;&quot;x” yet" in response.text
        assert "<b>" not in response.text

    def test_suggestions_show_a_description_when_a_tag_has_one(self):
        html = render_to_string(
            "forum/_tag_suggestions.html",
            {
                "suggestions": [TagSuggestion("pip", 4, "Performance improvement plans")],
                "head": "",
                "live": True,
            },
        )
        assert '<span class="tag-suggest__description">Performance improvement plans</span>' in html

    def test_the_ask_page_offers_tags_without_javascript(self, client, tagged):
        client.force_login(UserFactory())
        html = client.get(ASK).text
        assert 'list="tag-suggestions"' in html
        assert '<option value="promotion">promotion · 2 questions</option>' in html
        assert "separated by commas or spaces" in html  # the help under the plain field
        assert "tag-suggest__list" not in html  # the clickable list comes with htmx only
        assert f'hx-get="{self.TAGS}"' in html

    def test_the_preview_follows_the_typing_beside_the_field(self, client):
        client.force_login(UserFactory())
        html = client.get(ASK).text
        body = html[html.index('<textarea name="body"') :].split(">", 1)[0]
        assert f'hx-post="{reverse("forum:preview")}"' in body
        assert 'hx-trigger="input changed delay:600ms, draft-restored"' in body
        assert 'hx-target="#preview"' in body
        editor = html[html.index('<div class="editor">') :]
        assert editor.index('<textarea name="body"') < editor.index('<section id="preview"')
        # The button stays for browsers without JavaScript.
        assert 'name="preview" value="1"' in html

    def test_the_no_javascript_preview_shows_beside_the_field_too(self, client):
        client.force_login(UserFactory())
        response = client.post(
            ASK, ask_data(body="A **bold** preview that is long enough.", preview="1")
        )
        html = response.text
        editor = html[html.index('<div class="editor">') :]
        assert editor.index('<section id="preview"') < editor.index("</form>")
        assert "<strong>bold</strong>" in editor

    def test_the_ask_and_answer_forms_keep_a_draft(self, client):
        person = UserFactory()
        question = QuestionFactory()
        client.force_login(person)
        ask = client.get(ASK).text
        assert f'data-draft="ask:{person.pk}"' in ask
        assert '<script src="/static/js/draft.js" defer></script>' in ask
        page = client.get(question.get_absolute_url()).text
        assert f'data-draft="answer:{question.pk}:{person.pk}"' in page
        assert '<script src="/static/js/draft.js" defer></script>' in page
        # Editing has its saved text to start from: no draft there.
        client.force_login(question.author)
        edit = client.get(reverse("forum:question_edit", args=[question.pk])).text
        assert "data-draft" not in edit
        assert "draft.js" not in edit

    def test_posting_says_so_on_the_question_page(self, client):
        client.force_login(UserFactory())
        response = client.post(ASK, ask_data(), follow=True)
        html = response.text
        assert response.redirect_chain[0][0] == Question.objects.get().get_absolute_url()
        status = html[html.index('<div class="messages" role="status">') :]
        assert status.index("Your question is posted.") < status.index("</div>")
        # Once only: the page after that says nothing.
        assert "Your question is posted." not in client.get(response.request["PATH_INFO"]).text
