"""Counters of visible questions per tag and per level (kept by forum/tallies.py)."""

from django.db import models
from django.db.models import F
from taggit.models import Tag


class TagStat(models.Model):
    """How many visible questions carry a tag, kept in step by forum/tallies.py."""

    tag = models.OneToOneField(Tag, primary_key=True, on_delete=models.CASCADE, related_name="+")
    questions = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(F("questions").desc(), "tag", name="forum_tagstat_popular")]

    def __str__(self) -> str:
        return f"{self.tag_id}: {self.questions}"


class LevelStat(models.Model):
    """How many visible questions are asked at a level, kept in step by forum/tallies.py."""

    level = models.OneToOneField(
        "ladder.Level", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    questions = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.level_id}: {self.questions}"
