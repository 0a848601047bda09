"""What every contribution shares (a question, an answer or a comment: docs/glossary.md).

Questions and answers are separate tables sharing an abstract Post, so each keeps its own
indexes. Votes, comments and revisions point at either one through two nullable foreign keys
with a check constraint that exactly one is set (an "exclusive arc"): real foreign keys, real
constraints. Counters (score, answer_count, comment_count) are denormalised and only ever
changed with F().
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from accounts.bands import Band

BODY_MAX_LENGTH = 30_000
EXCERPT_LENGTH = 200
COMMENT_MAX_LENGTH = 600


class ContributionQuerySet(models.QuerySet):
    def visible(self):
        """What the public sees: not hidden by a moderator or deleted by its author."""
        return self.filter(is_hidden=False)

    def listable(self):
        """What may be listed away from its thread, such as on a profile (answers add that
        their question must be visible too)."""
        return self.visible()


class Contribution(models.Model):
    """What questions, answers and comments share: who wrote it, how it is shown, its state."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    is_anonymous = models.BooleanField(default=False)
    author_band = models.CharField(
        max_length=10,
        choices=Band.choices,
        blank=True,
        help_text="The author's band when posting: all an anonymous post reveals.",
    )
    is_hidden = models.BooleanField(default=False)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Who hid it: its author (deleted), a moderator, or nobody (flagged by several).",
    )
    hidden_reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    client_token = models.UUIDField(
        null=True, blank=True, help_text="From the form that created it; makes resubmits harmless."
    )

    objects = ContributionQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_hidden_by_flags(self) -> bool:
        """Hidden by enough flags, before its author or a moderator decided anything."""
        return self.is_hidden and self.hidden_by_id is None

    @property
    def is_deleted_by_author(self) -> bool:
        """Hidden by its own author. A moderator's later hide keeps this (and the reason)."""
        return self.is_hidden and self.hidden_by_id == self.author_id


class Post(Contribution):
    """A question or an answer: a markdown body, a score, comments and revisions."""

    body = models.TextField(max_length=BODY_MAX_LENGTH, help_text="Markdown, as written.")
    body_html = models.TextField(help_text="Sanitised HTML rendered from body when saved.")
    score = models.IntegerField(default=0)
    comment_count = models.PositiveIntegerField(default=0)
    edited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True


def unique_per_post(field: str, *, name: str, post_first: bool = False) -> list:
    """`field` is unique per question and per answer, for rows that point at either one."""
    return [
        models.UniqueConstraint(
            fields=[post, field] if post_first else [field, post],
            condition=Q(**{f"{post}__isnull": False}),
            name=name.format(post=post),
        )
        for post in ("question", "answer")
    ]


def exactly_one_post() -> Q:
    return Q(question__isnull=False, answer__isnull=True) | Q(
        question__isnull=True, answer__isnull=False
    )


def thread_of(contribution):
    """The question a question, answer or comment belongs to."""
    if contribution.kind == "question":
        return contribution
    if contribution.kind == "answer":
        return contribution.question
    return contribution.question if contribution.question_id else contribution.answer.question


def post_link(post) -> dict:
    """The exclusive-arc filter for a post: {"question": q} or {"answer": a}."""
    return {post.kind: post}
