"""Every download and export leaves an entry (who, what kind, which library, from where), and
so does every look at another library's plan or report; a library's look at its own does not."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from aanmelding.models import Aanmelding
from kbregeling.accesslog.constants import Kind
from kbregeling.accesslog.models import AccessLogEntry
from rapportage.constants import RapportageStatus

from ..helpers import SMALL_PDF
from ..licenties.factories import LicentieFactory, OvereenkomstFactory
from ..rapportage.factories import RapportageFactory

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.7"


def the_entry(**expected):
    """The one entry there is, with the fields expected of it."""
    entries = list(AccessLogEntry.objects.all())
    assert len(entries) == 1, entries
    entry = entries[0]
    for field, value in expected.items():
        assert getattr(entry, field) == value, field
    return entry


def download(client, user, url):
    client.force_login(user)
    AccessLogEntry.objects.all().delete()  # the login itself is logged: not looked at here
    response = client.get(url, REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT="Testbrowser/1.0")
    assert response.status_code == 200, url
    return response


@pytest.fixture
def plan_with_attachment(ingediend):
    ingediend.bijlage.save("eigen-plan.pdf", ContentFile(SMALL_PDF), save=False)
    Aanmelding.objects.filter(pk=ingediend.pk).update(
        bijlage=ingediend.bijlage.name, bijlage_naam="eigen-plan.pdf"
    )
    return ingediend


@pytest.fixture
def submitted_report(bibliotheek):
    licentie = LicentieFactory(bibliotheek=bibliotheek, verlopen=True)
    return RapportageFactory(licentie=licentie, ingevuld=True, status=RapportageStatus.INGEDIEND)


def test_downloading_a_plan_attachment_is_logged(client, kb, bibliotheek, plan_with_attachment):
    download(client, kb, reverse("aanmelding:attachment", args=[plan_with_attachment.pk]))

    entry = the_entry(user=kb, username=kb.username, kind=Kind.ATTACHMENT, library=bibliotheek)
    assert entry.ip_address == ADDRESS
    assert entry.user_agent == "Testbrowser/1.0"
    assert str(plan_with_attachment.pk) in entry.what


def test_downloading_a_plan_pdf_is_logged(
    client, medewerker, bibliotheek, ingediend, no_weasyprint
):
    download(client, medewerker, reverse("aanmelding:pdf", args=[ingediend.pk]))

    the_entry(user=medewerker, kind=Kind.PLAN_PDF, library=bibliotheek, ip_address=ADDRESS)


def test_downloading_the_agreement_document_is_logged(client, digisterker, bibliotheek):
    OvereenkomstFactory(bibliotheek=bibliotheek, getekend=True)

    download(client, digisterker, reverse("licenties:document", args=[bibliotheek.pk]))

    the_entry(user=digisterker, kind=Kind.AGREEMENT, library=bibliotheek, ip_address=ADDRESS)


def test_downloading_a_report_pdf_is_logged(
    client, coordinator, bibliotheek, submitted_report, no_weasyprint
):
    download(client, coordinator, reverse("rapportage:pdf", args=[submitted_report.pk]))

    the_entry(user=coordinator, kind=Kind.REPORT_PDF, library=bibliotheek, ip_address=ADDRESS)


@pytest.mark.parametrize(
    ("url_name", "kind"),
    [
        ("rapportage:national_pdf", Kind.NATIONAL_PDF),
        ("rapportage:national_csv", Kind.NATIONAL_CSV),
        ("rapportage:national_xlsx", Kind.NATIONAL_XLSX),
        ("licenties:export_csv", Kind.LICENCE_CSV),
    ],
)
def test_every_national_and_licence_export_is_logged(
    client, coordinator, url_name, kind, no_weasyprint
):
    download(client, coordinator, reverse(url_name) + "?jaar=2025")

    entry = the_entry(user=coordinator, kind=kind, library=None, ip_address=ADDRESS)
    assert entry.what


def test_a_refused_download_logs_nothing(client, andere_medewerker, plan_with_attachment):
    client.force_login(andere_medewerker)
    AccessLogEntry.objects.all().delete()

    response = client.get(reverse("aanmelding:attachment", args=[plan_with_attachment.pk]))

    assert response.status_code == 404
    assert not AccessLogEntry.objects.exists()


def test_a_reviewer_viewing_a_plan_is_logged(client, digisterker, bibliotheek, ingediend):
    download(client, digisterker, reverse("aanmelding:detail", args=[ingediend.pk]))

    the_entry(user=digisterker, kind=Kind.PLAN_VIEWED, library=bibliotheek, ip_address=ADDRESS)


def test_a_reviewer_viewing_a_report_is_logged(client, kb, bibliotheek, submitted_report):
    download(client, kb, reverse("rapportage:detail", args=[submitted_report.pk]))

    the_entry(user=kb, kind=Kind.REPORT_VIEWED, library=bibliotheek, ip_address=ADDRESS)


def test_the_coordinator_viewing_a_plan_is_logged(client, coordinator, bibliotheek, ingediend):
    download(client, coordinator, reverse("aanmelding:detail", args=[ingediend.pk]))

    the_entry(user=coordinator, kind=Kind.PLAN_VIEWED, library=bibliotheek)


def test_library_staff_viewing_their_own_plan_and_report_make_no_entry(
    client, medewerker, concept, ingediend, submitted_report
):
    download(client, medewerker, reverse("aanmelding:detail", args=[concept.pk]))
    client.get(reverse("aanmelding:detail", args=[ingediend.pk]))
    client.get(reverse("rapportage:detail", args=[submitted_report.pk]))

    assert not AccessLogEntry.objects.exists()


def test_proxy_address_is_used_only_when_the_proxy_is_trusted(client, kb, ingediend, settings):
    client.force_login(kb)
    AccessLogEntry.objects.all().delete()
    url = reverse("aanmelding:detail", args=[ingediend.pk])
    headers = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "198.51.100.4, 10.0.0.1"}

    settings.TLS_PROXY = False
    client.get(url, **headers)
    settings.TLS_PROXY = True
    client.get(url, **headers)

    addresses = list(AccessLogEntry.objects.order_by("pk").values_list("ip_address", flat=True))
    assert addresses == ["10.0.0.2", "198.51.100.4"]
