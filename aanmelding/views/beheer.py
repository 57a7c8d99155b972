"""KB's administrator: the libraries, onboarding a new one with its first contact, and the
queue of interest requests from the public page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from kbregeling.accounts.constants import Rol
from kbregeling.web.views import require

from .. import onboarding, permissions, werkgebied_changes
from ..models import Belangstelling, Bibliotheek, Gemeente
from ..onboarding_forms import AfwijzenForm, BibliotheekForm, FirstContactForm

ACTIVE_STAFF = Q(medewerkers__is_active=True, medewerkers__groups__name=Rol.BIBLIOTHEEKMEDEWERKER)
OPEN_INVITATION = Q(uitnodigingen__geaccepteerd_op=None, uitnodigingen__ingetrokken_op=None)


@login_required
def libraries(request):
    require(permissions.can_manage_libraries(request.user))
    rows = (
        # Counted over joins in one GROUP BY: a correlated subquery per library and count
        # ran 450 times on PostgreSQL (11 ms for 150 libraries).
        Bibliotheek.objects.annotate(
            aantal_gemeenten=Count("werkgebied", distinct=True),
            aantal_medewerkers=Count("medewerkers", filter=ACTIVE_STAFF, distinct=True),
            aantal_uitnodigingen=Count("uitnodigingen", filter=OPEN_INVITATION, distinct=True),
        )
        .order_by("naam")
        .values_list(
            "pk",
            "naam",
            "plaats",
            "aantal_gemeenten",
            "aantal_medewerkers",
            "aantal_uitnodigingen",
            named=True,
        )
    )
    return render(request, "aanmelding/beheer/libraries.html", {"libraries": rows})


@login_required
def library_new(request):
    require(permissions.can_manage_libraries(request.user))
    belangstelling = _interest_to_onboard(request)
    if belangstelling is False:
        return redirect("beheer:interest")
    data = request.POST if request.method == "POST" else None
    form = BibliotheekForm(data, initial=_library_initial(belangstelling))
    contact_form = FirstContactForm(data, initial=_contact_initial(belangstelling))
    if data is not None and form.is_valid() and contact_form.is_valid():
        try:
            bibliotheek = onboarding.onboard(
                form.save(commit=False),
                form.cleaned_data["werkgebied"],
                by=request.user,
                contact=contact_form.cleaned_data,
                belangstelling=belangstelling,
            )
        except onboarding.InvitationError as error:
            form.instance.pk = None  # rolled back: nothing was created
            contact_form.add_error("email", str(error))
        except onboarding.AlreadyHandled as error:
            messages.info(request, str(error))
            return redirect("beheer:interest")
        else:
            messages.success(
                request,
                _("%(library)s was added and an invitation was sent to %(email)s.")
                % {"library": bibliotheek.naam, "email": contact_form.cleaned_data["email"]},
            )
            return redirect("beheer:library_edit", pk=bibliotheek.pk)
    return render(
        request,
        "aanmelding/beheer/library_new.html",
        {"form": form, "contact_form": contact_form, "belangstelling": belangstelling},
    )


def _interest_to_onboard(request):
    """The request of ``?belangstelling=``: None without one, False (with a message) when it
    was handled already."""
    pk = request.GET.get("belangstelling", "")
    if not pk:
        return None
    if not pk.isdigit():
        raise Http404
    belangstelling = get_object_or_404(
        Belangstelling.objects.prefetch_related(
            Prefetch("gemeenten", queryset=Gemeente.objects.order_by("naam"))
        ),
        pk=pk,
    )
    if belangstelling.status != Belangstelling.Status.NIEUW:
        messages.info(request, str(onboarding.AlreadyHandled()))
        return False
    return belangstelling


def _library_initial(belangstelling):
    if belangstelling is None:
        return {}
    return {
        "naam": belangstelling.organisatie,
        "contactpersoon": belangstelling.naam,
        "contact_email": belangstelling.email,
        "telefoon": belangstelling.telefoon,
        "werkgebied": list(belangstelling.gemeenten.all()),
    }


def _contact_initial(belangstelling):
    if belangstelling is None:
        return {}
    voornaam, _space, achternaam = belangstelling.naam.strip().partition(" ")
    return {"voornaam": voornaam, "achternaam": achternaam, "email": belangstelling.email}


@login_required
def library_edit(request, pk):
    verdict = permissions.can_manage_libraries(request.user)
    if not verdict and request.user.is_bibliotheekmedewerker and request.user.bibliotheek_id != pk:
        raise Http404  # staff of another library never learn that a page exists
    require(verdict)
    bibliotheek = get_object_or_404(Bibliotheek, pk=pk)
    form = BibliotheekForm(request.POST or None, instance=bibliotheek)
    if request.method == "POST" and form.is_valid():
        form.save()
        werkgebied_changes.settle(bibliotheek, request.user)  # a ceased one taken out by hand
        messages.success(request, _("The library's details were saved."))
        return redirect("beheer:library_edit", pk=pk)
    return render(
        request, "aanmelding/beheer/library_edit.html", {"form": form, "bibliotheek": bibliotheek}
    )


@login_required
def interest(request):
    require(permissions.can_manage_libraries(request.user))
    waiting = Belangstelling.objects.filter(status=Belangstelling.Status.NIEUW)
    handled = (
        Belangstelling.objects.exclude(status=Belangstelling.Status.NIEUW)
        .select_related("behandeld_door", "bibliotheek")
        .only(*HANDLED_FIELDS)
        .order_by("-behandeld_op")
    )
    # The page shows every request, so the municipalities of all of them, in one query.
    gemeenten = {}
    names = Belangstelling.gemeenten.through.objects.order_by("gemeente__naam")
    for pk, naam in names.values_list("belangstelling_id", "gemeente__naam"):
        gemeenten.setdefault(pk, []).append(naam)
    return render(
        request,
        "aanmelding/beheer/interest.html",
        {
            "waiting": list(waiting.order_by("ontvangen_op")),
            "handled": list(handled),
            "gemeenten": gemeenten,
        },
    )


# What the list of handled requests shows of a request and of the library and person.
HANDLED_FIELDS = [
    "organisatie",
    "naam",
    "ontvangen_op",
    "status",
    "reden",
    "behandeld_op",
    "bibliotheek__naam",
    "behandeld_door__first_name",
    "behandeld_door__last_name",
    "behandeld_door__username",
    "behandeld_door__geanonimiseerd_op",
]


@login_required
def interest_decline(request, pk):
    require(permissions.can_manage_libraries(request.user))
    belangstelling = get_object_or_404(Belangstelling.objects.prefetch_related("gemeenten"), pk=pk)
    if belangstelling.status != Belangstelling.Status.NIEUW:
        messages.info(request, str(onboarding.AlreadyHandled()))
        return redirect("beheer:interest")
    form = AfwijzenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            onboarding.decline(belangstelling, by=request.user, reden=form.cleaned_data["reden"])
        except onboarding.AlreadyHandled as error:
            messages.info(request, str(error))
        else:
            messages.success(
                request,
                _("The request of %(organisation)s was declined; the requester was told why.")
                % {"organisation": belangstelling.organisatie},
            )
        return redirect("beheer:interest")
    return render(
        request,
        "aanmelding/beheer/interest_decline.html",
        {"belangstelling": belangstelling, "form": form},
    )
