"""Answering, editing answers and accepting them (forum/services/answers.py)."""

import pytest
from django.core import mail
from django.db import IntegrityError, transaction

from core.rules import ActionNotAllowed
from forum import reputation
from forum.models import Answer, Notification, Question
from forum.selectors.search import question_search
from forum.services.answers import answer_accept, answer_edit, answer_unaccept
from tests.factories import AnswerFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.usefixtures("ladder")


def fresh(obj):
    obj.refresh_from_db()
    return obj


class TestAnswers:
    def test_answering_counts_notifies_and_mails_the_asker(
        self, django_capture_on_commit_callbacks
    ):
        question = QuestionFactory()
        with django_capture_on_commit_callbacks(execute=True):
            answer = AnswerFactory(question=question)
        question = fresh(question)
        assert question.answer_count == 1
        assert question.last_activity_at >= answer.created_at
        notification = Notification.objects.get(recipient=question.author)
        assert notification.kind == Notification.Kind.ANSWER
        assert notification.actor == answer.author
        assert len(mail.outbox) == 1
        assert mail.outbox[0].to == [question.author.email]
        assert answer.author.public_name in mail.outbox[0].subject
        assert question.get_absolute_url() in mail.outbox[0].body

    def test_no_mail_for_people_who_turned_it_off(self, django_capture_on_commit_callbacks):
        question = QuestionFactory(author=UserFactory(email_frequency="none"))
        with django_capture_on_commit_callbacks(execute=True):
            AnswerFactory(question=question)
        assert Notification.objects.filter(recipient=question.author).count() == 1
        assert mail.outbox == []

    def test_the_anonymous_asker_cannot_answer_under_their_name(self):
        question = QuestionFactory(is_anonymous=True)
        assert AnswerFactory(question=question, author=question.author).is_anonymous
        assert not AnswerFactory(question=question).is_anonymous

    def test_answering_your_own_question_notifies_nobody(self):
        question = QuestionFactory()
        AnswerFactory(question=question, author=question.author)
        assert not Notification.objects.exists()

    def test_an_answer_is_found_by_search(self):
        question = QuestionFactory()
        AnswerFactory(question=question, body="Keep a brag document with measurable outcomes.")
        assert question_search(query="brag document") == [question.pk]

    def test_hidden_questions_take_no_answers(self):
        question = QuestionFactory()
        Question.objects.filter(pk=question.pk).update(is_hidden=True)
        with pytest.raises(ActionNotAllowed):
            AnswerFactory(question=fresh(question))
        assert fresh(question).answer_count == 0

    def test_editing_renders_again_and_reindexes(self):
        answer = AnswerFactory()
        answer_edit(answer=answer, editor=answer.author, body="Try *rubber duck* debugging.")
        answer = fresh(answer)
        assert "<em>rubber duck</em>" in answer.body_html
        assert answer.edited_at is not None
        assert question_search(query="rubber duck") == [answer.question_id]

    def test_only_the_author_edits(self):
        answer = AnswerFactory()
        with pytest.raises(ActionNotAllowed):
            answer_edit(answer=answer, editor=UserFactory(), body="x" * 40)


class TestAccept:
    def test_accepting_another_answer_moves_the_mark(self):
        question = QuestionFactory()
        first, second = AnswerFactory(question=question), AnswerFactory(question=question)
        answer_accept(user=question.author, answer=first)
        answer_accept(user=question.author, answer=second)
        assert not fresh(first).is_accepted
        assert fresh(second).is_accepted
        assert fresh(first.author).reputation == 0
        assert fresh(second.author).reputation == reputation.ACCEPTED

    def test_accepting_twice_is_harmless(self):
        question = QuestionFactory()
        answer = AnswerFactory(question=question)
        answer_accept(user=question.author, answer=answer)
        answer_accept(user=question.author, answer=answer)
        assert fresh(answer.author).reputation == reputation.ACCEPTED
        assert Notification.objects.filter(kind="accepted").count() == 1

    def test_only_the_asker_accepts(self):
        answer = AnswerFactory()
        for person in (UserFactory(), answer.author):
            with pytest.raises(ActionNotAllowed):
                answer_accept(user=person, answer=answer)

    def test_accepting_your_own_answer_earns_nothing(self):
        question = QuestionFactory()
        answer = AnswerFactory(question=question, author=question.author)
        answer_accept(user=question.author, answer=answer)
        assert fresh(answer).is_accepted
        assert fresh(question.author).reputation == 0

    def test_unaccept_gives_the_points_back(self):
        question = QuestionFactory()
        answer = AnswerFactory(question=question)
        answer_accept(user=question.author, answer=answer)
        answer_unaccept(user=question.author, answer=answer)
        assert not fresh(answer).is_accepted
        assert fresh(answer.author).reputation == 0

    def test_the_database_allows_one_accepted_answer(self):
        question = QuestionFactory()
        first, second = AnswerFactory(question=question), AnswerFactory(question=question)
        Answer.objects.filter(pk=first.pk).update(is_accepted=True)
        with pytest.raises(IntegrityError), transaction.atomic():
            Answer.objects.filter(pk=second.pk).update(is_accepted=True)
