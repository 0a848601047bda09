"""A tag's short description and wiki, which moderators write, with every saved state kept."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from taggit.models import Tag

EXCERPT_MAX_LENGTH = 300  # the short description, shown in the tag index and suggestions
WIKI_MAX_LENGTH = 5000  # a short wiki: what the tag is for, what belongs elsewhere


class TagWiki(models.Model):
    """What a tag is about: a one-line description (plain text) and a short wiki (markdown,
    rendered once on save through forum/markdown.py). `revision` is the number of its newest
    TagWikiRevision; nothing here is ever deleted."""

    tag = models.OneToOneField(Tag, on_delete=models.PROTECT, related_name="wiki")
    excerpt = models.CharField(max_length=EXCERPT_MAX_LENGTH, blank=True)
    body = models.TextField(max_length=WIKI_MAX_LENGTH, blank=True)
    body_html = models.TextField(blank=True)
    revision = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "tag wiki"

    def __str__(self) -> str:
        return f"Wiki of {self.tag_id}"


class TagWikiRevision(models.Model):
    """One saved state of a tag's description and wiki. Number 1 is the first."""

    wiki = models.ForeignKey(TagWiki, on_delete=models.PROTECT, related_name="revisions")
    number = models.PositiveIntegerField()
    excerpt = models.CharField(max_length=EXCERPT_MAX_LENGTH, blank=True)
    body = models.TextField(max_length=WIKI_MAX_LENGTH, blank=True)
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["wiki", "number"], name="forum_tagwiki_revision_once"),
            models.CheckConstraint(
                condition=Q(number__gte=1), name="forum_tagwiki_revision_from_1"
            ),
        ]

    def __str__(self) -> str:
        return f"Revision {self.number} of {self.wiki_id}"
