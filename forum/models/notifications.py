"""Notifications: what someone did that concerns you."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from accounts.bands import Band
from forum.models.answers import Answer
from forum.models.comments import Comment
from forum.models.questions import Question


class Notification(models.Model):
    class Kind(models.TextChoices):
        ANSWER = "answer", "answered your question"
        COMMENT = "comment", "commented on your post"
        ACCEPTED = "accepted", "accepted your answer"
        WARNING = "warning", "sent you a moderator's warning about"

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
    message = models.TextField(blank=True, help_text="A moderator's words, for warnings.")
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
                condition=Q(kind__in=["answer", "comment", "accepted", "warning"]),
                name="forum_notification_kind_known",
            ),
            models.CheckConstraint(
                condition=~Q(kind="warning") | ~Q(message=""),
                name="forum_notification_warning_has_a_message",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recipient_id}: {self.kind}"

    def get_absolute_url(self) -> str:
        if self.comment_id:
            anchor = f"#comment-{self.comment_id}"
        else:
            anchor = f"#answer-{self.answer_id}" if self.answer_id else ""
        return self.question.get_absolute_url() + anchor
