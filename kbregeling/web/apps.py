from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "kbregeling.web"
    label = "web"
