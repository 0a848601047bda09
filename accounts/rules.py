"""Who a person is to the site, where every app's rules start: signed in, free to act (not
suspended), a moderator. The moderation app keeps `User.is_moderator` and the suspension
fields in step; reading them here needs no query."""

from django.utils import formats

from core.rules import Reason, rule


def signed_in(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def may_act(user) -> bool:
    """Signed in and not suspended: suspended people read and sign in, nothing more."""
    return signed_in(user) and not user.is_suspended


def suspended(user, *objects) -> str | None:
    """The refusal a suspended person gets from every rule: until when, and why."""
    if signed_in(user) and user.is_suspended:
        until = formats.date_format(user.suspended_until, "j F Y, H:i")
        return f"Your account is suspended until {until} UTC: {user.suspension_reason}"
    return None


def person_rule(refusal: str, *, reasons: tuple[Reason, ...] = ()):
    """@rule for anything a person does: a suspension is explained before anything else."""
    return rule(refusal, reasons=(suspended, *reasons))


@person_rule("Only moderators can do that.")
def can_moderate(user) -> bool:
    """The moderator's role (the Moderators group, or a superuser), which other apps' rules
    build on: moderators see hidden content and edit any post."""
    return may_act(user) and (user.is_superuser or user.is_moderator)


@person_rule("Log in to edit your profile.")
def can_edit_profile(user) -> bool:
    """A suspended person's name and headline show on every post they wrote: frozen too."""
    return may_act(user)


@rule("Log in to delete your account.")
def can_delete_account(user) -> bool:
    """Anyone signed in may leave, suspended or not: a suspension limits taking part, never
    the right to take one's data away."""
    return signed_in(user)
