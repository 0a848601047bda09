"""Follows: a person asks to hear about a question, a tag or a level."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Follow(models.Model):
    """One person following one thing: exactly one of question, tag and level is set, and a
    person follows each thing at most once (the database says so, whatever the services do).
    Follows are private: only their follower ever sees them."""

    follower = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    question = models.ForeignKey(
        "forum.Question", null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    tag = models.ForeignKey(
        "taggit.Tag", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    level = models.ForeignKey(
        "ladder.Level", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    TARGETS = ("question", "tag", "level")

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(question__isnull=False, tag__isnull=True, level__isnull=True)
                | Q(question__isnull=True, tag__isnull=False, level__isnull=True)
                | Q(question__isnull=True, tag__isnull=True, level__isnull=False),
                name="forum_follow_one_target",
            ),
            models.UniqueConstraint(
                fields=["follower", "question"],
                condition=Q(question__isnull=False),
                name="forum_follow_question_once",
            ),
            models.UniqueConstraint(
                fields=["follower", "tag"],
                condition=Q(tag__isnull=False),
                name="forum_follow_tag_once",
            ),
            models.UniqueConstraint(
                fields=["follower", "level"],
                condition=Q(level__isnull=False),
                name="forum_follow_level_once",
            ),
        ]
        indexes = [
            # Who follows this question (new answers tell them).
            models.Index(
                "question", name="forum_follow_question", condition=Q(question__isnull=False)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.follower_id} follows {self.target_kind} {self.target_id}"

    @classmethod
    def field_for(cls, target: models.Model) -> str:
        """The field that points at `target`: named after its model (question, tag, level)."""
        name = target._meta.model_name
        if name not in cls.TARGETS:
            raise TypeError(f"Nothing to follow in {type(target).__name__}.")
        return name

    @property
    def target_kind(self) -> str:
        return next(name for name in self.TARGETS if getattr(self, f"{name}_id") is not None)

    @property
    def target_id(self) -> int:
        return getattr(self, f"{self.target_kind}_id")
