"""Asking and editing questions; counting their readers; keeping related questions fresh."""

import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag

from accounts.models import User
from core.memo import Recently
from core.rules import require
from core.text import one_line
from forum import edits, freshness, related, tallies
from forum.markdown import excerpt, render_markdown
from forum.models import Question, TaggedQuestion
from forum.rules import can_ask, can_edit
from forum.search.index import index_question
from forum.services.follows import follow_create
from forum.services.posting import create_once, edited, existing, record_revision
from forum.tasks import refresh_related
from ladder.models import Level


def question_slug(title: str) -> str:
    """The slug in a question's address, from its title."""
    return slugify(title)[:150].strip("-") or "question"


def tag_new_question(question: Question, names: list[str]) -> set[int]:
    """Attach tags to a question that has none yet: one query for the known tags and one
    insert for the links, where taggit's `set` would spend a few queries per tag."""
    ids = dict(Tag.objects.filter(name__in=names).values_list("name", "pk"))
    for name in names:
        if name not in ids:  # a new tag: rare, and possibly created at this moment by another
            ids[name] = Tag.objects.get_or_create(name=name, defaults={"slug": name})[0].pk
    TaggedQuestion.objects.bulk_create(
        TaggedQuestion(content_object=question, tag_id=pk) for pk in ids.values()
    )
    return set(ids.values())


def related_later(question_id: int) -> None:
    """Related questions are computed by the task worker once the question is committed."""
    transaction.on_commit(lambda: refresh_related.enqueue(question_id))


@transaction.atomic
def question_create(
    *,
    author: User,
    title: str,
    body: str,
    level: Level,
    tags: list[str],
    is_anonymous: bool = False,
    client_token: uuid.UUID | None = None,
) -> Question:
    require(can_ask, author)
    if found := existing(Question, author, client_token):
        return found
    now = timezone.now()
    body_html = render_markdown(body)
    question, created = create_once(
        Question,
        author=author,
        title=one_line(title),
        slug=question_slug(title),
        body=body,
        body_html=body_html,
        excerpt=excerpt(body_html),
        level=level,
        is_anonymous=is_anonymous,
        author_band=author.band,
        created_at=now,
        last_activity_at=now,
        client_token=client_token,
    )
    if not created:  # the same form, submitted twice at once
        return question
    new_tag_ids = tag_new_question(question, tags)
    record_revision(question, editor=author, reason="", first=True, tags=tags)
    tallies.question_counted(level_id=level.pk, tag_ids=new_tag_ids, step=1)
    index_question(question.pk)
    related_later(question.pk)
    freshness.lists_changed()
    follow_create(follower=author, target=question)  # the asker hears about its answers
    return question


@transaction.atomic
def question_edit(
    *,
    question: Question,
    editor: User,
    title: str,
    body: str,
    level: Level,
    tags: list[str],
    reason: str = "",
    base_revision: int | None = None,
) -> Question:
    # Lock the row: concurrent edits take turns, so revision numbers never collide, and the
    # rule is checked against the post as it is now (it may have been locked meanwhile).
    question = Question.objects.select_for_update().get(pk=question.pk)
    require(can_edit, editor, question)
    edits.check_base(question, base_revision)  # saved over by someone else: EditConflict
    return question_revise(
        question=question,
        editor=editor,
        title=title,
        body=body,
        level=level,
        tags=tags,
        reason=reason,
    )


def question_revise(
    *,
    question: Question,
    editor: User,
    title: str,
    body: str,
    level: Level,
    tags: list[str],
    reason: str,
) -> Question:
    """Save new words on a question, locked by the caller, as a revision by `editor`. The
    caller has checked who may (question_edit; an accepted suggested edit, which credits its
    suggester: forum.services.revisions.suggestion_apply)."""
    now = timezone.now()
    body_html = render_markdown(body)
    old_level, old_tags = question.level_id, tallies.tag_ids_of(question)
    Question.objects.filter(pk=question.pk).update(
        title=one_line(title),
        slug=question_slug(title),
        body=body,
        body_html=body_html,
        excerpt=excerpt(body_html),
        level=level,
        edited_at=now,
        last_activity_at=now,
    )
    question.refresh_from_db()
    question.tags.set(tags)
    new_tags = tallies.tag_ids_of(question)
    if not question.is_hidden:
        level_moved = old_level != question.level_id
        tallies.question_counted(
            level_id=old_level if level_moved else None, tag_ids=old_tags - new_tags, step=-1
        )
        tallies.question_counted(
            level_id=question.level_id if level_moved else None,
            tag_ids=new_tags - old_tags,
            step=1,
        )
    record_revision(question, editor=editor, reason=reason)
    edited(question, editor=editor, reason=reason)
    index_question(question.pk)
    if old_level != question.level_id or old_tags != new_tags:
        related_later(question.pk)
    freshness.thread_changed(question.pk)
    return question


VIEW_WINDOW = 60 * 60  # a visitor counts once per question per hour
# Views this process already settled: its own records (for the hour), and the ones the shared
# cache said were counted (for a minute, as their hour may end sooner). A reader refreshing a
# page then costs no round trip to the cache.
views_settled: Recently[bool] = Recently(50_000)


def question_record_view(*, question_id: int, visitor: str) -> bool:
    """Count a view once per visitor per hour; refreshing the page does not inflate it. The
    count changes no generation: cached pages show it as it was when they were built."""
    key = f"forum:viewed:{question_id}:{visitor}"
    if key in views_settled:
        return False
    if not cache.add(key, True, timeout=VIEW_WINDOW):
        views_settled.remember(key, 60)
        return False
    views_settled.remember(key, VIEW_WINDOW)
    return bool(Question.objects.filter(pk=question_id).update(view_count=F("view_count") + 1))


def related_refresh_if_stale(*, question: Question) -> bool:
    """Ask the worker to recompute related questions that are missing or old (new questions
    appear in older ones' lists this way); at most once an hour per question."""
    if not related.is_stale(question):
        return False
    if not cache.add(f"forum:related-queued:{question.pk}", True, timeout=60 * 60):
        return False
    related_later(question.pk)
    return True
