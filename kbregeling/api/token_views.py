"""KB's administrator makes and revokes the organisations' API tokens (``/beheer/api-tokens/``).

A new token's key is shown once, on the answer to the form that made it (never through a
message or a redirect, which would keep it in the session); only its hash is stored."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kbregeling.web.views import require

from . import permissions
from .forms import ApiTokenForm
from .models import ApiToken


@login_required
def tokens(request):
    require(permissions.can_manage_tokens(request.user))
    form = ApiTokenForm(request.POST if request.method == "POST" else None)
    issued = None
    if form.is_bound and form.is_valid():
        token, key = ApiToken.issue(
            form.cleaned_data["organisatie"], form.cleaned_data["bibliotheek"], by=request.user
        )
        issued = {"token": token, "key": key}
        form = ApiTokenForm()
    rows = ApiToken.objects.select_related("bibliotheek", "aangemaakt_door")
    return render(request, "api/tokens.html", {"form": form, "issued": issued, "tokens": rows})


@login_required
@require_POST
def revoke(request, pk):
    token = get_object_or_404(ApiToken, pk=pk)
    require(permissions.can_revoke(token, request.user))
    token.revoke()
    messages.success(
        request,
        _("The token of %(organisation)s is revoked: its key no longer works.")
        % {"organisation": token.organisatie},
    )
    return redirect("api_tokens:list")
