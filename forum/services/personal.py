"""What the forum erases when a person deletes their account (privacy.services.account_delete
composes every app's part).

Their posts stay, under "Deleted member" (forum/identity.py reads `User.is_erased`), so that
threads keep making sense; votes stay, so scores and reputation do not move. What goes is what
was only ever about them: the notifications addressed to them and what they followed. Every
cached page and thread that shows their name is rebuilt.
"""

from django.db import transaction
from django.db.models import Q

from accounts.models import User
from forum.freshness import threads_changed
from forum.models import Answer, Comment, Follow, Notification, Question, Revision


@transaction.atomic
def personal_data_erase(*, person: User) -> None:
    """Idempotent: a second run finds nothing left to delete and rebuilds the same pages."""
    Notification.objects.filter(recipient=person).delete()
    Follow.objects.filter(follower=person).delete()
    threads_changed(_threads_naming(person))


def _threads_naming(person: User) -> set[int]:
    """Every question whose page (or cached thread) may show the person's name: as an author,
    an editor, or the moderator who closed, locked, curated or hid something there."""
    ids = set(
        Question.objects.filter(
            Q(author=person) | Q(closed_by=person) | Q(locked_by=person) | Q(hidden_by=person)
        ).values_list("pk", flat=True)
    )
    ids |= set(
        Answer.objects.filter(
            Q(author=person) | Q(curated_by=person) | Q(hidden_by=person)
        ).values_list("question_id", flat=True)
    )
    for model in (Comment, Revision):
        who = Q(editor=person) if model is Revision else Q(author=person) | Q(hidden_by=person)
        for question_id, answer_question_id in model.objects.filter(who).values_list(
            "question_id", "answer__question_id"
        ):
            ids.add(question_id or answer_question_id)
    return ids
