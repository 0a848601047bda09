from forum.permissions import can_moderate
from forum.selectors import notification_unread_count


def navigation(request) -> dict:
    """Badges in the header: unread notifications; for moderators, the review queue."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    context = {"unread_notifications": notification_unread_count(recipient=user)}
    if can_moderate(user):
        from moderation.selectors import queue_size

        context["review_queue_size"] = queue_size()
    return context
