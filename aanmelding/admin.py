from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .admin_mixins import TransitionButtonsAdmin
from .models import (
    Aanmelding,
    Beoordeling,
    Bibliotheek,
    Gebruiker,
    Gemeente,
    GemeenteSamenwerking,
    OutgoingMail,
    TransitionLog,
)


@admin.register(Gemeente)
class GemeenteAdmin(admin.ModelAdmin):
    list_display = ["cbs_code", "naam", "provincie", "inwoners"]
    list_filter = ["provincie"]
    search_fields = ["naam", "cbs_code"]


@admin.register(Bibliotheek)
class BibliotheekAdmin(admin.ModelAdmin):
    list_display = ["naam", "plaats", "contactpersoon", "contact_email", "wsob_erkend"]
    list_filter = ["wsob_erkend"]
    search_fields = ["naam", "plaats"]
    filter_horizontal = ["werkgebied"]


@admin.register(Gebruiker)
class GebruikerAdmin(UserAdmin):
    list_display = ["username", "email", "bibliotheek", "is_active"]
    list_filter = ["groups", "is_active"]
    list_select_related = ["bibliotheek"]
    fieldsets = [*UserAdmin.fieldsets, (None, {"fields": ["bibliotheek"]})]


class SamenwerkingInline(admin.TabularInline):
    model = GemeenteSamenwerking
    extra = 0


class BeoordelingInline(admin.TabularInline):
    model = Beoordeling
    extra = 0
    readonly_fields = ["ronde", "partij", "advies", "motivering", "beoordelaar", "tijdstip"]
    can_delete = False


@admin.register(Aanmelding)
class AanmeldingAdmin(TransitionButtonsAdmin, admin.ModelAdmin):
    """Transitions are buttons; the state itself is read-only."""

    list_display = ["pk", "bibliotheek", "status", "ronde", "ingediend_op"]
    list_filter = ["status"]
    list_select_related = ["bibliotheek"]
    # Who created the plan is a record, not a setting; it may be empty (user deleted).
    readonly_fields = ["status", "ronde", "ingediend_op", "aangemaakt_door"]
    inlines = [SamenwerkingInline, BeoordelingInline]


@admin.register(TransitionLog)
class TransitionLogAdmin(admin.ModelAdmin):
    list_display = ["at", "content_type", "object_id", "source", "target", "by"]
    list_filter = ["content_type", "target"]
    list_select_related = ["content_type", "by"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # the audit trail is append-only


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    list_display = ["created", "subject", "sent_at", "attempts"]
    list_filter = [("sent_at", admin.EmptyFieldListFilter)]
    search_fields = ["subject", "to"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
