"""Flags, suspensions and the audit log. Nothing here is ever deleted through the site."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

MODERATORS_GROUP = "Moderators"
# The kinds of contribution a flag can point at: exactly one of these foreign keys is set.
FLAGGED_KINDS = ("question", "answer", "comment")


class Flag(models.Model):
    class Reason(models.TextChoices):
        SPAM = "spam", "Spam"
        RUDE = "rude", "Rude or abusive"
        OFF_TOPIC = "off-topic", "Off-topic"
        NEEDS_MODERATOR = "needs-moderator", "Needs a moderator"

    # The reasons whose weights add up towards hiding (moderation/services/flags.py).
    HIDING_REASONS = (Reason.SPAM, Reason.RUDE)

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        DISMISSED = "dismissed", "Dismissed"
        UPHELD = "upheld", "Upheld"

    flagger = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="flags_raised"
    )
    question = models.ForeignKey(
        "forum.Question", null=True, blank=True, on_delete=models.PROTECT, related_name="flags"
    )
    answer = models.ForeignKey(
        "forum.Answer", null=True, blank=True, on_delete=models.PROTECT, related_name="flags"
    )
    comment = models.ForeignKey(
        "forum.Comment", null=True, blank=True, on_delete=models.PROTECT, related_name="flags"
    )
    reason = models.CharField(max_length=20, choices=Reason.choices)
    text = models.CharField(max_length=500, blank=True)
    weight = models.PositiveSmallIntegerField(
        default=0, help_text="How much it counts towards hiding, from the flagger's standing."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index("status", "created_at", name="moderation_flag_queue")]
        constraints = [
            models.CheckConstraint(
                condition=Q(question__isnull=False, answer__isnull=True, comment__isnull=True)
                | Q(question__isnull=True, answer__isnull=False, comment__isnull=True)
                | Q(question__isnull=True, answer__isnull=True, comment__isnull=False),
                name="moderation_flag_on_one_item",
            ),
            models.CheckConstraint(
                condition=~Q(reason="needs-moderator") | ~Q(text=""),
                name="moderation_flag_needs_moderator_says_why",
            ),
            models.CheckConstraint(
                condition=Q(reason__in=["spam", "rude", "off-topic", "needs-moderator"]),
                name="moderation_flag_reason_known",
            ),
            models.CheckConstraint(
                condition=Q(status="open", handled_at__isnull=True)
                | Q(status__in=["dismissed", "upheld"], handled_at__isnull=False),
                name="moderation_flag_handled_when_closed",
            ),
            *(
                models.UniqueConstraint(
                    fields=["flagger", target],
                    condition=Q(status="open", **{f"{target}__isnull": False}),
                    name=f"moderation_flag_one_open_per_{target}",
                    violation_error_message="You have already flagged this.",
                )
                for target in FLAGGED_KINDS
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} flag by {self.flagger_id}"

    @property
    def key(self) -> tuple[str, int]:
        """(kind, pk) of the flagged contribution, from the ids alone."""
        return next((kind, pk) for kind in FLAGGED_KINDS if (pk := getattr(self, f"{kind}_id")))

    @property
    def contribution(self):
        return getattr(self, self.key[0])


class SuspensionQuerySet(models.QuerySet):
    def live(self):
        """Not lifted and not yet over: what `Suspension.is_live` says of one row."""
        return self.filter(lifted_at__isnull=True, ends_at__gt=timezone.now())


class Suspension(models.Model):
    MAX_DAYS = 365

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="suspensions"
    )
    reason = models.CharField(max_length=300)
    starts_at = models.DateTimeField(default=timezone.now)
    ends_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = SuspensionQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="moderation_suspension_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} until {self.ends_at:%Y-%m-%d}"

    @property
    def is_live(self) -> bool:
        return self.lifted_at is None and self.ends_at > timezone.now()


class AuditQuerySet(models.QuerySet):
    """Bulk changes are refused too: the log only ever grows."""

    def update(self, **kwargs):
        raise ValueError("Audit entries are append-only.")

    def delete(self):
        raise ValueError("Audit entries are append-only.")


class AuditEntry(models.Model):
    """One moderator action, or one change to what the public sees that no moderator made (an
    auto-hide by flags, an author's deletion): those have no actor, so that the log never ties
    an anonymous post to its author. Append-only: the model and its querysets refuse updates
    and deletes."""

    class Action(models.TextChoices):
        CURATE = "curate", "Curated an answer"
        UNCURATE = "uncurate", "Un-curated an answer"
        FEATURE = "feature", "Featured a question"
        UNFEATURE = "unfeature", "Un-featured a question"
        REORDER = "reorder", "Reordered featured questions"
        EDIT = "edit", "Edited a post"
        CLOSE = "close", "Closed a question"
        REOPEN = "reopen", "Reopened a question"
        LOCK = "lock", "Locked a question"
        UNLOCK = "unlock", "Unlocked a question"
        HIDE = "hide", "Hid content"
        AUTO_HIDE = "auto-hide", "Hidden by flags"
        RESTORE = "restore", "Restored content"
        DISMISS_FLAGS = "dismiss-flags", "Dismissed flags"
        WARN = "warn", "Warned a person"
        SUSPEND = "suspend", "Suspended a person"
        LIFT_SUSPENSION = "lift-suspension", "Lifted a suspension"
        REVEAL = "reveal", "Revealed an anonymous author"
        ERASE = "erase", "Deleted their own account"
        AUTHOR_DELETE = "author-delete", "Deleted by its author"

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit_entries",
        help_text="The moderator; none for flags (auto-hide) or a contribution's own author.",
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    target_kind = models.CharField(max_length=20)  # question, answer, comment, user
    target_id = models.PositiveBigIntegerField()
    target_label = models.CharField(max_length=200, help_text="What it was, when it happened.")
    target_url = models.CharField(max_length=300, blank=True)
    reason = models.TextField(blank=True)
    details = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "audit entries"
        indexes = [
            models.Index("action", "created_at", name="moderation_audit_action"),
            models.Index("target_kind", "target_id", name="moderation_audit_target"),
        ]

    def __str__(self) -> str:
        return f"{self.actor_id} {self.action} {self.target_kind} {self.target_id}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise ValueError("Audit entries are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Audit entries are append-only.")


# Members' votes that close a question, or reopen a closed one (accounts.privileges.CLOSE_VOTE).
VOTES_TO_CLOSE = 3
# A vote still counting: its round has not ended and its voter has not taken it back.
LIVE_VOTE = Q(settled_at__isnull=True, retracted_at__isnull=True)


class CloseVoteQuerySet(models.QuerySet):
    def live(self):
        return self.filter(LIVE_VOTE)


class CloseVote(models.Model):
    """A member's vote to close a question (with a reason, and for a duplicate the original)
    or to reopen it. A vote is *live* until its round ends: the question is closed or reopened
    (by the votes or by a moderator), which settles it, or its voter takes it back, which
    retracts it. Nothing is deleted; one live vote per person, question and kind."""

    class Kind(models.TextChoices):
        CLOSE = "close", "Close"
        REOPEN = "reopen", "Reopen"

    question = models.ForeignKey(
        "forum.Question", on_delete=models.PROTECT, related_name="close_votes"
    )
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    reason = models.CharField(max_length=20, blank=True)  # a Question.CloseReason, for "close"
    duplicate_of = models.ForeignKey(
        "forum.Question", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    settled_at = models.DateTimeField(null=True, blank=True)
    retracted_at = models.DateTimeField(null=True, blank=True)

    objects = CloseVoteQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["question", "voter", "kind"],
                condition=LIVE_VOTE,
                name="moderation_closevote_one_per_round",
                violation_error_message="You have already voted on this question.",
            ),
            models.CheckConstraint(
                condition=Q(
                    kind="close",
                    reason__in=["duplicate", "off-topic", "needs-details", "opinion-based"],
                )
                | Q(kind="reopen", reason="", duplicate_of__isnull=True),
                name="moderation_closevote_reason_fits_kind",
            ),
            models.CheckConstraint(
                condition=Q(duplicate_of__isnull=True) | Q(reason="duplicate"),
                name="moderation_closevote_original_only_for_duplicates",
            ),
            models.CheckConstraint(
                condition=Q(settled_at__isnull=True) | Q(retracted_at__isnull=True),
                name="moderation_closevote_settled_or_retracted",
            ),
        ]
        indexes = [
            models.Index(
                "question",
                "kind",
                name="moderation_closevote_live",
                condition=LIVE_VOTE,
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} vote by {self.voter_id} on {self.question_id}"
