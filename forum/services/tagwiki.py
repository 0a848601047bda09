"""Editing a tag's description and wiki (moderators only). Every save is a new revision."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from taggit.models import Tag

from accounts.models import User
from core.rules import require
from core.text import one_line
from forum import freshness
from forum.markdown import render_markdown
from forum.models import TagWiki, TagWikiRevision
from forum.models.tagwiki import EXCERPT_MAX_LENGTH, WIKI_MAX_LENGTH
from forum.rules import can_edit_tag_wiki


class WikiConflict(ValueError):
    """Someone saved the wiki after the editor opened it."""


@transaction.atomic
def tag_wiki_edit(
    *,
    editor: User,
    tag: Tag,
    excerpt: str,
    body: str,
    reason: str = "",
    base_revision: int | None = None,
) -> TagWiki:
    """Save a tag's description (one line of plain text) and wiki (markdown) as a new
    revision. `base_revision` is the revision the editor started from: if someone saved a newer
    one meanwhile, WikiConflict is raised rather than overwriting theirs."""
    require(can_edit_tag_wiki, editor)
    excerpt = one_line(excerpt)
    body = body.strip()
    if len(excerpt) > EXCERPT_MAX_LENGTH or len(body) > WIKI_MAX_LENGTH:
        raise ValueError("The description or the wiki is too long.")
    wiki, _ = TagWiki.objects.select_for_update().get_or_create(tag=tag)  # locked either way
    if base_revision is not None and base_revision != wiki.revision:
        raise WikiConflict(
            f"Someone saved revision {wiki.revision} after you opened the editor; "
            "read theirs and edit again."
        )
    if wiki.revision and (excerpt, body) == (wiki.excerpt, wiki.body):
        return wiki  # nothing changed: no empty revision
    changes = {
        "excerpt": excerpt,
        "body": body,
        "body_html": render_markdown(body) if body else "",
        "updated_at": timezone.now(),
        "updated_by": editor,
    }
    TagWiki.objects.filter(pk=wiki.pk).update(revision=F("revision") + 1, **changes)
    for name, value in changes.items():
        setattr(wiki, name, value)
    wiki.revision += 1  # what the update made of it: the row is locked, so no one else did
    TagWikiRevision.objects.create(
        wiki=wiki,
        number=wiki.revision,
        excerpt=excerpt,
        body=body,
        editor=editor,
        reason=reason.strip()[:300],
    )
    freshness.lists_changed()  # the tag index (a cached page) shows the description
    return wiki
