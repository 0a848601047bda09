from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "email", "display_name", "headline", "band", "reputation"]
    list_display += ["is_moderator", "suspended_until", "is_staff"]
    list_filter = [*BaseUserAdmin.list_filter, "band", "is_moderator"]
    readonly_fields = [
        "reputation",
        "is_moderator",
        "suspended_until",
        "suspension_reason",
        "erased_at",
    ]
    search_fields = ["username", "email", "display_name", "headline", "company"]
    fieldsets = [
        *BaseUserAdmin.fieldsets,
        (
            "Profile",
            {
                "fields": [
                    "display_name",
                    "headline",
                    "company",
                    "level_code",
                    "band",
                    "band_overridden",
                    "erased_at",
                ]
            },
        ),
    ]
