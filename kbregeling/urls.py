from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("kbregeling.accounts.urls")),
    path("", include("kbregeling.health.urls")),
    path("aanmeldingen/", include("aanmelding.urls")),
    path("licenties/", include("licenties.urls")),
    path("rapportages/", include("rapportage.urls")),
    path("mail/", include("kbregeling.mail.urls")),
    path("sessie/", include("kbregeling.web.urls")),
    path("toegangslog/", include("kbregeling.accesslog.urls")),
    path("admin/", admin.site.urls),
]
