"""The invited person's side: the link from the mail, choosing a password, and asking for a
new link when it expired. No login needed; the link is the key."""

from django.contrib import messages
from django.contrib.auth import login
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import invitations
from .forms import AcceptInvitationForm
from .models import Uitnodiging
from .second_factor import record_password_login


def invitation(request, token):
    found = invitations.find(token)
    if found is None or found.stand == Uitnodiging.Stand.INGETROKKEN:
        return render(request, "accounts/invitation_unusable.html", status=404)
    if found.stand == Uitnodiging.Stand.GEACCEPTEERD:
        return render(request, "accounts/invitation_used.html", {"invitation": found})
    if found.stand == Uitnodiging.Stand.VERLOPEN:
        return render(
            request, "accounts/invitation_expired.html", {"invitation": found, "token": token}
        )
    form = AcceptInvitationForm(found, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = invitations.accept(
                found,
                password=form.cleaned_data["new_password1"],
                voornaam=form.cleaned_data["voornaam"],
                achternaam=form.cleaned_data["achternaam"],
            )
        except invitations.InvitationError as error:
            form.add_error(None, str(error))
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            record_password_login(request, user)
            messages.success(request, _("Welcome! Your account is ready."))
            return redirect("home")  # roles that need it set up the second factor first
    return render(request, "accounts/invitation_accept.html", {"invitation": found, "form": form})


@require_POST
def ask_for_a_new_invitation(request, token):
    found = invitations.find(token)
    if found is None or found.stand != Uitnodiging.Stand.VERLOPEN:
        return render(request, "accounts/invitation_unusable.html", status=404)
    invitations.ask_for_a_new_one(found)
    return render(request, "accounts/invitation_asked.html", {"invitation": found})
