"""Factories of the licence app, with traits so tests read like the rule they check:
``OvereenkomstFactory(getekend=True)``, ``LicentieFactory(actief=True, begindatum=...)``.

States a person brings about go through ``licenties.service``: Digisterker signs the agreement
(``sign_agreement``), KB renews (``renew``) or ends (``end``) a licence year. Active and expired
are the calendar's states: see ``LicentieFactory``."""

from datetime import date
from decimal import Decimal

import factory

from licenties import service
from licenties.constants import LicentieStatus, OvereenkomstStatus
from licenties.models import Licentie, Overeenkomst, Tarief, default_end

from ..aanmelding.factories import BibliotheekFactory
from ..accounts.factories import stand_in
from ..helpers import SMALL_PDF


class TariefFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tarief
        django_get_or_create = ["jaar"]

    jaar = 2027
    bedrag = Decimal("6250.00")


class OvereenkomstFactory(factory.django.DjangoModelFactory):
    """An agreement in draft; ``getekend=True`` gives one with its signed date and PDF, signed
    by Digisterker through ``licenties.service.sign_agreement`` (``status="concept"`` keeps it
    unsigned). ``gemeenten`` defaults to the library's werkgebied; pass ``gemeenten=[]`` for
    none."""

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

    @classmethod
    def _create(
        cls,
        model_class,
        *args,
        status=OvereenkomstStatus.CONCEPT,
        gemeenten=None,
        diensten=None,
        **kwargs,
    ):
        overeenkomst = super()._create(model_class, *args, **kwargs)
        overeenkomst.gemeenten.set(
            gemeenten if gemeenten is not None else overeenkomst.bibliotheek.werkgebied.all()
        )
        if diensten:
            overeenkomst.diensten.set(diensten)
        if status == OvereenkomstStatus.GETEKEND:
            overeenkomst = service.sign_agreement(overeenkomst, stand_in(digisterker=True))
        return overeenkomst


class LicentieFactory(factory.django.DjangoModelFactory):
    """A planned licence year from 1 January 2027; ``gemeenten`` defaults to the werkgebied.

    Traits: ``actief``, ``verlopen``, ``beeindigd`` (the status), and ``getekend`` (the library
    has a signed agreement). ``status=VERLENGD`` is reached through ``licenties.service.renew``
    (so the next year exists, as after a real decision) and ``beeindigd`` through
    ``licenties.service.end``.

    Active and expired are set directly: only the daily ``licenties.service.update_states``
    reaches them, by today's date, and it moves every due licence in the database at once, so
    travelling in time inside a factory would move the other licences of a test as well. The
    daily task itself is tested in ``test_daily_task.py``."""

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

    @classmethod
    def _create(cls, model_class, *args, status=LicentieStatus.GEPLAND, gemeenten=None, **kwargs):
        reden = kwargs.pop("reden_beeindiging", "Gestopt met de cursus.")
        calendar = status in (LicentieStatus.ACTIEF, LicentieStatus.VERLOPEN)
        start = status if calendar else LicentieStatus.GEPLAND
        if status == LicentieStatus.VERLENGD:  # renewed from an active year
            start = LicentieStatus.ACTIEF
        licentie = super()._create(model_class, *args, status=start, **kwargs)
        licentie.gemeenten.set(
            gemeenten if gemeenten is not None else licentie.bibliotheek.werkgebied.all()
        )
        if status == LicentieStatus.VERLENGD:
            service.renew(licentie, stand_in(kb=True))
        elif status == LicentieStatus.BEEINDIGD:
            service.end(licentie, stand_in(kb=True), reden)
        return Licentie.objects.get(pk=licentie.pk) if status != start else licentie
