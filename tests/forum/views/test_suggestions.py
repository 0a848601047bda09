"""Suggesting an edit and reviewing suggestions (forum/views/suggestions.py): who may, what
they see, and what hostile input gets."""

import pytest
from django.urls import reverse

from accounts.privileges import REPUTATION, Privilege
from forum.models import Answer, SuggestedEdit
from forum.services.answers import answer_edit
from forum.services.suggestions import suggestion_create
from tests.factories import AnswerFactory, QuestionFactory, UserFactory, holder
from tests.moderation.factories import moderator

pytestmark = pytest.mark.usefixtures("ladder")
BODY = "Write down what senior means at your company, then ask your manager where you fall short."
QUEUE = reverse("forum:review_edits")


def suggest_url(post):
    return reverse("forum:suggest_edit", args=[post.kind, post.pk])


def answer_data(**extra):
    return {"body": BODY, "reason": "Clearer wording", "base_revision": "1", **extra}


def pending(answer, suggester=None):
    return suggestion_create(
        suggester=suggester or holder(Privilege.SUGGEST_EDITS),
        post=answer,
        body=BODY,
        reason="Clearer wording",
        base_revision=1,
    )


def fresh(obj):
    obj.refresh_from_db()
    return obj


class TestSuggestPage:
    def test_a_holder_suggests_an_edit_to_an_answer(self, client):
        answer = AnswerFactory()
        client.force_login(holder(Privilege.SUGGEST_EDITS))
        page = client.get(answer.question.get_absolute_url()).text
        assert f'href="{suggest_url(answer)}">Suggest an edit' in page
        form = client.get(suggest_url(answer))
        assert form.status_code == 200
        assert '<label for="id_reason">Why this edit' in form.text
        response = client.post(suggest_url(answer), answer_data())
        assert response.status_code == 302
        assert SuggestedEdit.objects.get().body == BODY
        assert fresh(answer).body != BODY

    def test_a_question_suggestion_keeps_title_and_tags(self, client):
        question = QuestionFactory()
        client.force_login(holder(Privilege.SUGGEST_EDITS))
        data = {
            "title": "How do I show senior impact at a small company?",
            "body": BODY,
            "tags": "promotion, career-growth",
            "reason": "Clearer title",
            "base_revision": "1",
        }
        assert client.post(suggest_url(question), data).status_code == 302
        suggestion = SuggestedEdit.objects.get()
        assert suggestion.title == data["title"]
        assert suggestion.tags == ["career-growth", "promotion"]

    @pytest.mark.parametrize(
        ("who", "status"),
        [
            ("anonymous", 302),
            ("below", 403),
            ("author", 403),
            ("holder", 302),
            ("editor", 403),  # edits directly instead
            ("moderator", 403),
        ],
    )
    def test_permission_matrix(self, client, who, status):
        answer = AnswerFactory()
        people = {
            "below": lambda: UserFactory(reputation=REPUTATION[Privilege.SUGGEST_EDITS] - 1),
            "author": lambda: answer.author,
            "holder": lambda: holder(Privilege.SUGGEST_EDITS),
            "editor": lambda: holder(Privilege.EDIT_FREELY),
            "moderator": moderator,
        }
        if who != "anonymous":
            client.force_login(people[who]())
        response = client.post(suggest_url(answer), answer_data())
        assert response.status_code == status
        assert SuggestedEdit.objects.count() == (1 if who == "holder" else 0)
        if who == "anonymous":
            assert "/accounts/login/" in response.url

    @pytest.mark.parametrize(
        "data",
        [
            answer_data(body="x" * 200_000),
            answer_data(body=BODY + "\x00"),
            answer_data(reason=""),
            answer_data(reason="r" * 301),
            answer_data(base_revision="-3"),
            answer_data(base_revision="banana"),
            {},
        ],
    )
    def test_hostile_input_is_a_form_error(self, client, data):
        answer = AnswerFactory()
        client.force_login(holder(Privilege.SUGGEST_EDITS))
        assert client.post(suggest_url(answer), data).status_code == 400
        assert not SuggestedEdit.objects.exists()

    def test_bad_addresses(self, client):
        client.force_login(holder(Privilege.SUGGEST_EDITS))
        assert client.get(reverse("forum:suggest_edit", args=["answer", 99999])).status_code == 404
        assert client.get("/comments/1/suggest-edit/").status_code == 404
        hidden = AnswerFactory()
        Answer.objects.filter(pk=hidden.pk).update(is_hidden=True)
        assert client.get(suggest_url(hidden)).status_code == 404

    def test_a_second_pending_suggestion_is_a_form_error(self, client):
        answer, suggester = AnswerFactory(), holder(Privilege.SUGGEST_EDITS)
        pending(answer, suggester)
        client.force_login(suggester)
        response = client.post(suggest_url(answer), answer_data(body=BODY + " More."))
        assert response.status_code == 400
        assert "already have a suggestion waiting" in response.text
        assert "More.</textarea>" in response.text

    def test_the_post_changed_since_the_form_opened(self, client):
        answer = AnswerFactory()
        answer_edit(answer=answer, editor=answer.author, body=BODY + " The author's.")
        client.force_login(holder(Privilege.SUGGEST_EDITS))
        response = client.post(suggest_url(answer), answer_data(body=BODY + " Mine."))
        assert response.status_code == 409
        assert "while you were editing" in response.text
        assert 'name="base_revision" value="2"' in response.text

    def test_it_is_rate_limited(self, client, settings):
        settings.RUNGS_RATE_LIMITS = {**settings.RUNGS_RATE_LIMITS, "suggest_edit": "1/h"}
        client.force_login(holder(Privilege.SUGGEST_EDITS))
        first, second = AnswerFactory(), AnswerFactory()
        assert client.post(suggest_url(first), answer_data()).status_code == 302
        assert client.post(suggest_url(second), answer_data()).status_code == 429
        assert SuggestedEdit.objects.count() == 1


class TestQueue:
    def test_a_reviewer_sees_every_pending_suggestion_with_counts(
        self, client, django_assert_max_num_queries
    ):
        for _ in range(3):
            pending(AnswerFactory())
        client.force_login(holder(Privilege.REVIEW_EDITS))
        with django_assert_max_num_queries(5):
            response = client.get(QUEUE)
        assert response.status_code == 200
        assert response.text.count('class="panel queue__item suggestion"') == 3
        assert 'Waiting <span class="count-pill">3<' in response.text
        assert 'Accepted <span class="count-pill">0<' in response.text

    def test_an_author_sees_only_suggestions_on_their_posts(self, client):
        mine, other = AnswerFactory(), AnswerFactory()
        pending(mine)
        pending(other)
        client.force_login(mine.author)
        text = client.get(QUEUE).text
        assert text.count('class="panel queue__item suggestion"') == 1
        assert mine.question.title in text
        assert other.question.title not in text

    def test_suggestions_on_hidden_posts_leave_the_queue(self, client):
        answer = AnswerFactory()
        pending(answer)
        Answer.objects.filter(pk=answer.pk).update(is_hidden=True)
        client.force_login(holder(Privilege.REVIEW_EDITS))
        assert 'Waiting <span class="count-pill">0<' in client.get(QUEUE).text

    def test_decided_tabs_and_bad_status(self, client):
        answer = AnswerFactory()
        pending(answer)
        client.force_login(answer.author)
        assert client.get(QUEUE, {"status": "accepted"}).status_code == 200
        assert client.get(QUEUE, {"status": "<script>"}).status_code == 400

    def test_visitors_log_in_first(self, client):
        assert "/accounts/login/" in client.get(QUEUE).url

    def test_the_author_sees_a_banner_on_the_question_page(self, client):
        answer = AnswerFactory()
        pending(answer)
        client.force_login(answer.author)
        text = client.get(answer.question.get_absolute_url()).text
        assert "1 suggested edit to your posts on this page waits for your review" in text
        client.force_login(UserFactory())
        text = client.get(answer.question.get_absolute_url()).text
        assert "suggestions-waiting" not in text


class TestDecide:
    def people(self, answer, suggestion):
        return {
            "anonymous": None,
            "below": UserFactory(reputation=REPUTATION[Privilege.REVIEW_EDITS] - 1),
            "suggester": suggestion.suggester,
            "author": answer.author,
            "reviewer": holder(Privilege.REVIEW_EDITS),
            "moderator": moderator(),
        }

    @pytest.mark.parametrize(
        ("who", "status"),
        [
            ("anonymous", 302),
            ("below", 404),  # not theirs to see
            ("suggester", 403),
            ("author", 302),
            ("reviewer", 302),
            ("moderator", 302),
        ],
    )
    @pytest.mark.parametrize("decision", ["accept", "reject"])
    def test_permission_matrix(self, client, who, status, decision):
        answer = AnswerFactory()
        suggestion = pending(answer)
        person = self.people(answer, suggestion)[who]
        if person:
            client.force_login(person)
        url = reverse(f"forum:suggestion_{decision}", args=[suggestion.pk])
        response = client.post(url, {"reason": "Changes the meaning"})
        assert response.status_code == status
        decided = fresh(suggestion).status != "pending"
        assert decided == (status == 302 and who != "anonymous")
        assert (fresh(answer).body == BODY) == (decided and decision == "accept")

    def test_the_detail_page_shows_the_difference(self, client, django_assert_max_num_queries):
        answer = AnswerFactory()
        suggestion = pending(answer)
        client.force_login(answer.author)
        with django_assert_max_num_queries(6):
            response = client.get(suggestion.get_absolute_url())
        assert response.status_code == 200
        assert '<ins><span class="visually-hidden">[added: </span>' in response.text
        assert "Accept and apply this edit" in response.text
        assert '<label for="reject_reason">Why reject it' in response.text

    def test_the_suggester_sees_it_without_the_buttons(self, client):
        answer = AnswerFactory()
        suggestion = pending(answer)
        client.force_login(suggestion.suggester)
        text = client.get(suggestion.get_absolute_url()).text
        assert "Your suggestion waits for the author or a reviewer." in text
        assert "Accept and apply" not in text

    def test_a_stale_suggestion_is_refused_with_a_message(self, client):
        answer = AnswerFactory()
        suggestion = pending(answer)
        answer_edit(answer=answer, editor=answer.author, body=BODY + " The author's own.")
        client.force_login(answer.author)
        response = client.post(reverse("forum:suggestion_accept", args=[suggestion.pk]))
        assert response.status_code == 409
        assert "edited after this suggestion was made" in response.text
        assert fresh(suggestion).status == "pending"

    @pytest.mark.parametrize("reason", ["", "   ", "x" * 301, "bad\x00reason"])
    def test_rejecting_needs_a_sane_reason(self, client, reason):
        answer = AnswerFactory()
        suggestion = pending(answer)
        client.force_login(answer.author)
        url = reverse("forum:suggestion_reject", args=[suggestion.pk])
        assert client.post(url, {"reason": reason}).status_code == 400
        assert fresh(suggestion).status == "pending"

    def test_bad_ids_and_methods(self, client):
        client.force_login(moderator())
        assert client.get(reverse("forum:suggestion", args=[99999])).status_code == 404
        assert client.post(reverse("forum:suggestion_accept", args=[99999])).status_code == 404
        assert client.get(reverse("forum:suggestion_accept", args=[1])).status_code == 405
        assert client.get("/review/edits/abc/").status_code == 404

    def test_accepting_twice_is_refused_the_second_time(self, client):
        answer = AnswerFactory()
        suggestion = pending(answer)
        client.force_login(answer.author)
        url = reverse("forum:suggestion_accept", args=[suggestion.pk])
        assert client.post(url).status_code == 302
        response = client.post(url)
        assert response.status_code == 409
        assert "already accepted" in response.text
        assert answer.revisions.count() == 2


def test_a_personal_page_copy_follows_the_reputation(client, settings):
    """Kept copies of a member's pages must not offer the buttons of an earlier reputation."""
    settings.RUNGS_PAGE_CACHE = True
    answer = AnswerFactory()
    member = UserFactory(reputation=0)
    client.force_login(member)
    url = answer.question.get_absolute_url()
    assert "Suggest an edit" not in client.get(url).text
    type(member).objects.filter(pk=member.pk).update(reputation=REPUTATION[Privilege.SUGGEST_EDITS])
    assert "Suggest an edit" in client.get(url).text


def test_moderators_queue_includes_suggestions_on_hidden_posts(client):
    answer = AnswerFactory()
    pending(answer)
    Answer.objects.filter(pk=answer.pk).update(is_hidden=True)
    client.force_login(holder(Privilege.SUGGEST_EDITS))  # neither author nor reviewer
    assert 'Waiting <span class="count-pill">0<' in client.get(QUEUE).text
    client.force_login(moderator())
    assert 'Waiting <span class="count-pill">1<' in client.get(QUEUE).text


def test_an_anonymous_author_who_decides_is_not_named(client):
    """The suggester and reviewers see who decided; for the post's own author that would name
    the writer of an anonymous post."""
    answer = AnswerFactory(is_anonymous=True)
    suggestion = pending(answer)
    client.force_login(answer.author)
    client.post(
        reverse("forum:suggestion_reject", args=[suggestion.pk]), {"reason": "Not my meaning"}
    )
    for viewer in (suggestion.suggester, holder(Privilege.REVIEW_EDITS)):
        client.force_login(viewer)
        pages = [
            client.get(QUEUE, {"status": "rejected"}).text,
            client.get(suggestion.get_absolute_url()).text,
        ]
        for text in pages:
            assert "by the author" in text
            assert answer.author.public_name not in text
