"""Who has access, and bringing people in or out: a library's staff manage their colleagues,
KB's administrator the people of every library and of both reviewer parties. Nobody is
deleted: a person who leaves is deactivated, their actions stay in the history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kbregeling.web.views import require

from . import invitations, permissions
from .constants import REVIEWER_PARTY_ROLES, Rol
from .forms import InviteForm
from .models import Gebruiker, Uitnodiging


def _library_model():
    """The library, without this shared app importing the sign-up app."""
    return Gebruiker._meta.get_field("bibliotheek").related_model


def _refuse(verdict, user):
    """Staff of another library never learn that a page exists: 404; anyone else: 403."""
    if not verdict and user.is_bibliotheekmedewerker:
        raise Http404
    require(verdict)


@login_required
def people(request):
    """The menu's entry: library staff go to their library's people."""
    if request.user.is_bibliotheekmedewerker:
        return redirect("accounts:library_people", bibliotheek_id=request.user.bibliotheek_id)
    require(permissions.is_kb_administrator(request.user))
    return redirect("accounts:reviewer_people")


@login_required
def library_people(request, bibliotheek_id):
    _refuse(permissions.can_manage_library_people(bibliotheek_id, request.user), request.user)
    bibliotheek = get_object_or_404(_library_model(), pk=bibliotheek_id)
    staff = Gebruiker.objects.filter(
        bibliotheek_id=bibliotheek_id, groups__name=Rol.BIBLIOTHEEKMEDEWERKER
    )
    invited = Uitnodiging.objects.filter(bibliotheek_id=bibliotheek_id)
    return _people_page(request, staff, invited, roles=None, bibliotheek=bibliotheek)


@login_required
def reviewer_people(request):
    require(permissions.is_kb_administrator(request.user))
    staff = Gebruiker.objects.filter(groups__name__in=REVIEWER_PARTY_ROLES).distinct()
    invited = Uitnodiging.objects.filter(bibliotheek=None)
    return _people_page(request, staff, invited, roles=REVIEWER_PARTY_ROLES, bibliotheek=None)


def _people_page(request, staff, invited, roles, bibliotheek):
    form = InviteForm(request.POST or None, roles=roles)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            invitation = invitations.invite(
                by=request.user,
                email=data["email"],
                rol=data.get("rol", Rol.BIBLIOTHEEKMEDEWERKER),
                bibliotheek=bibliotheek,
                voornaam=data["voornaam"],
                achternaam=data["achternaam"],
            )
        except invitations.InvitationError as error:
            form.add_error("email", str(error))
        else:
            messages.success(
                request, _("An invitation was sent to %(email)s.") % {"email": invitation.email}
            )
            return redirect(request.path)
    staff = staff.prefetch_related("groups").order_by("-is_active", "first_name", "username")
    invited = invited.select_related("uitgenodigd_door")
    return render(
        request,
        "accounts/people.html",
        {
            "bibliotheek": bibliotheek,
            "staff": staff,
            "invitations": invited,
            "form": form,
        },
    )


def _back(person_or_invitation):
    if person_or_invitation.bibliotheek_id:
        return redirect(
            "accounts:library_people", bibliotheek_id=person_or_invitation.bibliotheek_id
        )
    return redirect("accounts:reviewer_people")


@login_required
@require_POST
def deactivate(request, pk):
    with transaction.atomic():
        person = get_object_or_404(Gebruiker, pk=pk, geanonimiseerd_op=None)
        if person.bibliotheek_id:
            # The library's row first, as a lock: two colleagues taking each other's access at
            # the same moment take turns (and the second finds one contact must remain).
            _library_model().objects.select_for_update().filter(pk=person.bibliotheek_id).first()
        person = Gebruiker.objects.select_for_update().get(pk=person.pk)
        _refuse(permissions.can_manage_person(person, request.user), request.user)
        problem = _why_not_deactivate(person, request.user)
        if problem:
            messages.error(request, problem)
        elif person.is_active:
            person.is_active = False
            person.gedeactiveerd_op = timezone.now()
            person.save(update_fields=["is_active", "gedeactiveerd_op"])
            messages.success(
                request,
                _("%(name)s no longer has access; what they did stays in the history.")
                % {"name": person.get_full_name() or person.username},
            )
    return _back(person)


def _why_not_deactivate(person, user) -> str:
    if person == user:
        return _("You cannot take away your own access; ask a colleague.")
    if person.bibliotheek_id and Rol.BIBLIOTHEEKMEDEWERKER in person.rollen:
        others = Gebruiker.objects.filter(
            bibliotheek_id=person.bibliotheek_id,
            groups__name=Rol.BIBLIOTHEEKMEDEWERKER,
            is_active=True,
        ).exclude(pk=person.pk)
        if not others.exists():
            return _("At least one active contact must remain for the library.")
    return ""


@login_required
@require_POST
def reactivate(request, pk):
    person = get_object_or_404(Gebruiker, pk=pk, geanonimiseerd_op=None)
    _refuse(permissions.can_manage_person(person, request.user), request.user)
    if not person.is_active:
        person.is_active = True
        person.gedeactiveerd_op = None
        person.save(update_fields=["is_active", "gedeactiveerd_op"])
        messages.success(
            request,
            _("%(name)s has access again.") % {"name": person.get_full_name() or person.username},
        )
    return _back(person)


def _invitation_step(request, pk, step, done):
    """Send an invitation again or withdraw it, for those who manage its people."""
    invitation = get_object_or_404(Uitnodiging, pk=pk)
    _refuse(permissions.can_manage_invitation(invitation, request.user), request.user)
    try:
        step(invitation, request.user)
    except invitations.InvitationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done % {"email": invitation.email})
    return _back(invitation)


@login_required
@require_POST
def invitation_send_again(request, pk):
    done = _("The invitation was sent again to %(email)s.")
    return _invitation_step(request, pk, invitations.send_again, done)


@login_required
@require_POST
def invitation_withdraw(request, pk):
    done = _("The invitation was withdrawn: its link no longer works.")
    return _invitation_step(request, pk, invitations.withdraw, done)
