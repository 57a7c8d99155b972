"""National-scale data for ``bench/pages.py``, made with bulk queries in the bench's own
database: 150 libraries over the 342 municipalities, licence years over the past ten years
(1,500 licences and year reports), 5,000 sign-ups, 4,500 reminders, messages, access-log rows
and interest requests.

It looks like what the product makes: the demo network's builders
(``aanmelding/licenties/rapportage.demo_network``) make the libraries' werkgebied, the
licence chains with their agreements and the year reports with their advices and logged
steps; this module adds what the demo has less of (more libraries, years and sign-ups) in
the same way, and never calls the services one by one."""

from datetime import date, timedelta
from unittest import mock

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone

from aanmelding import demo_network as plan_network
from aanmelding.constants import Advies, FinancieringStatus
from aanmelding.constants import Status as P
from aanmelding.demo import plan_values
from aanmelding.models import (
    Aanmelding,
    Belangstelling,
    Beoordeling,
    Bibliotheek,
    GemeenteSamenwerking,
)
from kbregeling.accesslog.constants import Kind
from kbregeling.accesslog.models import AccessLogEntry
from kbregeling.accounts import second_factor
from kbregeling.accounts.constants import Partij, Rol
from kbregeling.accounts.models import Gebruiker
from kbregeling.conversation.constants import Kant
from kbregeling.conversation.models import Bericht
from kbregeling.mail.models import OutgoingMail
from kbregeling.workflow.audit import bulk_history
from licenties import demo_network as licence_network
from rapportage import demo_network as report_network
from rapportage.constants import RapportageStatus as R
from rapportage.constants import Soort
from rapportage.models import Herinnering, Rapportage

LIBRARIES = 150
YEARS = 10  # licence years, up to and including this one
SIGNUPS = 5000
REMINDERS = 4500
FAILED_MAILS = 40
moment = plan_network.moment

# The logged steps of a plan in each state after its submission (the first step):
# (transition, source, target, party that advised, its advice).
SUBMIT = ("indienen", P.CONCEPT, P.INGEDIEND, None, None)
KB_YES = ("kb_positief", P.INGEDIEND, P.WACHT_OP_DIGISTERKER, Partij.KB, Advies.POSITIEF)
PATHS = {
    P.CONCEPT: [],
    P.INGEDIEND: [SUBMIT],
    P.WACHT_OP_DIGISTERKER: [SUBMIT, KB_YES],
    P.WACHT_OP_KB: [
        SUBMIT,
        ("digisterker_positief", P.INGEDIEND, P.WACHT_OP_KB, Partij.DIGISTERKER, Advies.POSITIEF),
    ],
    P.AANVULLING_GEVRAAGD: [
        SUBMIT,
        (
            "aanvulling_vragen",
            P.INGEDIEND,
            P.AANVULLING_GEVRAAGD,
            Partij.KB,
            Advies.AANVULLING_NODIG,
        ),
    ],
    P.GOEDGEKEURD: [
        SUBMIT,
        KB_YES,
        (
            "digisterker_positief",
            P.WACHT_OP_DIGISTERKER,
            P.GOEDGEKEURD,
            Partij.DIGISTERKER,
            Advies.POSITIEF,
        ),
    ],
    P.AFGEWEZEN: [
        SUBMIT,
        ("afwijzen", P.INGEDIEND, P.AFGEWEZEN, Partij.KB, Advies.NEGATIEF),
    ],
    P.INGETROKKEN: [SUBMIT, ("intrekken", P.INGEDIEND, P.INGETROKKEN, None, None)],
}
OPEN_STATES = [P.CONCEPT, P.INGEDIEND, P.WACHT_OP_KB, P.WACHT_OP_DIGISTERKER]
OPEN_STATES.append(P.AANVULLING_GEVRAAGD)
MOTIVATION = {
    Advies.POSITIEF: "Een helder plan met een goede samenwerking met de gemeente.",
    Advies.NEGATIEF: "De begroting ontbreekt en er is geen samenwerking met de gemeente.",
    Advies.AANVULLING_NODIG: "Voor welke gemeenten is maatwerk nodig?",
}


def build(tmp_pdf=b"%PDF-1.4\n%%EOF\n") -> dict:
    """All of it; returns the users the benchmark logs in as, by role."""
    call_command("load_gemeenten", verbosity=0)
    users = reviewers()
    kb, dig = users[Rol.KB_BEOORDELAAR], users[Rol.DIGISTERKER_BEOORDELAAR]
    libraries = make_libraries()
    signups(libraries, kb, dig)
    first = timezone.localdate().year - YEARS + 1
    with (
        mock.patch.object(licence_network, "HISTORY_YEARS", YEARS),
        mock.patch.object(licence_network, "last_year", lambda i, f, today: today.year),
    ):
        Aanmelding.objects.filter(status=P.GOEDGEKEURD).update(eerste_licentiejaar=first)
        licence_network.load_network(kb, dig, tmp_pdf)
    report_network.load_network(kb, dig)
    staff = library_staff(libraries)
    reminders(kb, dig)
    messages(staff, kb, dig)
    interest_and_access(libraries, users, staff)
    users[Rol.BIBLIOTHEEKMEDEWERKER] = staff[0]
    return users


def user(username, rol, bibliotheek=None):
    person = Gebruiker.objects.create_user(
        username,
        f"{username}@bench.example",
        first_name=username.title(),
        last_name="Bench",
        bibliotheek=bibliotheek,
    )
    person.groups.add(Group.objects.get(name=rol))
    if second_factor.is_required(person):
        second_factor.set_up_app(person, second_factor.DEMO_KEY)
    return person


def reviewers() -> dict:
    return {
        rol: user(name, rol)
        for name, rol in [
            ("kb", Rol.KB_BEOORDELAAR),
            ("digisterker", Rol.DIGISTERKER_BEOORDELAAR),
            ("coordinator", Rol.COORDINATOR),
            ("beheerder", Rol.KB_BEHEERDER),
        ]
    }


def make_libraries() -> list:
    """The demo network's service areas, for 150 libraries instead of its 34."""
    areas = plan_network.service_areas(LIBRARIES)
    libraries = Bibliotheek.objects.bulk_create(
        Bibliotheek(
            naam=f"Bibliotheek {main.naam}",
            plaats=main.naam,
            adres="Markt 1",
            contactpersoon=f"Contactpersoon {main.naam}",
            contact_email=f"digisterker@bieb{i}.bibliotheek.example",
            wsob_erkend=True,
        )
        for i, (main, _area) in enumerate(areas)
    )
    for library, (_main, area) in zip(libraries, areas, strict=True):
        library.area = area
    Bibliotheek.werkgebied.through.objects.bulk_create(
        Bibliotheek.werkgebied.through(bibliotheek_id=library.pk, gemeente_id=g.pk)
        for library in libraries
        for g in library.area
    )
    return libraries


def signup_plan(k, libraries):
    """(library, state, submitted on) of the k-th sign-up: first each library's approved plan
    (the start of its licence chain), then one open sign-up per library in one of the open
    states, then finished ones (rejected or withdrawn) spread over the years before."""
    today = timezone.localdate()
    first = today.year - YEARS
    library = libraries[k % len(libraries)]
    if k < len(libraries):
        return library, P.GOEDGEKEURD, date(first, 9, 15)
    if k < 2 * len(libraries):
        return library, OPEN_STATES[k % len(OPEN_STATES)], today - timedelta(days=20 + k % 60)
    span = (today - date(first, 11, 1)).days - 90
    day = date(first, 11, 1) + timedelta(days=span * k // SIGNUPS)
    return library, P.AFGEWEZEN if k % 3 else P.INGETROKKEN, day


def signups(libraries, kb, dig):
    by_party = {Partij.KB: kb, Partij.DIGISTERKER: dig}
    rows = [signup_plan(k, libraries) for k in range(SIGNUPS)]
    values = plan_values()
    plans = Aanmelding.objects.bulk_create(
        Aanmelding(
            bibliotheek=library,
            status=status,
            ronde=0 if status == P.CONCEPT else 1,
            ingediend_op=None if status == P.CONCEPT else moment(day),
            **(values | {"eerste_licentiejaar": day.year + 1}),
        )
        for library, status, day in rows
    )
    advices, steps = [], []
    for plan, (_library, status, day) in zip(plans, rows, strict=True):
        plan.aangemaakt_op = moment(day - timedelta(days=14))
        plan.gewijzigd_op = moment(day + timedelta(days=10 * len(PATHS[status])))
        for n, (name, source, target, partij, advies) in enumerate(PATHS[status]):
            at = moment(day + timedelta(days=10 * n), 10 + n)
            remark = MOTIVATION.get(advies, "")
            if partij:
                advices.append(
                    Beoordeling(
                        aanmelding=plan,
                        ronde=1,
                        partij=partij,
                        advies=advies,
                        motivering=remark,
                        beoordelaar=by_party[partij],
                        tijdstip=at,
                    )
                )
            steps.append((plan.pk, name, source, target, by_party.get(partij), at, remark))
    Aanmelding.objects.bulk_update(plans, ["aangemaakt_op", "gewijzigd_op"], batch_size=500)
    Beoordeling.objects.bulk_create(advices, batch_size=1000)
    GemeenteSamenwerking.objects.bulk_create(
        (
            GemeenteSamenwerking(
                aanmelding=plan,
                gemeente=gemeente,
                inhoud="Werken met de website van de gemeente; DigiD en toeslagen.",
                werving="Het sociaal wijkteam verwijst door.",
                financiering_status=FinancieringStatus.TOEGEZEGD,
            )
            for plan, (library, _s, _d) in zip(plans, rows, strict=True)
            for gemeente in library.area
        ),
        batch_size=1000,
    )
    bulk_history(Aanmelding, steps)


def library_staff(libraries) -> list:
    """One staff member per library, made after the reports (the report builder leaves
    libraries with logins alone)."""
    staff = [user("bibliotheek", Rol.BIBLIOTHEEKMEDEWERKER, libraries[0])]
    staff += Gebruiker.objects.bulk_create(
        Gebruiker(
            username=f"medewerker{i}",
            email=f"medewerker{i}@bench.example",
            first_name="Medewerker",
            last_name=str(i),
            bibliotheek=library,
            password="!",  # unusable: nobody logs in as them
        )
        for i, library in enumerate(libraries[1:], start=1)
    )
    group = Group.objects.get(name=Rol.BIBLIOTHEEKMEDEWERKER)
    Gebruiker.groups.through.objects.bulk_create(
        Gebruiker.groups.through(gebruiker_id=person.pk, group_id=group.pk) for person in staff[1:]
    )
    return staff


def reminders(kb, dig):
    """An announcement for every report, a reminder before the deadline where one was due,
    the reviewers' weekly digest, then overdue reminders up to 4,500; each with its mail
    (sent, or given up for the first announcements of this year)."""
    today = timezone.localdate()
    before = timedelta(days=settings.HERINNERING_DAYS_BEFORE_DEADLINE)
    reports = list(
        Rapportage.objects.select_related("licentie__bibliotheek").order_by("-opent_op", "pk")
    )
    rows = [(r, None, Soort.AANKONDIGING, r.opent_op, 1) for r in reports]
    rows += [(r, None, Soort.HERINNERING, r.deadline - before, 1) for r in reports]
    rows = [row for row in rows if row[3] <= today]
    monday = today - timedelta(days=today.weekday())
    for week in range(52 * YEARS):
        rows += [(None, u, Soort.OVERZICHT, monday - timedelta(weeks=week), 1) for u in (kb, dig)]
    late = [r for r in reports if r.status in (R.VERLENGD, R.NIET_VERLENGD)]
    for n in range(1, 4):
        due = timedelta(days=1 + 14 * (n - 1))  # the first the day after, then every 14 days
        rows += [(r, None, Soort.TE_LAAT, r.deadline + due, n) for r in late]
    rows = rows[:REMINDERS]
    mails = OutgoingMail.objects.bulk_create(
        (
            OutgoingMail(
                subject=f"{soort}: jaarrapportage",
                body="Beste bibliotheek, de jaarrapportage staat voor u klaar.",
                to=ontvanger.email if ontvanger else report.licentie.bibliotheek.contact_email,
                sent_at=None if k < FAILED_MAILS else moment(due, 7),
                attempts=settings.MAIL_MAX_ATTEMPTS if k < FAILED_MAILS else 1,
                last_error="Connection refused" if k < FAILED_MAILS else "",
                last_attempt_at=moment(due, 7),
            )
            for k, (report, ontvanger, soort, due, _n) in enumerate(rows)
        ),
        batch_size=1000,
    )
    made = Herinnering.objects.bulk_create(
        (
            Herinnering(
                rapportage=report,
                ontvanger=ontvanger,
                soort=soort,
                vervaldatum=due,
                volgnummer=n,
                mail=mail,
            )
            for (report, ontvanger, soort, due, n), mail in zip(rows, mails, strict=True)
        ),
        batch_size=1000,
    )
    for reminder in made:
        reminder.aangemaakt_op = moment(reminder.vervaldatum, 6)
    Herinnering.objects.bulk_update(made, ["aangemaakt_op"], batch_size=1000)


def messages(staff, kb, dig):
    """A short conversation (library, KB, a Digisterker note) on each open sign-up."""
    by_library = {person.bibliotheek_id: person for person in staff}
    plans = Aanmelding.objects.filter(status__in=OPEN_STATES).exclude(status=P.CONCEPT)
    rows = []
    for plan in plans:
        at = plan.ingediend_op
        rows += [
            (plan, by_library[plan.bibliotheek_id], Kant.BIBLIOTHEEK, False, at, "Ons plan."),
            (plan, kb, Kant.KB, False, at + timedelta(days=2), "Wij kijken mee."),
            (plan, dig, Kant.DIGISTERKER, True, at + timedelta(days=3), "Intern: in orde."),
        ]
    content_type = ContentType.objects.get_for_model(Aanmelding)
    Bericht.objects.bulk_create(
        Bericht(
            content_type=content_type,
            object_id=plan.pk,
            bibliotheek_id=plan.bibliotheek_id,
            auteur=auteur,
            kant=kant,
            intern=intern,
            geplaatst_op=at,
            tekst=text,
            pagina=f"/aanmeldingen/{plan.pk}/",
        )
        for plan, auteur, kant, intern, at, text in rows
    )


def interest_and_access(libraries, users, staff):
    """Interest requests (waiting and handled) and a year of access-log rows."""
    now = timezone.now()
    Belangstelling.objects.bulk_create(
        Belangstelling(
            naam=f"Aanvrager {i}",
            organisatie=f"Bibliotheek Nieuw {i}",
            email=f"nieuw{i}@bibliotheek.example",
            bericht="Wij willen graag meedoen met Digisterker.",
            ontvangen_op=now - timedelta(days=3 * i),
            status=Belangstelling.Status.NIEUW if i < 20 else Belangstelling.Status.AFGEWEZEN,
            behandeld_door=None if i < 20 else users[Rol.KB_BEHEERDER],
            behandeld_op=None if i < 20 else now - timedelta(days=3 * i - 1),
            reden="" if i < 20 else "Geen openbare bibliotheek.",
        )
        for i in range(80)
    )
    people = [*users.values(), *staff[:20]]
    AccessLogEntry.objects.bulk_create(
        (
            AccessLogEntry(
                user=person,
                username=person.username,
                when=now - timedelta(hours=3 * i),
                kind=Kind.LOGIN,
                library=person.bibliotheek,
                ip_address="192.0.2.10",
                user_agent="Mozilla/5.0",
            )
            for i, person in ((i, people[i % len(people)]) for i in range(3000))
        ),
        batch_size=1000,
    )
