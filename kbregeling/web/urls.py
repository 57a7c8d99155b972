from django.urls import path

from . import idle

app_name = "web"
urlpatterns = [
    path("actief/", idle.keepalive, name="keepalive"),
]
