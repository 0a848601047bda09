"""Admin base classes for records that only the site's own services may write (they keep
counters, revisions, the search index and the audit log right): the admin reads them."""

from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    """List and view only: no adding, changing or deleting through the admin (hide through the
    site instead: nothing is ever deleted)."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
