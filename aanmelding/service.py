"""The sign-up app's public face: other apps and the views call these, nothing deeper."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _
from django_fsm import ConcurrentTransition

from . import permissions
from .constants import Advies, Partij, Status
from .messenger import notify_aanmelding
from .models import Aanmelding, Beoordeling, GemeenteSamenwerking
from .plan_rules import missing_parts
from .workflow import StaleState, WorkflowError, perform

__all__ = ["StaleState", "WorkflowError", "start", "save_plan", "submit", "withdraw", "advise"]


def start(bibliotheek, by) -> Aanmelding:
    aanmelding = Aanmelding.objects.create(bibliotheek=bibliotheek, aangemaakt_door=by)
    ensure_cooperation_rows(aanmelding)
    return aanmelding


def ensure_cooperation_rows(aanmelding):
    """One section-5 row for each municipality of the library's werkgebied."""
    GemeenteSamenwerking.objects.bulk_create(
        [
            GemeenteSamenwerking(aanmelding=aanmelding, gemeente=gemeente)
            for gemeente in aanmelding.bibliotheek.werkgebied.all()
        ],
        ignore_conflicts=True,
    )


@transaction.atomic
def save_plan(form, formset, by, versie):
    """Save an edited plan, refusing if someone else saved it since ``versie`` was read."""
    aanmelding = form.instance
    allowed, reason = permissions.can_edit(by, aanmelding)
    if not allowed:
        raise WorkflowError(reason)
    bumped = Aanmelding.objects.filter(pk=aanmelding.pk, versie=versie).update(
        versie=F("versie") + 1
    )
    if not bumped:
        raise StaleState(
            _(
                "Someone else saved this plan while you were editing it. Your changes are "
                "still in the form below: copy what you need, then reload the page."
            )
        )
    aanmelding.versie = versie + 1
    try:
        form.save()
    except ConcurrentTransition as error:  # submitted or withdrawn since the form was read
        raise StaleState() from error
    formset.save()
    return aanmelding


def _locked(aanmelding) -> Aanmelding:
    return Aanmelding.objects.select_for_update().get(pk=aanmelding.pk)


@transaction.atomic
def submit(aanmelding, by) -> Aanmelding:
    aanmelding = _locked(aanmelding)
    if aanmelding.status == Status.INGEDIEND and permissions.is_staff_of(
        by, aanmelding.bibliotheek_id
    ):
        return aanmelding  # submitted already (a double click): nothing more to do
    name = "opnieuw_indienen" if aanmelding.status == Status.AANVULLING_GEVRAAGD else "indienen"
    missing = missing_parts(aanmelding)
    if missing and aanmelding.is_bewerkbaar and permissions.can_edit(by, aanmelding):
        raise WorkflowError(
            _("The plan is not complete yet: %(missing)s") % {"missing": "; ".join(missing)}
        )
    perform(aanmelding, name, by)
    return aanmelding


@transaction.atomic
def withdraw(aanmelding, by, remark="") -> Aanmelding:
    aanmelding = _locked(aanmelding)
    perform(aanmelding, "intrekken", by, remark)
    return aanmelding


POSITIVE_TRANSITION = {Partij.KB: "kb_positief", Partij.DIGISTERKER: "digisterker_positief"}


@transaction.atomic
def advise(aanmelding, by, advies, motivering, seen_status) -> Beoordeling:
    """Record one party's advice and move the plan on; refused if the plan changed since
    the reviewer loaded it (``seen_status``) or their party already advised this round."""
    aanmelding = _locked(aanmelding)
    if aanmelding.status != seen_status:
        raise StaleState()
    if advies == Advies.POSITIEF:
        name = POSITIVE_TRANSITION.get(by.partij, "kb_positief")
    elif advies == Advies.NEGATIEF:
        name = "afwijzen"
    else:
        name = "aanvulling_vragen"
    perform(aanmelding, name, by, motivering)
    try:
        with transaction.atomic():
            beoordeling = Beoordeling.objects.create(
                aanmelding=aanmelding,
                ronde=aanmelding.ronde,
                partij=by.partij,
                advies=advies,
                motivering=motivering,
                beoordelaar=by,
            )
    except IntegrityError as error:
        raise StaleState() from error
    return beoordeling


def on_aanmelding_transition(sender, instance, name, source, target, **kwargs):
    """Tell the people concerned, after commit, of every change of a sign-up."""
    remark = (kwargs.get("method_kwargs") or {}).get("remark", "")
    notify_aanmelding(instance, target, remark)
