"""Factories of the licence app, with traits so tests read like the rule they check:
``OvereenkomstFactory(getekend=True)``, ``LicentieFactory(actief=True, begindatum=...)``."""

from datetime import date
from decimal import Decimal

import factory

from licenties.constants import LicentieStatus, OvereenkomstStatus
from licenties.models import Licentie, Overeenkomst, Tarief, default_end

from .factories import BibliotheekFactory

# The smallest valid PDF: the bytes show a PDF, whatever the file is called.
SMALL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


class TariefFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tarief
        django_get_or_create = ["jaar"]

    jaar = 2027
    bedrag = Decimal("6250.00")


class OvereenkomstFactory(factory.django.DjangoModelFactory):
    """An agreement in draft; ``getekend=True`` gives a signed one with its signed PDF.

    ``gemeenten`` defaults to the library's werkgebied; pass ``gemeenten=[]`` for none."""

    class Meta:
        model = Overeenkomst
        skip_postgeneration_save = True

    bibliotheek = factory.SubFactory(BibliotheekFactory)
    status = OvereenkomstStatus.CONCEPT
    opmerkingen = ""

    class Params:
        getekend = factory.Trait(
            status=OvereenkomstStatus.GETEKEND,
            getekend_op=date(2026, 10, 1),
            document=factory.django.FileField(filename="overeenkomst.pdf", data=SMALL_PDF),
            document_naam="Overeenkomst getekend.pdf",
        )

    @factory.post_generation
    def gemeenten(self, create, extracted, **kwargs):
        if create:
            self.gemeenten.set(
                extracted if extracted is not None else self.bibliotheek.werkgebied.all()
            )

    @factory.post_generation
    def diensten(self, create, extracted, **kwargs):
        if create and extracted:
            self.diensten.set(extracted)


class LicentieFactory(factory.django.DjangoModelFactory):
    """A planned licence year from 1 January 2027; ``gemeenten`` defaults to the werkgebied.

    Traits: ``actief``, ``verlopen``, ``beeindigd`` (the status), and ``getekend`` (the library
    has a signed agreement)."""

    class Meta:
        model = Licentie
        skip_postgeneration_save = True

    bibliotheek = factory.SubFactory(BibliotheekFactory)
    begindatum = date(2027, 1, 1)
    einddatum = factory.LazyAttribute(lambda licentie: default_end(licentie.begindatum))
    waarde = Decimal("6000.00")
    status = LicentieStatus.GEPLAND

    class Params:
        actief = factory.Trait(status=LicentieStatus.ACTIEF)
        verlopen = factory.Trait(status=LicentieStatus.VERLOPEN)
        beeindigd = factory.Trait(
            status=LicentieStatus.BEEINDIGD, reden_beeindiging="Gestopt met de cursus."
        )
        getekend = factory.Trait(
            overeenkomst=factory.RelatedFactory(
                OvereenkomstFactory,
                bibliotheek=factory.SelfAttribute("..bibliotheek"),
                getekend=True,
            )
        )

    @factory.post_generation
    def gemeenten(self, create, extracted, **kwargs):
        if create:
            self.gemeenten.set(
                extracted if extracted is not None else self.bibliotheek.werkgebied.all()
            )
