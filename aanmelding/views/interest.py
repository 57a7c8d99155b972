"""The public page where a library that does not take part yet shows its interest. No login
and no account: KB's administrator reads the request and onboards the library or declines.

Against abuse: a honeypot field that people leave empty (filled, the page pretends success
and stores nothing) and a limit of requests per client address (``interest_request`` in
``ACCOUNT_RATE_LIMITS``)."""

from allauth.core import ratelimit
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .. import onboarding
from ..onboarding_forms import BelangstellingForm


def interest_form(request):
    form = BelangstellingForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if form.is_robot():
            return redirect("belangstelling:thanks")
        if ratelimit.consume(request, action="interest_request", key=None):
            onboarding.record_interest(form.save(commit=False), form.cleaned_data["gemeenten"])
            return redirect("belangstelling:thanks")
        form.add_error(
            None,
            _("Too many requests were sent from your address. Please try again in an hour."),
        )
        status = 429
    return render(request, "aanmelding/belangstelling/form.html", {"form": form}, status=status)


def thanks(request):
    return render(request, "aanmelding/belangstelling/thanks.html")
