"""Revisions: every saved state of a post."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from forum.models.answers import Answer
from forum.models.posts import BODY_MAX_LENGTH, exactly_one_post, unique_per_post
from forum.models.questions import Question


class Revision(models.Model):
    """One saved state of a question or an answer. Number 1 is the post as first written."""

    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.PROTECT, related_name="revisions"
    )
    answer = models.ForeignKey(
        Answer, null=True, blank=True, on_delete=models.PROTECT, related_name="revisions"
    )
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=150, blank=True)
    body = models.TextField(max_length=BODY_MAX_LENGTH)
    tags = models.JSONField(default=list, blank=True)
    level = models.ForeignKey(
        "ladder.Level", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(condition=exactly_one_post(), name="forum_revision_of_one_post"),
            *unique_per_post("number", name="forum_revision_number_per_{post}", post_first=True),
        ]

    def __str__(self) -> str:
        return f"Revision {self.number} of {self.question_id or self.answer_id}"

    @property
    def post_key(self) -> tuple[str, int]:
        """(kind, id) of the post it is a revision of."""
        if self.question_id:
            return "question", self.question_id
        return "answer", self.answer_id
