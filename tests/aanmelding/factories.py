"""Factories of the sign-up app, with traits so tests read like the rule they check:
``AanmeldingFactory(compleet=True, status=Status.INGEDIEND)``.

A later state is reached the way the application reaches it: the library submits through
``aanmelding.service.submit`` and reviewers advise through ``aanmelding.service.advise``, so a
plan comes with the transition log, advices, mails (and, once approved, the first licence
year) that the real path leaves behind."""

from decimal import Decimal

import factory
from django.utils import timezone

from aanmelding import service
from aanmelding.constants import Advies, DocentType, Doelgroep, FinancieringStatus, Status
from aanmelding.models import Aanmelding, Bibliotheek, Gemeente, GemeenteSamenwerking

from ..accounts.factories import stand_in


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ["cbs_code"]

    cbs_code = factory.Sequence(lambda n: f"GT{n:04d}")
    naam = factory.Sequence(lambda n: f"Testgemeente {n}")
    provincie = "Utrecht"
    inwoners = 10_000


class BibliotheekFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bibliotheek
        skip_postgeneration_save = True

    naam = factory.Sequence(lambda n: f"Bibliotheek {n}")
    contactpersoon = "Anne de Vries"
    contact_email = factory.Sequence(lambda n: f"contact{n}@bibliotheek.example")
    wsob_erkend = True

    @factory.post_generation
    def werkgebied(self, create, extracted, **kwargs):
        gemeenten = extracted if extracted is not None else [GemeenteFactory()]
        self.werkgebied.set(gemeenten)


COMPLETE_PLAN = {
    "eerste_licentiejaar": timezone.now().year + 1,
    "ambitie": "Elk jaar meer inwoners helpen met de digitale overheid.",
    "cursussen_jaar1": 6,
    "deelnemers_jaar1": 48,
    "cursussen_jaar2": 8,
    "deelnemers_jaar2": 64,
    "doelgroepen": [Doelgroep.SENIOREN, Doelgroep.LAAGGELETTERDEN],
    "locaties": "Hoofdvestiging en wijkcentrum De Brug.",
    "docenten_nu": 2,
    "docenten_gepland": 4,
    "docenten_type": DocentType.BEIDE,
    "partners": "Humanitas, Formulierenbrigade, UWV.",
    "werving": "Via de gemeente, huisartsen en de krant.",
    "eigen_budget": Decimal("2500.00"),
    "cofinanciering": Decimal("1000.00"),
    "borging": "De cursus wordt onderdeel van het vaste programma.",
    "verklaring_wsob": True,
    "verklaring_rapportage": True,
    "verklaring_good_practices": True,
}

KB, DIGISTERKER = "kb", "digisterker"

# The service calls that bring a fresh draft to each state: "submit", "withdraw", or the
# advice of one party (its trait on ``UserFactory``, the advice).
PATHS = {
    Status.CONCEPT: [],
    Status.INGEDIEND: ["submit"],
    Status.WACHT_OP_DIGISTERKER: ["submit", (KB, Advies.POSITIEF)],
    Status.WACHT_OP_KB: ["submit", (DIGISTERKER, Advies.POSITIEF)],
    Status.AANVULLING_GEVRAAGD: ["submit", (KB, Advies.AANVULLING_NODIG)],
    Status.GOEDGEKEURD: ["submit", (KB, Advies.POSITIEF), (DIGISTERKER, Advies.POSITIEF)],
    Status.AFGEWEZEN: ["submit", (KB, Advies.NEGATIEF)],
    Status.INGETROKKEN: ["withdraw"],
}


def drive(aanmelding, status) -> Aanmelding:
    """Take ``aanmelding`` from draft to ``status`` through the service, as the library (a
    colleague of the library) and reviewers of both parties would."""
    staff = None
    for step in PATHS[status]:
        if step in ("submit", "withdraw"):
            staff = staff or stand_in(bibliotheek=aanmelding.bibliotheek)
            getattr(service, step)(aanmelding, staff)
        else:
            party, advies = step
            seen = Aanmelding.objects.get(pk=aanmelding.pk).status
            service.advise(aanmelding, stand_in(**{party: True}), advies, "Gemotiveerd.", seen)
    return Aanmelding.objects.get(pk=aanmelding.pk)


class AanmeldingFactory(factory.django.DjangoModelFactory):
    """A sign-up; its section-5 rows follow the library's werkgebied. ``status=`` a later
    state drives the draft there through the service (``PATHS``); a submitted plan must be
    complete (``compleet=True``), as in the application."""

    class Meta:
        model = Aanmelding
        skip_postgeneration_save = True

    bibliotheek = factory.SubFactory(BibliotheekFactory)
    status = Status.CONCEPT

    class Params:
        compleet = factory.Trait(**COMPLETE_PLAN)

    @classmethod
    def _create(cls, model_class, *args, status=Status.CONCEPT, **kwargs):
        aanmelding = super()._create(model_class, *args, **kwargs)
        filled = aanmelding.eerste_licentiejaar is not None
        for gemeente in aanmelding.bibliotheek.werkgebied.all():
            GemeenteSamenwerking.objects.get_or_create(
                aanmelding=aanmelding,
                gemeente=gemeente,
                defaults={
                    "inhoud": "Paspoort aanvragen en verhuizing doorgeven." if filled else "",
                    "werving": "Doorverwijzing door het sociaal wijkteam." if filled else "",
                    "financiering_status": FinancieringStatus.IN_GESPREK if filled else "",
                },
            )
        if status == Status.CONCEPT:
            return aanmelding
        return drive(aanmelding, status)
