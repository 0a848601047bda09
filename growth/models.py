"""Self-assessments against the ladder, and the growth plans made from them.

Private by default: only the owner sees them, and anyone holding a live share link sees that
one plan read-only. Views look everything up through the owner, so a foreign id is a 404.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone


def lines(text: str) -> list[str]:
    """The non-empty lines of a one-item-per-line field, without list bullets."""
    return [line.strip(" -•*\t") for line in text.splitlines() if line.strip(" -•*\t")]


class Assessment(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        FINISHED = "finished", "Finished"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessments"
    )
    track = models.ForeignKey("ladder.Track", on_delete=models.PROTECT, related_name="+")
    current_level = models.ForeignKey("ladder.Level", on_delete=models.PROTECT, related_name="+")
    target_level = models.ForeignKey("ladder.Level", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    ladder_version = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index("owner", "status", "finished_at", name="growth_assessment_owner")]
        constraints = [
            models.UniqueConstraint(
                fields=["owner"],
                condition=Q(status="draft"),
                name="growth_one_draft_per_person",
                violation_error_message="You already have an assessment in progress.",
            ),
            models.CheckConstraint(
                condition=Q(status="draft", finished_at__isnull=True)
                | Q(status="finished", finished_at__isnull=False),
                name="growth_finished_has_a_date",
            ),
        ]

    def __str__(self) -> str:
        return f"Assessment #{self.pk}"

    def get_absolute_url(self) -> str:
        if self.status == self.Status.DRAFT:
            return reverse("growth:assess", kwargs={"pk": self.pk})
        return reverse("growth:results", kwargs={"pk": self.pk})


class Rating(models.Model):
    class Value(models.IntegerChoices):
        NOT_YET = 0, "Not yet"
        SOMETIMES = 1, "Sometimes"
        CONSISTENTLY = 2, "Consistently"

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="ratings")
    expectation = models.ForeignKey(
        "ladder.Expectation", on_delete=models.PROTECT, related_name="+"
    )
    value = models.PositiveSmallIntegerField(
        choices=Value.choices, null=True, blank=True, help_text="Empty: not rated yet."
    )
    evidence = models.CharField(
        max_length=500, blank=True, help_text="A link or a short note: where this shows."
    )
    carried_from = models.DateField(
        null=True,
        blank=True,
        help_text="Copied from the assessment finished that day, until the person confirms it.",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "expectation"], name="growth_one_rating_per_expectation"
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(value__lte=2),
                name="growth_rating_on_the_scale",
            ),
        ]

    def __str__(self) -> str:
        return f"Rating #{self.pk}"  # private: never the value

    @property
    def is_rated(self) -> bool:
        return self.value is not None


class Plan(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plans"
    )
    assessment = models.OneToOneField(
        Assessment, on_delete=models.PROTECT, related_name="plan", null=True, blank=True
    )
    title = models.CharField(max_length=150)
    discuss = models.TextField(
        "to discuss with my manager",
        blank=True,
        help_text="One topic per line.",
        max_length=4000,
    )
    share_token = models.CharField(max_length=64, unique=True, null=True, blank=True)
    shared_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-id"]

    def __str__(self) -> str:
        return f"Plan #{self.pk}"  # not the title: it is private, and __str__ shows in places

    def get_absolute_url(self) -> str:
        return reverse("growth:plan", kwargs={"pk": self.pk})

    @property
    def discussion_topics(self) -> list[str]:
        return lines(self.discuss)


class Goal(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="goals")
    competency = models.ForeignKey(
        "ladder.Competency", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField("goal", max_length=200)
    why = models.TextField(
        "why it matters", blank=True, max_length=2000, help_text="What the ladder says."
    )
    support = models.TextField(
        "who can help", blank=True, max_length=2000, help_text="One person or place per line."
    )
    evidence = models.TextField(
        "evidence to collect", blank=True, help_text="One item per line.", max_length=2000
    )
    target_date = models.DateField(null=True, blank=True)
    done = models.BooleanField(default=False)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return f"Goal #{self.pk}"

    @property
    def evidence_list(self) -> list[str]:
        return lines(self.evidence)

    @property
    def support_list(self) -> list[str]:
        return lines(self.support)

    @property
    def progress(self) -> "ActionProgress":
        """How many of the goal's actions are done (from the prefetched actions: no query)."""
        actions = self.actions.all()
        return ActionProgress(done=sum(1 for a in actions if a.done_at), total=len(actions))


@dataclass(frozen=True)
class ActionProgress:
    done: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def finished(self) -> bool:
        return bool(self.total) and self.done == self.total


ACTION_LENGTH = 300
EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)  # a plan's dates lie in between
ACTIONS_PER_GOAL = 20


class PlanAction(models.Model):
    """One concrete step towards a goal, ticked off on its own; done ones stay, with their date."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="actions")
    text = models.CharField("action", max_length=ACTION_LENGTH)
    due = models.DateField("due", null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["order", "id"]
        indexes = [models.Index("goal", "order", name="growth_action_goal_order")]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="growth_action_has_text"),
        ]

    def __str__(self) -> str:
        return f"Action #{self.pk}"  # private: never the text


class RevokedShareLink(models.Model):
    """A share token its owner turned off, remembered so the old link can say so (410) rather
    than look like it never existed (404). Goes with its plan."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="revoked_links")
    token = models.CharField(max_length=64, unique=True)
    shared_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-revoked_at", "-id"]

    def __str__(self) -> str:
        return f"Revoked link #{self.pk}"
