"""Fuzzing the forum's forms: ask, edit a question, answer, edit an answer, comment, roll back,
vote, preview, and the buttons that act on a post (delete, accept)."""

from django.urls import reverse
from hypothesis import example, given
from hypothesis import strategies as st

from core.text import one_line
from forum.forms import AnswerEditForm, AnswerForm, CommentForm, QuestionEditForm, QuestionForm
from forum.models import BODY_MAX_LENGTH, COMMENT_MAX_LENGTH, Answer, Comment, Question, Revision
from forum.services.questions import question_edit
from tests.factories import AnswerFactory, CommentFactory, QuestionFactory, UserFactory
from tests.fuzz import strategies as S
from tests.fuzz.support import (
    FuzzCase,
    as_client,
    assert_fits,
    fuzz,
    posted,
    refused,
    row_values,
)
from tests.moderation.factories import moderator

tag = st.from_regex(r"[a-z0-9]{1,12}(-[a-z0-9]{1,6})?", fullmatch=True)
tags = S.mostly(
    st.lists(tag, min_size=1, max_size=6).flatmap(
        lambda names: st.sampled_from([", ".join(names), " ".join(names), ",".join(names)])
    ),
    S.junk_text(200),
)
token = S.mostly(st.uuids().map(str), S.junk_text(40))

QUESTION_FIELDS = {
    "title": S.text(15, 150),
    "body": S.text(30, BODY_MAX_LENGTH),
    "level": S.choice(S.LEVELS),
    "tags": tags,
}


class ForumScene(FuzzCase):
    @classmethod
    def setUpTestData(cls):
        cls.asker = UserFactory()
        cls.answerer = UserFactory()
        cls.stranger = UserFactory()
        cls.mod = moderator()
        cls.question = QuestionFactory(author=cls.asker, tags=["promotion", "pip"])
        cls.answer = AnswerFactory(question=cls.question, author=cls.answerer)
        cls.comment = CommentFactory(post=cls.answer, author=cls.stranger)
        cls.other_question = QuestionFactory(author=cls.stranger)
        question_edit(
            question=cls.question,
            editor=cls.asker,
            title="How do I recover from a bad quarter, second try?",
            body=cls.question.body + " Edited.",
            level=cls.question.level,
            tags=["promotion"],
            reason="clearer",
        )
        cls.revisions = list(Revision.objects.values_list("pk", flat=True))


def _check_question(question: Question, form) -> None:
    assert question.title == one_line(form.cleaned_data["title"])
    assert question.body == form.cleaned_data["body"]
    assert question.level == form.cleaned_data["level"]
    assert sorted(question.tags.names()) == sorted(form.cleaned_data["tags"])
    assert_fits(question)


class TestQuestionForms(ForumScene):
    @fuzz
    @given(
        data=S.form(
            {
                **QUESTION_FIELDS,
                "is_anonymous": S.checkbox,
                "client_token": token,
            }
        ),
        preview=st.booleans(),
    )
    @example(
        data={
            "title": "A title with a NUL \x00 in it",
            "body": "x" * 40,
            "level": "mid",
            "tags": "pip",
        },
        preview=False,
    )
    @example(
        data={"title": "Fifteen chars..", "body": "y" * 40, "level": "mid\x00", "tags": "pip"},
        preview=False,
    )
    @example(
        data={"title": "Fifteen chars..", "body": "y" * 40, "level": "mid", "tags": "pip\x00"},
        preview=False,
    )
    def test_ask(self, data, preview):
        if preview:
            data = {**data, "preview": "1"}
        response = self.submit(
            "forum: ask a question", as_client(self.asker), reverse("forum:ask"), data
        )
        form = QuestionForm(posted(response))
        self.tally("forum: ask a question", not refused(response))
        if refused(response):
            self.assert_no_writes(response)
            return
        assert form.is_valid()
        _check_question(Question.objects.latest("pk"), form)

    @fuzz
    @given(
        data=S.form({**QUESTION_FIELDS, "reason": S.text(0, 300)}),
        who=st.sampled_from(["asker", "asker", "stranger"]),
    )
    def test_edit_question(self, data, who):
        url = reverse("forum:question_edit", kwargs={"pk": self.question.pk})
        response = self.submit("forum: edit a question", as_client(getattr(self, who)), url, data)
        self.tally("forum: edit a question", not refused(response))
        if refused(response):
            self.assert_no_writes(response, (self.question, row_values(self.question)))
            return
        form = QuestionEditForm(posted(response))
        assert who == "asker"
        assert form.is_valid()
        question = Question.objects.get(pk=self.question.pk)
        _check_question(question, form)
        revision = question.revisions.order_by("-number").first()
        assert revision.reason == form.cleaned_data["reason"] or not form.cleaned_data["reason"]
        assert_fits(revision)


class TestAnswerForms(ForumScene):
    @fuzz
    @given(
        data=S.form(
            {"body": S.text(30, BODY_MAX_LENGTH), "is_anonymous": S.checkbox, "client_token": token}
        ),
        on=st.sampled_from(["question", "question", "other"]),
    )
    @example(data={"body": "An answer with a NUL\x00 character, long enough."}, on="question")
    def test_answer(self, data, on):
        question = self.question if on == "question" else self.other_question
        url = reverse("forum:answer_create", kwargs={"pk": question.pk})
        response = self.submit("forum: answer", as_client(self.stranger), url, data)
        self.tally("forum: answer", not refused(response))
        if refused(response):
            self.assert_no_writes(response)
            return
        form = AnswerForm(posted(response))
        assert form.is_valid()
        answer = Answer.objects.latest("pk")
        assert answer.body == form.cleaned_data["body"]
        assert answer.question_id == question.pk
        assert_fits(answer)

    @fuzz
    @given(
        data=S.form({"body": S.text(30, BODY_MAX_LENGTH), "reason": S.text(0, 300)}),
        who=st.sampled_from(["answerer", "answerer", "asker"]),
    )
    def test_edit_answer(self, data, who):
        url = reverse("forum:answer_edit", kwargs={"pk": self.answer.pk})
        response = self.submit("forum: edit an answer", as_client(getattr(self, who)), url, data)
        self.tally("forum: edit an answer", not refused(response))
        if refused(response):
            self.assert_no_writes(response, (self.answer, row_values(self.answer)))
            return
        form = AnswerEditForm(posted(response))
        assert who == "answerer"
        assert form.is_valid()
        answer = Answer.objects.get(pk=self.answer.pk)
        assert answer.body == form.cleaned_data["body"]
        assert_fits(answer)


class TestCommentForm(ForumScene):
    @fuzz
    @given(
        data=S.form({"body": S.text(5, COMMENT_MAX_LENGTH), "client_token": token}),
        on=st.sampled_from(["question", "answer"]),
    )
    @example(data={"body": "Null \x00 in a comment"}, on="answer")
    def test_comment(self, data, on):
        post = self.question if on == "question" else self.answer
        url = reverse(f"forum:{on}_comment", kwargs={"pk": post.pk})
        response = self.submit("forum: comment", as_client(self.stranger), url, data)
        self.tally("forum: comment", not refused(response))
        if refused(response):
            self.assert_no_writes(response)
            return
        form = CommentForm(posted(response))
        assert form.is_valid()
        comment = Comment.objects.latest("pk")
        assert comment.body == one_line(form.cleaned_data["body"])
        assert_fits(comment)


class TestSmallForms(ForumScene):
    """Forms of one field or none: roll back with a reason, vote, preview, and the buttons
    (delete, accept, unaccept, mark read) pressed on anyone's posts."""

    @fuzz
    @given(
        data=S.form({"reason": S.text(0, 300)}),
        revision=S.ids(),
        who=st.sampled_from(["asker", "asker", "stranger", "mod"]),
    )
    def test_rollback(self, data, revision, who):
        revision = self.revisions[0] if revision == 1 else revision
        url = f"/revisions/{revision}/rollback/"
        response = self.submit("forum: roll back", as_client(getattr(self, who)), url, data)
        self.tally("forum: roll back", response.status_code == 302)
        if response.status_code != 302:
            self.assert_no_writes(response, (self.question, row_values(self.question)))
            return
        assert_fits(Question.objects.get(pk=self.question.pk))
        latest = Revision.objects.latest("pk")
        assert_fits(latest)

    @fuzz
    @given(
        data=S.form({"value": S.choice(["up", "down"])}),
        kind=st.sampled_from(["question", "answer"]),
    )
    def test_vote(self, data, kind):
        post = self.question if kind == "question" else self.answer
        url = reverse(f"forum:{kind}_vote", kwargs={"pk": post.pk})
        response = self.submit("forum: vote", as_client(self.stranger), url, data)
        self.tally("forum: vote", not refused(response))
        if refused(response):
            self.assert_no_writes(response, (post, row_values(post)))

    @fuzz
    @given(data=S.form({"body": S.text(0, BODY_MAX_LENGTH)}))
    def test_preview(self, data):
        response = self.submit(
            "forum: preview", as_client(self.asker), reverse("forum:preview"), data
        )
        self.tally("forum: preview", response.status_code == 200)
        assert response.status_code == 200
        self.assert_no_writes(response)

    @fuzz
    @given(
        action=st.sampled_from(["delete", "accept", "unaccept", "notifications"]),
        kind=st.sampled_from(["question", "answer", "comment"]),
        target=st.sampled_from(["question", "answer", "comment", "other_question"]),
        who=st.sampled_from(["asker", "answerer", "stranger"]),
        data=S.form({}, extra=True),
    )
    def test_buttons(self, action, kind, target, who, data):
        """Pressing a post's buttons on one's own and other people's posts."""
        pk = getattr(self, target).pk
        url = {
            "delete": f"/{kind}s/{pk}/delete/",
            "accept": f"/answers/{pk}/accept/",
            "unaccept": f"/answers/{pk}/unaccept/",
            "notifications": "/notifications/read/",
        }[action]
        response = self.submit("forum: post buttons", as_client(getattr(self, who)), url, data)
        self.tally("forum: post buttons", not refused(response))
        if refused(response):
            self.assert_no_writes(response)
