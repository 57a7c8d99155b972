"""The public accessibility statement (toegankelijkheidsverklaring), after the model of
digitoegankelijk.nl: who publishes it for which website, how far the website complies, what
was tested how, the known problems, and whom to tell about a problem.

Its status is the model's C ("eerste maatregelen genomen"): the pages are tested
automatically, no independent expert has audited them (an audit is what A and B require).
When one has, change ``STATUS`` and ``DRAWN_UP`` and say what it found."""

from datetime import date

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.http import require_safe

#: The day this statement was drawn up or last changed.
DRAWN_UP = date(2026, 12, 3)
#: The model's status: A (complies fully) to E (does not comply).
STATUS = "C"


@require_safe
def accessibility(request):
    return render(
        request,
        "statements/accessibility.html",
        {
            "drawn_up": DRAWN_UP,
            "status": STATUS,
            "contact": settings.ACCESSIBILITY_CONTACT,
            "site_url": settings.SITE_URL,
        },
    )
