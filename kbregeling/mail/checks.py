"""Production needs a mail server and a broker (and, see kbregeling.accounts.checks, a shared
cache). System checks tagged ``production`` say so (``manage.py check``, ``migrate``), and the
web server, the worker and beat run them before they start (``refuse_to_start_unready``);
building the image (``collectstatic``) needs none of them."""

import sys

from django.conf import settings
from django.core import checks

PRODUCTION = "production"


@checks.register(PRODUCTION)
def production_services(app_configs=None, **kwargs):
    if settings.DEBUG or settings.TESTING:
        return []
    errors = []
    if not settings.EMAIL_URL_GIVEN:
        errors.append(
            checks.Error("Set EMAIL_URL: DEBUG is off and no mail server is given.", id="mail.E001")
        )
    if not settings.CELERY_BROKER_URL:
        errors.append(
            checks.Error(
                "Set CELERY_BROKER_URL: DEBUG is off and no broker is given.", id="mail.E002"
            )
        )
    return errors


def refuse_to_start_unready():
    """Stop a starting web server, worker or beat when production lacks what it needs."""
    import django

    django.setup()
    errors = [error for error in checks.run_checks(tags=[PRODUCTION]) if error.is_serious()]
    if errors:
        sys.exit("Refusing to start: " + " ".join(error.msg for error in errors))
