"""A post's revision history."""

from dataclasses import dataclass

from django.shortcuts import get_object_or_404

from accounts.models import User
from forum.identity import AuthorCard, editor_card
from forum.models import Answer, Question, Revision
from forum.rules import can_rollback


def revision_get_or_404(*, pk: int) -> Revision:
    return get_object_or_404(Revision, pk=pk)


@dataclass(frozen=True)
class RevisionEntry:
    revision: Revision
    editor: AuthorCard
    can_roll_back: bool  # may the viewer roll the post back to this revision?


def revision_history(*, post: Question | Answer, viewer: User) -> list[RevisionEntry]:
    """Every revision, oldest first. An anonymous author's own edits stay anonymous."""
    revisions = list(post.revisions.select_related("editor", "level").order_by("number"))
    entries = []
    for index, revision in enumerate(revisions):
        card = editor_card(revision, post, viewer)
        later = {r.editor_id for r in revisions[index + 1 :]}
        allowed = can_rollback(viewer, post, later)
        entries.append(RevisionEntry(revision, card, allowed))
    return entries
