from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "kbregeling.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from . import checks, receivers  # noqa: F401 (the production check; the session's proof)
