from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailConfig(AppConfig):
    name = "kbregeling.mail"
    label = "mail"
    verbose_name = _("E-mail")

    def ready(self):
        from kbregeling.privacy.retention import register

        from . import checks  # noqa: F401 (registers the production check)
        from .retention import empty_old_bodies

        register("mail", empty_old_bodies)
