"""`manage.py seed_scale`: a realistic forum at scale, the same for the same seed, and a --check
that compares it with what the application computes (and notices when a row drifts)."""

import hashlib
import io

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.db.models import Count, F
from taggit.models import Tag

from accounts.models import User
from accounts.names import skeleton
from forum.models import (
    Answer,
    Comment,
    LevelStat,
    Notification,
    Question,
    Revision,
    TaggedQuestion,
    TagStat,
    Vote,
)
from forum.search.index import clear_index, stored_document
from moderation.models import MODERATORS_GROUP, AuditEntry

QUESTIONS, SEED = 100, 7
# Children before parents, so that deleting everything respects the foreign keys.
SEEDED = (Notification, Vote, Comment, Revision, AuditEntry, TaggedQuestion, Answer, Question,
          TagStat, LevelStat, Tag, EmailAddress, User)  # fmt: skip


def seed_scale(**options) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("seed_scale", stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def check_output() -> tuple[str, str]:
    """--check: (what it printed, the differences it reported, then the error that ended it,
    if any). The sample covers every question and person, and some answers and comments."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("seed_scale", check=True, sample=QUESTIONS, stdout=out, stderr=err)
    except CommandError as error:
        err.write(f"{error}\n")
    return out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Seed once for the module, in a transaction rolled back at its end; each test runs in a
    savepoint inside it, so what a test corrupts is undone after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        output, _ = seed_scale(questions=QUESTIONS, seed=SEED)
        yield output
        transaction.set_rollback(True)


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]


def digest() -> str:
    """A fingerprint of the seeded rows and search entries, in id order. related_at is left
    out: related.refresh_all stamps it with the time it ran."""
    sha = hashlib.sha256()
    for model in SEEDED:
        fields = [f.attname for f in model._meta.concrete_fields if f.name != "related_at"]
        for row in model.objects.order_by("pk").values_list(*fields):
            sha.update(repr(row).encode())
    for pk in Question.objects.order_by("pk").values_list("pk", flat=True):
        sha.update(repr(stored_document(pk)).encode())
    return sha.hexdigest()


def unseed() -> None:
    """Delete everything seed_scale wrote (only inside a test: the savepoint rolls it back)."""
    clear_index()
    User.groups.through.objects.all().delete()
    for model in SEEDED:
        if model is AuditEntry:  # append-only through the ORM, on purpose
            with connection.cursor() as cursor:
                cursor.execute("DELETE FROM moderation_auditentry")
        else:
            model.objects.all().delete()


def test_the_forum_has_the_expected_shape(seeded):
    answers = Answer.objects.count()
    assert Question.objects.count() == QUESTIONS
    assert 7 * QUESTIONS <= answers <= 13 * QUESTIONS
    assert 3 * QUESTIONS <= Comment.objects.count() <= 8 * QUESTIONS
    assert 12 * QUESTIONS <= Vote.objects.count() <= 40 * QUESTIONS  # 20 people cap the votes
    assert User.objects.count() == 20
    assert Tag.objects.count() == 20
    assert 0.02 * QUESTIONS <= Question.objects.filter(answer_count=0).count() <= 0.2 * QUESTIONS
    tagged = TaggedQuestion.objects.values("content_object").annotate(n=Count("id"))
    assert {row["n"] for row in tagged} <= {1, 2, 3, 4, 5}
    assert TaggedQuestion.objects.values("content_object").distinct().count() == QUESTIONS
    levels = dict(Question.objects.values_list("level__slug").annotate(n=Count("id")))
    assert set(levels) == {"junior", "mid", "senior"}
    assert "forum_answer" in seeded
    assert "Timings:" in seeded


def test_threads_hold_accepted_anonymous_and_hidden_posts():
    assert Answer.objects.filter(is_accepted=True).exists()
    assert Question.objects.filter(is_anonymous=True).exists()
    assert Answer.objects.filter(is_anonymous=True).exists()
    assert Notification.objects.filter(actor__isnull=True).exists()
    assert Answer.objects.filter(is_hidden=True).exists()
    assert AuditEntry.objects.filter(action="hide").exists()
    assert not Vote.objects.filter(answer__author_id=F("user_id")).exists()
    assert not Vote.objects.filter(question__author_id=F("user_id")).exists()


def test_every_post_has_its_first_revision_and_every_person_a_verified_address():
    assert not Question.objects.exclude(revisions__number=1).exists()
    assert not Answer.objects.exclude(revisions__number=1).exists()
    assert (
        Revision.objects.filter(number=1).count()
        == Question.objects.count() + Answer.objects.count()
    )
    assert EmailAddress.objects.filter(verified=True, primary=True).count() == User.objects.count()
    # Look-alike checks find seeded people too (accounts/names.py).
    assert all(
        (person.username_skeleton, person.display_name_skeleton)
        == (skeleton(person.username), skeleton(person.display_name))
        for person in User.objects.all()
    )
    moderators = Group.objects.get(name=MODERATORS_GROUP).user_set.all()
    assert moderators.count() >= 2
    assert set(moderators) == set(User.objects.filter(is_moderator=True))


def test_the_check_passes_on_fresh_data():
    out, err = check_output()
    assert err == ""
    assert "Check passed" in out


def test_a_forum_with_questions_is_refused():
    with pytest.raises(CommandError, match="already has questions"):
        seed_scale(questions=10, seed=1)


def test_the_same_seed_gives_the_same_data_and_another_seed_does_not():
    first = digest()
    unseed()
    seed_scale(questions=QUESTIONS, seed=SEED)
    assert digest() == first
    unseed()
    seed_scale(questions=QUESTIONS, seed=SEED + 1)
    assert digest() != first


def _tamper_search(question: Question) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "UPDATE forum_question_search SET document = to_tsvector('english', 'tampered')"
                " WHERE question_id = %s",
                [question.pk],
            )
        else:
            cursor.execute(
                "UPDATE forum_question_fts SET body = 'tampered' WHERE rowid = %s", [question.pk]
            )


def _name_an_anonymous_actor(question: Question) -> None:
    notification = Notification.objects.filter(actor__isnull=True).first()
    Notification.objects.filter(pk=notification.pk).update(actor=F("recipient"))


CORRUPTIONS = {
    "a wrong score": (
        lambda q: Question.objects.filter(pk=q.pk).update(score=F("score") + 1),
        "score",
    ),
    "stale answer HTML": (
        lambda q: Answer.objects.update(body_html="<p>an older rendering</p>"),
        "body_html is not render_markdown",
    ),
    "a tampered search document": (_tamper_search, "search document"),
    "a wrong tag tally": (
        lambda q: TagStat.objects.filter(tag__in=q.tags.all()).update(questions=F("questions") + 1),
        "TagStat",
    ),
    "a stale comment count": (
        lambda q: Question.objects.filter(pk=q.pk).update(comment_count=F("comment_count") + 2),
        "comment_count",
    ),
    "a moved last activity": (
        lambda q: Question.objects.filter(pk=q.pk).update(last_activity_at=F("created_at")),
        "last_activity_at",
    ),
    "a leaked anonymous actor": (_name_an_anonymous_actor, "an actor is stored"),
    "comments out of step with the thread's anonymity": (
        lambda q: Comment.objects.update(is_anonymous=True),
        "is_anonymous breaks the thread's anonymity rule",
    ),
}


@pytest.mark.parametrize("corruption", list(CORRUPTIONS))
def test_the_check_notices_a_corrupted_row(corruption):
    corrupt, expected = CORRUPTIONS[corruption]
    # The busiest visible question, so that every corruption above has rows to touch.
    question = Question.objects.visible().order_by("-answer_count", "-comment_count").first()
    corrupt(question)
    _, err = check_output()
    assert expected in err
    assert "difference(s)" in err
