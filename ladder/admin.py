from django.contrib import admin

from ladder.models import (
    Competency,
    Expectation,
    ExpectationGroup,
    GrowthAction,
    LadderVersion,
    Level,
    Source,
    Track,
    Transition,
)


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["short_name", "title", "kind"]
    list_filter = ["kind"]
    search_fields = ["short_name", "title"]


@admin.register(Track)
class TrackAdmin(admin.ModelAdmin):
    list_display = ["slug", "name", "order"]


@admin.register(Level)
class LevelAdmin(admin.ModelAdmin):
    list_display = ["slug", "name", "order"]


@admin.register(Competency)
class CompetencyAdmin(admin.ModelAdmin):
    list_display = ["slug", "name", "order"]
    search_fields = ["name", "description"]


@admin.register(Expectation)
class ExpectationAdmin(admin.ModelAdmin):
    list_display = ["key", "level", "competency", "track", "own_guidance", "group", "is_active"]
    list_filter = ["level", "competency", "track", "is_active", "own_guidance", "group", "sources"]
    search_fields = ["key", "text", "note"]
    list_select_related = ["level", "competency", "track"]
    autocomplete_fields = ["supersedes"]
    filter_horizontal = ["sources"]


@admin.register(ExpectationGroup)
class ExpectationGroupAdmin(admin.ModelAdmin):
    list_display = ["slug", "level", "threshold"]
    filter_horizontal = ["sources"]


class GrowthActionInline(admin.TabularInline):
    model = GrowthAction
    extra = 0
    filter_horizontal = ["sources"]


@admin.register(Transition)
class TransitionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "summary"]
    inlines = [GrowthActionInline]
    filter_horizontal = ["sources"]


@admin.register(GrowthAction)
class GrowthActionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "transition", "competency", "order"]
    list_filter = ["transition", "competency", "sources"]
    search_fields = ["text"]
    list_select_related = ["transition__from_level", "transition__to_level", "competency"]
    filter_horizontal = ["sources"]


@admin.register(LadderVersion)
class LadderVersionAdmin(admin.ModelAdmin):
    list_display = ["version", "checksum", "loaded_at"]
    readonly_fields = ["version", "checksum", "loaded_at"]

    def has_add_permission(self, request) -> bool:
        return False
