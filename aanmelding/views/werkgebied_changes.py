"""Municipal changes in a werkgebied: the library confirms its change, KB sees the list."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kbregeling.web.views import paginate, require
from kbregeling.workflow.runner import WorkflowError

from .. import permissions, werkgebied_changes
from ..models import WerkgebiedWijziging

RECENTLY_CONFIRMED = 20


class ConfirmForm(forms.Form):
    gekozen = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Municipalities that take its place in your werkgebied"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": gettext_lazy("Choose at least one municipality."),
            "invalid_choice": gettext_lazy("Choose only among the proposed municipalities."),
            "invalid_pk_value": gettext_lazy("Choose only among the proposed municipalities."),
        },
    )

    def __init__(self, *args, wijziging, **kwargs):
        super().__init__(*args, **kwargs)
        proposed = wijziging.voorgestelde_opvolgers.all()
        self.fields["gekozen"].queryset = proposed
        self.fields["gekozen"].initial = [gemeente.pk for gemeente in proposed]
        if len(proposed) > 1:
            self.fields["gekozen"].help_text = _(
                "%(name)s was split. All are chosen: untick those your library does not serve."
            ) % {"name": wijziging.gemeente.naam}


@login_required
def confirm(request, pk):
    """The change of one library: its staff confirm it; KB reads it."""
    scope = permissions.visible_werkgebied_changes(request.user, WerkgebiedWijziging.objects)
    wijziging = werkgebied_changes.with_municipalities(scope.filter(pk=pk)).first()
    if wijziging is None:
        raise Http404  # another library's change: staff never learn that it exists
    if werkgebied_changes.refresh(wijziging):  # a proposal ceased since: read it afresh
        wijziging = werkgebied_changes.with_municipalities(scope.filter(pk=pk)).first()
    may_confirm = permissions.can_confirm_werkgebied_change(wijziging, request.user)
    data = request.POST if request.method == "POST" else None  # none ticked: empty POST
    form = ConfirmForm(data, wijziging=wijziging) if may_confirm else None
    if request.method == "POST":
        require(may_confirm)
        if form.is_valid():
            try:
                werkgebied_changes.confirm(wijziging, request.user, form.cleaned_data["gekozen"])
            except WorkflowError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("Your werkgebied was changed: %(names)s instead of %(ceased)s.")
                    % {
                        "names": ", ".join(g.naam for g in form.cleaned_data["gekozen"]),
                        "ceased": wijziging.gemeente.naam,
                    },
                )
                return redirect("taken:list")
    return render(
        request,
        "aanmelding/werkgebied_change.html",
        {"wijziging": wijziging, "form": form},
    )


@login_required
def changes(request):
    """KB's list: the changes waiting for a library, longest waiting first, and the most
    recently confirmed. A fixed number of queries, however many there are."""
    require(permissions.can_see_werkgebied_changes(request.user))
    pending = werkgebied_changes.with_municipalities(
        WerkgebiedWijziging.objects.pending().order_by("aangemaakt_op", "bibliotheek__naam", "pk")
    )
    confirmed = werkgebied_changes.with_municipalities(
        WerkgebiedWijziging.objects.filter(bevestigd_op__isnull=False).order_by("-bevestigd_op")
    )[:RECENTLY_CONFIRMED]
    return render(
        request,
        "aanmelding/werkgebied_changes.html",
        {**paginate(request, pending), "confirmed": confirmed, "today": timezone.localdate()},
    )
