from django.utils.functional import SimpleLazyObject

from accounts.rules import can_moderate
from moderation.selectors import queue_size


def review_queue(request) -> dict:
    """For moderators, the flag queue's size in the header. Lazy, so fragments rendered without
    the header (htmx responses) never count it."""
    user = getattr(request, "user", None)
    if user is None or not can_moderate(user):
        return {}
    return {"review_queue_size": SimpleLazyObject(queue_size)}
