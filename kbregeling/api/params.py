"""The query parameters endpoints share."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

FIRST_YEAR, LAST_YEAR = 2000, 2100

JAAR = OpenApiParameter(
    "jaar", int, description=gettext_lazy("The year (2000–2100); without it, this year.")
)
JAAR_OPTIONAL = OpenApiParameter(
    "jaar", int, description=gettext_lazy("Only this year (2000–2100); without it, every year.")
)


def year_param(request) -> int:
    """``?jaar=``: this year when missing; a 400 problem when it is not a year."""
    jaar = optional_year(request)
    return timezone.localdate().year if jaar is None else jaar


def optional_year(request) -> int | None:
    """``?jaar=``: None when missing; a 400 problem when it is not a year."""
    value = request.query_params.get("jaar", "")
    if value == "":
        return None
    try:
        jaar = int(value)
    except ValueError:
        jaar = None
    if jaar is None or not FIRST_YEAR <= jaar <= LAST_YEAR:
        reason = _("Give a year from %(first)d to %(last)d.")
        raise ValidationError({"jaar": [reason % {"first": FIRST_YEAR, "last": LAST_YEAR}]})
    return jaar
