import uuid

import pytest
from django.core import mail
from django.db import IntegrityError, transaction

from accounts.models import User
from forum import reputation, services
from forum.models import Answer, Comment, Notification, Question, Vote
from forum.permissions import ActionNotAllowed
from forum.selectors import question_search
from tests.factories import AnswerFactory, CommentFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.usefixtures("ladder")


def fresh(obj):
    obj.refresh_from_db()
    return obj


class TestQuestionCreate:
    def test_stores_rendered_markdown_tags_and_a_slug(self):
        question = QuestionFactory(
            title="  How do I   survive a one-month PIP?  ",
            body="I was put on a **PIP** yesterday. <script>alert(1)</script>",
            tags=["pip", "performance-review"],
        )
        assert question.title == "How do I survive a one-month PIP?"
        assert question.slug == "how-do-i-survive-a-one-month-pip"
        assert "<strong>PIP</strong>" in question.body_html
        assert "<script>" not in question.body_html
        assert sorted(question.tags.names()) == ["performance-review", "pip"]
        assert question.author_band == question.author.band
        assert question_search(query="survive") == [question.pk]

    def test_the_same_form_submitted_twice_makes_one_question(self):
        author, token = UserFactory(), uuid.uuid4()
        first = QuestionFactory(author=author, client_token=token)
        second = QuestionFactory(author=author, client_token=token, title="A different title here")
        assert first.pk == second.pk
        assert Question.objects.filter(author=author).count() == 1

    def test_the_database_refuses_a_duplicate_token(self):
        question = QuestionFactory(client_token=uuid.uuid4())
        with pytest.raises(IntegrityError), transaction.atomic():
            Question.objects.create(
                author=question.author,
                title="Another question title",
                slug="x",
                body="x" * 40,
                body_html="",
                level=question.level,
                client_token=question.client_token,
            )

    def test_an_inactive_person_cannot_ask(self):
        with pytest.raises(ActionNotAllowed):
            QuestionFactory(author=UserFactory(is_active=False))


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
        question = QuestionFactory(author=UserFactory(email_notifications=False))
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
        services.answer_edit(
            answer=answer, editor=answer.author, body="Try *rubber duck* debugging."
        )
        answer = fresh(answer)
        assert "<em>rubber duck</em>" in answer.body_html
        assert answer.edited_at is not None
        assert question_search(query="rubber duck") == [answer.question_id]

    def test_only_the_author_edits(self):
        answer = AnswerFactory()
        with pytest.raises(ActionNotAllowed):
            services.answer_edit(answer=answer, editor=UserFactory(), body="x" * 40)


class TestQuestionEdit:
    def test_edit_changes_everything_but_anonymity(self, ladder):
        question = QuestionFactory(is_anonymous=True, tags=["pip"])
        edited = services.question_edit(
            question=question,
            editor=question.author,
            title="What should I do in week one of a PIP?",
            body="Updated body with more detail about the situation.",
            level=ladder["junior"],
            tags=["pip", "manager"],
        )
        assert (edited.title, edited.slug, edited.level) == (
            "What should I do in week one of a PIP?",
            "what-should-i-do-in-week-one-of-a-pip",
            ladder["junior"],
        )
        assert sorted(edited.tags.names()) == ["manager", "pip"]
        assert edited.is_anonymous
        assert edited.edited_at is not None

    def test_someone_else_cannot_edit(self, ladder):
        question = QuestionFactory()
        with pytest.raises(ActionNotAllowed):
            services.question_edit(
                question=question,
                editor=UserFactory(),
                title="Hijacked title for this question",
                body="x" * 40,
                level=ladder["mid"],
                tags=["x"],
            )


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


class TestVotes:
    def test_same_vote_again_retracts_and_the_other_switches(self):
        answer, voter = AnswerFactory(), UserFactory()
        author = answer.author
        outcomes = [
            services.vote_cast(user=voter, post=answer, value=value) for value in (1, 1, -1, 1)
        ]
        assert [(o.score, o.value) for o in outcomes] == [(1, 1), (0, 0), (-1, -1), (1, 1)]
        assert Vote.objects.filter(user=voter, answer=answer).count() == 1  # never deleted
        assert fresh(author).reputation == reputation.UPVOTE["answer"]

    def test_reputation_follows_the_rules(self):
        question = QuestionFactory()
        answer = AnswerFactory(question=question)
        up, down = UserFactory(), UserFactory()
        services.vote_cast(user=up, post=question, value=1)
        services.vote_cast(user=down, post=question, value=-1)
        services.vote_cast(user=up, post=answer, value=1)
        services.vote_cast(user=down, post=answer, value=-1)
        assert fresh(question.author).reputation == 5 - 2
        assert fresh(answer.author).reputation == 10 - 2
        services.answer_accept(user=question.author, answer=answer)
        assert fresh(answer.author).reputation == 10 - 2 + 15

    def test_no_voting_on_your_own_post(self):
        answer = AnswerFactory()
        with pytest.raises(ActionNotAllowed):
            services.vote_cast(user=answer.author, post=answer, value=1)
        assert fresh(answer).score == 0

    def test_no_voting_on_hidden_posts(self):
        answer = AnswerFactory()
        Answer.objects.filter(pk=answer.pk).update(is_hidden=True)
        with pytest.raises(ActionNotAllowed):
            services.vote_cast(user=UserFactory(), post=fresh(answer), value=1)

    def test_only_plus_or_minus_one(self):
        with pytest.raises(ValueError, match="A vote"):
            services.vote_cast(user=UserFactory(), post=AnswerFactory(), value=5)

    def test_anonymous_posts_earn_no_reputation(self):
        answer = AnswerFactory(is_anonymous=True)
        services.vote_cast(user=UserFactory(), post=answer, value=1)
        assert fresh(answer).score == 1
        assert fresh(answer.author).reputation == 0

    def test_the_database_holds_one_vote_per_person_and_post(self):
        answer, voter = AnswerFactory(), UserFactory()
        services.vote_cast(user=voter, post=answer, value=1)
        with pytest.raises(IntegrityError), transaction.atomic():
            Vote.objects.create(user=voter, answer=answer, value=1)
        with pytest.raises(IntegrityError), transaction.atomic():
            Vote.objects.create(user=voter, answer=answer, question=answer.question, value=1)


class TestAccept:
    def test_accepting_another_answer_moves_the_mark(self):
        question = QuestionFactory()
        first, second = AnswerFactory(question=question), AnswerFactory(question=question)
        services.answer_accept(user=question.author, answer=first)
        services.answer_accept(user=question.author, answer=second)
        assert not fresh(first).is_accepted
        assert fresh(second).is_accepted
        assert fresh(first.author).reputation == 0
        assert fresh(second.author).reputation == reputation.ACCEPTED

    def test_accepting_twice_is_harmless(self):
        question = QuestionFactory()
        answer = AnswerFactory(question=question)
        services.answer_accept(user=question.author, answer=answer)
        services.answer_accept(user=question.author, answer=answer)
        assert fresh(answer.author).reputation == reputation.ACCEPTED
        assert Notification.objects.filter(kind="accepted").count() == 1

    def test_only_the_asker_accepts(self):
        answer = AnswerFactory()
        for person in (UserFactory(), answer.author):
            with pytest.raises(ActionNotAllowed):
                services.answer_accept(user=person, answer=answer)

    def test_accepting_your_own_answer_earns_nothing(self):
        question = QuestionFactory()
        answer = AnswerFactory(question=question, author=question.author)
        services.answer_accept(user=question.author, answer=answer)
        assert fresh(answer).is_accepted
        assert fresh(question.author).reputation == 0

    def test_unaccept_gives_the_points_back(self):
        question = QuestionFactory()
        answer = AnswerFactory(question=question)
        services.answer_accept(user=question.author, answer=answer)
        services.answer_unaccept(user=question.author, answer=answer)
        assert not fresh(answer).is_accepted
        assert fresh(answer.author).reputation == 0

    def test_the_database_allows_one_accepted_answer(self):
        question = QuestionFactory()
        first, second = AnswerFactory(question=question), AnswerFactory(question=question)
        Answer.objects.filter(pk=first.pk).update(is_accepted=True)
        with pytest.raises(IntegrityError), transaction.atomic():
            Answer.objects.filter(pk=second.pk).update(is_accepted=True)


def test_views_count_once_per_visitor_per_hour():
    question = QuestionFactory()
    results = [
        services.question_record_view(question_id=question.pk, visitor=v) for v in ("a", "a", "b")
    ]
    assert results == [True, False, True]
    assert fresh(question).view_count == 2


def test_the_recount_matches_the_live_reputation():
    question = QuestionFactory()
    answers = [AnswerFactory(question=question) for _ in range(3)]
    voters = [UserFactory() for _ in range(4)]
    for i, voter in enumerate(voters):
        services.vote_cast(user=voter, post=question, value=1 if i % 2 else -1)
        for j, answer in enumerate(answers):
            services.vote_cast(user=voter, post=answer, value=1 if (i + j) % 3 else -1)
    services.vote_cast(user=voters[0], post=answers[0], value=1)  # a switch
    services.vote_cast(user=voters[1], post=question, value=1)  # a retraction
    services.answer_accept(user=question.author, answer=answers[1])
    live = dict(User.objects.values_list("pk", "reputation"))
    User.objects.update(reputation=999)  # drift
    assert services.reputation_recompute() == User.objects.count()
    assert dict(User.objects.values_list("pk", "reputation")) == live


def test_comment_rows_point_at_exactly_one_post():
    comment = CommentFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Comment.objects.filter(pk=comment.pk).update(question=None)


def test_a_view_this_process_already_settled_costs_no_cache_round_trip(monkeypatch):
    question = QuestionFactory()
    assert services.question_record_view(question_id=question.pk, visitor="a") is True
    calls = []
    monkeypatch.setattr(services.cache, "add", lambda *args, **kwargs: calls.append(args))
    assert services.question_record_view(question_id=question.pk, visitor="a") is False
    assert calls == []
    assert fresh(question).view_count == 1
