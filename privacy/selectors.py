"""A person's data, as they take it away: every app's part, each read by the app that keeps
it (accounts, forum, moderation, growth), put together in one document."""

from django.utils import timezone

from accounts.models import User
from accounts.selectors import personal_data as account_data
from forum.selectors.personal import personal_data as forum_data
from growth.selectors.personal import personal_data as growth_data
from moderation.selectors import personal_data as moderation_data

FORMAT = "rungs-personal-data/1"


def personal_export(*, user: User) -> dict:
    """Everything `user` gave Rungs, for `user` alone (the view only ever passes the signed-in
    person): their anonymous posts are in it, marked `"anonymous": true`."""
    return {
        "format": FORMAT,
        "exported_at": timezone.now(),
        **account_data(user=user),
        "forum": forum_data(person=user),
        "moderation": moderation_data(person=user),
        "growth": growth_data(owner=user),
    }
