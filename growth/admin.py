"""Assessments and plans are private to their owners, on the site and here: the admin shows
only that they exist (who, when, shared or not) so support can answer questions, never what
they say. Ratings and goals are not registered at all."""

from django.contrib import admin

from core.admin import ReadOnlyAdmin
from growth.models import Assessment, Plan


class MetadataOnlyAdmin(ReadOnlyAdmin):
    """Read-only, and only the list: no deleting either, since its confirmation page would
    list what the plan says."""

    def has_view_permission(self, request, obj=None) -> bool:
        return obj is None and super().has_view_permission(request)  # the list, not the record


@admin.register(Assessment)
class AssessmentAdmin(MetadataOnlyAdmin):
    list_display = ["owner", "status", "created_at", "finished_at"]
    list_filter = ["status"]
    search_fields = ["owner__username"]
    list_select_related = ["owner"]


@admin.register(Plan)
class PlanAdmin(MetadataOnlyAdmin):
    list_display = ["owner", "created_at", "updated_at", "is_shared"]
    search_fields = ["owner__username"]
    list_select_related = ["owner"]

    @admin.display(boolean=True, description="shared")
    def is_shared(self, plan: Plan) -> bool:
        return bool(plan.share_token)
