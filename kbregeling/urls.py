from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("inloggen/", auth_views.LoginView.as_view(), name="login"),
    path("account/", include("django.contrib.auth.urls")),
    path("aanmeldingen/", include("aanmelding.urls")),
    path("admin/", admin.site.urls),
]
