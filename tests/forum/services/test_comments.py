"""Commenting (forum/services/comments.py)."""

import pytest
from django.db import IntegrityError, transaction

from forum.models import Comment, Notification
from tests.factories import AnswerFactory, CommentFactory, QuestionFactory

pytestmark = pytest.mark.usefixtures("ladder")


def fresh(obj):
    obj.refresh_from_db()
    return obj


class TestComments:
    def test_comment_counts_and_notifies_the_post_author(self):
        answer = AnswerFactory()
        comment = CommentFactory(post=answer, body="Which  company   ladder is this?")
        assert comment.body == "Which company ladder is this?"
        assert fresh(answer).comment_count == 1
        assert Notification.objects.get(recipient=answer.author).kind == Notification.Kind.COMMENT

    def test_comments_are_plain_text_with_links(self):
        comment = CommentFactory(body="See https://example.com <b>now</b>\n\n# not a heading")
        assert 'rel="nofollow ugc noopener"' in comment.body_html
        assert "<b>" not in comment.body_html
        assert "<h1>" not in comment.body_html

    def test_the_anonymous_asker_stays_anonymous_when_commenting(self):
        question = QuestionFactory(is_anonymous=True)
        answer = AnswerFactory(question=question)
        on_answer = CommentFactory(post=answer, author=question.author)
        on_question = CommentFactory(post=question, author=question.author)
        by_someone_else = CommentFactory(post=question)
        assert on_answer.is_anonymous
        assert on_question.is_anonymous
        assert not by_someone_else.is_anonymous
        notification = Notification.objects.get(comment=on_answer)
        assert notification.actor is None
        assert notification.actor_band == question.author.band


def test_comment_rows_point_at_exactly_one_post():
    comment = CommentFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Comment.objects.filter(pk=comment.pk).update(question=None)
