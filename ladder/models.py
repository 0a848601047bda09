"""The career ladder as data: loaded from ladder/data/ladder.yaml by `manage.py load_ladder`.

Records carry a stable key or slug from the data file, so reloading updates them in place.
Expectations that leave the file are retired (is_active=False), never deleted, because
people's self-assessments point at them.
"""

from django.db import models
from django.urls import reverse


class Source(models.Model):
    class Kind(models.TextChoices):
        FORUM_POST = "forum-post", "Forum post"
        Q_AND_A = "q-and-a", "Q&A thread"
        ARTICLE = "article", "Article"
        BLOG_POST = "blog-post", "Blog post"
        ESSAY = "essay", "Personal essay"

    short_name = models.SlugField(unique=True)
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    file = models.CharField(max_length=100, help_text="The document's file in shared/seeds/.")
    summary = models.TextField(help_text="What Rungs took from this document.")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.short_name


class Track(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=80)
    description = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.name


class Level(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=80)
    order = models.PositiveSmallIntegerField(unique=True)
    codes = models.JSONField(default=list, blank=True, help_text="Typical codes: L4, E4, SDE II…")
    summary = models.TextField()

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("ladder:level", kwargs={"level": self.slug})


class Competency(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=80)
    description = models.TextField()
    order = models.PositiveSmallIntegerField(default=0)
    tags = models.JSONField(
        default=list, blank=True, help_text="Forum topic tags about this competency."
    )

    class Meta:
        ordering = ["order"]
        verbose_name_plural = "competencies"

    def __str__(self) -> str:
        return self.name


class ExpectationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def for_track(self, track: Track | None):
        """Expectations for everyone, plus those of one track (all tracks when None)."""
        if track is None:
            return self
        return self.filter(models.Q(track__isnull=True) | models.Q(track=track))


class Expectation(models.Model):
    key = models.SlugField(max_length=100, unique=True)
    level = models.ForeignKey(Level, on_delete=models.PROTECT, related_name="expectations")
    competency = models.ForeignKey(
        Competency, on_delete=models.PROTECT, related_name="expectations"
    )
    track = models.ForeignKey(
        Track,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="expectations",
        help_text="Empty: expected on every track.",
    )
    text = models.TextField()
    examples = models.JSONField(default=list, blank=True)
    note = models.TextField(blank=True, help_text="E.g. that the expectation is inferred.")
    sources = models.ManyToManyField(Source, related_name="expectations")
    supersedes = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="superseded_by",
        help_text="The expectation one level down that this one grows out of.",
    )
    order = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    objects = ExpectationQuerySet.as_manager()

    class Meta:
        ordering = ["level__order", "competency__order", "order"]
        indexes = [models.Index(fields=["level", "competency", "is_active"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(supersedes=models.F("id")),
                name="ladder_expectation_not_self_superseding",
            )
        ]

    def __str__(self) -> str:
        return self.key


class Transition(models.Model):
    """The step from one level to the next, with the actions that help someone take it."""

    from_level = models.ForeignKey(Level, on_delete=models.PROTECT, related_name="+")
    to_level = models.ForeignKey(Level, on_delete=models.PROTECT, related_name="transitions_in")
    summary = models.TextField()
    sources = models.ManyToManyField(Source, related_name="transitions")

    class Meta:
        ordering = ["from_level__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["from_level", "to_level"], name="ladder_transition_once"
            ),
            models.CheckConstraint(
                condition=~models.Q(from_level=models.F("to_level")),
                name="ladder_transition_between_two_levels",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_level.slug} → {self.to_level.slug}"


class GrowthAction(models.Model):
    transition = models.ForeignKey(Transition, on_delete=models.CASCADE, related_name="actions")
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT, related_name="actions")
    text = models.TextField()
    sources = models.ManyToManyField(Source, related_name="actions")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["transition", "order"]
        constraints = [
            models.UniqueConstraint(fields=["transition", "order"], name="ladder_action_position")
        ]

    def __str__(self) -> str:
        return self.text[:60]


class LadderVersion(models.Model):
    """One row per load that changed something: which file version is in the database."""

    version = models.CharField(max_length=40)
    checksum = models.CharField(max_length=64, help_text="SHA-256 of the data file.")
    loaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-loaded_at", "-id"]
        get_latest_by = ["loaded_at", "id"]

    def __str__(self) -> str:
        return self.version
