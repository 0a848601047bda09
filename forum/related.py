"""Related questions, computed when a question is written (in the task worker) and stored.

Related means: at the same level, sharing tags, most shared tags first, then the best
scored, then the newest. To keep the cost independent of the forum's size, the candidates
are only the POOL_SIZE best questions of each (tag, level) the question carries, so a
popular tag never means ranking tens of thousands of questions.

`related_for` ranks one question's candidates; `refresh_all` builds the pools once and ranks
every question with the same function, so both paths give identical lists.
"""

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.db import connection, transaction
from django.utils import timezone

from forum.models import Question, TaggedQuestion

POOL_SIZE = 50
LIMIT = 5
STALE_AFTER = timedelta(days=7)

# A candidate as ranked: (id, score, created_at).
Candidate = tuple[int, int, datetime]
Pools = dict[tuple[int, int], list[Candidate]]


def _best(queryset) -> list[Candidate]:
    return list(
        queryset.order_by("-score", "-created_at", "-id").values_list("pk", "score", "created_at")[
            :POOL_SIZE
        ]
    )


def pool(*, tag_id: int, level_id: int) -> list[Candidate]:
    """The best visible questions at `level_id` tagged `tag_id`."""
    tagged = TaggedQuestion.objects.filter(tag_id=tag_id).values("content_object_id")
    return _best(Question.objects.visible().filter(level_id=level_id, pk__in=tagged))


def rank(*, question_id: int, level_id: int, tag_ids: Iterable[int], pools: Pools) -> list[int]:
    """The related question ids for one question, given the pools of its (tag, level)s."""
    shared: Counter[int] = Counter()
    seen: dict[int, Candidate] = {}
    for tag_id in set(tag_ids):
        for candidate in pools.get((tag_id, level_id), ()):
            if candidate[0] != question_id:
                shared[candidate[0]] += 1
                seen[candidate[0]] = candidate
    best = sorted(seen.values(), key=lambda c: (-shared[c[0]], -c[1], -c[2].timestamp(), -c[0]))
    return [candidate[0] for candidate in best[:LIMIT]]


def _tags_of(question_ids: Iterable[int]) -> dict[int, list[int]]:
    tags: dict[int, list[int]] = defaultdict(list)
    rows = TaggedQuestion.objects.filter(content_object_id__in=list(question_ids))
    for question_id, tag_id in rows.values_list("content_object_id", "tag_id"):
        tags[question_id].append(tag_id)
    return tags


def related_for(question: Question) -> list[int]:
    tag_ids = _tags_of([question.pk])[question.pk]
    pools = {
        (tag_id, question.level_id): pool(tag_id=tag_id, level_id=question.level_id)
        for tag_id in tag_ids
    }
    return rank(question_id=question.pk, level_id=question.level_id, tag_ids=tag_ids, pools=pools)


@transaction.atomic
def refresh(question_id: int) -> list[int] | None:
    """Recompute and store one question's related list (None if it no longer exists)."""
    question = Question.objects.filter(pk=question_id).only("pk", "level_id").first()
    if question is None:
        return None
    related = related_for(question)
    Question.objects.filter(pk=question_id).update(related_ids=related, related_at=timezone.now())
    return related


def is_stale(question: Question) -> bool:
    return question.related_at is None or question.related_at < timezone.now() - STALE_AFTER


def refresh_all(*, batch_size: int = 2000) -> int:
    """Every question's related list, set-based: one query per (tag, level) pool, then the
    same ranking as `related_for`, written back in batches. Returns how many were written."""
    pairs = (
        TaggedQuestion.objects.filter(content_object__is_hidden=False)
        .values_list("tag_id", "content_object__level_id")
        .distinct()
    )
    pools = {(tag, level): pool(tag_id=tag, level_id=level) for tag, level in pairs}
    now = timezone.now()
    written = 0
    ids = list(Question.objects.order_by("pk").values_list("pk", "level_id"))
    for start in range(0, len(ids), batch_size):
        chunk = ids[start : start + batch_size]
        tags = _tags_of(pk for pk, _ in chunk)
        lists = {
            pk: rank(question_id=pk, level_id=level_id, tag_ids=tags[pk], pools=pools)
            for pk, level_id in chunk
        }
        _store(lists, now)
        written += len(lists)
    return written


def _store(lists: dict[int, list[int]], now: datetime) -> None:
    """Write many related lists at once: one UPDATE from arrays on PostgreSQL."""
    if connection.vendor != "postgresql":
        updates = [Question(pk=pk, related_ids=ids, related_at=now) for pk, ids in lists.items()]
        Question.objects.bulk_update(updates, ["related_ids", "related_at"])
        return
    with connection.cursor() as cursor:
        cursor.execute(
            """
            UPDATE forum_question q SET related_ids = v.ids::jsonb, related_at = %s
            FROM unnest(%s::bigint[], %s::text[]) AS v(id, ids)
            WHERE q.id = v.id
            """,
            [now, list(lists), [json.dumps(ids) for ids in lists.values()]],
        )
