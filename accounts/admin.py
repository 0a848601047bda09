from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "email", "display_name", "headline", "band", "is_staff"]
    list_filter = [*BaseUserAdmin.list_filter, "band"]
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
                ]
            },
        ),
    ]
