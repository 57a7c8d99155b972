from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.shortcuts import redirect
from django.urls import include, path

from kbregeling.api.urls import v1

# The admin has no login or password change of its own: the app's, with its lockout, second
# factor and confirmation of identity.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.password_change = lambda request, extra_context=None: redirect("account_change_password")

urlpatterns = [
    path("", include("kbregeling.accounts.urls")),
    path("", include("kbregeling.accounts.people_urls")),
    path("", include("kbregeling.health.urls")),
    path("aanmeldingen/", include("aanmelding.urls")),
    path("beheer/", include("aanmelding.urls_beheer")),
    path("beheer/api-tokens/", include("kbregeling.api.token_urls")),
    path("belangstelling/", include("aanmelding.urls_public")),
    path("licenties/", include("licenties.urls")),
    path("rapportages/", include("rapportage.urls")),
    path("taken/", include("rapportage.urls_tasklist")),
    path("mail/", include("kbregeling.mail.urls")),
    path("sessie/", include("kbregeling.web.urls")),
    path("toegangslog/", include("kbregeling.accesslog.urls")),
    path("privacy/", include("kbregeling.privacy.urls")),
    path("toegankelijkheid/", include("kbregeling.statements.urls")),
    path("cursus-vinden/", include("licenties.urls_public")),
    # The open API: each domain app's api.py gives its endpoints (README "API").
    path("api/v1/", v1("aanmelding.api", "licenties.api", "rapportage.api")),
    path("admin/", admin.site.urls),
]
