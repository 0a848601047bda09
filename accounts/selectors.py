from django.shortcuts import get_object_or_404

from accounts.models import User


def user_get_public(*, username: str) -> User:
    """An active person by handle, or 404: deactivated accounts have no public page."""
    return get_object_or_404(User, username=username, is_active=True)
