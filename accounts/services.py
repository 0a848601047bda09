from django.db import transaction

from accounts.bands import Band, band_for_level_code
from accounts.models import User
from accounts.rules import can_edit_profile
from core.pagecache import bump, person
from core.rules import require


@transaction.atomic
def profile_update(
    *,
    user: User,
    display_name: str,
    headline: str,
    company: str,
    level_code: str,
    band_override: Band | None,
    email_notifications: bool | None = None,
    show_readiness: bool | None = None,
) -> User:
    """Save what a person says about themselves; the band follows the level code unless chosen.
    Only the person does it, and not while suspended (accounts.rules.can_edit_profile)."""
    require(can_edit_profile, user)
    user.display_name = display_name.strip()
    user.headline = headline.strip()
    user.company = company.strip()
    user.level_code = level_code.strip()
    if email_notifications is not None:
        user.email_notifications = email_notifications
    if show_readiness is not None:
        user.show_readiness = show_readiness
    user.band_overridden = band_override is not None
    derived = band_override or band_for_level_code(user.level_code)
    user.band = derived.value if derived else ""
    user.full_clean()
    user.save(
        update_fields=[
            "display_name",
            "headline",
            "company",
            "level_code",
            "band",
            "band_overridden",
            "email_notifications",
            "show_readiness",
        ]
    )
    bump(person(user.pk))  # their name and headline on their own stored pages
    return user
