"""Suggested edits: a member proposes new words for someone else's post; the post's author, a
moderator or a reviewer (accounts/privileges.py) accepts or rejects them. Nothing is deleted:
a reviewed suggestion keeps its outcome, who decided and why."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from forum.models.answers import Answer
from forum.models.posts import BODY_MAX_LENGTH, exactly_one_post
from forum.models.questions import Question
from forum.models.revisions import Revision

REASON_MAX_LENGTH = 300


class SuggestedEdit(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "waiting for review"
        ACCEPTED = "accepted", "accepted"
        REJECTED = "rejected", "rejected"

    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.PROTECT, related_name="suggestions"
    )
    answer = models.ForeignKey(
        Answer, null=True, blank=True, on_delete=models.PROTECT, related_name="suggestions"
    )
    suggester = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="suggested_edits"
    )
    # The post's latest revision when the suggestion was made: accepting it after the post
    # changed would silently undo that change, so a stale suggestion is refused.
    base_revision = models.PositiveIntegerField()
    title = models.CharField(max_length=150, blank=True)  # questions only
    body = models.TextField(max_length=BODY_MAX_LENGTH)
    tags = models.JSONField(default=list, blank=True)  # questions only
    reason = models.CharField(max_length=REASON_MAX_LENGTH)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    review_reason = models.CharField(max_length=REASON_MAX_LENGTH, blank=True)
    revision = models.OneToOneField(  # the revision accepting it made
        Revision, null=True, blank=True, on_delete=models.PROTECT, related_name="suggestion"
    )
    created_at = models.DateTimeField(default=timezone.now)
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(
                "created_at", name="forum_suggestion_pending", condition=Q(status="pending")
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=exactly_one_post(), name="forum_suggestion_of_one_post"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "accepted", "rejected"]),
                name="forum_suggestion_status_known",
            ),
            # One pending suggestion per post per person: a second one would race the first.
            *(
                models.UniqueConstraint(
                    fields=[post, "suggester"],
                    condition=Q(status="pending", **{f"{post}__isnull": False}),
                    name=f"forum_suggestion_one_pending_per_{post}",
                )
                for post in ("question", "answer")
            ),
            # Pending: nobody decided yet. Reviewed: someone did, at a time.
            models.CheckConstraint(
                condition=(
                    Q(status="pending", reviewer__isnull=True, reviewed_at__isnull=True)
                    | (~Q(status="pending") & Q(reviewer__isnull=False, reviewed_at__isnull=False))
                ),
                name="forum_suggestion_reviewed_when_decided",
            ),
            models.CheckConstraint(
                condition=Q(status="accepted") | Q(revision__isnull=True),
                name="forum_suggestion_revision_only_when_accepted",
            ),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(review_reason=""),
                name="forum_suggestion_rejection_has_a_reason",
            ),
            models.CheckConstraint(
                condition=~Q(reviewer=F("suggester")), name="forum_suggestion_not_self_reviewed"
            ),
        ]

    def __str__(self) -> str:
        return f"Suggested edit {self.pk} ({self.status})"

    def get_absolute_url(self) -> str:
        return reverse("forum:suggestion", args=[self.pk])

    @property
    def post(self) -> Question | Answer:
        return self.question if self.question_id else self.answer

    @property
    def post_id(self) -> int:
        return self.question_id or self.answer_id

    @property
    def decided_by_author(self) -> bool:
        """The post's own author decided: pages say "the author", never a name, since the
        post may be anonymous."""
        return self.reviewer_id is not None and self.reviewer_id == self.post.author_id

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING
