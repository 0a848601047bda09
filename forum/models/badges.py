"""Badges people hold: one row per person and badge, pointing at the post that earned it (when
one post did). The rules that award them are in forum/badges.py."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from forum.models.answers import Answer
from forum.models.questions import Question


class Badge(models.TextChoices):
    """Every badge there is; forum/badges.py holds the rule and description of each."""

    ACCEPTED_ANSWER = "accepted-answer", "First accepted answer"
    NEXT_LEVEL = "next-level", "Helped at the next level"
    CURATED_ANSWER = "curated-answer", "Curated answer"
    GOOD_QUESTION = "good-question", "Good question"
    GOOD_ANSWER = "good-answer", "Good answer"
    TEN_ANSWERS = "ten-answers", "Answered ten questions"


class BadgeAward(models.Model):
    """`user` holds `badge`. Awards are kept once made (as on Stack Exchange): a vote taken
    back later does not take the badge away."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="badge_awards"
    )
    badge = models.CharField(max_length=30, choices=Badge.choices)
    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answer = models.ForeignKey(
        Answer, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    awarded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "badge"], name="forum_badge_once_per_person"),
            models.CheckConstraint(
                condition=Q(badge__in=Badge.values), name="forum_badge_award_known_badge"
            ),
            models.CheckConstraint(
                condition=Q(question__isnull=True) | Q(answer__isnull=True),
                name="forum_badge_award_one_post_at_most",
            ),
        ]
        indexes = [models.Index("badge", "awarded_at", name="forum_badge_award_badge")]

    def __str__(self) -> str:
        return f"{self.user_id} holds {self.badge}"
