"""Following a question, a tag or a level, and stopping. Askers and answerers follow their
question without asking (forum/services/questions.py and answers.py call follow_create)."""

from django.db import IntegrityError, transaction
from taggit.models import Tag

from accounts.models import User
from core.pagecache import bump, person
from core.rules import require
from forum.models import Follow, Question
from forum.rules import can_follow
from ladder.models import Level

Target = Question | Tag | Level


def _changed(follower: User) -> None:
    """Their follow buttons and their Following tab, on their stored pages."""
    bump(person(follower.pk))


@transaction.atomic
def follow_create(*, follower: User, target: Target) -> Follow:
    """Follow `target`. Idempotent: following what one follows already changes nothing (two
    clicks at once meet the database's one-follow-per-target constraint)."""
    require(can_follow, follower, target)
    link = {Follow.field_for(target): target}
    if found := Follow.objects.filter(follower=follower, **link).first():
        return found
    try:
        with transaction.atomic():
            follow = Follow.objects.create(follower=follower, **link)
    except IntegrityError:  # the other click won
        return Follow.objects.get(follower=follower, **link)
    _changed(follower)
    return follow


@transaction.atomic
def follow_delete(*, follower: User, target: Target) -> bool:
    """Stop following `target`; False when there was nothing to stop. Allowed whatever
    became of the target (a hidden question can still be let go of)."""
    link = {Follow.field_for(target): target}
    deleted, _ = Follow.objects.filter(follower=follower, **link).delete()
    if deleted:
        _changed(follower)
    return bool(deleted)


@transaction.atomic
def follow_toggle(*, follower: User, target: Target) -> bool:
    """Follow `target`, or stop following it; True when the person follows it now."""
    if follow_delete(follower=follower, target=target):
        return False
    follow_create(follower=follower, target=target)
    return True
