"""The task list, the start page of library staff: ``/taken/``."""

from django.urls import path

from .views import tasklist

app_name = "taken"
urlpatterns = [path("", tasklist.tasklist, name="list")]
