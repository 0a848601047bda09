"""`seed_scale --check`: a seeded forum against what the application's own code computes.

Samples questions, answers, comments and people and re-derives each stored value with the
app's functions (rendering, excerpts, slugs, search documents, related lists, the anonymity
rule) or from the rows themselves (counters); whole-table rules (tallies, reputation, one
accepted answer, no self-votes, anonymous notifications) are checked on every row.

`last_activity_at` follows the services: creating an answer or a comment, or editing a post,
moves it; hiding something later does not move it back, so hidden rows count too.
"""

import time
from collections import defaultdict
from random import Random

from django.contrib.auth.hashers import is_password_usable
from django.db.models import Count, F, Max, Min, Q, Sum

from accounts.bands import band_for_level_code
from accounts.models import User
from core.text import one_line
from forum import identity, related, reputation, tallies
from forum.markdown import excerpt, render_inline, render_markdown
from forum.models import Answer, Comment, Notification, Question, Revision, Vote
from forum.search.index import fresh_document, stored_document
from forum.services.questions import question_slug
from forum.services.visibility import AUTHOR_DELETED
from moderation.audit import Action
from moderation.models import MODERATORS_GROUP, AuditEntry
from seeding.vocabulary import EMAIL_DOMAINS


def run(*, sample: int, seed: int) -> tuple[list[str], float]:
    started = time.perf_counter()
    rng = Random(f"rungs-check:{seed}")  # noqa: S311 - choosing rows to look at
    problems = [
        *_questions(_sample(Question, sample, rng)),
        *_answers(_sample(Answer, sample, rng)),
        *_comments(_sample(Comment, sample, rng)),
        *_people(_sample(User, sample, rng)),
        *_everywhere(),
    ]
    return problems, time.perf_counter() - started


def _sample(model, size: int, rng: Random) -> list[int]:
    """Up to `size` existing ids, drawn from the id range (seeded ids have no gaps)."""
    bounds = model.objects.aggregate(low=Min("pk"), high=Max("pk"))
    if bounds["low"] is None:
        return []
    ids = range(bounds["low"], bounds["high"] + 1)
    picks = rng.sample(ids, min(size, len(ids)))
    return sorted(model.objects.filter(pk__in=picks).values_list("pk", flat=True))


def _post(where: str, post, votes: dict, comments: dict) -> list[str]:
    """What questions and answers share: HTML, score, comment count, band, visibility."""
    wrong = []
    if post.body_html != render_markdown(post.body):
        wrong.append(f"{where}: body_html is not render_markdown(body)")
    if post.score != votes.get(post.pk, 0):
        wrong.append(f"{where}: score {post.score}, votes sum to {votes.get(post.pk, 0)}")
    if post.comment_count != comments.get(post.pk, 0):
        wrong.append(
            f"{where}: comment_count {post.comment_count}, {comments.get(post.pk, 0)} visible"
        )
    return wrong + _contribution(where, post)


def _contribution(where: str, c) -> list[str]:
    wrong = []
    if c.author_band != c.author.band:
        wrong.append(f"{where}: author_band {c.author_band!r}, author's {c.author.band!r}")
    if c.is_hidden != (c.hidden_at is not None) or c.is_hidden != bool(c.hidden_by_id):
        wrong.append(f"{where}: is_hidden, hidden_at and hidden_by disagree")
    if c.is_hidden and c.hidden_by_id == c.author_id:
        if c.hidden_reason != AUTHOR_DELETED:
            wrong.append(f"{where}: deleted by its author, but the reason is {c.hidden_reason!r}")
    elif c.is_hidden:
        logged = AuditEntry.objects.filter(
            action=Action.HIDE, target_kind=c.kind, target_id=c.pk, actor_id=c.hidden_by_id
        )
        if not (c.hidden_by.is_moderator and logged.exists()):
            wrong.append(f"{where}: hidden by someone who is no moderator, or not in the log")
    return wrong


def _revisions(where: str, post, extra: dict) -> list[str]:
    revisions = list(post.revisions.order_by("number"))
    if not revisions or revisions[0].number != 1:
        return [f"{where}: no revision 1"]
    last = revisions[-1]
    state = {"body": last.body, **{key: getattr(last, key) for key in extra}}
    if state != {"body": post.body, **extra}:
        return [f"{where}: the latest revision is not the post as it stands"]
    return []


def _per(queryset, key: str, aggregate) -> dict:
    """{key: aggregate} over `queryset`, grouped by `key`."""
    return dict(queryset.values_list(key).annotate(aggregate).order_by())


def _questions(ids: list[int]) -> list[str]:
    votes = _per(Vote.objects.filter(question_id__in=ids), "question_id", Sum("value"))
    comments = _per(
        Comment.objects.visible().filter(question_id__in=ids), "question_id", Count("id")
    )
    answers = _per(Answer.objects.visible().filter(question_id__in=ids), "question_id", Count("id"))
    latest = _latest_activity(ids)
    wrong = []
    for q in Question.objects.filter(pk__in=ids).select_related("author", "hidden_by"):
        where = f"question {q.pk}"
        wrong += _post(where, q, votes, comments)
        if q.excerpt != excerpt(q.body_html):
            wrong.append(f"{where}: excerpt is not excerpt(body_html)")
        if q.slug != question_slug(q.title) or q.title != one_line(q.title):
            wrong.append(f"{where}: slug or title is not what question_create stores")
        if q.answer_count != answers.get(q.pk, 0):
            wrong.append(f"{where}: answer_count {q.answer_count}, {answers.get(q.pk, 0)} visible")
        if q.last_activity_at != latest[q.pk]:
            wrong.append(f"{where}: last_activity_at {q.last_activity_at}, rows say {latest[q.pk]}")
        if stored_document(q.pk) != fresh_document(q.pk):
            wrong.append(f"{where}: the stored search document is not what a rebuild stores")
        if q.related_ids != related.related_for(q):
            wrong.append(
                f"{where}: related_ids {q.related_ids}, related_for {related.related_for(q)}"
            )
        tags = sorted(q.tags.names())
        wrong += _revisions(where, q, {"title": q.title, "tags": tags, "level_id": q.level_id})
    return wrong


def _latest_activity(ids: list[int]) -> dict:
    """Per question: its creation, edits, and every answer's and comment's creation or edit."""
    latest = {
        pk: max(filter(None, moments))
        for pk, *moments in Question.objects.filter(pk__in=ids).values_list(
            "pk", "created_at", "edited_at"
        )
    }
    rows = [
        Answer.objects.filter(question_id__in=ids)
        .values_list("question_id")
        .annotate(Max("created_at"), Max("edited_at")),
        Comment.objects.filter(question_id__in=ids)
        .values_list("question_id")
        .annotate(Max("created_at")),
        Comment.objects.filter(answer__question_id__in=ids)
        .values_list("answer__question_id")
        .annotate(Max("created_at")),
    ]
    for queryset in rows:
        for pk, *moments in queryset:
            latest[pk] = max([latest[pk], *filter(None, moments)])
    return latest


def _answers(ids: list[int]) -> list[str]:
    votes = _per(Vote.objects.filter(answer_id__in=ids), "answer_id", Sum("value"))
    comments = _per(Comment.objects.visible().filter(answer_id__in=ids), "answer_id", Count("id"))
    told = set(
        Notification.objects.filter(kind="answer", answer_id__in=ids).values_list(
            "answer_id", flat=True
        )
    )
    wrong = []
    rows = list(Answer.objects.filter(pk__in=ids).select_related("author", "hidden_by", "question"))
    anonymous = _anonymous_answers({(a.question_id, a.author_id) for a in rows})
    for a in rows:
        where = f"answer {a.pk}"
        wrong += _post(where, a, votes, comments) + _revisions(where, a, {})
        earlier = [b for b in anonymous[a.question_id, a.author_id] if b.pk < a.pk]
        speaks_anonymously = identity.speaks_anonymously(a.author, a.question, answers=earlier)
        if speaks_anonymously and not a.is_anonymous:
            wrong.append(f"{where}: someone anonymous in the thread answered under their name")
        if (a.pk in told) != (a.author_id != a.question.author_id):
            wrong.append(f"{where}: the asker's notification is missing or should not exist")
        if a.created_at < a.question.created_at:
            wrong.append(f"{where}: created before its question")
    return wrong


def _anonymous_answers(pairs: set[tuple[int, int]]) -> defaultdict[tuple[int, int], list]:
    """The anonymous answers of each (question, author) pair, in one query."""
    found = defaultdict(list)
    answers = Answer.objects.filter(
        is_anonymous=True,
        question_id__in={q for q, _ in pairs},
        author_id__in={a for _, a in pairs},
    ).only("pk", "question_id", "author_id", "is_anonymous", "created_at")
    for answer in answers:
        if (answer.question_id, answer.author_id) in pairs:
            found[answer.question_id, answer.author_id].append(answer)
    return found


def _comments(ids: list[int]) -> list[str]:
    told = set(
        Notification.objects.filter(kind="comment", comment_id__in=ids).values_list(
            "comment_id", flat=True
        )
    )
    wrong = []
    rows = list(
        Comment.objects.filter(pk__in=ids).select_related(
            "author", "hidden_by", "question", "answer__question"
        )
    )
    threads = {c.pk: c.question or c.answer.question for c in rows}
    anonymous = _anonymous_answers({(threads[c.pk].pk, c.author_id) for c in rows})
    for c in rows:
        where, post = f"comment {c.pk}", c.question or c.answer
        if c.body != one_line(c.body) or c.body_html != render_inline(c.body):
            wrong.append(f"{where}: body or body_html is not what comment_create stores")
        question = threads[c.pk]
        earlier = [a for a in anonymous[question.pk, c.author_id] if a.created_at <= c.created_at]
        if c.is_anonymous != identity.speaks_anonymously(c.author, question, answers=earlier):
            wrong.append(f"{where}: is_anonymous breaks the thread's anonymity rule")
        if (c.pk in told) != (c.author_id != post.author_id):
            wrong.append(f"{where}: the post author's notification is missing or should not exist")
        if c.created_at < post.created_at:
            wrong.append(f"{where}: created before its post")
        wrong += _contribution(where, c)
    return wrong


def _people(ids: list[int]) -> list[str]:
    wrong = []
    for user in User.objects.filter(pk__in=ids).prefetch_related("emailaddress_set"):
        where = f"user {user.pk}"
        derived = band_for_level_code(user.level_code)
        if not user.band_overridden and user.band != (derived.value if derived else ""):
            wrong.append(
                f"{where}: band {user.band!r} does not follow level code {user.level_code!r}"
            )
        addresses = [(e.email, e.verified, e.primary) for e in user.emailaddress_set.all()]
        if user.email != user.email.lower() or (user.email, True, True) not in addresses:
            wrong.append(f"{where}: no verified primary lower-case e-mail address")
        if is_password_usable(user.password) and user.email.split("@")[-1] in EMAIL_DOMAINS:
            wrong.append(f"{where}: a seeded person has a usable password")
    return wrong


def _everywhere() -> list[str]:
    wrong = list(tallies.differences())
    counted = reputation.recount()
    for pk, points in User.objects.values_list("pk", "reputation").iterator(chunk_size=5_000):
        if points != counted.get(pk, 0):
            wrong.append(f"user {pk}: reputation {points}, recount says {counted.get(pk, 0)}")
    twice = (
        Answer.objects.filter(is_accepted=True)
        .values("question_id")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
    )
    wrong += [f"question {row['question_id']}: {row['n']} accepted answers" for row in twice]
    for kind in ("question", "answer"):
        if Vote.objects.filter(**{f"{kind}__author_id": F("user_id")}).exists():
            wrong.append(f"someone voted on their own {kind}")
    acting = {"answer": "answer", "comment": "comment", "accepted": "question"}
    for kind, post in acting.items():
        anonymous = f"{post}__is_anonymous"
        mismatched = Notification.objects.filter(kind=kind).filter(
            Q(actor__isnull=True, **{anonymous: False})
            | Q(actor__isnull=False, **{anonymous: True})
        )
        if mismatched.exists():
            wrong.append(f"{kind} notifications: an actor is stored exactly when it should not be")
    moderators = set(User.objects.filter(is_moderator=True).values_list("pk", flat=True))
    if moderators != set(
        User.objects.filter(groups__name=MODERATORS_GROUP).values_list("pk", flat=True)
    ):
        wrong.append("is_moderator and the Moderators group disagree")
    if (
        Revision.objects.filter(number=1).count()
        != Question.objects.count() + Answer.objects.count()
    ):
        wrong.append("not every question and answer has exactly one revision 1")
    return wrong
