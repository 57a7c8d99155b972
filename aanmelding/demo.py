"""Demo data for `make run`: a handful of libraries, one user per role, sign-ups in every
state. Made through the services, so the history and advices are real."""

from decimal import Decimal

from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from kbregeling.accounts import invitations, second_factor
from kbregeling.accounts.constants import Rol
from kbregeling.accounts.models import Gebruiker
from kbregeling.conversation import service as conversation

from . import service
from .constants import Advies, DocentType, Doelgroep, FinancieringStatus, Status
from .demo_network import load_network
from .models import Aanmelding, Belangstelling, Bibliotheek, Gemeente

DEMO_PASSWORD = "Digisterker-demo-2026"  # noqa: S105 (public demo logins, in the README)

LIBRARIES = [
    ("Bibliotheek Súdwest-Fryslân", "Sneek", ["GM1900"]),
    ("Bibliotheek Midden-Brabant", "Tilburg", ["GM0855", "GM0766", "GM0785", "GM0798", "GM0824"]),
    ("Bibliotheek Rotterdam", "Rotterdam", ["GM0599"]),
    ("Biblionet Groningen", "Groningen", ["GM0014", "GM1952", "GM1966", "GM1969"]),
    ("Bibliotheek Utrecht", "Utrecht", ["GM0344"]),
    ("Centre Céramique Maastricht", "Maastricht", ["GM0935"]),
]

# username, first name, last name, role, index of the library (staff only)
USERS = [
    ("bibliotheek", "Sjoukje", "de Boer", Rol.BIBLIOTHEEKMEDEWERKER, 0),
    ("brabant", "Joost", "van Gils", Rol.BIBLIOTHEEKMEDEWERKER, 1),
    ("rotterdam", "Fatima", "El Amrani", Rol.BIBLIOTHEEKMEDEWERKER, 2),
    ("groningen", "Henk", "Bakker", Rol.BIBLIOTHEEKMEDEWERKER, 3),
    ("utrecht", "Lotte", "Jansen", Rol.BIBLIOTHEEKMEDEWERKER, 4),
    ("maastricht", "Pierre", "Hermans", Rol.BIBLIOTHEEKMEDEWERKER, 5),
    ("kb", "Maaike", "Toonen", Rol.KB_BEOORDELAAR, None),
    ("digisterker", "Piet", "Boekhoudt", Rol.DIGISTERKER_BEOORDELAAR, None),
    ("coordinator", "Karin", "Smit", Rol.COORDINATOR, None),
    ("beheerder", "Ingrid", "Vermeulen", Rol.KB_BEHEERDER, None),
]


def plan_values():
    return {
        "eerste_licentiejaar": timezone.now().year + 1,
        "ambitie": "Inwoners die moeite hebben met de digitale overheid leren zelf hun zaken "
        "te regelen: DigiD, toeslagen, de gemeente.",
        "cursussen_jaar1": 6,
        "deelnemers_jaar1": 50,
        "cursussen_jaar2": 8,
        "deelnemers_jaar2": 70,
        "cursussen_jaar3": 10,
        "deelnemers_jaar3": 90,
        "doelgroepen": [Doelgroep.SENIOREN, Doelgroep.LAAGGELETTERDEN, Doelgroep.STATUSHOUDERS],
        "locaties": "Hoofdvestiging, twee wijkvestigingen en het buurthuis.",
        "docenten_nu": 2,
        "docenten_gepland": 5,
        "docenten_type": DocentType.BEIDE,
        "partners": "Humanitas, Formulierenbrigade, sociaal wijkteam, UWV en SVB.",
        "werving": "Folders bij de huisarts, de gemeentelijke nieuwsbrief en het Informatiepunt "
        "Digitale Overheid.",
        "eigen_budget": Decimal("3000.00"),
        "cofinanciering": Decimal("1500.00"),
        "borging": "Digisterker wordt onderdeel van het vaste cursusprogramma.",
        "verklaring_wsob": True,
        "verklaring_rapportage": True,
        "verklaring_good_practices": True,
    }


def _page(aanmelding) -> str:
    return reverse("aanmelding:detail", args=[aanmelding.pk])


def fill(aanmelding):
    for name, value in plan_values().items():
        setattr(aanmelding, name, value)
    aanmelding.save()
    aanmelding.samenwerkingen.update(
        inhoud="Paspoort aanvragen, verhuizing doorgeven, melding openbare ruimte.",
        werving="Het sociaal wijkteam en de balie van het stadhuis verwijzen door.",
        financiering_status=FinancieringStatus.TOEGEZEGD,
        financiering_bedrag=Decimal("2000.00"),
    )


@transaction.atomic
def load_demo() -> bool:
    """Create the demo world once; returns False when it was already there."""
    if Gebruiker.objects.filter(username="kb").exists():
        return False
    libraries = []
    for naam, plaats, codes in LIBRARIES:
        bibliotheek = Bibliotheek.objects.create(
            naam=naam,
            plaats=plaats,
            adres="Stationsplein 1",
            contactpersoon="Contactpersoon " + plaats,
            contact_email=f"digisterker@{plaats.lower()}.bibliotheek.example",
            wsob_erkend=True,
        )
        bibliotheek.werkgebied.set(Gemeente.objects.filter(cbs_code__in=codes))
        libraries.append(bibliotheek)
    users = {}
    for username, first, last, rol, index in USERS:
        user = Gebruiker.objects.create_user(
            username,
            f"{username}@demo.example",
            DEMO_PASSWORD,
            first_name=first,
            last_name=last,
            bibliotheek=libraries[index] if index is not None else None,
        )
        user.groups.add(Group.objects.get(name=rol))
        users[username] = user
    admin = Gebruiker.objects.create_superuser("admin", "admin@demo.example", DEMO_PASSWORD)
    for user in [*users.values(), admin]:
        if second_factor.is_required(user):
            second_factor.set_up_app(user, second_factor.DEMO_KEY)

    kb, dig = users["kb"], users["digisterker"]

    def submitted(username):
        user = users[username]
        aanmelding = service.start(user.bibliotheek, by=user)
        fill(aanmelding)
        return service.submit(Aanmelding.objects.get(pk=aanmelding.pk), user)

    # A draft, half filled in.
    draft = service.start(users["bibliotheek"].bibliotheek, by=users["bibliotheek"])
    draft.ambitie = "We willen in Súdwest-Fryslân zes cursussen per jaar geven."
    draft.save()
    # Approved: both parties positive.
    a = submitted("brabant")
    service.advise(a, kb, Advies.POSITIEF, "Een sterk meerjarig plan.", Status.INGEDIEND)
    service.advise(a, dig, Advies.POSITIEF, "Akkoord.", Status.WACHT_OP_DIGISTERKER)
    # Awaiting Digisterker.
    a = submitted("rotterdam")
    service.advise(a, kb, Advies.POSITIEF, "Goede samenwerking met de gemeente.", a.status)
    # More information asked.
    a = submitted("groningen")
    service.advise(
        a, dig, Advies.AANVULLING_NODIG, "Voor welke gemeenten is maatwerk nodig?", a.status
    )
    conversation.post(
        a, a.bibliotheek_id, kb, "Wij kijken mee; de begroting is voor ons in orde.", _page(a)
    )
    conversation.post(
        a,
        a.bibliotheek_id,
        dig,
        "Groningen vroeg vorig jaar ook om maatwerk; zie ons verslag van dat overleg.",
        _page(a),
        intern=True,
    )
    conversation.post(
        a,
        a.bibliotheek_id,
        users["groningen"],
        "Goede vraag; we overleggen deze week met de gemeenten en vullen het plan daarna aan.",
        _page(a),
    )
    # Submitted again (round 2): KB asked a question, the library changed its plan and
    # answered; both parties now read what changed since round 1.
    a = submitted("utrecht")
    service.advise(
        a, kb, Advies.AANVULLING_NODIG, "Hoe bereikt u mensen die niet zelf komen?", a.status
    )
    a = Aanmelding.objects.get(pk=a.pk)
    a.ambitie += " We werken samen met het Informatiepunt Digitale Overheid en de wijkteams."
    a.save()
    service.submit(
        a,
        users["utrecht"],
        answer="Via de wijkteams en het sociaal domein van de gemeente; zie de ambitie.",
    )
    # Rejected.
    a = submitted("maastricht")
    service.advise(a, kb, Advies.NEGATIEF, "De begroting ontbreekt vrijwel geheel.", a.status)

    # Onboarding: a request from the public page awaiting KB's administrator, and a
    # colleague invited to Bibliotheek Utrecht who has not chosen a password yet.
    request = Belangstelling.objects.create(
        naam="Anouk Visser",
        organisatie="Bibliotheek Eemland",
        email="anouk.visser@eemland.bibliotheek.example",
        telefoon="033 123 45 67",
        bericht="Wij willen graag vanaf volgend jaar Digisterker-cursussen geven.",
    )
    request.gemeenten.set(Gemeente.objects.filter(cbs_code__in=["GM0307", "GM0327"]))
    invitations.invite(
        by=users["beheerder"],
        email="nieuwe.collega@utrecht.bibliotheek.example",
        rol=Rol.BIBLIOTHEEKMEDEWERKER,
        bibliotheek=users["utrecht"].bibliotheek,
        voornaam="Daan",
        achternaam="de Wit",
    )
    # Beside them, libraries in every province with plans approved over the past five years.
    load_network(kb, dig, plan_values)
    return True
