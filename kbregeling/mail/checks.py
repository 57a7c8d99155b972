"""Production needs a mail server and a broker. A system check says so (``manage.py check``,
``migrate``), and the web server, the worker and beat run it before they start
(``refuse_to_start_unready``); building the image (``collectstatic``) needs neither."""

import sys

from django.conf import settings
from django.core import checks


@checks.register()
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
    errors = [error for error in production_services() if error.is_serious()]
    if errors:
        sys.exit("Refusing to start: " + " ".join(error.msg for error in errors))
