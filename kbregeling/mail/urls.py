from django.urls import path

from . import views

app_name = "mail"
urlpatterns = [
    path("niet-verzonden/", views.failed, name="failed"),
    path("<int:pk>/opnieuw-versturen/", views.resend, name="resend"),
]
