from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views
from .forms import OutboxPasswordResetForm

urlpatterns = [
    path("", views.home, name="home"),
    path(
        "account/password_reset/",
        auth_views.PasswordResetView.as_view(form_class=OutboxPasswordResetForm),
        name="password_reset",
    ),
    path("account/", include("django.contrib.auth.urls")),
    # After the auth URLs: the last pattern of a name is the one `reverse("login")` gives.
    path("inloggen/", auth_views.LoginView.as_view(), name="login"),
]
