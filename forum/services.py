"""Every write to the forum. Views parse input, call one of these, and render the result.

Rules about *who* may act are the functions in forum.permissions; services call them too, so
no code path can skip a rule. Counters move with F() expressions inside the same transaction.
"""

import uuid
from dataclasses import dataclass

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, Max, Model
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag

from accounts.models import User
from core.memo import Recently
from forum import edits, freshness, permissions, related, reputation, search, tallies
from forum.markdown import excerpt, render_inline, render_markdown
from forum.models import (
    Answer,
    Comment,
    Notification,
    Question,
    Revision,
    TaggedQuestion,
    Vote,
    post_link,
    thread_of,
)
from forum.notifications import notify, unread_changed_about
from forum.permissions import require
from forum.tasks import refresh_related
from forum.text import one_line
from ladder.models import Level


def _existing[M: Model](model: type[M], author: User, client_token: uuid.UUID | None) -> M | None:
    """The post this very form already created, if it was submitted twice."""
    if client_token is None:
        return None
    return model.objects.filter(author=author, client_token=client_token).first()


def _create_once[M: Model](model: type[M], **values) -> M:
    """Insert, or return the row a concurrent double submit of the same form just inserted."""
    try:
        with transaction.atomic():
            return model.objects.create(**values)
    except IntegrityError:
        existing = _existing(model, values["author"], values.get("client_token"))
        if existing is None:
            raise
        return existing


def _slug(title: str) -> str:
    return slugify(title)[:150].strip("-") or "question"


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
    require(permissions.can_ask, author)
    if existing := _existing(Question, author, client_token):
        return existing
    now = timezone.now()
    body_html = render_markdown(body)
    question = _create_once(
        Question,
        author=author,
        title=one_line(title),
        slug=_slug(title),
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
    if question.revisions.exists():  # a resubmit of the same form
        return question
    tag_ids = _tag_new_question(question, tags)
    Revision.objects.create(
        question=question,
        number=1,
        title=question.title,
        body=body,
        tags=sorted(set(tags)),
        level=level,
        editor=author,
        reason="",
    )
    tallies.question_counted(level_id=level.pk, tag_ids=tag_ids, step=1)
    search.index_question(question.pk)
    _related_later(question.pk)
    freshness.lists_changed()
    return question


def _tag_new_question(question: Question, names: list[str]) -> set[int]:
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


def _tag_ids(question: Question) -> set[int]:
    return set(
        TaggedQuestion.objects.filter(content_object=question).values_list("tag_id", flat=True)
    )


def _related_later(question_id: int) -> None:
    """Related questions are computed by the task worker once the question is committed."""
    transaction.on_commit(lambda: refresh_related.enqueue(question_id))


def _record_revision(post: Question | Answer, *, editor: User, reason: str) -> Revision:
    """Save the post's current state as its next revision."""
    number = (post.revisions.aggregate(last=Max("number"))["last"] or 0) + 1
    extra = {}
    if post.kind == "question":
        extra = {"title": post.title, "tags": sorted(post.tags.names()), "level": post.level}
    return Revision.objects.create(
        number=number,
        body=post.body,
        editor=editor,
        reason=reason.strip(),
        **extra,
        **post_link(post),
    )


def _audit_edit(post: Question | Answer, editor: User, reason: str, action: str) -> None:
    """Edits by someone other than the author are moderator actions, so they are logged."""
    if editor.pk != post.author_id:
        from moderation.audit import record

        record(actor=editor, action=action, target=post, reason=reason)


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
    require(permissions.can_edit, editor, question)
    edits.check_base(question, base_revision)  # saved over by someone else: EditConflict
    now = timezone.now()
    body_html = render_markdown(body)
    old_level, old_tags = question.level_id, _tag_ids(question)
    Question.objects.filter(pk=question.pk).update(
        title=one_line(title),
        slug=_slug(title),
        body=body,
        body_html=body_html,
        excerpt=excerpt(body_html),
        level=level,
        edited_at=now,
        last_activity_at=now,
    )
    question.refresh_from_db()
    question.tags.set(tags)
    new_tags = _tag_ids(question)
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
    _record_revision(question, editor=editor, reason=reason)
    _audit_edit(question, editor, reason, "edit")
    search.index_question(question.pk)
    if old_level != question.level_id or old_tags != new_tags:
        _related_later(question.pk)
    freshness.thread_changed(question.pk)
    return question


def _speaks_anonymously(author: User, post: Question | Answer) -> bool:
    """Whoever posted anonymously stays anonymous in that thread: their answers to their own
    question and their comments on it, or on their own answer, cannot reveal them."""
    question = post if isinstance(post, Question) else post.question
    return any(p.is_anonymous and p.author_id == author.pk for p in (post, question))


@transaction.atomic
def answer_create(
    *,
    author: User,
    question: Question,
    body: str,
    is_anonymous: bool = False,
    client_token: uuid.UUID | None = None,
) -> Answer:
    require(permissions.can_answer, author, question)
    if existing := _existing(Answer, author, client_token):
        return existing
    now = timezone.now()
    answer = _create_once(
        Answer,
        author=author,
        question=question,
        body=body,
        body_html=render_markdown(body),
        is_anonymous=is_anonymous or _speaks_anonymously(author, question),
        author_band=author.band,
        created_at=now,
        client_token=client_token,
    )
    if answer.revisions.exists():  # a resubmit of the same form
        return answer
    _record_revision(answer, editor=author, reason="")
    Question.objects.filter(pk=question.pk).update(
        answer_count=F("answer_count") + 1, last_activity_at=now
    )
    search.index_answer_added(question_id=question.pk, body_html=answer.body_html)
    freshness.thread_changed(question.pk)
    notify(
        recipient=question.author,
        kind=Notification.Kind.ANSWER,
        actor_post=answer,
        question=question,
        answer=answer,
    )
    return answer


@transaction.atomic
def answer_edit(
    *, answer: Answer, editor: User, body: str, reason: str = "", base_revision: int | None = None
) -> Answer:
    answer = (
        Answer.objects.select_for_update(of=("self",)).select_related("question").get(pk=answer.pk)
    )  # as in question_edit: one edit at a time, checked against the current state
    require(permissions.can_edit, editor, answer)
    edits.check_base(answer, base_revision)
    now = timezone.now()
    Answer.objects.filter(pk=answer.pk).update(
        body=body, body_html=render_markdown(body), edited_at=now
    )
    Question.objects.filter(pk=answer.question_id).update(last_activity_at=now)
    answer.refresh_from_db()
    _record_revision(answer, editor=editor, reason=reason)
    _audit_edit(answer, editor, reason, "edit")
    search.index_question(answer.question_id)
    freshness.thread_changed(answer.question_id)
    return answer


@transaction.atomic
def post_rollback(
    *, post: Question | Answer, revision: Revision, editor: User, reason: str = ""
) -> Question | Answer:
    """Bring back an earlier revision's text, as a new revision: history only grows."""
    owner = (
        ("question", revision.question_id)
        if revision.question_id
        else ("answer", revision.answer_id)
    )
    if owner != (post.kind, post.pk):
        raise ValueError("That revision belongs to another post.")
    later = set(
        post.revisions.filter(number__gt=revision.number).values_list("editor_id", flat=True)
    )
    require(permissions.can_rollback, editor, post, later)
    reason = reason or f"Rolled back to revision {revision.number}"
    if post.kind == "question":
        post = question_edit(
            question=post,
            editor=editor,
            title=revision.title,
            body=revision.body,
            level=revision.level or post.level,
            tags=revision.tags or list(post.tags.names()),
            reason=reason,
        )
    else:
        post = answer_edit(answer=post, editor=editor, body=revision.body, reason=reason)
    return post


@transaction.atomic
def visibility_set(
    *, item: Question | Answer | Comment, hidden: bool, by: User | None, reason: str
) -> bool:
    """Hide or show a question, answer or comment: the one place that keeps counters and the
    search index in step with visibility. Returns False when nothing changed."""
    model = type(item)
    changed = model.objects.filter(pk=item.pk, is_hidden=not hidden).update(
        is_hidden=hidden,
        hidden_at=timezone.now() if hidden else None,
        hidden_by=by if hidden else None,
        hidden_reason=reason.strip()[:300] if hidden else "",
    )
    if not changed:
        return False
    step = -1 if hidden else 1
    if item.kind == "question":
        tallies.question_counted(level_id=item.level_id, tag_ids=_tag_ids(item), step=step)
    elif item.kind == "answer":
        Question.objects.filter(pk=item.question_id).update(answer_count=F("answer_count") + step)
    else:
        post_model, post_id = (
            (Question, item.question_id) if item.question_id else (Answer, item.answer_id)
        )
        post_model.objects.filter(pk=post_id).update(comment_count=F("comment_count") + step)
    if item.kind != "comment":
        search.index_question(item.pk if item.kind == "question" else item.question_id)
    item.refresh_from_db()
    freshness.thread_changed(thread_of(item).pk)
    unread_changed_about(item)
    return True


@transaction.atomic
def post_delete(*, user: User, item: Question | Answer | Comment) -> None:
    """Authors delete their own posts. Nothing is removed: the item is hidden, and a
    moderator can restore it."""
    require(permissions.can_delete, user, item)
    visibility_set(item=item, hidden=True, by=user, reason="Deleted by its author")


@transaction.atomic
def comment_create(
    *,
    author: User,
    post: Question | Answer,
    body: str,
    client_token: uuid.UUID | None = None,
) -> Comment:
    require(permissions.can_comment, author, post)
    if existing := _existing(Comment, author, client_token):
        return existing
    question = post if isinstance(post, Question) else post.question
    now = timezone.now()
    comment = _create_once(
        Comment,
        author=author,
        body=one_line(body),
        body_html=render_inline(body),
        is_anonymous=_speaks_anonymously(author, post),
        author_band=author.band,
        created_at=now,
        client_token=client_token,
        **post_link(post),
    )
    type(post).objects.filter(pk=post.pk).update(comment_count=F("comment_count") + 1)
    Question.objects.filter(pk=question.pk).update(last_activity_at=now)
    freshness.thread_changed(question.pk)
    notify(
        recipient=post.author,
        kind=Notification.Kind.COMMENT,
        actor_post=comment,
        question=question,
        answer=post if isinstance(post, Answer) else None,
        comment=comment,
    )
    return comment


@dataclass(frozen=True)
class VoteOutcome:
    score: int
    value: int  # the person's vote now: 1, -1, or 0 for none


@transaction.atomic
def vote_cast(*, user: User, post: Question | Answer, value: int) -> VoteOutcome:
    """Upvote or downvote. The same vote again retracts it; the other one switches it."""
    if value not in (Vote.Value.UP, Vote.Value.DOWN):
        raise ValueError("A vote is +1 or -1.")
    require(permissions.can_vote, user, post)
    link = post_link(post)
    vote, created = _vote_row(user, link, value)
    old = 0 if created else vote.value
    new = value if created or vote.value != value else Vote.Value.NONE
    if not created:
        Vote.objects.filter(pk=vote.pk).update(value=new, updated_at=timezone.now())
    model = type(post)
    model.objects.filter(pk=post.pk).update(score=F("score") + (new - old))
    if reputation.counts_for_reputation(post):
        change = reputation.for_vote(post.kind, new) - reputation.for_vote(post.kind, old)
        User.objects.filter(pk=post.author_id).update(reputation=F("reputation") + change)
    score = model.objects.values_list("score", flat=True).get(pk=post.pk)
    # A question's score shows in lists; an answer's only on its page.
    freshness.thread_changed(thread_of(post).pk, lists=post.kind == "question")
    return VoteOutcome(score=score, value=int(new))


def _vote_row(user: User, link: dict, value: int) -> tuple[Vote, bool]:
    """The person's vote row, locked; created with `value` if they never voted here."""
    vote = Vote.objects.select_for_update().filter(user=user, **link).first()
    if vote is not None:
        return vote, False
    try:
        with transaction.atomic():
            return Vote.objects.create(user=user, value=value, **link), True
    except IntegrityError:  # a concurrent first vote won the race; treat ours as a second click
        return Vote.objects.select_for_update().get(user=user, **link), False


def _set_accepted(answer: Answer, accepted: bool) -> None:
    Answer.objects.filter(pk=answer.pk).update(is_accepted=accepted)
    if reputation.accept_counts(answer):
        change = reputation.ACCEPTED if accepted else -reputation.ACCEPTED
        User.objects.filter(pk=answer.author_id).update(reputation=F("reputation") + change)


@transaction.atomic
def answer_accept(*, user: User, answer: Answer) -> Answer:
    """The asker accepts an answer; accepting another one moves the mark. Idempotent."""
    Question.objects.select_for_update().get(pk=answer.question_id)  # one accept at a time
    answer = Answer.objects.select_related("question").get(pk=answer.pk)
    require(permissions.can_accept, user, answer)
    if answer.is_accepted:
        return answer
    for previous in Answer.objects.filter(question_id=answer.question_id, is_accepted=True):
        _set_accepted(previous, False)
    _set_accepted(answer, True)
    freshness.thread_changed(answer.question_id, lists=False)
    notify(
        recipient=answer.author,
        kind=Notification.Kind.ACCEPTED,
        actor_post=answer.question,
        question=answer.question,
        answer=answer,
    )
    answer.is_accepted = True
    return answer


@transaction.atomic
def answer_unaccept(*, user: User, answer: Answer) -> Answer:
    Question.objects.select_for_update().get(pk=answer.question_id)
    answer = Answer.objects.select_related("question").get(pk=answer.pk)
    require(permissions.can_accept, user, answer)
    if answer.is_accepted:
        _set_accepted(answer, False)
        answer.is_accepted = False
        freshness.thread_changed(answer.question_id, lists=False)
    return answer


VIEW_WINDOW = 60 * 60  # a visitor counts once per question per hour
# Views this process already settled: its own records (for the hour), and the ones the shared
# cache said were counted (for a minute, as their hour may end sooner). A reader refreshing a
# page then costs no round trip to the cache.
views_settled = Recently(max_items=50_000)


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
    _related_later(question.pk)
    return True


@transaction.atomic
def reputation_recompute() -> int:
    """Recount everyone's reputation from votes and accepts; returns how many changed. The
    recount is a few grouped queries; only the people whose figure moved are written."""
    totals = reputation.recount()
    changed = [
        User(pk=pk, reputation=totals.get(pk, 0))
        for pk, points in User.objects.values_list("pk", "reputation").iterator(chunk_size=5000)
        if points != totals.get(pk, 0)
    ]
    User.objects.bulk_update(changed, ["reputation"], batch_size=1000)
    return len(changed)
