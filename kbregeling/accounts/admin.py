from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import Gebruiker


@admin.register(Gebruiker)
class GebruikerAdmin(UserAdmin):
    list_display = ["username", "email", "bibliotheek", "is_active"]
    list_filter = ["groups", "is_active"]
    list_select_related = ["bibliotheek"]
    fieldsets = [*UserAdmin.fieldsets, (None, {"fields": ["bibliotheek"]})]
