from django.db.models import Q
from django.shortcuts import get_object_or_404

from accounts import names
from accounts.models import User


def user_get_public(*, username: str) -> User:
    """An active person by handle, or 404: deactivated accounts have no public page."""
    return get_object_or_404(User, username=username, is_active=True)


def name_looks_taken(name: str, *, exclude_pk: int | None = None) -> bool:
    """Whether another member's username or display name looks like `name` (same skeleton)."""
    shapes = {shape for shape in names.skeletons(name) if shape}
    if not shapes:
        return False
    others = User.objects.filter(
        Q(username_skeleton__in=shapes) | Q(display_name_skeleton__in=shapes)
    )
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    return others.exists()
