from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowConfig(AppConfig):
    name = "kbregeling.workflow"
    label = "workflow"
    verbose_name = _("Workflow")

    def ready(self):
        from . import audit

        audit.connect()
