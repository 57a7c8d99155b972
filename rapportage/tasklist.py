"""The task list of a library (the GOV.UK task-list pattern): for its sign-up, agreement,
licence years and year reports the next step, who holds it now and its date.

It is built here, in the last app of the chain, from what the sign-up and licence apps give
through their ``service.py``. A request for more information comes first, with the party that
asked and its question, then a municipal change in the werkgebied to confirm. Six queries,
however long the library's history.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import prefetch_related_objects
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from aanmelding import service as aanmelding
from kbregeling.accounts.constants import Partij
from kbregeling.conversation import service as conversation
from licenties import service as licenties

from .constants import RapportageStatus as R
from .models import Rapportage
from .service import schedule_for

S = aanmelding.Status
L = licenties.LicentieStatus

# The status tag of a task: its label and its colour (Bootstrap classes with enough contrast).
TAGS = {
    "todo": (gettext_lazy("To do"), "text-bg-primary"),
    "busy": (gettext_lazy("In progress"), "text-bg-info"),
    "late": (gettext_lazy("Overdue"), "text-bg-danger"),
    "waiting": (gettext_lazy("Being assessed"), "text-bg-warning"),
    "later": (gettext_lazy("Not yet"), "text-bg-secondary"),
    "done": (gettext_lazy("Done"), "text-bg-success"),
}
DONE_SHOWN = 3  # the most recent finished steps; the rest are on the pages of the menu


@dataclass
class Task:
    title: str
    url: str
    tag: str
    holder: str
    when: str
    on: date | None = None  # the date that orders finished steps, newest first
    asked_by: str = ""
    question: str = ""
    ongelezen: int = 0  # messages on the plan or report the task leads to, not read yet

    @property
    def tag_label(self):
        return TAGS[self.tag][0]

    @property
    def tag_class(self):
        return TAGS[self.tag][1]


@dataclass
class TaskList:
    requests: list  # more information asked: first on the page
    open: list  # what is next, in the order of the library's life
    done: list  # the most recent finished steps


def day(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "hour"):
        value = timezone.localtime(value).date()
    return date_format(value, "j F Y")


def party(partij) -> str:
    return _("KB") if partij == Partij.KB else _("Stichting Digisterker")


def holders(partijen) -> str:
    if len(partijen) == 2:
        return _("KB and Stichting Digisterker")
    return party(next(iter(partijen)))


YOU = gettext_lazy("Your library")
CALENDAR = gettext_lazy("Nobody: this happens on the date")

WAITING_FOR = {
    "ingediend": {Partij.KB, Partij.DIGISTERKER},
    "wacht_op_kb": {Partij.KB},
    "wacht_op_digisterker": {Partij.DIGISTERKER},
}


def _round_advices(obj):
    """The advices of the current round, from the prefetched ``beoordelingen``."""
    return [a for a in obj.beoordelingen.all() if a.ronde == obj.ronde]


def _waiting_since(obj):
    """When the current wait began: the other party's advice, else the submission."""
    times = [a.tijdstip for a in _round_advices(obj)]
    return max(times) if times else obj.ingediend_op


def _request(obj, asked, title, url) -> Task:
    """A request for more information: which party asked, its question."""
    advice = next((a for a in _round_advices(obj) if asked(a)), None)
    return Task(
        title=title,
        url=url,
        tag="todo",
        holder=YOU,
        when=_("asked on %(date)s") % {"date": day(advice.tijdstip)} if advice else "",
        asked_by=party(advice.partij) if advice else "",
        question=advice.motivering if advice else "",
    )


def _waiting(obj, title, url, partijen=None, **numbers) -> Task:
    partijen = partijen or WAITING_FOR[obj.status]
    since = _waiting_since(obj)
    return Task(
        title=title % ({"party": holders(partijen)} | numbers),
        url=url,
        tag="waiting",
        holder=holders(partijen),
        when=_("since %(date)s") % {"date": day(since)},
    )


# The sign-up and the agreement -------------------------------------------------------------


def shown_signups(signups) -> tuple:
    """Of a library's sign-ups (newest first), the three the task list speaks of: the one
    not finished, the newest decided and the newest approved (each may be None)."""
    current = next((a for a in signups if a.status in aanmelding.OPEN), None)
    decided = next((a for a in signups if a.status in (S.GOEDGEKEURD, S.AFGEWEZEN)), None)
    approved = next((a for a in signups if a.status == S.GOEDGEKEURD), None)
    return current, decided, approved


def signup_tasks(signups, agreement, has_licences, lists: TaskList):
    current, decided, approved = signups
    if current:
        lists.open.append(signup_task(current, lists))
    if decided and decided.status == S.AFGEWEZEN:
        lists.done.append(
            Task(
                title=_("Your plan was rejected"),
                url=reverse("aanmelding:detail", args=[decided.pk]),
                tag="done",
                holder="",
                when=day(_waiting_since(decided)),
                on=_date(_waiting_since(decided)),
            )
        )
    if not current and not approved and not has_licences:
        lists.open.insert(
            0,
            Task(
                title=_("Sign up your library with a Plan van Aanpak"),
                url=reverse("aanmelding:create"),
                tag="todo",
                holder=YOU,
                when=_("You can start whenever you are ready."),
            ),
        )
    if approved:
        approved_on = _waiting_since(approved)
        lists.done.append(
            Task(
                title=_("Your plan was approved"),
                url=reverse("aanmelding:detail", args=[approved.pk]),
                tag="done",
                holder="",
                when=day(approved_on),
                on=_date(approved_on),
            )
        )
        lists.open.extend(agreement_tasks(agreement, approved_on, lists))


def signup_task(a, lists) -> Task:
    detail = reverse("aanmelding:detail", args=[a.pk])
    if a.status == S.CONCEPT:
        return Task(
            title=_("Fill in your Plan van Aanpak and submit it"),
            url=reverse("aanmelding:edit", args=[a.pk]),
            tag="busy",
            holder=YOU,
            when=_("last saved on %(date)s") % {"date": day(a.gewijzigd_op)},
        )
    if a.status == S.AANVULLING_GEVRAAGD:
        task = _request(
            a,
            lambda advice: advice.advies == "aanvulling_nodig",
            _("Add the information asked for to your plan and submit it again"),
            reverse("aanmelding:edit", args=[a.pk]),
        )
        lists.requests.append(task)
        return task
    return _waiting(a, _("Your plan awaits the advice of %(party)s"), detail)


def agreement_tasks(agreement, approved_on, lists):
    library_page = reverse("licenties:mine") + "#overeenkomst-kop"
    if agreement and agreement.is_getekend:
        lists.done.append(
            Task(
                title=_("The agreement with Stichting Digisterker is signed"),
                url=library_page,
                tag="done",
                holder="",
                when=day(agreement.getekend_op),
                on=agreement.getekend_op,
            )
        )
        return []
    return [
        Task(
            title=_("Sign the agreement with Stichting Digisterker"),
            url=library_page,
            tag="busy" if agreement else "todo",
            holder=_("Your library and Stichting Digisterker"),
            when=_(
                "Your plan was approved on %(date)s. Your licence starts only once the "
                "agreement is signed."
            )
            % {"date": day(approved_on)},
        )
    ]


# Municipal changes in the werkgebied -------------------------------------------------------


def werkgebied_tasks(changes, lists: TaskList):
    """A municipality of the werkgebied ceased: the library confirms what takes its place
    (first on the list: until then its werkgebied names a municipality that is no more)."""
    lists.open[:0] = [
        Task(
            title=_("Confirm which municipalities take the place of %(name)s in your werkgebied")
            % {"name": change.gemeente.naam},
            url=reverse("aanmelding:werkgebied_change", args=[change.pk]),
            tag="todo",
            holder=YOU,
            when=_("%(name)s existed until %(date)s")
            % {"name": change.gemeente.naam, "date": day(change.gemeente.geldig_tot)},
        )
        for change in changes
    ]


# Licence years and year reports ------------------------------------------------------------


def licence_tasks(licences, agreement, today, lists: TaskList):
    signed = bool(agreement and agreement.is_getekend)
    for licentie in licences:
        jaar = licentie.begindatum.year
        page = reverse("licenties:detail", args=[licentie.pk])
        report = getattr(licentie, "rapportage", None)
        if licentie.status == L.GEPLAND:
            lists.open.append(
                Task(
                    title=_("Your licence year %(year)s starts on %(date)s")
                    % {"year": jaar, "date": day(licentie.begindatum)},
                    url=page,
                    tag="later",
                    holder=CALENDAR if signed else _("Your library and Stichting Digisterker"),
                    when=""
                    if signed
                    else _("It starts once the agreement with Stichting Digisterker is signed."),
                )
            )
        elif licentie.status == L.BEEINDIGD:
            lists.done.append(
                Task(
                    title=_("Your licence year %(year)s was ended early") % {"year": jaar},
                    url=page,
                    tag="done",
                    holder="",
                    when=day(licentie.einddatum),
                    on=licentie.einddatum,
                )
            )
        elif report is None:
            opens, _due = schedule_for(licentie)
            # The daily task opens it; until it has run, the day may already have come.
            title = (
                _("Your year report %(year)s opens on %(date)s")
                if opens > today
                else _("Your year report %(year)s opens today or tomorrow")
            )
            lists.open.append(
                Task(
                    title=title % {"year": jaar, "date": day(opens)},
                    url=page,
                    tag="later",
                    holder=CALENDAR,
                    when=_("You will get an e-mail when it opens."),
                )
            )
        else:
            task = report_task(report, jaar, today, lists)
            (lists.done if task.tag == "done" else lists.open).append(task)


def days_left(deadline, today) -> tuple[str, str]:
    """(tag, text): the days left before the deadline, or how late the report is."""
    days = (deadline - today).days
    due = _("due on %(date)s") % {"date": day(deadline)}
    if days < 0:
        late = ngettext("%(n)d day overdue", "%(n)d days overdue", -days) % {"n": -days}
        return "late", f"{due}, {late}"
    if days == 0:
        return "todo", _("%(due)s: that is today") % {"due": due}
    left = ngettext("%(n)d day left", "%(n)d days left", days) % {"n": days}
    return "todo", f"{due}, {left}"


def report_task(report, jaar, today, lists) -> Task:
    detail = reverse("rapportage:detail", args=[report.pk])
    edit = reverse("rapportage:edit", args=[report.pk])
    numbers = {"year": jaar}
    if report.status in (R.OPEN, R.CONCEPT):
        tag, when = days_left(report.deadline, today)
        if tag == "todo" and report.status == R.CONCEPT:
            tag = "busy"
        return Task(
            title=_("Fill in your year report %(year)s") % numbers,
            url=edit,
            tag=tag,
            holder=YOU,
            when=when,
        )
    if report.status == R.AANVULLING_GEVRAAGD:
        task = _request(
            report,
            lambda advice: not advice.voldoende,
            _("Add the information asked for to your year report %(year)s and submit it again")
            % numbers,
            edit,
        )
        lists.requests.append(task)
        return task
    if report.status in WAITING_FOR:
        return _waiting(
            report, _("Your year report %(year)s awaits the advice of %(party)s"), detail, year=jaar
        )
    if report.status == R.BEOORDEELD:
        return _waiting(
            report,
            _("Your year report %(year)s awaits the decision of %(party)s on renewal"),
            detail,
            {Partij.KB},
            year=jaar,
        )
    decided = _date(report.gewijzigd_op)
    title = (
        _("Your licence was renewed after the year report %(year)s")
        if report.status == R.VERLENGD
        else _("Your licence is not renewed after the year report %(year)s")
    )
    return Task(
        title=title % numbers, url=detail, tag="done", holder="", when=day(decided), on=decided
    )


def _date(value):
    if value is None:
        return None
    return timezone.localtime(value).date() if hasattr(value, "hour") else value


def with_unread(lists, signups, reports, user) -> None:
    """Each task that leads to a plan or report gets the number of messages ``user`` has not
    read on it: one query for the whole list."""
    unread = conversation.unread_counts(
        user, {aanmelding.Aanmelding: [a.pk for a in signups], Rapportage: [r.pk for r in reports]}
    )
    pages = {}
    for (model, pk), n in unread.items():
        app = "aanmelding" if model is aanmelding.Aanmelding else "rapportage"
        for name in ("detail", "edit"):
            pages[reverse(f"{app}:{name}", args=[pk])] = n
    for task in lists.requests + lists.open + lists.done:
        task.ongelezen = pages.get(task.url, 0)


def tasks_for(bibliotheek_id, today=None, user=None) -> TaskList:
    """The task list of one library, by today's date in Europe/Amsterdam; with ``user``, the
    messages they have not read on each task's plan or report."""
    today = today or timezone.localdate()
    # Years of sign-ups may lie behind a library: only the shown ones need their advices.
    signups = shown_signups(list(aanmelding.signups_of(bibliotheek_id)))
    prefetch_related_objects(list({a for a in signups if a}), "beoordelingen")
    agreement = licenties.agreement_of(bibliotheek_id)
    licences = list(
        licenties.licences_of(bibliotheek_id)
        .select_related("rapportage")
        .prefetch_related("rapportage__beoordelingen")
    )
    lists = TaskList(requests=[], open=[], done=[])
    signup_tasks(signups, agreement, bool(licences), lists)
    licence_tasks(licences, agreement, today, lists)
    werkgebied_tasks(aanmelding.pending_werkgebied_changes(bibliotheek_id), lists)
    lists.open = [task for task in lists.open if not any(task is r for r in lists.requests)]
    lists.done = sorted(lists.done, key=lambda t: t.on or date.min, reverse=True)[:DONE_SHOWN]
    if user is not None:
        reports = [licentie.rapportage for licentie in licences if hasattr(licentie, "rapportage")]
        with_unread(lists, [a for a in signups if a], reports, user)
    return lists
