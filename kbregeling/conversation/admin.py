from django.contrib import admin

from .models import Bericht


@admin.register(Bericht)
class BerichtAdmin(admin.ModelAdmin):
    """Read-only: messages are never edited, only withdrawn by their author in the app."""

    list_display = ["geplaatst_op", "kant", "intern", "bibliotheek", "auteur", "ingetrokken_op"]
    list_filter = ["kant", "intern"]
    list_select_related = ["bibliotheek", "auteur"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
