from allauth.account import views as account_views
from allauth.mfa.base import views as mfa_views
from allauth.mfa.recovery_codes import views as recovery_views
from allauth.mfa.totp import views as totp_views
from django.contrib.auth import views as auth_views
from django.urls import path

from . import views
from .forms import OutboxPasswordResetForm
from .second_factor import confirm_identity

# allauth's login, logout and second-factor views, picked one by one: no sign-up, no e-mail
# management, no second password-reset flow. Changing the password or the second factor asks
# for the password (and code) again first (`confirm_identity`).
login_and_second_factor = [
    path("inloggen/", account_views.login, name="account_login"),
    path("inloggen/", account_views.login, name="login"),
    path("account/uitloggen/", account_views.logout, name="account_logout"),
    path("account/uitloggen/", account_views.logout, name="logout"),
    path("account/inactief/", account_views.account_inactive, name="account_inactive"),
    path("account/bevestigen/", account_views.reauthenticate, name="account_reauthenticate"),
    path(
        "account/wachtwoord/",
        confirm_identity(account_views.password_change),
        name="account_change_password",
    ),
    path("account/tweestaps/", mfa_views.index, name="mfa_index"),
    path("account/tweestaps/code/", mfa_views.authenticate, name="mfa_authenticate"),
    path("account/tweestaps/bevestigen/", mfa_views.reauthenticate, name="mfa_reauthenticate"),
    path(
        "account/tweestaps/app/",
        confirm_identity(totp_views.activate_totp),
        name="mfa_activate_totp",
    ),
    path(
        "account/tweestaps/app/uitzetten/",
        confirm_identity(totp_views.deactivate_totp),
        name="mfa_deactivate_totp",
    ),
    path(
        "account/tweestaps/herstelcodes/",
        confirm_identity(recovery_views.view_recovery_codes),
        name="mfa_view_recovery_codes",
    ),
    path(
        "account/tweestaps/herstelcodes/nieuw/",
        confirm_identity(recovery_views.generate_recovery_codes),
        name="mfa_generate_recovery_codes",
    ),
    path(
        "account/tweestaps/herstelcodes/download/",
        confirm_identity(recovery_views.download_recovery_codes),
        name="mfa_download_recovery_codes",
    ),
]

# Django's password reset, its mail through the outbox (forms.OutboxPasswordResetForm).
password_reset = [
    path(
        "account/password_reset/",
        auth_views.PasswordResetView.as_view(form_class=OutboxPasswordResetForm),
        name="password_reset",
    ),
    path(
        "account/password_reset/",
        auth_views.PasswordResetView.as_view(form_class=OutboxPasswordResetForm),
        name="account_reset_password",  # where allauth's pages point to
    ),
    path(
        "account/password_reset/done/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "account/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "account/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

urlpatterns = [path("", views.home, name="home"), *login_and_second_factor, *password_reset]
