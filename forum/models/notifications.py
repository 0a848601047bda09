"""Notifications: what someone did that concerns you."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from accounts.bands import Band
from forum.models.answers import Answer
from forum.models.comments import Comment
from forum.models.questions import Question
from forum.models.suggestions import SuggestedEdit


class NotificationKind(models.TextChoices):
    ANSWER = "answer", "answered your question"
    COMMENT = "comment", "commented on your post"
    ACCEPTED = "accepted", "accepted your answer"
    WARNING = "warning", "sent you a moderator's warning about"
    # What follows someone's follows and what moderators do to their posts (and flags).
    FOLLOWED_ANSWER = "followed-answer", "answered a question you follow"
    CLOSED = "closed", "closed your question"
    DUPLICATE = "duplicate", "closed your question as a duplicate"
    REOPENED = "reopened", "reopened your question"
    CURATED = "curated", "curated your answer"
    FEATURED = "featured", "featured your question"
    HIDDEN = "hidden", "hid your {post}"
    FLAGGED = "flagged", "hid your {post} until a moderator reviews it"
    RESTORED = "restored", "restored your {post}"
    FLAG_UPHELD = "flag-upheld", "upheld your flag on the {post}"
    FLAG_DISMISSED = "flag-dismissed", "dismissed your flag on the {post}"
    # Suggested edits (forum/services/suggestions.py): to the post's author, then the suggester.
    EDIT_SUGGESTED = "edit-suggested", "suggested an edit to your {post}"
    SUGGESTION_ACCEPTED = "suggestion-accepted", "accepted your suggested edit to the {post}"
    SUGGESTION_REJECTED = "suggestion-rejected", "turned down your suggested edit to the {post}"


class Notification(models.Model):
    Kind = NotificationKind

    # Done by the moderators as a team: the notification names no one ("A moderator").
    BY_MODERATORS = frozenset(
        {
            Kind.CLOSED,
            Kind.DUPLICATE,
            Kind.REOPENED,
            Kind.CURATED,
            Kind.FEATURED,
            Kind.HIDDEN,
            Kind.RESTORED,
            Kind.FLAG_UPHELD,
            Kind.FLAG_DISMISSED,
        }
    )
    # Decided by the post's author or a reviewer: named by neither (the post may be anonymous).
    BY_REVIEWERS = frozenset({Kind.SUGGESTION_ACCEPTED, Kind.SUGGESTION_REJECTED})
    # Still listed when what they are about is hidden: telling the person that is their point.
    ABOUT_HIDDEN = frozenset({Kind.WARNING, Kind.HIDDEN, Kind.FLAGGED, Kind.FLAG_UPHELD})

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # Empty when whoever acted did so anonymously: the notification must not name them.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_band = models.CharField(max_length=10, choices=Band.choices, blank=True)
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    answer = models.ForeignKey(
        Answer, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # The question a duplicate repeats, as it was when the notification was sent.
    original = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    message = models.TextField(
        blank=True, help_text="A moderator's words: a warning, or why they acted."
    )
    # Closed or reopened by members' close votes rather than by a moderator.
    by_members = models.BooleanField(default=False)
    # The suggested edit a notification is about; the link leads to it.
    suggestion = models.ForeignKey(
        SuggestedEdit, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index("recipient", F("created_at").desc(), name="forum_notification_inbox"),
            models.Index(
                "recipient", name="forum_notification_unread", condition=Q(read_at__isnull=True)
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=NotificationKind.values), name="forum_notification_kind_known"
            ),
            models.CheckConstraint(
                condition=Q(kind="duplicate", original__isnull=False)
                | ~Q(kind="duplicate") & Q(original__isnull=True),
                name="forum_notification_original_for_duplicates",
            ),
            models.CheckConstraint(
                condition=~Q(kind="warning") | ~Q(message=""),
                name="forum_notification_warning_has_a_message",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recipient_id}: {self.kind}"

    def get_absolute_url(self) -> str:
        if self.suggestion_id:  # by id: the suggestion's row need not be read
            return reverse("forum:suggestion", args=[self.suggestion_id])
        if self.comment_id:
            anchor = f"#comment-{self.comment_id}"
        else:
            anchor = f"#answer-{self.answer_id}" if self.answer_id else ""
        return self.question.get_absolute_url() + anchor

    @property
    def post_noun(self) -> str:
        return "comment" if self.comment_id else "answer" if self.answer_id else "question"

    @property
    def verb(self) -> str:
        """What was done, after who did it: "hid your answer"."""
        return self.get_kind_display().replace("{post}", self.post_noun)
