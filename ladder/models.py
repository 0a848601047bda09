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


OWN_GUIDANCE = "Rungs' own guidance"


class ExpectationGroup(models.Model):
    """Expectations of one level of which a person needs only `threshold`, not all.

    The senior "two of three" (architecture, mentoring, project leadership) is one: strength in
    two of them is enough, so scoring does not count the third against anyone who has two."""

    slug = models.SlugField(unique=True)
    level = models.ForeignKey(Level, on_delete=models.PROTECT, related_name="groups")
    name = models.CharField(max_length=120)
    summary = models.TextField()
    threshold = models.PositiveSmallIntegerField(
        help_text="How many of the group's expectations someone must be strong in."
    )
    sources = models.ManyToManyField(Source, related_name="groups")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["level__order", "order"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(threshold__gte=1), name="ladder_group_threshold_positive"
            )
        ]

    def __str__(self) -> str:
        return self.slug


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
    own_guidance = models.BooleanField(
        default=False,
        help_text="Written by Rungs with no document behind it; cites no source.",
    )
    group = models.ForeignKey(
        ExpectationGroup,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
        help_text="A group of which only some expectations are needed (e.g. two of three).",
    )
    group_note = models.TextField(
        blank=True, help_text="What it suggests when this is someone's only strength in its group."
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

    @property
    def citation(self) -> str:
        """How the export names where this comes from (sources must be prefetched)."""
        return citation_of(self)


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
    own_guidance = models.BooleanField(
        default=False,
        help_text="Written by Rungs with no document behind it; cites no source.",
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["transition", "order"]
        constraints = [
            models.UniqueConstraint(fields=["transition", "order"], name="ladder_action_position")
        ]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def citation(self) -> str:
        return citation_of(self)


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


def citation_of(item: Expectation | GrowthAction) -> str:
    """ "From taro-pip, seven-steps", or "Rungs' own guidance" when no document supports it."""
    if item.own_guidance:
        return OWN_GUIDANCE
    return "From " + ", ".join(s.short_name for s in item.sources.all())
