"""Rolling a post back to an earlier revision: history only grows."""

from django.db import transaction

from accounts.models import User
from core.rules import require
from forum.models import Answer, Question, Revision, SuggestedEdit
from forum.rules import can_rollback
from forum.services.answers import answer_edit, answer_revise
from forum.services.questions import question_edit, question_revise


@transaction.atomic
def post_rollback(
    *, post: Question | Answer, revision: Revision, editor: User, reason: str = ""
) -> Question | Answer:
    """Bring back an earlier revision's text, as a new revision. Authors roll back their own
    edits; a moderator's edit is rolled back by moderators (forum.rules.can_rollback)."""
    if revision.post_key != (post.kind, post.pk):
        raise ValueError("That revision belongs to another post.")
    later = set(
        post.revisions.filter(number__gt=revision.number).values_list("editor_id", flat=True)
    )
    require(can_rollback, editor, post, later)
    reason = reason or f"Rolled back to revision {revision.number}"
    if post.kind == "question":
        return question_edit(
            question=post,
            editor=editor,
            title=revision.title,
            body=revision.body,
            level=revision.level or post.level,
            tags=revision.tags or list(post.tags.names()),
            reason=reason,
        )
    return answer_edit(answer=post, editor=editor, body=revision.body, reason=reason)


def suggestion_apply(*, post: Question | Answer, suggestion: SuggestedEdit) -> Revision:
    """Save an accepted suggested edit's words on `post` (locked by the caller, who checked
    the reviewer: forum.services.suggestions.suggestion_accept) as a new revision credited to
    the person who suggested it. The post keeps its level and its anonymity."""
    if post.kind == "question":
        question_revise(
            question=post,
            editor=suggestion.suggester,
            title=suggestion.title,
            body=suggestion.body,
            level=post.level,
            tags=suggestion.tags,
            reason=suggestion.reason,
        )
    else:
        answer_revise(
            answer=post, editor=suggestion.suggester, body=suggestion.body, reason=suggestion.reason
        )
    return post.revisions.order_by("-number").first()
