from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessLogConfig(AppConfig):
    name = "kbregeling.accesslog"
    label = "accesslog"
    verbose_name = _("Access log")

    def ready(self):
        from kbregeling.privacy.retention import register

        from . import receivers  # noqa: F401 (connects the login signals)
        from .retention import remove_old_entries

        register("accesslog", remove_old_entries)
