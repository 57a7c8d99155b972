"""The public privacy page: what the application keeps, why, and for how long."""

from django.conf import settings
from django.shortcuts import render


def page(request):
    months = {
        "deactivated": settings.RETENTION_DEACTIVATED_MONTHS,
        "mail_body": settings.RETENTION_MAIL_BODY_MONTHS,
        "declined_interest": settings.RETENTION_DECLINED_INTEREST_MONTHS,
        "access_log": settings.ACCESS_LOG_MONTHS,
    }
    return render(request, "privacy/page.html", {"months": months})
