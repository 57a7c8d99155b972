from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    name = "kbregeling.letters"
    label = "letters"
    verbose_name = _("Decision letters")

    def ready(self):
        from kbregeling.mail.outbox import register_attachment

        from .service import ATTACHMENT, attachment_file

        register_attachment(ATTACHMENT, attachment_file)
