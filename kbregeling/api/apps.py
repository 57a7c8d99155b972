from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "kbregeling.api"
    label = "api"
    verbose_name = _("API")

    def ready(self):
        from . import authentication  # noqa: F401 (registers the token scheme in the schema)
