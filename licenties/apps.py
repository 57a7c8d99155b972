from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LicentiesConfig(AppConfig):
    name = "licenties"
    verbose_name = _("Licences")

    def ready(self):
        from django_fsm.signals import post_transition

        from aanmelding.models import Aanmelding

        from .receivers import on_aanmelding_approved

        # The sign-up app knows nothing of licences: this app reacts to its approval.
        post_transition.connect(
            on_aanmelding_approved, sender=Aanmelding, dispatch_uid="licenties.first_licence"
        )
