import secrets
from collections.abc import Callable, Sequence

from allauth.account.models import EmailAddress
from django.apps import apps
from django.db import transaction
from django.utils import timezone

from accounts.bands import Band, band_for_level_code
from accounts.models import AnswerSort, EmailFrequency, User
from accounts.names import ERASED_USERNAME_PREFIX
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
    email_frequency: str | None = None,
    show_readiness: bool | None = None,
) -> User:
    """Save what a person says about themselves; the band follows the level code unless chosen.
    Only the person does it, and not while suspended (accounts.rules.can_edit_profile)."""
    require(can_edit_profile, user)
    user.display_name = display_name.strip()
    user.headline = headline.strip()
    user.company = company.strip()
    user.level_code = level_code.strip()
    if email_frequency is not None:
        user.email_frequency = email_frequency
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
            "email_frequency",
            "show_readiness",
        ]
    )
    bump(person(user.pk))  # their name and headline on their own stored pages
    return user


@transaction.atomic
def welcome_complete(
    *,
    user: User,
    display_name: str,
    headline: str,
    level_code: str,
    band_override: Band | None,
    also: Sequence[Callable[[User], None]] = (),
) -> User:
    """The welcome step filled in: the same profile write as the edit page (company and
    e-mail settings as they were), then `also` (the other apps' parts of the step, such as
    the forum's follows), all in one transaction; the step is not shown again."""
    profile_update(
        user=user,
        display_name=display_name,
        headline=headline,
        company=user.company,
        level_code=level_code,
        band_override=band_override,
    )
    for save in also:
        save(user)
    welcome_dismiss(user=user)
    return user


@transaction.atomic
def welcome_dismiss(*, user: User) -> None:
    """The welcome step seen ("Skip for now", or filled in): it is shown once only. The first
    time counts; a second submit of the page (another tab) changes nothing."""
    if user.welcomed_at is not None:
        return
    now = timezone.now()
    User.objects.filter(pk=user.pk, welcomed_at__isnull=True).update(welcomed_at=now)
    user.welcomed_at = now


def answer_sort_remember(*, user: User, sort: AnswerSort) -> None:
    """Keep the order a signed-in person chose for answers, for the question pages they open
    without asking for one. Writes only when it changed (it runs on every question page asked
    for in an order, so an unchanged choice costs no query, not even a savepoint)."""
    if user.answer_sort == sort:
        return
    with transaction.atomic():
        User.objects.filter(pk=user.pk).update(answer_sort=sort)
        user.answer_sort = sort
        bump(person(user.pk))  # their stored question pages were built in the old order


ERASED_FIELDS = [
    "username",
    "email",
    "first_name",
    "last_name",
    "display_name",
    "headline",
    "company",
    "level_code",
    "band",
    "band_overridden",
    "show_readiness",
    "email_frequency",
    "digest_sent_at",
    "answer_sort",
    "is_active",
    "is_staff",
    "is_superuser",
    "last_login",
    "password",
    "erased_at",
]


@transaction.atomic
def account_erase(*, user: User) -> User:
    """Empty what the account row says about the person, for good, and close the account.

    The row itself stays (posts, votes and the reputation they earned point at it) under a
    placeholder handle, `deleted-<random>`; the old handle is free for anyone to take. The
    password becomes unusable, which also ends every session the person had open (Django
    checks a hash of the password on each request), and the account is inactive, so nobody
    can sign in as it again or reset its password (there is no e-mail address left to send a
    link to). Their e-mail addresses go, allauth's rows too, and any linked social accounts.

    Idempotent: erasing an erased account changes nothing. Who may ask for it is the caller's
    rule (accounts.rules.can_delete_account, checked by privacy.services.account_delete, which
    also has each app erase what it keeps about the person before this last step).
    """
    if user.is_erased:
        return user
    EmailAddress.objects.filter(user=user).delete()
    if apps.is_installed("allauth.socialaccount"):
        apps.get_model("socialaccount", "SocialAccount").objects.filter(user=user).delete()
    # Moderation keeps is_moderator in step with the group (its m2m_changed receiver).
    user.groups.clear()
    user.user_permissions.clear()
    user.username = ERASED_USERNAME_PREFIX + secrets.token_hex(6)
    user.email = ""
    user.first_name = user.last_name = ""
    user.display_name = user.headline = user.company = user.level_code = ""
    user.band = ""
    user.band_overridden = False
    user.show_readiness = False
    user.email_frequency = EmailFrequency.NONE
    user.digest_sent_at = None
    user.answer_sort = AnswerSort.VOTES
    user.is_active = user.is_staff = user.is_superuser = False
    user.last_login = None
    user.set_unusable_password()
    user.erased_at = timezone.now()
    # Named fields only: reputation and the moderation mirror move with F() elsewhere, and this
    # object's copies of them may be stale.
    user.save(update_fields=ERASED_FIELDS)
    bump(person(user.pk))
    return user


@transaction.atomic
def email_unsubscribe(*, user: User) -> bool:
    """Stop every notification e-mail and digest to `user` (from a signed link: no log-in, so
    no rule beyond the link). Idempotent: False when they were unsubscribed already."""
    changed = (
        User.objects.filter(pk=user.pk)
        .exclude(email_frequency=EmailFrequency.NONE)
        .update(email_frequency=EmailFrequency.NONE)
    )
    user.email_frequency = EmailFrequency.NONE
    if changed:
        bump(person(user.pk))
    return bool(changed)
