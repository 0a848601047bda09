"""A thread as one reader sees it (forum/selectors/threads.py)."""

import pytest

from accounts.privileges import Privilege
from forum.models import Answer
from forum.selectors.threads import question_page
from forum.services.answers import answer_accept
from forum.services.votes import vote_cast
from tests.factories import AnswerFactory, CommentFactory, QuestionFactory, UserFactory, holder

pytestmark = pytest.mark.usefixtures("ladder")


def test_answers_show_accepted_first_then_score_then_oldest():
    question = QuestionFactory()
    first, second, third, fourth = (AnswerFactory(question=question) for _ in range(4))
    vote_cast(user=UserFactory(), post=third, value=1)
    answer_accept(user=question.author, answer=fourth)
    page = question_page(question=question, viewer=UserFactory())
    assert [item.post.pk for item in page.answers] == [fourth.pk, third.pk, first.pk, second.pk]


def test_the_page_carries_comments_and_the_viewers_votes():
    question = QuestionFactory()
    answer = AnswerFactory(question=question)
    viewer = holder(Privilege.DOWNVOTE)
    CommentFactory(post=question, body="A comment on the question")
    CommentFactory(post=answer, body="A comment on the answer")
    vote_cast(user=viewer, post=answer, value=-1)
    page = question_page(question=question, viewer=viewer)
    assert [c.comment.body for c in page.question.comments] == ["A comment on the question"]
    assert [c.comment.body for c in page.answers[0].comments] == ["A comment on the answer"]
    assert (page.question.my_vote, page.answers[0].my_vote) == (0, -1)


def test_hidden_answers_and_comments_are_left_out():
    question = QuestionFactory()
    kept, gone = AnswerFactory(question=question), AnswerFactory(question=question)
    comment = CommentFactory(post=question)
    Answer.objects.filter(pk=gone.pk).update(is_hidden=True)
    type(comment).objects.filter(pk=comment.pk).update(is_hidden=True)
    page = question_page(question=question, viewer=UserFactory())
    assert [item.post.pk for item in page.answers] == [kept.pk]
    assert page.question.comments == []
