from django.urls import path

from . import views

app_name = "accesslog"
urlpatterns = [
    path("", views.entries, name="entries"),
]
