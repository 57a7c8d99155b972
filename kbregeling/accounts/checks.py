"""Production shares one cache between its workers: allauth's limits on wrong codes and its
guard against a code used twice live there (an in-process cache would count per worker)."""

from django.conf import settings
from django.core import checks


@checks.register("production")
def shared_cache(app_configs=None, **kwargs):
    if settings.DEBUG or settings.TESTING or settings.CACHE_URL_GIVEN:
        return []
    return [
        checks.Error(
            "Set CACHE_URL (redis://...): DEBUG is off and no shared cache is given.",
            id="accounts.E001",
        )
    ]
