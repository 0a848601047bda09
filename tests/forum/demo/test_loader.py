"""`manage.py load_demo`: the demo people and questions, loaded through the services."""

import io
import re

import pytest
import yaml
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.db import transaction
from django.db.models import F, Q, Sum
from django.utils import timezone

from accounts.bands import band_for_level_code
from accounts.models import User
from forum import reputation
from forum.demo import CONTENT_FILE, EMAIL_DOMAIN
from forum.models import Answer, Comment, Notification, Question, Vote
from forum.services.votes import vote_cast
from forum.tags import normalise_tag

MODELS = (User, EmailAddress, Question, Answer, Comment, Vote, Notification)


def load_demo(**options) -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out, **options)
    return out.getvalue()


def demo_users():
    return User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}")


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.fixture
def content() -> dict:
    return yaml.safe_load(CONTENT_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def _demo_once(django_db_setup, django_db_blocker):
    """Load the demo once for this module, in a transaction rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        output = load_demo()
        yield output
        transaction.set_rollback(True)


@pytest.fixture
def loaded(_demo_once, ladder) -> str:
    return _demo_once


def test_it_creates_people_questions_answers_comments_and_votes(loaded):
    assert demo_users().count() >= 8
    assert Question.objects.count() >= 15
    assert Question.objects.filter(is_anonymous=True).count() >= 2
    assert Question.objects.filter(is_anonymous=True, tags__name="pip").exists()
    assert Answer.objects.filter(is_anonymous=True).exists()
    assert Answer.objects.filter(is_accepted=True).count() >= 5
    assert Comment.objects.filter(question__isnull=False).exists()
    assert Comment.objects.filter(answer__isnull=False).exists()
    assert Vote.objects.filter(value=-1).exists()
    assert Notification.objects.exists()
    answered = Question.objects.filter(answer_count__gte=1).count()
    assert answered >= Question.objects.count() - 2  # most questions have answers


def test_every_question_has_a_level_and_one_to_five_tags(loaded):
    for question in Question.objects.select_related("level"):
        assert question.level.slug in {"junior", "mid", "senior"}
        assert 1 <= len(question.tags.names()) <= 5, question.title
        assert 15 <= len(question.title) <= 150
        assert len(question.body) >= 30


def test_demo_people_have_verified_addresses_and_derived_bands(loaded, content):
    for spec in content["people"]:
        user = User.objects.get(username=spec["username"])
        assert user.email == f"{spec['username']}@{EMAIL_DOMAIN}"
        assert not user.has_usable_password()
        assert EmailAddress.objects.filter(
            user=user, email=user.email, primary=True, verified=True
        ).exists()
        assert (user.display_name, user.headline, user.company, user.level_code) == (
            spec["display_name"],
            spec["headline"],
            spec["company"],
            spec["level_code"],
        )
        assert not user.band_overridden
        assert user.band == band_for_level_code(spec["level_code"])
    bands = set(demo_users().values_list("band", flat=True))
    assert {"junior", "mid", "senior", "staff"} <= bands


def test_a_second_run_creates_nothing(loaded):
    assert re.search(r"already there 0\)", loaded)
    before = counts()
    scores = dict(Question.objects.values_list("pk", "score"))
    reputations = dict(demo_users().values_list("pk", "reputation"))

    again = load_demo()

    assert counts() == before
    assert dict(Question.objects.values_list("pk", "score")) == scores
    assert dict(demo_users().values_list("pk", "reputation")) == reputations
    assert again.startswith("Demo content: 8 people, ")
    assert "(created 0, already there " in again
    # Both runs report the same totals.
    assert again.split(" (created")[0] == loaded.split(" (created")[0]


def test_the_summary_matches_the_database(loaded):
    questions = Question.objects.count()
    answers = Answer.objects.count()
    comments = Comment.objects.count()
    votes = Vote.objects.count()
    accepted = Answer.objects.filter(is_accepted=True).count()
    people = demo_users().count()
    expected = (
        f"Demo content: {people} people, {questions} questions, {answers} answers, "
        f"{comments} comments, {votes} votes, {accepted} accepted answers "
        f"(created {people + questions + answers + comments + votes + accepted}, "
        "already there 0)"
    )
    assert loaded.strip() == expected


def assert_reputation_is_a_fresh_recount():
    totals = reputation.recount()
    for user in demo_users():
        assert user.reputation == totals.get(user.pk, 0), user.username


def test_reputation_equals_a_fresh_recount(loaded):
    assert_reputation_is_a_fresh_recount()
    assert any(user.reputation > 0 for user in demo_users())


def _vote_sum(**post) -> int:
    return Vote.objects.filter(**post).aggregate(total=Sum("value"))["total"] or 0


def assert_counters_match_reality():
    for question in Question.objects.all():
        assert question.answer_count == question.answers.visible().count(), question.title
        assert question.comment_count == question.comments.count(), question.title
        assert question.score == _vote_sum(question=question), question.title
    for answer in Answer.objects.all():
        assert answer.comment_count == answer.comments.count(), answer.pk
        assert answer.score == _vote_sum(answer=answer), answer.pk


def test_counters_match_reality(loaded):
    assert_counters_match_reality()
    assert Answer.objects.filter(score__gt=3).exists()
    assert Answer.objects.filter(score__lt=0).exists()


def test_nobody_votes_on_their_own_posts(loaded):
    assert not Vote.objects.filter(question__author=F("user")).exists()
    assert not Vote.objects.filter(answer__author=F("user")).exists()


def test_dates_are_spread_over_the_last_months_in_order(loaded):
    now = timezone.now()
    created = list(Question.objects.values_list("created_at", flat=True))
    assert max(created) <= now
    assert (now - min(created)).days >= 60
    assert len({moment.date() for moment in created}) == len(created)
    for answer in Answer.objects.select_related("question"):
        assert answer.question.created_at < answer.created_at <= now
    for comment in Comment.objects.select_related("question", "answer"):
        post = comment.question or comment.answer
        assert post.created_at < comment.created_at <= now
    for question in Question.objects.all():
        moments = [question.created_at]
        moments += [a.created_at for a in question.answers.all()]
        moments += [c.created_at for c in Comment.objects.filter(question=question)]
        moments += [c.created_at for c in Comment.objects.filter(answer__question=question)]
        assert question.last_activity_at == max(moments), question.title


def test_comments_by_an_anonymous_asker_stay_anonymous(loaded):
    for question in Question.objects.filter(is_anonymous=True):
        own = Comment.objects.filter(author=question.author).filter(
            Q(question=question) | Q(answer__question=question)
        )
        assert own.exists()
        assert all(comment.is_anonymous for comment in own)
    assert not Notification.objects.filter(
        question__is_anonymous=True, kind="accepted", actor__isnull=False
    ).exists()


def test_a_retracted_vote_is_not_cast_again(loaded):
    vote = Vote.objects.filter(question__isnull=False, value=1).select_related("question").first()
    vote_cast(user=vote.user, post=vote.question, value=1)  # the same click again retracts it
    assert Vote.objects.get(pk=vote.pk).value == 0
    before = counts()
    out = load_demo()
    assert counts() == before
    assert Vote.objects.get(pk=vote.pk).value == 0
    assert "(created 0, " in out


def test_the_content_file_is_well_formed(content):
    """No database: the writing rules the demo content follows."""
    people = {person["username"] for person in content["people"]}
    assert len(people) >= 8
    assert all(re.fullmatch(r"[a-z]+-[a-z]+", name) for name in people)
    questions = content["questions"]
    assert len(questions) >= 15
    assert sum(bool(q.get("anonymous")) for q in questions) >= 2
    answers = [a for q in questions for a in q.get("answers") or []]
    assert any(a.get("anonymous") for a in answers)
    for question in questions:
        assert question["level"] in {"junior", "mid", "senior"}
        assert 1 <= len(question["tags"]) <= 5
        assert all(normalise_tag(tag) == tag for tag in question["tags"])
        assert len(question.get("answers") or []) <= 4
        for answer in question.get("answers") or []:
            words = len(answer["body"].split())
            assert 60 <= words <= 250, (question["title"], answer["author"], words)
        comments = list(question.get("comments") or [])
        comments += [c for a in question.get("answers") or [] for c in a.get("comments") or []]
        for comment in comments:
            assert 5 <= len(" ".join(comment["body"].split())) <= 600
