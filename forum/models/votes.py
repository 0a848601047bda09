"""Votes on questions and answers."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from forum.models.answers import Answer
from forum.models.posts import exactly_one_post, unique_per_post
from forum.models.questions import Question


class Vote(models.Model):
    """One row per person and post. Retracting sets the value to 0: votes are never deleted."""

    class Value(models.IntegerChoices):
        UP = 1, "Upvote"
        NONE = 0, "Retracted"
        DOWN = -1, "Downvote"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="votes"
    )
    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.CASCADE, related_name="votes"
    )
    answer = models.ForeignKey(
        Answer, null=True, blank=True, on_delete=models.CASCADE, related_name="votes"
    )
    value = models.SmallIntegerField(choices=Value.choices)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=exactly_one_post(), name="forum_vote_on_one_post"),
            models.CheckConstraint(condition=Q(value__in=[1, 0, -1]), name="forum_vote_value"),
            *unique_per_post("user", name="forum_vote_once_per_{post}"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.value:+d} on {self.question_id or self.answer_id}"
