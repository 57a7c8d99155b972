"""Test factories with traits, so tests read like the rule they check:
``AanmeldingFactory(compleet=True, status=Status.INGEDIEND)``."""

from decimal import Decimal

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from aanmelding.constants import DocentType, Doelgroep, FinancieringStatus, Rol, Status
from aanmelding.models import Aanmelding, Bibliotheek, Gebruiker, Gemeente, GemeenteSamenwerking

PASSWORD = "demo-wachtwoord-2026"


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


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gebruiker
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password(PASSWORD)
    rol = None

    class Params:
        medewerker = factory.Trait(
            bibliotheek=factory.SubFactory(BibliotheekFactory), rol=Rol.BIBLIOTHEEKMEDEWERKER
        )
        kb = factory.Trait(rol=Rol.KB_BEOORDELAAR)
        digisterker = factory.Trait(rol=Rol.DIGISTERKER_BEOORDELAAR)
        coordinator = factory.Trait(rol=Rol.COORDINATOR)

    @classmethod
    def _create(cls, model_class, *args, rol=None, **kwargs):
        user = super()._create(model_class, *args, **kwargs)
        if rol:
            user.groups.add(Group.objects.get_or_create(name=rol)[0])
        return user


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


class AanmeldingFactory(factory.django.DjangoModelFactory):
    """A sign-up; its section-5 rows follow the library's werkgebied."""

    class Meta:
        model = Aanmelding
        skip_postgeneration_save = True

    bibliotheek = factory.SubFactory(BibliotheekFactory)
    status = Status.CONCEPT

    class Params:
        compleet = factory.Trait(**COMPLETE_PLAN)

    @factory.post_generation
    def samenwerkingen(self, create, extracted, **kwargs):
        filled = self.eerste_licentiejaar is not None
        for gemeente in self.bibliotheek.werkgebied.all():
            GemeenteSamenwerking.objects.get_or_create(
                aanmelding=self,
                gemeente=gemeente,
                defaults={
                    "inhoud": "Paspoort aanvragen en verhuizing doorgeven." if filled else "",
                    "werving": "Doorverwijzing door het sociaal wijkteam." if filled else "",
                    "financiering_status": FinancieringStatus.IN_GESPREK if filled else "",
                },
            )
        if self.status != Status.CONCEPT and not self.ronde:
            Aanmelding.objects.filter(pk=self.pk).update(ronde=1, ingediend_op=timezone.now())
            self.ronde = 1


def staff_of(bibliotheek, **kwargs):
    return UserFactory(bibliotheek=bibliotheek, rol=Rol.BIBLIOTHEEKMEDEWERKER, **kwargs)
