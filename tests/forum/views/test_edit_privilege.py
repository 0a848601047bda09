"""Editing other people's posts with the "edit any post" privilege (Privilege.EDIT_FREELY)."""

import pytest
from django.urls import reverse

from accounts.privileges import REPUTATION, Privilege
from forum.models import Answer, Question
from moderation.services.questions import question_lock
from tests.factories import AnswerFactory, QuestionFactory, UserFactory, holder
from tests.moderation.factories import moderator

pytestmark = pytest.mark.usefixtures("ladder")
BODY = "A clearer body: write down the outcomes you own and agree them with your manager."


def answer_edit(client, answer, **extra):
    url = reverse("forum:answer_edit", args=[answer.pk])
    return client.post(url, {"body": BODY, "reason": "Clearer", **extra})


def question_edit(client, question, **extra):
    data = {
        "title": "How do I show senior-level impact at a small company?",
        "body": BODY,
        "level": question.level.slug,
        "tags": "promotion",
        "reason": "Clearer title",
        **extra,
    }
    return client.post(reverse("forum:question_edit", args=[question.pk]), data)


class TestEditFreely:
    def test_a_holder_edits_someone_elses_answer_directly_as_a_revision(self, client):
        answer, editor = AnswerFactory(), holder(Privilege.EDIT_FREELY)
        client.force_login(editor)
        assert client.get(reverse("forum:answer_edit", args=[answer.pk])).status_code == 200
        assert answer_edit(client, answer).status_code == 302
        answer.refresh_from_db()
        assert answer.body == BODY
        latest = answer.revisions.last()
        assert (latest.number, latest.editor, latest.reason) == (2, editor, "Clearer")

    def test_a_holder_edits_a_question_and_an_anonymous_post_stays_anonymous(self, client):
        question = QuestionFactory(is_anonymous=True)
        client.force_login(holder(Privilege.EDIT_FREELY))
        assert question_edit(client, question).status_code == 302
        question.refresh_from_db()
        assert question.is_anonymous
        assert question.title == "How do I show senior-level impact at a small company?"
        page = client.get(question.get_absolute_url()).text
        assert question.author.public_name not in page
        # the history of an anonymous post may name its author: still not for this editor
        url = reverse("forum:revisions", args=["question", question.pk])
        assert client.get(url).status_code == 403

    def test_below_the_threshold_the_edit_is_refused_and_the_page_has_no_edit_link(self, client):
        answer = AnswerFactory()
        client.force_login(UserFactory(reputation=REPUTATION[Privilege.EDIT_FREELY] - 1))
        response = answer_edit(client, answer)
        assert response.status_code == 403
        assert "2000 reputation" in response.text
        assert fresh(answer).body != BODY
        page = client.get(answer.question.get_absolute_url()).text
        assert reverse("forum:answer_edit", args=[answer.pk]) not in page

    def test_a_holder_sees_the_edit_link(self, client):
        answer = AnswerFactory()
        client.force_login(holder(Privilege.EDIT_FREELY))
        page = client.get(answer.question.get_absolute_url()).text
        assert reverse("forum:answer_edit", args=[answer.pk]) in page

    def test_not_on_hidden_posts_nor_locked_threads(self, client):
        answer = AnswerFactory()
        question = answer.question
        client.force_login(holder(Privilege.EDIT_FREELY))
        question_lock(moderator=moderator(), question=question, reason="Heated")
        assert answer_edit(client, answer).status_code == 403
        hidden = AnswerFactory()
        Answer.objects.filter(pk=hidden.pk).update(is_hidden=True)
        assert answer_edit(client, hidden).status_code in (403, 404)
        assert fresh(answer).body != BODY

    def test_two_editors_at_once_get_the_edit_conflict_page(self, client):
        question = QuestionFactory()
        client.force_login(holder(Privilege.EDIT_FREELY))
        assert question_edit(client, question, base_revision=1).status_code == 302
        client.force_login(question.author)
        response = question_edit(client, question, base_revision=1, body=BODY + " Mine.")
        assert response.status_code == 409
        assert Question.objects.get(pk=question.pk).body == BODY


def fresh(obj):
    obj.refresh_from_db()
    return obj
