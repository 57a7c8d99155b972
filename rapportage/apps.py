from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RapportageConfig(AppConfig):
    name = "rapportage"
    verbose_name = _("Year reports")

    def ready(self):
        from . import receivers

        receivers.connect()
