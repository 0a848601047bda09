"""Every saved state of a post is a revision, numbered from 1 (forum/services/posting.py)."""

import uuid

import pytest

from forum.models import Comment, Revision
from forum.services.answers import answer_edit
from forum.services.posting import create_once
from tests.factories import AnswerFactory, CommentFactory, QuestionFactory, UserFactory
from tests.forum.support import BODY_2, edit_question
from tests.moderation.factories import moderator

pytestmark = pytest.mark.usefixtures("ladder")


class TestRecording:
    def test_asking_records_revision_one_with_everything(self, ladder):
        question = QuestionFactory(
            title="How do I ask for a promotion case?", tags=["promotion", "growth"]
        )
        (revision,) = question.revisions.all()
        assert revision.number == 1
        assert revision.title == "How do I ask for a promotion case?"
        assert revision.body == question.body
        assert revision.tags == ["growth", "promotion"]
        assert revision.level == ladder["mid"]
        assert revision.editor == question.author
        assert revision.reason == ""
        assert abs((revision.created_at - question.created_at).total_seconds()) < 5

    def test_answering_records_revision_one_with_the_body(self):
        answer = AnswerFactory()
        (revision,) = answer.revisions.all()
        assert (revision.number, revision.body, revision.editor) == (1, answer.body, answer.author)
        assert (revision.title, revision.tags, revision.level) == ("", [], None)
        assert revision.question is None

    def test_every_edit_keeps_title_body_tags_level_editor_reason_and_time(self, ladder):
        question = QuestionFactory(tags=["promotion"])
        original_title = question.title
        mod = moderator()
        edit_question(question, question.author, ladder, body=BODY_2, reason="More detail")
        edit_question(
            question,
            mod,
            ladder,
            title="How do I show staff-level impact?",
            tags=["promotion", "staff"],
            level="senior",
            reason="Retagged",
        )
        revisions = list(question.revisions.order_by("number"))
        assert [r.number for r in revisions] == [1, 2, 3]
        assert revisions[1].body == BODY_2
        assert (revisions[1].editor, revisions[1].reason) == (question.author, "More detail")
        assert revisions[2].title == "How do I show staff-level impact?"
        assert revisions[2].tags == ["promotion", "staff"]
        assert revisions[2].level == ladder["senior"]
        assert (revisions[2].editor, revisions[2].reason) == (mod, "Retagged")
        assert revisions[0].created_at <= revisions[1].created_at <= revisions[2].created_at
        assert revisions[0].title == original_title  # the first one is untouched

    def test_answer_edits_keep_revisions(self):
        answer = AnswerFactory()
        answer_edit(answer=answer, editor=answer.author, body="b" * 40, reason=" typo ")
        answer_edit(answer=answer, editor=answer.author, body="c" * 40)
        revisions = list(answer.revisions.order_by("number"))
        assert [(r.number, r.body[:1], r.reason) for r in revisions] == [
            (1, "W", ""),
            (2, "b", "typo"),
            (3, "c", ""),
        ]

    def test_a_resubmitted_form_records_no_second_revision(self):
        import uuid

        author, token = UserFactory(), uuid.uuid4()
        QuestionFactory(author=author, client_token=token)
        question = QuestionFactory(author=author, client_token=token)
        assert question.revisions.count() == 1

    def test_revision_numbers_are_unique_per_post(self):
        from django.db import IntegrityError, transaction

        answer = AnswerFactory()
        with pytest.raises(IntegrityError), transaction.atomic():
            Revision.objects.create(answer=answer, number=1, body="x", editor=answer.author)


class TestCreateOnce:
    """The insert that a double submit of one form cannot repeat: the unique client token
    turns the second insert into (the first row, False), on which services stop."""

    def test_the_second_insert_with_one_token_returns_the_first_row(self):
        first = CommentFactory(client_token=uuid.uuid4())
        values = {
            "author": first.author,
            "body": "again",
            "body_html": "again",
            "author_band": first.author_band,
            "client_token": first.client_token,
            "question_id": first.question_id,
            "answer_id": first.answer_id,
        }
        assert create_once(Comment, **{**values, "client_token": uuid.uuid4()})[1] is True
        again, created = create_once(Comment, **values)
        assert (again, created) == (first, False)
