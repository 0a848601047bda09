from allauth.account.models import EmailAddress
from django.db.models import Q
from django.shortcuts import get_object_or_404

from accounts import names
from accounts.models import User
from accounts.rules import can_edit_profile


def user_get_public(*, username: str) -> User:
    """An active person by handle, or 404: deactivated accounts have no public page."""
    return get_object_or_404(User, username=username, is_active=True)


def personal_data(*, user: User) -> dict:
    """What the account row and its e-mail addresses hold about the person, for their export
    (privacy.selectors). Moderation fields are left to moderation; the password hash is not
    data anyone gave in a usable form."""
    return {
        "account": {
            "id": user.pk,
            "username": user.username,
            "email": user.email,
            "display_name": user.display_name,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "headline": user.headline,
            "company": user.company,
            "level_code": user.level_code,
            "band": user.band,
            "band_chosen_by_you": user.band_overridden,
            "reputation": user.reputation,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
        },
        "settings": {
            "email_frequency": user.email_frequency,
            "show_readiness_on_profile": user.show_readiness,
            "order_of_answers": user.answer_sort,
        },
        "email_addresses": [
            {"email": address.email, "primary": address.primary, "verified": address.verified}
            for address in EmailAddress.objects.filter(user=user).order_by("-primary", "email")
        ],
    }


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


def welcome_due(user) -> bool:
    """Whether the person still has the welcome step ahead of them: signed in, never shown
    it, and free to edit their profile (a suspended newcomer goes straight on)."""
    return user.is_authenticated and user.welcomed_at is None and can_edit_profile(user)
