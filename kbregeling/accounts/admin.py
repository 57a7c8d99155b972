from allauth.mfa.models import Authenticator
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kbregeling.accesslog.constants import Kind
from kbregeling.accesslog.log import record

from .models import Gebruiker


@admin.register(Gebruiker)
class GebruikerAdmin(UserAdmin):
    list_display = ["username", "email", "bibliotheek", "is_active"]
    list_filter = ["groups", "is_active"]
    list_select_related = ["bibliotheek"]
    fieldsets = [*UserAdmin.fieldsets, (None, {"fields": ["bibliotheek"]})]
    actions = ["reset_second_factor"]

    @admin.action(description=_("Reset two-step verification (lost phone and codes)"))
    def reset_second_factor(self, request, queryset):
        """App and recovery codes both go: the next login sets up a new app and new codes."""
        for user in queryset:
            deleted, _by_kind = Authenticator.objects.filter(user=user).delete()
            if deleted:
                record(request, Kind.SECOND_FACTOR_REMOVED, f"reset: {user.get_username()}")
        count = queryset.count()
        message = ngettext(
            "Two-step verification reset for %(count)d person: it is set up at the next login.",
            "Two-step verification reset for %(count)d people: it is set up at the next login.",
            count,
        )
        self.message_user(request, message % {"count": count}, messages.SUCCESS)


import allauth.mfa.admin  # noqa: E402, F401 (registers its own admin first: replaced here)

admin.site.unregister(Authenticator)


@admin.register(Authenticator)
class AuthenticatorAdmin(admin.ModelAdmin):
    """Who has which factor, read-only: the secrets never show, and a reset goes through the
    users' action, which removes app and recovery codes together."""

    list_display = ["user", "type", "created_at", "last_used_at"]
    list_filter = ["type"]
    search_fields = ["user__username"]
    fields = list_display

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
