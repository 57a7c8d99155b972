"""The sign-up app's public face: other apps and the views call these, nothing deeper."""

from django.db import transaction
from django.db.models import DateField, F, IntegerField, OuterRef, Subquery, Value
from django.utils.translation import gettext as _
from django_fsm import ConcurrentTransition

from kbregeling.accounts.constants import Partij
from kbregeling.workflow.assessment import awaiting, other_party, record_advice, waiting_since
from kbregeling.workflow.drafts import claim_version
from kbregeling.workflow.runner import StaleState, WorkflowError, perform

from . import permissions
from .constants import INTREKBAAR, Advies, Status
from .models import Aanmelding, Beoordeling, Bibliotheek, Gemeente, GemeenteSamenwerking
from .plan_rules import missing_parts
from .succession import as_on as municipalities_on
from .succession import as_on_each as each_municipality_on
from .succession import reach_within, successor_walk
from .werkgebied import fold
from .werkgebied import offered as offered_municipalities
from .werkgebied_changes import pending_for as pending_werkgebied_changes

__all__ = [
    # What later apps read: the sign-up, libraries and municipalities, and the states.
    "Aanmelding",
    "Bibliotheek",
    "Gemeente",
    "Status",
    "awaiting_plans",
    "QUEUE_COLUMNS",
    "queue_rows",
    "libraries_in",
    "provinces",
    "werkgebied_names",
    "pending_werkgebied_changes",
    "municipalities_on",
    "each_municipality_on",
    "reach_within",
    "offered_municipalities",  # what a picker offers: on given days, plus what a record holds
    "successor_walk",
    "fold",  # a name as compared: any case, without accents (the public course finder)
    # What the pages and the demo do.
    "StaleState",
    "WorkflowError",
    "DraftExists",
    "OpenSignUp",
    "open_signup",
    "signups_of",
    "register_plan_links",
    "plan_links",
    "start",
    "save_plan",
    "submit",
    "withdraw",
    "advise",
]


def awaiting_plans(partij):
    """The plans on which this party's advice is outstanding."""
    return Aanmelding.objects.filter(status__in=awaiting(partij))


# The columns of a row of the reviewers' work queue (rapportage unions plans and reports).
QUEUE_COLUMNS = (
    "rij_soort",  # "plan" or "rapportage"
    "rij_pk",
    "rij_bibliotheek_id",
    "rij_bibliotheek",  # the library's name
    "rij_status",
    "rij_jaar",  # the licence year of a report; none for a plan
    "rij_deadline",  # the report's due date; none for a plan (no assessment period is set)
    "rij_sinds",  # the submission or the last advice of this round
    "rij_ander_advies",  # the other party's advice this round (an ``Advies`` value) or none
)


def queue_rows(partij):
    """The plans awaiting ``partij``'s advice as rows of the work queue (``QUEUE_COLUMNS``):
    a values queryset, to be filtered on those columns and unioned with the reports."""
    round_advices = Beoordeling.objects.filter(aanmelding=OuterRef("pk"), ronde=OuterRef("ronde"))
    other = round_advices.filter(partij=other_party(partij)).values("advies")[:1]
    return (
        awaiting_plans(partij)
        .annotate(
            rij_soort=Value("plan"),
            rij_pk=F("pk"),
            rij_bibliotheek_id=F("bibliotheek_id"),
            rij_bibliotheek=F("bibliotheek__naam"),
            rij_status=F("status"),
            rij_jaar=Value(None, output_field=IntegerField()),
            rij_deadline=Value(None, output_field=DateField()),
            rij_sinds=waiting_since(round_advices),
            rij_ander_advies=Subquery(other),
        )
        .values(*QUEUE_COLUMNS)
    )


def libraries_in(provincie):
    """The libraries serving a municipality in this province, as a subquery."""
    return Bibliotheek.objects.filter(werkgebied__provincie=provincie).values("pk")


def provinces() -> list[str]:
    """The twelve provinces, in order, for the filters of every list page."""
    return list(
        Gemeente.objects.order_by("provincie").values_list("provincie", flat=True).distinct()
    )


def werkgebied_names(bibliotheek_ids) -> dict[int, list[str]]:
    """The names of each library's municipalities, alphabetical, in one query."""
    names = {}
    rows = (
        Bibliotheek.werkgebied.through.objects.filter(bibliotheek_id__in=list(bibliotheek_ids))
        .order_by("gemeente__naam")
        .values_list("bibliotheek_id", "gemeente__naam")
    )
    for bibliotheek_id, naam in rows:
        names.setdefault(bibliotheek_id, []).append(naam)
    return names


def signups_of(bibliotheek_id):
    """A library's sign-ups, newest first (for the library's task list, which fetches the
    advices of the few it shows)."""
    return Aanmelding.objects.filter(bibliotheek_id=bibliotheek_id).order_by(
        "-aangemaakt_op", "-pk"
    )


# A sign-up in one of these states is not finished: the library has at most one of them.
OPEN = INTREKBAAR


def open_signup(bibliotheek_id) -> Aanmelding | None:
    """The library's sign-up that is not finished yet (draft, submitted, being assessed, more
    information asked), or None."""
    return (
        Aanmelding.objects.filter(bibliotheek_id=bibliotheek_id, status__in=OPEN)
        .order_by("-gewijzigd_op", "-pk")
        .first()
    )


class OpenSignUp(WorkflowError):
    """The library already has a sign-up that is not finished, ``aanmelding``: a second one
    may start only once it is approved, rejected or withdrawn."""

    def __init__(self, aanmelding, message=None):
        super().__init__(
            message
            or _(
                "Your library already has a sign-up that is not finished yet, so no new one "
                "was started. A new sign-up can start once this one is approved, rejected or "
                "withdrawn."
            )
        )
        self.aanmelding = aanmelding


class DraftExists(OpenSignUp):
    """The library already has a draft plan, ``aanmelding``: it works on one at a time."""

    def __init__(self, aanmelding):
        super().__init__(
            aanmelding,
            _(
                "Your library already has a draft plan, so no second one was started: "
                "continue with this one."
            ),
        )


# Links a later app adds to a plan's page (the agreement form of an approved plan): each
# provider takes (aanmelding, user) and returns [(label, url), ...] the user may open.
PLAN_LINKS = []


def register_plan_links(provider):
    if provider not in PLAN_LINKS:
        PLAN_LINKS.append(provider)


def plan_links(aanmelding, user) -> list[tuple[str, str]]:
    return [link for provider in PLAN_LINKS for link in provider(aanmelding, user)]


@transaction.atomic
def start(bibliotheek, by) -> Aanmelding:
    """A new draft plan; refused with ``DraftExists`` while the library has a draft, and
    with ``OpenSignUp`` while it has another sign-up that is not finished. So a double click,
    or a second tab, never makes two drafts; a second plan starts once the first is approved,
    rejected or withdrawn."""
    # One start at a time per library: the second click waits here, then finds the draft.
    list(Bibliotheek.objects.select_for_update().filter(pk=bibliotheek.pk).values_list("pk"))
    draft = (
        Aanmelding.objects.filter(bibliotheek=bibliotheek, status=Status.CONCEPT)
        .order_by("-gewijzigd_op", "-pk")
        .first()
    )
    if draft:
        raise DraftExists(draft)
    current = open_signup(bibliotheek.pk)
    if current:
        raise OpenSignUp(current)
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
def submit(aanmelding, by, answer="") -> Aanmelding:
    """Submit the plan, or submit it again with the library's ``answer`` to the question
    that sent it back (kept with the round's snapshot and in the history)."""
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
    perform(aanmelding, name, by, answer.strip() if name == "opnieuw_indienen" else "")
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
