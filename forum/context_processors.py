from django.utils.functional import SimpleLazyObject

from forum.selectors.notifications import notification_unread_count


def notifications(request) -> dict:
    """The unread badge in the header. Lazy, so fragments rendered without the header (htmx
    responses) never run the count."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "unread_notifications": SimpleLazyObject(lambda: notification_unread_count(recipient=user))
    }
