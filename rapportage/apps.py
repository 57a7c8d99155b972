from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RapportageConfig(AppConfig):
    name = "rapportage"
    verbose_name = _("Year reports")

    def ready(self):
        from django_fsm.signals import post_transition

        from .messenger import on_rapportage_transition
        from .models import Rapportage

        post_transition.connect(
            on_rapportage_transition, sender=Rapportage, dispatch_uid="rapportage.notify"
        )
