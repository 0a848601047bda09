"""The admin reads all forum records; content, votes and revisions change only through the
site, which keeps counters, revisions, the search index and the audit log right."""

from django.contrib import admin
from django.db.models import BooleanField, ExpressionWrapper

from core.admin import ReadOnlyAdmin
from forum import identity
from forum.models import (
    Answer,
    BadgeAward,
    Comment,
    Feature,
    Follow,
    LevelStat,
    Notification,
    Question,
    Revision,
    SuggestedEdit,
    TagStat,
    TagWiki,
    TagWikiRevision,
    Vote,
)


class NoAuthorLookupsAdmin(ReadOnlyAdmin):
    """Lists never filter by who wrote a row (`?author=7&is_anonymous__exact=1` would list
    someone's anonymous posts, with nothing in the audit log): Django answers such a query
    string with 400 Bad Request. Which fields name an author: forum.identity."""

    def lookup_allowed(self, lookup, value, request) -> bool:
        if identity.lookup_names_author(self.model, lookup):
            return False
        return super().lookup_allowed(lookup, value, request)


class ContentAdmin(NoAuthorLookupsAdmin):
    """Posts and comments. Anonymous authors stay anonymous here too: only the logged reveal on
    the site shows who they are."""

    exclude = ["author", "client_token", "hidden_by"]  # an author who deleted is its hidden_by
    readonly_fields = ["shown_as", "hidden_by_shown"]

    @admin.display(description="author")
    def shown_as(self, item) -> str:
        return identity.author_card(item).name

    @admin.display(description="hidden by")
    def hidden_by_shown(self, item) -> str:
        return identity.hidden_by_label(item) if item.is_hidden else ""


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
    list_select_related = ["author"]  # each row's author card
    search_fields = ["body"]


@admin.register(Vote)
class VoteAdmin(ReadOnlyAdmin):
    list_display = ["user", "question", "answer", "value", "created_at", "updated_at"]
    list_filter = ["value", "created_at"]


@admin.register(Revision)
class RevisionAdmin(NoAuthorLookupsAdmin):
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
class NotificationAdmin(NoAuthorLookupsAdmin):  # no made-up warnings outside the audit log
    """The recipient of a notification about their own anonymous post (an answer to their
    anonymous question) is its author: such rows show no recipient, and searching by
    recipient leaves them out."""

    list_display = ["shown_recipient", "kind", "question", "created_at", "read_at"]
    list_filter = ["kind", "created_at"]
    list_select_related = ["recipient", "question"]
    search_fields = ["recipient__username", "message"]
    exclude = ["actor"]  # an anonymous actor is never stored, but stay on the safe side

    def get_queryset(self, request):
        ties = ExpressionWrapper(identity.ties_recipient(), output_field=BooleanField())
        return super().get_queryset(request).annotate(ties_recipient=ties)

    def get_search_results(self, request, queryset, search_term):
        queryset, duplicates = super().get_search_results(request, queryset, search_term)
        if search_term:
            queryset = queryset.exclude(identity.ties_recipient())
        return queryset, duplicates

    def get_exclude(self, request, obj=None):
        if obj is not None and getattr(obj, "ties_recipient", True):
            return [*self.exclude, "recipient"]
        return self.exclude

    @admin.display(description="recipient")
    def shown_recipient(self, notification) -> str:
        return "—" if notification.ties_recipient else str(notification.recipient)


@admin.register(LevelStat)
class LevelStatAdmin(ReadOnlyAdmin):  # counters, kept by forum/tallies.py
    list_display = ["level", "questions"]


@admin.register(TagStat)
class TagStatAdmin(ReadOnlyAdmin):
    list_display = ["tag", "questions"]
    list_select_related = ["tag"]
    ordering = ["-questions"]


@admin.register(Follow)
class FollowAdmin(ReadOnlyAdmin):  # private to the follower; changed on the site only
    list_display = ["follower", "question", "tag", "level", "created_at"]


@admin.register(BadgeAward)
class BadgeAwardAdmin(ReadOnlyAdmin):  # awarded by forum/badges.py's rules, never by hand
    list_display = ["user", "badge", "awarded_at"]


@admin.register(TagWiki)
class TagWikiAdmin(ReadOnlyAdmin):  # moderators edit it on the tag's page, with revisions
    list_display = ["tag", "excerpt", "updated_at"]


@admin.register(TagWikiRevision)
class TagWikiRevisionAdmin(ReadOnlyAdmin):
    list_display = ["wiki", "number", "editor", "created_at"]


@admin.register(SuggestedEdit)
class SuggestedEditAdmin(NoAuthorLookupsAdmin):  # decided on the site, where revisions follow
    list_display = ["__str__", "status", "created_at", "reviewed_at"]
