from django.contrib import admin

from forum.models import Answer, Comment, Notification, Question, Vote


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "author",
        "level",
        "is_anonymous",
        "score",
        "answer_count",
        "is_hidden",
        "created_at",
    ]
    list_filter = ["level", "is_anonymous", "is_hidden", "created_at"]
    search_fields = ["title", "body", "author__username", "author__email"]
    list_select_related = ["author", "level"]
    raw_id_fields = ["author"]
    readonly_fields = [
        "body_html",
        "score",
        "answer_count",
        "comment_count",
        "view_count",
        "created_at",
        "edited_at",
        "client_token",
    ]
    date_hierarchy = "created_at"


@admin.register(Answer)
class AnswerAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "author",
        "is_anonymous",
        "score",
        "is_accepted",
        "is_hidden",
        "created_at",
    ]
    list_filter = ["is_accepted", "is_anonymous", "is_hidden", "created_at"]
    search_fields = ["body", "author__username", "question__title"]
    list_select_related = ["author"]
    raw_id_fields = ["author", "question"]
    readonly_fields = [
        "body_html",
        "score",
        "comment_count",
        "created_at",
        "edited_at",
        "client_token",
    ]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "author", "is_anonymous", "is_hidden", "created_at"]
    list_filter = ["is_hidden", "is_anonymous", "created_at"]
    search_fields = ["body", "author__username"]
    raw_id_fields = ["author", "question", "answer"]
    readonly_fields = ["body_html", "created_at", "client_token"]


@admin.register(Vote)
class VoteAdmin(admin.ModelAdmin):
    list_display = ["user", "question", "answer", "value", "created_at", "updated_at"]
    list_filter = ["value", "created_at"]
    raw_id_fields = ["user", "question", "answer"]
    readonly_fields = ["user", "question", "answer", "value", "created_at", "updated_at"]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # votes are history: retracting sets the value to 0


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["recipient", "kind", "question", "created_at", "read_at"]
    list_filter = ["kind", "created_at"]
    raw_id_fields = ["recipient", "actor", "question", "answer", "comment"]
