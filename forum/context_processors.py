from django.utils.functional import SimpleLazyObject

from forum.permissions import can_moderate
from forum.selectors import notification_unread_count


def navigation(request) -> dict:
    """Badges in the header: unread notifications; for moderators, the review queue. Lazy, so
    fragments rendered without the header (htmx responses) never run the counts."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    context = {
        "unread_notifications": SimpleLazyObject(lambda: notification_unread_count(recipient=user))
    }
    if can_moderate(user):
        from moderation.selectors import queue_size

        context["review_queue_size"] = SimpleLazyObject(queue_size)
    return context
