from django.contrib import admin

from .models import AccessLogEntry


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(admin.ModelAdmin):
    """Read-only: the log is written by ``log.record`` and removed by the retention task."""

    list_display = ["when", "username", "kind", "what", "library", "ip_address"]
    list_filter = ["kind"]
    search_fields = ["username", "what"]
    date_hierarchy = "when"
    list_select_related = ["library"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
