from allauth.mfa.models import Authenticator
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import UserChangeForm, UserCreationForm
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kbregeling.accesslog.constants import Kind
from kbregeling.accesslog.log import record

from .constants import Rol
from .models import Gebruiker


def role_problem(groups, bibliotheek, is_superuser) -> str:
    """Why a person cannot be saved like this: without a role, or library staff without
    their library (they would see "no role yet" and nobody could help)."""
    names = {group.name for group in groups or []}
    if not names and not is_superuser:
        return _("Give this person a role (a group).")
    if Rol.BIBLIOTHEEKMEDEWERKER in names and not bibliotheek:
        return _("Library staff need their library.")
    if bibliotheek and Rol.BIBLIOTHEEKMEDEWERKER not in names:
        return _("Only library staff belong to a library.")
    return ""


class RoleRulesMixin:
    def clean(self):
        cleaned = super().clean()
        problem = role_problem(
            cleaned.get("groups"), cleaned.get("bibliotheek"), cleaned.get("is_superuser")
        )
        if problem:
            raise ValidationError(problem)
        return cleaned


class GebruikerChangeForm(RoleRulesMixin, UserChangeForm):
    class Meta(UserChangeForm.Meta):
        model = Gebruiker


class GebruikerCreationForm(RoleRulesMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        model = Gebruiker
        fields = ["username", "email", "groups", "bibliotheek", "is_superuser"]


@admin.register(Gebruiker)
class GebruikerAdmin(UserAdmin):
    form = GebruikerChangeForm
    add_form = GebruikerCreationForm
    list_display = ["username", "email", "bibliotheek", "is_active"]
    list_filter = ["groups", "is_active"]
    list_select_related = ["bibliotheek"]
    fieldsets = [
        *UserAdmin.fieldsets,
        (None, {"fields": ["bibliotheek", "telefoon", "gedeactiveerd_op", "geanonimiseerd_op"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": [
                    "username",
                    "email",
                    "password1",
                    "password2",
                    "groups",
                    "bibliotheek",
                    "is_superuser",
                ],
            },
        )
    ]
    readonly_fields = ["gedeactiveerd_op", "geanonimiseerd_op"]

    def save_model(self, request, obj, form, change):
        """Switched off here too: since when, for the retention period (kbregeling.privacy)."""
        if not obj.is_active and obj.gedeactiveerd_op is None:
            obj.gedeactiveerd_op = timezone.now()
        elif obj.is_active:
            obj.gedeactiveerd_op = None
        super().save_model(request, obj, form, change)

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
