"""Questions, with their tags, closing and locking."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from forum.models.posts import EXCERPT_LENGTH, ContributionQuerySet, Post


def _listing(name: str, *fields: str, **only) -> models.Index:
    """An index for one public list: visible questions (and `only` those), in `fields` order."""
    expressions = [F(f[1:]).desc() if f.startswith("-") else F(f) for f in fields]
    return models.Index(*expressions, name=name, condition=Q(is_hidden=False, **only))


class QuestionQuerySet(ContributionQuerySet):
    def unanswered(self):
        return self.filter(answer_count=0)


class TaggedQuestion(TaggedItemBase):
    content_object = models.ForeignKey("Question", on_delete=models.CASCADE)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="forum_question_tag_once"
            )
        ]


class Question(Post):
    kind = "question"

    title = models.CharField(max_length=150)
    slug = models.SlugField(max_length=160, allow_unicode=False)
    level = models.ForeignKey("ladder.Level", on_delete=models.PROTECT, related_name="questions")
    tags = TaggableManager(through=TaggedQuestion, blank=False)
    excerpt = models.CharField(
        max_length=EXCERPT_LENGTH, blank=True, help_text="The body's opening words, for lists."
    )
    view_count = models.PositiveIntegerField(default=0)
    answer_count = models.PositiveIntegerField(default=0, help_text="Visible answers.")
    last_activity_at = models.DateTimeField(default=timezone.now)
    related_ids = models.JSONField(
        default=list, blank=True, help_text="Related questions, best first (forum/related.py)."
    )
    related_at = models.DateTimeField(
        null=True, blank=True, help_text="When related_ids was last computed."
    )

    class CloseReason(models.TextChoices):
        DUPLICATE = "duplicate", "Duplicate"
        OFF_TOPIC = "off-topic", "Off-topic"
        NEEDS_DETAILS = "needs-details", "Needs details"
        OPINION_BASED = "opinion-based", "Opinion-based"

    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    close_reason = models.CharField(max_length=20, choices=CloseReason.choices, blank=True)
    close_note = models.CharField(max_length=300, blank=True)
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="duplicates"
    )
    locked_at = models.DateTimeField(null=True, blank=True)
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    lock_reason = models.CharField(max_length=300, blank=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        indexes = [
            # One per list ordering and filter, limited to what the public lists show, each
            # ending in the id so that keyset pagination ("older than this row") is exact.
            _listing("forum_q_newest", "-created_at", "-id"),
            _listing("forum_q_active", "-last_activity_at", "-id"),
            _listing("forum_q_votes", "-score", "-created_at", "-id"),
            _listing("forum_q_unanswered", "-created_at", "-id", answer_count=0),
            _listing("forum_q_level", "level", "-created_at", "-id"),
            _listing("forum_q_level_active", "level", "-last_activity_at", "-id"),
            _listing("forum_q_level_votes", "level", "-score", "-created_at", "-id"),
            _listing("forum_q_level_unanswered", "level", "-created_at", "-id", answer_count=0),
            # The home page's "most active": most answers, then the latest activity.
            _listing(
                "forum_q_most_answers",
                "-answer_count",
                "-last_activity_at",
                "-id",
                answer_count__gt=0,
            ),
            models.Index("author", "created_at", name="forum_q_author"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "client_token"], name="forum_question_submitted_once"
            ),
            models.CheckConstraint(condition=~Q(title=""), name="forum_question_has_title"),
            models.CheckConstraint(
                condition=Q(closed_at__isnull=True, close_reason="")
                | Q(closed_at__isnull=False) & ~Q(close_reason=""),
                name="forum_question_closed_with_a_reason",
            ),
            models.CheckConstraint(
                condition=Q(duplicate_of__isnull=True) | Q(close_reason="duplicate"),
                name="forum_question_duplicate_only_when_closed_as_one",
            ),
            models.CheckConstraint(
                condition=~Q(duplicate_of=F("id")), name="forum_question_not_its_own_duplicate"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forum:question", kwargs={"pk": self.pk, "slug": self.slug})

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None
