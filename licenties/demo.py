"""Demo licences and agreements for `make run`, on top of the sign-up demo."""

from datetime import date
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction

from aanmelding.service import Bibliotheek
from kbregeling.accounts.models import Gebruiker

from . import service
from .demo_network import load_network
from .models import Dienst, Licentie, Overeenkomst, Tarief

# The smallest valid PDF: enough for a demo download.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def signed_agreement(bibliotheek, digisterker, signed_on):
    overeenkomst = Overeenkomst.objects.create(bibliotheek=bibliotheek, getekend_op=signed_on)
    overeenkomst.diensten.set(Dienst.objects.all()[:4])
    overeenkomst.gemeenten.set(bibliotheek.werkgebied.all())
    overeenkomst.document.save("overeenkomst.pdf", ContentFile(DEMO_PDF), save=False)
    overeenkomst.document_naam = f"Overeenkomst Digisterker {bibliotheek.plaats}.pdf"
    overeenkomst.save()
    return service.sign_agreement(overeenkomst, digisterker)


def past_licence(bibliotheek, year):
    licentie = Licentie.objects.create(
        bibliotheek=bibliotheek,
        begindatum=date(year, 1, 1),
        einddatum=date(year, 12, 31),
        waarde=Tarief.voor_jaar(year),
    )
    licentie.gemeenten.set(bibliotheek.werkgebied.all())
    return licentie


@transaction.atomic
def load_demo() -> bool:
    if Overeenkomst.objects.exists() or not Gebruiker.objects.filter(username="kb").exists():
        return False
    kb = Gebruiker.objects.get(username="kb")
    digisterker = Gebruiker.objects.get(username="digisterker")
    for jaar, bedrag in [(2025, "6000.00"), (2026, "6250.00"), (2027, "6400.00")]:
        Tarief.objects.update_or_create(jaar=jaar, defaults={"bedrag": Decimal(bedrag)})
    by_name = {b.naam: b for b in Bibliotheek.objects.all()}
    # Midden-Brabant: approved in the sign-up demo; its planned year waits for the agreement.
    signed_agreement(by_name["Bibliotheek Midden-Brabant"], digisterker, date(2026, 10, 1))
    # Rotterdam: a licence since 2025, renewed for this year.
    rotterdam = by_name["Bibliotheek Rotterdam"]
    signed_agreement(rotterdam, digisterker, date(2024, 11, 15))
    eerste = past_licence(rotterdam, 2025)
    service.update_states()
    service.renew(Licentie.objects.get(pk=eerste.pk), kb)
    # Súdwest-Fryslân: one year in 2025 that was not renewed.
    friesland = by_name["Bibliotheek Súdwest-Fryslân"]
    signed_agreement(friesland, digisterker, date(2024, 12, 1))
    past_licence(friesland, 2025)
    service.update_states()  # activates every due year, then expires the unrenewed one
    service.update_states()
    # The libraries of the wider network: five years of licences, made in bulk.
    load_network(kb, digisterker, DEMO_PDF)
    return True
