"""Rolling back through the site (forum/views/revisions.py: post_rollback), and edit summaries."""

import pytest
from django.test import Client
from django.urls import reverse

from forum.services.answers import answer_edit
from forum.services.visibility import contribution_delete
from moderation.models import AuditEntry
from moderation.services.people import user_suspend
from moderation.services.questions import question_lock
from tests.factories import AnswerFactory, QuestionFactory, UserFactory
from tests.forum.support import BODY_2, edit_question
from tests.moderation.factories import fresh, moderator

pytestmark = pytest.mark.usefixtures("ladder")


def history_url(post) -> str:
    return reverse("forum:revisions", args=[post.kind, post.pk])


class TestRollbackView:
    def test_the_author_rolls_back_an_answer(self, client):
        answer = AnswerFactory()
        answer_edit(answer=answer, editor=answer.author, body="b" * 40)
        first = answer.revisions.get(number=1)
        client.force_login(answer.author)
        response = client.post(
            reverse("forum:rollback", args=[first.pk]), {"reason": "The edit lost detail"}
        )
        assert response.url == history_url(answer)
        page = client.get(response.url).text
        assert "Rolled back to revision 1, as a new revision." in page
        answer = fresh(answer)
        assert answer.body == first.body
        latest = answer.revisions.order_by("-number").first()
        assert (latest.number, latest.reason, latest.editor) == (
            3,
            "The edit lost detail",
            answer.author,
        )

    def test_a_question_rollback_restores_title_tags_and_level(self, client, ladder):
        question = QuestionFactory(tags=["promotion"])
        edit_question(
            question,
            question.author,
            ladder,
            title="A vandalised title for this question",
            tags=["spam"],
            level="junior",
        )
        first = question.revisions.get(number=1)
        client.force_login(question.author)
        response = client.post(reverse("forum:rollback", args=[first.pk]))
        assert response.status_code == 302
        assert response.url == history_url(question)
        question = fresh(question)
        assert (question.title, question.level) == (first.title, ladder["mid"])
        assert sorted(question.tags.names()) == ["promotion"]
        assert question.revisions.count() == 3
        assert question.revisions.get(number=3).reason == "Rolled back to revision 1"

    def test_others_cannot_roll_back(self, client):
        answer = AnswerFactory()
        answer_edit(answer=answer, editor=answer.author, body="b" * 40)
        where = reverse("forum:rollback", args=[answer.revisions.get(number=1).pk])
        assert client.post(where).url.startswith(reverse("account_login"))
        client.force_login(UserFactory())
        response = client.post(where)
        assert response.status_code == 403
        assert "Only the author, a moderator or a member with 2000 reputation can edit" in (
            response.text
        )
        assert client.get(where).status_code == 405
        assert client.post(reverse("forum:rollback", args=[999999])).status_code == 404
        assert fresh(answer).body == "b" * 40
        assert answer.revisions.count() == 2

    def test_a_moderator_rolls_back_on_a_locked_thread(self, client):
        answer = AnswerFactory()
        answer_edit(answer=answer, editor=answer.author, body="b" * 40)
        mod = moderator()
        question_lock(moderator=mod, question=answer.question, reason="x")
        where = reverse("forum:rollback", args=[answer.revisions.get(number=1).pk])
        client.force_login(answer.author)
        assert client.post(where).status_code == 403
        client.force_login(mod)
        assert client.post(where).status_code == 302
        assert fresh(answer).body.startswith("Write down what senior means")
        assert AuditEntry.objects.filter(action="edit", actor=mod).count() == 1

    def test_hidden_posts_cannot_be_rolled_back_by_their_author(self, client):
        answer = AnswerFactory()
        answer_edit(answer=answer, editor=answer.author, body="b" * 40)
        contribution_delete(user=answer.author, contribution=answer)
        client.force_login(answer.author)
        where = reverse("forum:rollback", args=[answer.revisions.get(number=1).pk])
        assert client.post(where).status_code == 404

    def test_suspended_authors_cannot_roll_back(self, client):
        answer = AnswerFactory()
        answer_edit(answer=answer, editor=answer.author, body="b" * 40)
        user_suspend(moderator=moderator(), user=answer.author, days=2, reason="Edit war")
        client.force_login(answer.author)
        response = client.post(reverse("forum:rollback", args=[answer.revisions.first().pk]))
        assert response.status_code == 403
        assert "suspended" in response.text
        assert "Edit war" in response.text


def test_editing_through_the_site_records_the_summary(ladder):
    question = QuestionFactory()
    browser = Client()
    browser.force_login(question.author)
    browser.post(
        reverse("forum:question_edit", args=[question.pk]),
        {
            "title": "A clearer title for this question",
            "body": BODY_2,
            "level": "senior",
            "tags": "promotion, staff",
            "reason": "Clarified the level",
        },
    )
    latest = question.revisions.order_by("-number").first()
    assert (latest.number, latest.reason, latest.level) == (
        2,
        "Clarified the level",
        ladder["senior"],
    )
    assert latest.tags == ["promotion", "staff"]
