"""What moderation does when other apps change things: keep User.is_moderator in step with
membership of the Moderators group, however it changes (the admin's user form, group.user_set,
user.groups), log moderators' edits of posts (forum.signals.post_edited) and authors' deletions
(forum.signals.contribution_deleted)."""

from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, pre_delete
from django.dispatch import receiver

from accounts.models import User
from forum.signals import contribution_deleted, post_edited
from moderation.audit import Action, record
from moderation.models import MODERATORS_GROUP


def sync_moderator_flags(user_ids) -> None:
    moderators = User.objects.filter(pk__in=user_ids, groups__name=MODERATORS_GROUP)
    User.objects.filter(pk__in=user_ids).exclude(pk__in=moderators).update(is_moderator=False)
    User.objects.filter(pk__in=moderators).update(is_moderator=True)


@receiver(m2m_changed, sender=User.groups.through)
def _groups_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    if action not in ("post_add", "post_remove", "post_clear", "pre_clear"):
        return
    if reverse:  # group.user_set changed: instance is the Group
        if instance.name != MODERATORS_GROUP:
            return
        if action == "pre_clear":
            instance._clearing = list(instance.user_set.values_list("pk", flat=True))
            return
        user_ids = pk_set if action != "post_clear" else getattr(instance, "_clearing", [])
    else:  # user.groups changed: instance is the User
        if action == "pre_clear":
            return
        user_ids = [instance.pk]
    sync_moderator_flags(list(user_ids or []))
    if not reverse:
        instance.is_moderator = User.objects.values_list("is_moderator", flat=True).get(
            pk=instance.pk
        )


@receiver(pre_delete, sender=Group)
def _moderators_group_deleted(sender, instance, **kwargs) -> None:
    if instance.name == MODERATORS_GROUP:
        instance.user_set.update(is_moderator=False)


@receiver(post_edited)
def _edit_logged(sender, *, post, editor, reason: str, **kwargs) -> None:
    """Edits by anyone but the author (a moderator, a member with the "edit any post"
    privilege, an accepted suggested edit) change someone else's words: they go in the audit
    log."""
    if editor.pk != post.author_id:
        record(actor=editor, action=Action.EDIT, target=post, reason=reason)


@receiver(contribution_deleted)
def _author_deletion_logged(sender, *, contribution, **kwargs) -> None:
    """An author's deletion changes what the public sees, so it is logged too; with no actor,
    since the contribution may be anonymous (its author is who deleted it)."""
    record(actor=None, action=Action.AUTHOR_DELETE, target=contribution)
