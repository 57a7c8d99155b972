from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "kbregeling.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from kbregeling.privacy.retention import register

        from . import checks, receivers  # noqa: F401 (the production check; the session's proof)
        from .retention import anonymise_deactivated

        register("accounts", anonymise_deactivated)
