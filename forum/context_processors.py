from django.utils.functional import SimpleLazyObject

from forum.selectors.notifications import notification_menu


def notifications(request) -> dict:
    """The unread badge and the notifications menu in the header. Lazy, so fragments rendered
    without the header (htmx responses) never read them; both come from one cached read."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    menu = SimpleLazyObject(lambda: notification_menu(recipient=user))
    return {
        "unread_notifications": SimpleLazyObject(lambda: menu[0]),
        "recent_notifications": SimpleLazyObject(lambda: menu[1]),
    }
