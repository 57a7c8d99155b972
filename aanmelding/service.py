"""The sign-up app's public face: other apps and the views call these, nothing deeper."""

from django.db import transaction
from django.utils.translation import gettext as _
from django_fsm import ConcurrentTransition

from kbregeling.accounts.constants import Partij
from kbregeling.workflow.assessment import awaiting, record_advice
from kbregeling.workflow.drafts import claim_version
from kbregeling.workflow.runner import StaleState, WorkflowError, perform

from . import permissions
from .constants import Advies, Status
from .models import Aanmelding, Beoordeling, Bibliotheek, Gemeente, GemeenteSamenwerking
from .plan_rules import missing_parts

__all__ = [
    # What later apps read: the sign-up, libraries and municipalities, and the states.
    "Aanmelding",
    "Bibliotheek",
    "Gemeente",
    "Status",
    "awaiting_plans",
    "libraries_in",
    "provinces",
    # What the pages and the demo do.
    "StaleState",
    "WorkflowError",
    "DraftExists",
    "start",
    "save_plan",
    "submit",
    "withdraw",
    "advise",
]


def awaiting_plans(partij):
    """The plans on which this party's advice is outstanding."""
    return Aanmelding.objects.filter(status__in=awaiting(partij))


def libraries_in(provincie):
    """The libraries serving a municipality in this province, as a subquery."""
    return Bibliotheek.objects.filter(werkgebied__provincie=provincie).values("pk")


def provinces() -> list[str]:
    """The twelve provinces, in order, for the filters of every list page."""
    return list(
        Gemeente.objects.order_by("provincie").values_list("provincie", flat=True).distinct()
    )


class DraftExists(WorkflowError):
    """The library already has a draft plan, ``aanmelding``: it works on one at a time."""

    def __init__(self, aanmelding):
        super().__init__(
            _(
                "Your library already has a draft plan, so no second one was started: "
                "continue with this one."
            )
        )
        self.aanmelding = aanmelding


@transaction.atomic
def start(bibliotheek, by) -> Aanmelding:
    """A new draft plan; refused with ``DraftExists`` while the library has one. So a double
    click, or a second tab, never makes two drafts; a second plan starts once the first is
    submitted or withdrawn."""
    # One start at a time per library: the second click waits here, then finds the draft.
    list(Bibliotheek.objects.select_for_update().filter(pk=bibliotheek.pk).values_list("pk"))
    draft = (
        Aanmelding.objects.filter(bibliotheek=bibliotheek, status=Status.CONCEPT)
        .order_by("-gewijzigd_op", "-pk")
        .first()
    )
    if draft:
        raise DraftExists(draft)
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
    claim_version(
        aanmelding,
        versie,
        permissions.can_edit(aanmelding, by),
        _(
            "Someone else saved this plan while you were editing it. Your changes are "
            "still in the form below: copy what you need, then reload the page."
        ),
    )
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
        aanmelding.bibliotheek_id, by
    ):
        return aanmelding  # submitted already (a double click): nothing more to do
    name = "opnieuw_indienen" if aanmelding.status == Status.AANVULLING_GEVRAAGD else "indienen"
    missing = missing_parts(aanmelding)
    if missing and aanmelding.is_bewerkbaar and permissions.can_edit(aanmelding, by):
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


ADVICE_TRANSITION = {
    Advies.POSITIEF: {Partij.KB: "kb_positief", Partij.DIGISTERKER: "digisterker_positief"},
    Advies.NEGATIEF: "afwijzen",
    Advies.AANVULLING_NODIG: "aanvulling_vragen",
}


@transaction.atomic
def advise(aanmelding, by, advies, motivering, seen_status) -> Beoordeling:
    """Record one party's advice and move the plan on; refused if the plan changed since
    the reviewer loaded it (``seen_status``) or their party already advised this round."""
    name = ADVICE_TRANSITION[advies]
    if isinstance(name, dict):
        name = name.get(by.partij, "kb_positief")
    return record_advice(
        _locked(aanmelding), by, name, seen_status, advies=advies, motivering=motivering
    )
