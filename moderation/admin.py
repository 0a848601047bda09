from django.contrib import admin

from core.admin import ReadOnlyAdmin
from moderation.models import AuditEntry, CloseVote, Flag, Suspension


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "actor", "action", "target_kind", "target_label", "reason"]
    list_filter = ["action", "target_kind", "created_at"]
    search_fields = ["target_label", "reason", "actor__username"]
    list_select_related = ["actor"]
    date_hierarchy = "created_at"


@admin.register(Flag)
class FlagAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "flagger", "reason", "status", "question", "answer", "comment"]
    list_filter = ["status", "reason", "created_at"]
    search_fields = ["text", "flagger__username"]
    list_select_related = ["flagger", "question", "answer", "comment"]


@admin.register(Suspension)
class SuspensionAdmin(ReadOnlyAdmin):
    list_display = ["user", "starts_at", "ends_at", "reason", "created_by", "lifted_at"]
    list_filter = ["starts_at", "ends_at"]
    search_fields = ["user__username", "reason"]
    list_select_related = ["user", "created_by"]


@admin.register(CloseVote)
class CloseVoteAdmin(ReadOnlyAdmin):  # cast, retracted and settled on the site only
    list_display = ["question", "voter", "kind", "reason", "created_at"]
    list_select_related = ["question", "voter"]
