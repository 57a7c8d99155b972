from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AanmeldingConfig(AppConfig):
    name = "aanmelding"
    verbose_name = _("Sign-up")

    def ready(self):
        from kbregeling.privacy.retention import register

        from . import receivers
        from .retention import remove_declined_interest

        receivers.connect()
        register("aanmelding", remove_declined_interest)
