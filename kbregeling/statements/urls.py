from django.urls import path

from . import views

app_name = "statements"
urlpatterns = [
    path("", views.accessibility, name="accessibility"),
]
