"""A member's standing: how much the site trusts what they do, from what it knows of them.

Every threshold lives here, so the docs' tables (docs/moderation.md, "Flag weight") and the code
cannot drift apart, and other rules (reputation privileges) can reuse the same measures. The
functions are pure: callers pass what they know (the flag history comes from moderation, which
this app never imports).
"""

from datetime import timedelta

from django.utils import timezone

# An established member: around long enough, and trusted by other members' votes.
ESTABLISHED_MIN_AGE = timedelta(days=30)
ESTABLISHED_MIN_REPUTATION = 200

# Flag weight. A flag from an account younger than FLAG_MIN_AGE, or without a verified e-mail
# address, weighs nothing: it still reaches the moderators' queue, but it cannot hide anything.
FLAG_MIN_AGE = timedelta(days=3)
FLAG_WEIGHT_BASE = 1  # verified and old enough
FLAG_WEIGHT_REPUTATION = 50  # from this reputation on, one more
FLAG_WEIGHT_ESTABLISHED = 3  # an established member's or a moderator's flag
FLAG_WEIGHT_HELPFUL_BONUS = 1  # a record of flags moderators upheld adds one...
FLAG_HELPFUL_MIN_UPHELD = 5  # ...from this many upheld flags, at least twice the rejected ones
FLAG_WEIGHT_MAX = 4
# Spam and abuse flags whose weights add up to this hide a contribution until a moderator
# decides, unless its author is a moderator or established (then it only waits in the queue).
FLAG_WEIGHT_TO_HIDE = 6


def is_trusted_by_role(user) -> bool:
    """Moderators and staff: trusted for who they are, whatever their reputation or age."""
    return user.is_moderator or user.is_staff or user.is_superuser


def is_established(user, *, now=None) -> bool:
    """Moderators, staff, and members old enough with enough reputation."""
    if is_trusted_by_role(user):
        return True
    now = now or timezone.now()
    return (
        user.reputation >= ESTABLISHED_MIN_REPUTATION
        and now - user.date_joined >= ESTABLISHED_MIN_AGE
    )


def flag_weight(user, *, email_verified: bool, upheld: int = 0, rejected: int = 0, now=None) -> int:
    """How much one flag by `user` counts towards hiding a contribution (0 to FLAG_WEIGHT_MAX).

    `upheld` and `rejected` count the person's earlier flags that moderators acted on (hid the
    contribution) or dismissed. Each rejected flag not outweighed by an upheld one takes one
    point off; a long record of helpful flags adds one."""
    now = now or timezone.now()
    if not email_verified or now - user.date_joined < FLAG_MIN_AGE:
        return 0
    if is_established(user, now=now):
        weight = FLAG_WEIGHT_ESTABLISHED
    elif user.reputation >= FLAG_WEIGHT_REPUTATION:
        weight = FLAG_WEIGHT_BASE + 1
    else:
        weight = FLAG_WEIGHT_BASE
    weight -= max(0, rejected - upheld)
    if upheld >= FLAG_HELPFUL_MIN_UPHELD and upheld >= 2 * rejected:
        weight += FLAG_WEIGHT_HELPFUL_BONUS
    return max(0, min(weight, FLAG_WEIGHT_MAX))
