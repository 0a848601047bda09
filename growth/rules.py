"""Who may see and change self-assessments and growth plans."""

from accounts.rules import person_rule, signed_in


@person_rule("Only its owner can see or change this.")
def can_manage(user, owned) -> bool:
    """Self-assessments and growth plans belong to their owner alone: not even moderators."""
    return signed_in(user) and owned.owner_id == user.pk


@person_rule("Log in to assess yourself.")
def can_assess(user) -> bool:
    """Anyone signed in assesses themselves; a suspension limits the forum, not this."""
    return signed_in(user)
