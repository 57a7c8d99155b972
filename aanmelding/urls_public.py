"""The public pages of the sign-up app: no login needed."""

from django.urls import path

from .views import interest

app_name = "belangstelling"
urlpatterns = [
    path("", interest.interest_form, name="form"),
    path("bedankt/", interest.thanks, name="thanks"),
]
