from django.contrib import admin

from kbregeling.workflow.admin import TransitionButtonsAdmin

from .models import Herinnering, Rapportage, RapportageBeoordeling


class BeoordelingInline(admin.TabularInline):
    model = RapportageBeoordeling
    extra = 0
    can_delete = False
    readonly_fields = [
        "ronde",
        "partij",
        "voldoende",
        "advies_verlengen",
        "motivering",
        "beoordelaar",
        "tijdstip",
    ]


@admin.register(Rapportage)
class RapportageAdmin(TransitionButtonsAdmin, admin.ModelAdmin):
    list_display = ["licentie", "status", "opent_op", "deadline"]
    list_filter = ["status"]
    list_select_related = ["licentie__bibliotheek"]
    readonly_fields = ["status", "ronde", "licentie"]
    inlines = [BeoordelingInline]


@admin.register(Herinnering)
class HerinneringAdmin(admin.ModelAdmin):
    list_display = ["vervaldatum", "soort", "rapportage", "ontvanger", "mail"]
    list_filter = ["soort"]
    list_select_related = ["rapportage__licentie__bibliotheek", "ontvanger", "mail"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # deleting a row would send its reminder again
