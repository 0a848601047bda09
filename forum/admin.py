"""The admin reads all forum records; content, votes and revisions change only through the
site, which keeps counters, revisions, the search index and the audit log right."""

from django.contrib import admin

from core.admin import ReadOnlyAdmin
from forum.identity import author_card
from forum.models import (
    Answer,
    Comment,
    Feature,
    LevelStat,
    Notification,
    Question,
    Revision,
    TagStat,
    Vote,
)


class ContentAdmin(ReadOnlyAdmin):
    """Posts and comments. Anonymous authors stay anonymous here too: only the logged reveal on
    the site shows who they are."""

    exclude = ["author", "client_token"]
    readonly_fields = ["shown_as"]

    @admin.display(description="author")
    def shown_as(self, item) -> str:
        return author_card(item).name


@admin.register(Question)
class QuestionAdmin(ContentAdmin):
    list_display = ["title", "shown_as", "level", "is_anonymous", "score", "answer_count"]
    list_display += ["is_hidden", "closed_at", "locked_at", "created_at"]
    list_filter = ["level", "is_anonymous", "is_hidden", "close_reason", "created_at"]
    search_fields = ["title", "body"]
    list_select_related = ["author", "level"]
    date_hierarchy = "created_at"


@admin.register(Answer)
class AnswerAdmin(ContentAdmin):
    list_display = ["__str__", "shown_as", "is_anonymous", "score", "is_accepted", "curated_at"]
    list_display += ["is_hidden", "created_at"]
    list_filter = ["is_accepted", "is_anonymous", "is_hidden", "created_at"]
    search_fields = ["body", "question__title"]
    list_select_related = ["author"]


@admin.register(Comment)
class CommentAdmin(ContentAdmin):
    list_display = ["__str__", "shown_as", "is_anonymous", "is_hidden", "created_at"]
    list_filter = ["is_hidden", "is_anonymous", "created_at"]
    search_fields = ["body"]


@admin.register(Vote)
class VoteAdmin(ReadOnlyAdmin):
    list_display = ["user", "question", "answer", "value", "created_at", "updated_at"]
    list_filter = ["value", "created_at"]


@admin.register(Revision)
class RevisionAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "reason", "created_at"]
    list_filter = ["created_at"]
    search_fields = ["title", "body", "reason"]
    exclude = ["editor"]  # an anonymous author's own edits would name them


@admin.register(Feature)
class FeatureAdmin(ReadOnlyAdmin):  # pins change on the site, where the audit log sees them
    list_display = ["question", "level", "position", "featured_by", "featured_at"]
    list_filter = ["level"]
    raw_id_fields = ["question", "featured_by"]


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):  # no made-up warnings outside the audit log
    list_display = ["recipient", "kind", "question", "created_at", "read_at"]
    list_filter = ["kind", "created_at"]
    search_fields = ["recipient__username", "message"]
    exclude = ["actor"]  # an anonymous actor is never stored, but stay on the safe side


@admin.register(LevelStat)
class LevelStatAdmin(ReadOnlyAdmin):  # counters, kept by forum/tallies.py
    list_display = ["level", "questions"]


@admin.register(TagStat)
class TagStatAdmin(ReadOnlyAdmin):
    list_display = ["tag", "questions"]
    list_select_related = ["tag"]
    ordering = ["-questions"]
