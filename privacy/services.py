"""Deleting one's account: each app erases what it keeps about the person, then the account
itself is emptied and closed, and the moderation log notes it (docs/privacy.md)."""

from django.db import transaction

from accounts.models import User
from accounts.rules import can_delete_account
from accounts.services import account_erase
from core.rules import require
from forum.services.personal import personal_data_erase as forum_erase
from growth.services import personal_data_erase as growth_erase
from moderation.services.people import account_erasure_log


@transaction.atomic
def account_delete(*, user: User) -> User:
    """Erase `user`'s personal data and close their account, all or nothing. The caller has
    checked that the person asking is `user` (their password). Idempotent: deleting a deleted
    account changes nothing."""
    if user.is_erased:
        return user
    require(can_delete_account, user)
    forum_erase(person=user)
    growth_erase(owner=user)
    account_erase(user=user)
    account_erasure_log(user=user)
    return user
