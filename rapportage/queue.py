"""The reviewers' work queue: the plans and year reports awaiting their party, in one list.

The plans come from ``aanmelding.service.queue_rows``; the reports are built here with the
same columns, and the two are unioned in one SQL query, so filtering, sorting and paging
happen in the database and the page runs a fixed number of queries however long the queue.
"""

from django import forms
from django.db.models import Case, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from aanmelding import service as aanmelding
from kbregeling.accounts.constants import Partij
from kbregeling.conversation import service as conversation
from kbregeling.web.rows import url_maker
from kbregeling.workflow.assessment import other_party, waiting_since

from .constants import RapportageStatus as S
from .constants import awaiting_reports
from .models import Rapportage, RapportageBeoordeling

PLAN, RAPPORTAGE = "plan", "rapportage"
KINDS = [(PLAN, gettext_lazy("Plans")), (RAPPORTAGE, gettext_lazy("Year reports"))]

# The other party's advice this round, as a plan's advice; a report's advice that the
# report is sufficient counts as positive when it advises renewal, negative when it does not.
ADVICE_LABELS = {
    "positief": gettext_lazy("positive"),
    "negatief": gettext_lazy("negative"),
    "aanvulling_nodig": gettext_lazy("more information needed"),
    None: gettext_lazy("not yet"),
}

# ?sorteer=: (label, ordering of the unioned rows).
SORTINGS = {
    "wachttijd": (gettext_lazy("days waiting, longest first"), ["rij_sinds", "rij_pk"]),
    "deadline": (
        gettext_lazy("due date, earliest first"),
        [F("rij_deadline").asc(nulls_last=True), "rij_sinds", "rij_pk"],
    ),
    "bibliotheek": (gettext_lazy("library, A to Z"), ["rij_bibliotheek", "rij_sinds", "rij_pk"]),
}


def state_labels() -> dict:
    """The states as the queue names them: an assessed report awaits KB's renewal decision."""
    return dict(S.choices) | {S.BEOORDEELD: _("Assessed: renewal decision")}


def report_rows(partij):
    """The reports awaiting ``partij`` (its advice, or for KB the renewal decision) as rows of
    the work queue, in the columns of ``aanmelding.service.QUEUE_COLUMNS``."""
    round_advices = RapportageBeoordeling.objects.filter(
        rapportage=OuterRef("pk"), ronde=OuterRef("ronde")
    )
    other = (
        round_advices.filter(partij=other_party(partij))
        .annotate(
            as_plan_advice=Case(
                When(voldoende=False, then=Value("aanvulling_nodig")),
                When(advies_verlengen=True, then=Value("positief")),
                default=Value("negatief"),
            )
        )
        .values("as_plan_advice")[:1]
    )
    return (
        Rapportage.objects.filter(status__in=awaiting_reports(partij))
        .annotate(
            rij_soort=Value(RAPPORTAGE),
            rij_pk=F("pk"),
            rij_bibliotheek_id=F("licentie__bibliotheek_id"),
            rij_bibliotheek=F("licentie__bibliotheek__naam"),
            rij_status=F("status"),
            rij_jaar=ExtractYear("licentie__begindatum"),
            rij_deadline=F("deadline"),
            rij_sinds=waiting_since(round_advices),
            rij_ander_advies=Subquery(other),
        )
        .values(*aanmelding.QUEUE_COLUMNS)
    )


class QueueFilterForm(forms.Form):
    """The filters, checked here and rendered by a plain template loop (no crispy: the list
    of libraries is long)."""

    soort = forms.ChoiceField(label=gettext_lazy("Kind"), required=False)
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False)
    provincie = forms.ChoiceField(label=gettext_lazy("Province"), required=False)
    bibliotheek = forms.TypedChoiceField(
        label=gettext_lazy("Library"), required=False, coerce=int, empty_value=None
    )
    sorteer = forms.ChoiceField(label=gettext_lazy("Sort by"), required=False)

    def __init__(self, data, partij):
        super().__init__(data)
        self.fields["soort"].choices = [("", _("Plans and year reports")), *KINDS]
        labels = state_labels()
        self.fields["status"].choices = [("", _("Every state awaiting you"))] + [
            (value, labels[value]) for value in awaiting_reports(partij)
        ]
        self.fields["provincie"].choices = [("", _("All provinces"))] + [
            (p, p) for p in aanmelding.provinces()
        ]
        self.fields["bibliotheek"].choices = [("", _("All libraries"))] + list(
            aanmelding.Bibliotheek.objects.order_by("naam").values_list("pk", "naam")
        )
        self.fields["sorteer"].choices = [(key, label) for key, (label, _o) in SORTINGS.items()]

    def filters(self) -> dict:
        return self.cleaned_data if self.is_valid() else {}


def work_queue(user, filters):
    """The rows awaiting ``user``'s party under ``filters`` (cleaned ``QueueFilterForm`` data),
    sorted, as one values queryset. Never the reviewer's own library."""
    partij = user.partij
    parts = {PLAN: aanmelding.queue_rows(partij), RAPPORTAGE: report_rows(partij)}
    if filters.get("soort"):
        parts = {filters["soort"]: parts[filters["soort"]]}
    condition = Q()
    if filters.get("status"):
        condition &= Q(rij_status=filters["status"])
    if filters.get("provincie"):
        condition &= Q(rij_bibliotheek_id__in=aanmelding.libraries_in(filters["provincie"]))
    if filters.get("bibliotheek"):
        condition &= Q(rij_bibliotheek_id=filters["bibliotheek"])
    if getattr(user, "bibliotheek_id", None):  # a reviewer never advises on their own library
        condition &= ~Q(rij_bibliotheek_id=user.bibliotheek_id)
    queries = [qs.filter(condition).order_by() for qs in parts.values()]
    rows = queries[0].union(*queries[1:], all=True) if len(queries) > 1 else queries[0]
    return rows.order_by(*SORTINGS[filters.get("sorteer") or "wachttijd"][1])


def shown(rows):
    """The rows of one page as the template shows them: the labels, link, days waiting and
    due date made here, once per row, rather than by template tags in the row loop."""
    today = timezone.localdate()
    labels = {value: str(label) for value, label in state_labels().items()}
    advice = {value: str(label) for value, label in ADVICE_LABELS.items()}
    detail = {PLAN: url_maker("aanmelding:detail"), RAPPORTAGE: url_maker("rapportage:detail")}
    for row in rows:
        since, kind = row["rij_sinds"], row["rij_soort"]
        dagen = (today - timezone.localtime(since).date()).days if since else None
        yield row | {
            "soort_label": _("Plan")
            if kind == PLAN
            else _("Year report %(year)s") % {"year": row["rij_jaar"]},
            "url": detail[kind](row["rij_pk"]),
            "status_label": labels.get(row["rij_status"], row["rij_status"]),
            "ander_advies_label": advice.get(row["rij_ander_advies"]),
            "dagen": dagen,
            "dagen_label": None
            if dagen is None
            else ngettext("%(n)s day", "%(n)s days", dagen) % {"n": dagen},
            "deadline_label": date_format(row["rij_deadline"], "j F Y")
            if row["rij_deadline"]
            else "",
        }


def with_unread(rows, user) -> list:
    """The rows of one page with the number of messages the reviewer has not read on each
    (``ongelezen``): one query for the page."""
    models = {PLAN: aanmelding.Aanmelding, RAPPORTAGE: Rapportage}
    ids = {model: [r["rij_pk"] for r in rows if r["rij_soort"] == k] for k, model in models.items()}
    unread = conversation.unread_counts(user, ids)
    for row in rows:
        row["ongelezen"] = unread.get((models[row["rij_soort"]], row["rij_pk"]), 0)
    return rows


def summary(count, partij, form) -> str:
    """The current filter in one Dutch sentence, read out to screen readers after filtering."""
    filters, parts = form.filters(), []
    choices = {name: dict(form.fields[name].choices) for name in form.fields}
    if filters.get("soort"):
        parts.append(_("only %(kind)s") % {"kind": str(choices["soort"][filters["soort"]]).lower()})
    for name, text in (
        ("status", _("state “%(value)s”")),
        ("provincie", _("province %(value)s")),
        ("bibliotheek", _("library %(value)s")),
    ):
        if filters.get(name):
            parts.append(text % {"value": choices[name][filters[name]]})
    values = {
        "count": count,
        "party": Partij(partij).label,
        "filters": ", ".join(parts),
        "sort": SORTINGS[filters.get("sorteer") or "wachttijd"][0],
    }
    if parts:
        return (
            ngettext(
                "%(count)s item awaits %(party)s: %(filters)s; sorted by %(sort)s.",
                "%(count)s items await %(party)s: %(filters)s; sorted by %(sort)s.",
                count,
            )
            % values
        )
    return (
        ngettext(
            "%(count)s item awaits %(party)s; sorted by %(sort)s.",
            "%(count)s items await %(party)s; sorted by %(sort)s.",
            count,
        )
        % values
    )
