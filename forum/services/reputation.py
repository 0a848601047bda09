"""Recounting reputation from votes and accepts (the rules are in forum/reputation.py)."""

from django.db import transaction

from accounts.models import User
from forum import reputation


@transaction.atomic
def reputation_recompute() -> int:
    """Recount everyone's reputation from votes and accepts; returns how many changed. The
    recount is a few grouped queries; only the people whose figure moved are written."""
    totals = reputation.recount()
    changed = [
        User(pk=pk, reputation=totals.get(pk, 0))
        for pk, points in User.objects.values_list("pk", "reputation").iterator(chunk_size=5000)
        if points != totals.get(pk, 0)
    ]
    User.objects.bulk_update(changed, ["reputation"], batch_size=1000)
    return len(changed)
