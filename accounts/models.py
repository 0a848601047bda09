from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from accounts import names
from accounts.bands import Band
from accounts.validators import name_not_reserved, single_line


class AnswerSort(models.TextChoices):
    """How a question's answers are ordered (forum/selectors/threads.py); remembered per person."""

    VOTES = "votes", "Votes"
    NEWEST = "newest", "Newest"
    OLDEST = "oldest", "Oldest"


class EmailFrequency(models.TextChoices):
    """How often a person hears by e-mail about their notifications."""

    IMMEDIATE = "immediate", "At once, one e-mail each"
    DAILY = "daily", "A daily digest"
    WEEKLY = "weekly", "A weekly digest"
    NONE = "none", "Never: I will look on the site"


# How a person whose account is deleted is shown wherever their posts are (docs/privacy.md).
DELETED_MEMBER = "Deleted member"


class User(AbstractUser):
    """A person on Rungs. Public identity is the username (handle) and display name."""

    display_name = models.CharField(
        max_length=60, blank=True, validators=[single_line, name_not_reserved]
    )
    headline = models.CharField(
        "headline role",
        max_length=80,
        blank=True,
        validators=[single_line],
        help_text="Your role, as you would put it: “Site Reliability Engineer”.",
    )
    company = models.CharField(max_length=80, blank=True, validators=[single_line])
    level_code = models.CharField(
        max_length=30,
        blank=True,
        validators=[single_line],
        help_text="Your level as your company writes it: L4, E5, SDE II, Senior…",
    )
    band = models.CharField(max_length=10, choices=Band.choices, blank=True)
    band_overridden = models.BooleanField(
        default=False, help_text="The person chose the band instead of deriving it from the code."
    )

    reputation = models.IntegerField(
        default=0, help_text="Earned from votes and accepted answers; see forum/reputation.py."
    )
    show_readiness = models.BooleanField(
        "show my latest readiness on my profile",
        default=False,
        help_text="Only the overall figure for the level you aim at; the details stay private.",
    )
    email_frequency = models.CharField(
        "e-mail me about my notifications",
        max_length=10,
        choices=EmailFrequency.choices,
        default=EmailFrequency.IMMEDIATE,
        help_text="Answers, comments, accepted answers, moderators' decisions about your posts "
        "and flags, new answers on questions you follow.",
    )
    digest_sent_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the last digest went out: the next one covers what came after.",
    )
    answer_sort = models.CharField(
        "order of answers",
        max_length=10,
        choices=AnswerSort.choices,
        default=AnswerSort.VOTES,
        editable=False,
        help_text="The order last chosen on a question page; used where none is asked for.",
    )

    # Set once the person has seen the welcome step after their first log-in (filled in or
    # skipped; accounts/adapter.py sends them there while it is empty).
    welcomed_at = models.DateTimeField(null=True, blank=True, editable=False)

    # Kept in step by moderation: the group membership and the latest suspension, so that
    # every page can check them without a query.
    is_moderator = models.BooleanField(
        default=False, editable=False, help_text="In the Moderators group (kept in sync)."
    )
    suspended_until = models.DateTimeField(null=True, blank=True, editable=False)
    suspension_reason = models.CharField(max_length=300, blank=True, editable=False)

    # Set when the person deleted their account (accounts.services.account_erase): the row
    # stays so that their posts, votes and reputation keep pointing somewhere, but everything
    # personal in it is gone and the site calls them "Deleted member".
    erased_at = models.DateTimeField(null=True, blank=True, editable=False)

    # What the names look like (accounts/names.py), kept in step by save(): how look-alike
    # names of other members are found with one indexed query.
    username_skeleton = models.CharField(max_length=300, blank=True, editable=False, db_index=True)
    display_name_skeleton = models.CharField(
        max_length=300, blank=True, editable=False, db_index=True
    )

    objects = UserManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=~models.Q(email=""),
                name="accounts_user_email_ci_unique",
                violation_error_message="Someone already uses this e-mail address.",
            ),
            models.CheckConstraint(
                condition=models.Q(band__in=["", *Band.values]),
                name="accounts_user_band_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(email_frequency__in=EmailFrequency.values),
                name="accounts_user_email_frequency_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(answer_sort__in=AnswerSort.values),
                name="accounts_user_answer_sort_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.public_name

    def save(self, *args, **kwargs) -> None:
        """Keep each name's skeleton in step with it. A save of other fields only (a log-in
        writing last_login) leaves both alone: no confusables lookup on that path."""
        update_fields = kwargs.get("update_fields")
        touched = set(update_fields) if update_fields is not None else None
        for name in ("username", "display_name"):
            if touched is None or name in touched:
                setattr(self, f"{name}_skeleton", names.skeleton(getattr(self, name)))
                if touched is not None:
                    touched.add(f"{name}_skeleton")
        if touched is not None:
            kwargs["update_fields"] = touched
        super().save(*args, **kwargs)

    @property
    def public_name(self) -> str:
        if self.is_erased:
            return DELETED_MEMBER
        return self.display_name or self.username

    @property
    def wants_email_at_once(self) -> bool:
        return self.email_frequency == EmailFrequency.IMMEDIATE and bool(self.email)

    @property
    def is_erased(self) -> bool:
        """The person deleted their account: nothing about them may be shown any more."""
        return self.erased_at is not None

    @property
    def is_suspended(self) -> bool:
        return self.suspended_until is not None and self.suspended_until > timezone.now()

    @property
    def band_label(self) -> str:
        return Band(self.band).short if self.band else ""

    @property
    def band_note(self) -> str:
        """What the ladder says about this person's band ("it stops at senior" for staff+)."""
        return Band(self.band).note if self.band else ""

    @property
    def headline_text(self) -> str:
        """“Site Reliability Engineer · L4 (mid)”: the line shown under a person's name."""
        level = self.level_code
        if self.band:
            level = f"{level} ({self.band_label})" if level else Band(self.band).label
        return " · ".join(part for part in (self.headline, level) if part)

    def get_absolute_url(self) -> str:
        return reverse("accounts:profile", kwargs={"username": self.username})
