from django.contrib import admin

from kbregeling.workflow.admin import TransitionButtonsAdmin

from .models import (
    Aanmelding,
    Beoordeling,
    Bibliotheek,
    Gemeente,
    GemeenteSamenwerking,
    WerkgebiedWijziging,
)


@admin.register(Gemeente)
class GemeenteAdmin(admin.ModelAdmin):
    list_display = ["cbs_code", "naam", "provincie", "inwoners", "geldig_van", "geldig_tot"]
    list_filter = ["provincie"]
    search_fields = ["naam", "cbs_code"]
    filter_horizontal = ["opvolgers"]


@admin.register(WerkgebiedWijziging)
class WerkgebiedWijzigingAdmin(admin.ModelAdmin):
    """Read-only: the library confirms on its own pages (``werkgebied_changes.confirm``)."""

    list_display = ["bibliotheek", "gemeente", "aangemaakt_op", "bevestigd_door", "bevestigd_op"]
    list_select_related = ["bibliotheek", "gemeente", "bevestigd_door"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Bibliotheek)
class BibliotheekAdmin(admin.ModelAdmin):
    list_display = ["naam", "plaats", "contactpersoon", "contact_email", "wsob_erkend"]
    list_filter = ["wsob_erkend"]
    search_fields = ["naam", "plaats"]
    filter_horizontal = ["werkgebied"]


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
