from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AanmeldingConfig(AppConfig):
    name = "aanmelding"
    verbose_name = _("Sign-up")

    def ready(self):
        from django_fsm.signals import post_transition

        from . import audit
        from .models import Aanmelding
        from .service import on_aanmelding_transition

        audit.connect()
        post_transition.connect(
            on_aanmelding_transition, sender=Aanmelding, dispatch_uid="aanmelding.notify"
        )
