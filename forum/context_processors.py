from forum.selectors import notification_unread_count


def navigation(request) -> dict:
    """The unread-notification badge in the header, for people who are signed in."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": notification_unread_count(recipient=user)}
