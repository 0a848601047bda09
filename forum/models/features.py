"""Featured questions: a moderator's pick, first on the home page or a level's page."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from forum.models.questions import Question


class Feature(models.Model):
    """A question pinned by a moderator on the home page (no level) or on a level's page."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="features")
    level = models.ForeignKey(
        "ladder.Level", null=True, blank=True, on_delete=models.PROTECT, related_name="features"
    )
    position = models.PositiveIntegerField(default=0)
    featured_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    featured_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["position", "featured_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["question"], condition=Q(level__isnull=True), name="forum_feature_home_once"
            ),
            models.UniqueConstraint(
                fields=["question", "level"],
                condition=Q(level__isnull=False),
                name="forum_feature_level_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question_id} on {self.level_id or 'home'}"
