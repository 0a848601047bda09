"""The admin reads all forum records; content, votes and revisions change only through the
site, which keeps counters, revisions, the search index and the audit log right."""

from django.contrib import admin

from forum.models import Answer, Comment, Feature, Notification, Question, Revision, Vote


class NoDeleteAdmin(admin.ModelAdmin):
    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # hide through the site instead: nothing is ever deleted


class ContentAdmin(NoDeleteAdmin):
    """Posts and comments are read here and changed on the site, where edits keep revisions,
    render the markdown and write the audit log."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Question)
class QuestionAdmin(ContentAdmin):
    list_display = ["title", "author", "level", "is_anonymous", "score", "answer_count"]
    list_display += ["is_hidden", "closed_at", "locked_at", "created_at"]
    list_filter = ["level", "is_anonymous", "is_hidden", "close_reason", "created_at"]
    search_fields = ["title", "body", "author__username", "author__email"]
    list_select_related = ["author", "level"]
    date_hierarchy = "created_at"


@admin.register(Answer)
class AnswerAdmin(ContentAdmin):
    list_display = ["__str__", "author", "is_anonymous", "score", "is_accepted", "curated_at"]
    list_display += ["is_hidden", "created_at"]
    list_filter = ["is_accepted", "is_anonymous", "is_hidden", "created_at"]
    search_fields = ["body", "author__username", "question__title"]
    list_select_related = ["author"]


@admin.register(Comment)
class CommentAdmin(ContentAdmin):
    list_display = ["__str__", "author", "is_anonymous", "is_hidden", "created_at"]
    list_filter = ["is_hidden", "is_anonymous", "created_at"]
    search_fields = ["body", "author__username"]


@admin.register(Vote)
class VoteAdmin(ContentAdmin):
    list_display = ["user", "question", "answer", "value", "created_at", "updated_at"]
    list_filter = ["value", "created_at"]


@admin.register(Revision)
class RevisionAdmin(ContentAdmin):
    list_display = ["__str__", "editor", "reason", "created_at"]
    list_filter = ["created_at"]
    search_fields = ["title", "body", "reason", "editor__username"]
    list_select_related = ["editor"]


@admin.register(Feature)
class FeatureAdmin(admin.ModelAdmin):
    list_display = ["question", "level", "position", "featured_by", "featured_at"]
    list_filter = ["level"]
    raw_id_fields = ["question", "featured_by"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["recipient", "kind", "question", "created_at", "read_at"]
    list_filter = ["kind", "created_at"]
    search_fields = ["recipient__username", "message"]
    raw_id_fields = ["recipient", "actor", "question", "answer", "comment"]
    readonly_fields = ["created_at"]
