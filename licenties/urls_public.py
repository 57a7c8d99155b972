"""The public pages of the licence app: no login needed."""

from django.urls import path

from .views import finder

app_name = "cursus"
urlpatterns = [
    path("", finder.course_finder, name="finder"),
]
