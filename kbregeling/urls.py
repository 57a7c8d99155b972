from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("kbregeling.accounts.urls")),
    path("aanmeldingen/", include("aanmelding.urls")),
    path("licenties/", include("licenties.urls")),
    path("rapportages/", include("rapportage.urls")),
    path("admin/", admin.site.urls),
]
