from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "kbregeling.web"
    label = "web"

    def ready(self):
        from . import receivers  # noqa: F401 (connects the signal receivers)
