from django.contrib import admin

from kbregeling.workflow.admin import TransitionButtonsAdmin

from .models import Dienst, Licentie, Overeenkomst, Tarief


@admin.register(Dienst)
class DienstAdmin(admin.ModelAdmin):
    list_display = ["naam", "volgorde", "actief"]
    list_editable = ["volgorde", "actief"]


@admin.register(Tarief)
class TariefAdmin(admin.ModelAdmin):
    list_display = ["jaar", "bedrag"]


@admin.register(Overeenkomst)
class OvereenkomstAdmin(TransitionButtonsAdmin, admin.ModelAdmin):
    list_display = ["bibliotheek", "status", "getekend_op"]
    list_filter = ["status"]
    list_select_related = ["bibliotheek"]
    readonly_fields = ["status"]
    filter_horizontal = ["diensten", "gemeenten"]


@admin.register(Licentie)
class LicentieAdmin(TransitionButtonsAdmin, admin.ModelAdmin):
    list_display = ["bibliotheek", "begindatum", "einddatum", "status", "waarde"]
    list_filter = ["status"]
    list_select_related = ["bibliotheek"]
    readonly_fields = ["status", "vorige", "aanmelding"]
    filter_horizontal = ["gemeenten"]
    date_hierarchy = "begindatum"
