"""What the forum holds that a person gave it, for their own export (privacy.selectors).

Everything they wrote, anonymous or not, shown or hidden, and every vote they cast: this is
read for the person themselves only, so an anonymous post is included and marked as such.
A fixed number of queries, however much they wrote.
"""

from django.urls import reverse

from accounts.models import User
from forum.models import Answer, BadgeAward, Comment, Follow, Question, Vote


def _contribution(item) -> dict:
    return {
        "id": item.pk,
        "url": item.get_absolute_url(),
        "anonymous": item.is_anonymous,
        "hidden": item.is_hidden,
        "created_at": item.created_at,
    }


def personal_data(*, person: User) -> dict:
    questions = (
        Question.objects.filter(author=person)
        .select_related("level")
        .prefetch_related("tags")
        .order_by("created_at", "id")
    )
    answers = Answer.objects.filter(author=person).order_by("created_at", "id")
    comments = (
        Comment.objects.filter(author=person).select_related("answer").order_by("created_at", "id")
    )
    votes = Vote.objects.filter(user=person).select_related("answer").order_by("created_at", "id")
    return {
        "questions": [
            {
                **_contribution(q),
                "title": q.title,
                "body": q.body,
                "level": q.level.slug,
                "tags": sorted(tag.name for tag in q.tags.all()),
                "score": q.score,
                "edited_at": q.edited_at,
            }
            for q in questions
        ],
        "answers": [
            {
                **_contribution(a),
                "question_id": a.question_id,
                "body": a.body,
                "score": a.score,
                "accepted": a.is_accepted,
                "accepted_at": a.accepted_at,
                "edited_at": a.edited_at,
            }
            for a in answers
        ],
        "comments": [
            {
                **_contribution(c),
                "on": "question" if c.question_id else "answer",
                "on_id": c.question_id or c.answer_id,
                "body": c.body,
            }
            for c in comments
        ],
        "votes": [
            {
                "on": "question" if v.question_id else "answer",
                "on_id": v.question_id or v.answer_id,
                "url": v.answer.get_absolute_url() if v.answer_id else _question_url(v),
                "value": v.value,
                "meaning": v.get_value_display(),
                "created_at": v.created_at,
                "updated_at": v.updated_at,
            }
            for v in votes
        ],
        "badges": [
            {
                "badge": award.badge,
                "name": award.get_badge_display(),
                "awarded_at": award.awarded_at,
                "for_question_id": award.question_id,
                "for_answer_id": award.answer_id,
            }
            for award in BadgeAward.objects.filter(user=person).order_by("awarded_at", "id")
        ],
        "follows": [
            {
                "kind": f.target_kind,
                "question_id": f.question_id,
                "tag": f.tag.name if f.tag_id else None,
                "level": f.level.slug if f.level_id else None,
                "since": f.created_at,
            }
            for f in Follow.objects.filter(follower=person)
            .select_related("tag", "level")
            .order_by("created_at", "id")
        ],
    }


def _question_url(vote: Vote) -> str:
    return reverse("forum:question_short", kwargs={"pk": vote.question_id})
