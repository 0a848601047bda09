"""Related questions: computed from bounded pools, stored, refreshed by the task worker."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.privileges import Privilege
from forum import related
from forum.models import Question
from forum.services.questions import question_edit, related_refresh_if_stale
from forum.services.visibility import visibility_set
from forum.services.votes import vote_cast
from tests.factories import QuestionFactory, UserFactory, holder

pytestmark = pytest.mark.usefixtures("ladder")


def stored(question) -> list[int]:
    return Question.objects.values_list("related_ids", flat=True).get(pk=question.pk)


def test_most_shared_tags_first_then_score_at_the_same_level_only(ladder):
    question = QuestionFactory(tags=["pip", "manager", "promotion"])
    two = QuestionFactory(tags=["pip", "manager"])
    one_low = QuestionFactory(tags=["pip"])
    one_high = QuestionFactory(tags=["promotion"])
    vote_cast(user=UserFactory(), post=one_high, value=1)
    QuestionFactory(tags=["pip", "manager", "promotion"], level=ladder["senior"])
    QuestionFactory(tags=["kubernetes"])
    assert related.related_for(question) == [two.pk, one_high.pk, one_low.pk]


def test_the_newest_wins_among_equals_and_the_list_is_capped(ladder):
    question = QuestionFactory(tags=["pip"])
    others = [QuestionFactory(tags=["pip"]) for _ in range(related.LIMIT + 2)]
    assert related.related_for(question) == [q.pk for q in reversed(others)][: related.LIMIT]


def test_candidates_come_only_from_each_tags_best_pool(monkeypatch):
    monkeypatch.setattr(related, "POOL_SIZE", 2)
    question = QuestionFactory(tags=["pip"])
    weak = QuestionFactory(tags=["pip"])
    strong = [QuestionFactory(tags=["pip"]) for _ in range(2)]
    for other in strong:
        vote_cast(user=UserFactory(), post=other, value=1)
    assert weak.pk not in related.related_for(question)


def test_hidden_questions_are_never_candidates():
    question = QuestionFactory(tags=["pip"])
    gone = QuestionFactory(tags=["pip"])
    visibility_set(contribution=gone, hidden=True, by=None, reason="spam")
    assert related.related_for(question) == []


def test_refresh_all_stores_what_the_one_by_one_path_computes(ladder):
    tags = [["pip"], ["pip", "manager"], ["manager"], ["burnout", "pip"], ["burnout"]]
    questions = [
        QuestionFactory(tags=tags[i % len(tags)], level=ladder["mid" if i % 3 else "senior"])
        for i in range(15)
    ]
    for i, question in enumerate(questions[::2]):
        vote_cast(user=holder(Privilege.DOWNVOTE), post=question, value=1 if i % 2 else -1)
    assert related.refresh_all(batch_size=4) == 15
    for question in questions:
        assert stored(question) == related.related_for(question)


def test_asking_queues_the_computation_for_after_the_commit(django_capture_on_commit_callbacks):
    first = QuestionFactory(tags=["pip"])
    with django_capture_on_commit_callbacks(execute=True):
        second = QuestionFactory(tags=["pip"])
    assert stored(second) == [first.pk]
    assert Question.objects.get(pk=second.pk).related_at is not None


def test_retagging_recomputes_and_stale_lists_are_refreshed_once_an_hour(
    django_capture_on_commit_callbacks,
):
    first = QuestionFactory(tags=["burnout"])
    question = QuestionFactory(tags=["pip"])
    with django_capture_on_commit_callbacks(execute=True):
        question_edit(
            question=question,
            editor=question.author,
            title=question.title,
            body=question.body,
            level=question.level,
            tags=["burnout"],
        )
    assert stored(question) == [first.pk]

    newer = QuestionFactory(tags=["burnout"])
    Question.objects.filter(pk=question.pk).update(
        related_at=timezone.now() - related.STALE_AFTER - timedelta(minutes=1)
    )
    question.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        assert related_refresh_if_stale(question=question) is True
    assert stored(question) == [newer.pk, first.pk]
    question.refresh_from_db()
    assert related_refresh_if_stale(question=question) is False  # fresh now
