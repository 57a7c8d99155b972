"""Every page and download a logged-in user gets carries the security headers: a
Content-Security-Policy without 'unsafe-inline', a Permissions-Policy, and
``Cache-Control: private, no-store`` so no shared cache keeps private data; every file
download is ``no-store`` whoever asks; public static files keep their caching."""

from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.http import FileResponse, HttpResponse
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from aanmelding.constants import Status
from aanmelding.models import Aanmelding
from kbregeling.web.middleware import SecurityHeadersMiddleware
from rapportage.constants import RapportageStatus

from ..aanmelding.factories import AanmeldingFactory
from ..licenties.factories import LicentieFactory, OvereenkomstFactory
from ..rapportage.factories import RapportageFactory

pytestmark = pytest.mark.django_db

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
NAMESPACES = ("aanmelding", "licenties", "rapportage", "mail")


def assert_security_headers(response, what):
    csp = response.get("Content-Security-Policy", "")
    assert "default-src 'self'" in csp, what
    assert "unsafe-inline" not in csp, what
    assert "frame-ancestors 'none'" in csp, what
    assert "object-src 'none'" in csp, what
    assert "form-action 'self'" in csp, what
    assert "camera=()" in response.get("Permissions-Policy", ""), what
    assert "geolocation=()" in response.get("Permissions-Policy", ""), what
    cache = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    assert {"private", "no-store"} <= cache, (what, response.get("Cache-Control"))
    assert "public" not in cache, what


def assert_no_inline_code(response, what):
    """What the CSP would block: inline scripts, style blocks and attributes, handlers."""
    if not response.get("Content-Type", "").startswith("text/html"):
        return
    html = response.content.decode()
    assert "<style" not in html, what
    assert " style=" not in html, what
    assert "<script>" not in html and "<script " not in html.replace("<script src=", ""), what
    assert " onclick=" not in html and " onload=" not in html, what


@pytest.fixture
def world(bibliotheek, medewerker):
    """One of each object a URL can name: a submitted plan with an attachment, a licence year
    with a signed agreement, and a submitted year report, all of the same library."""
    plan = AanmeldingFactory(bibliotheek=bibliotheek, compleet=True, status=Status.INGEDIEND)
    plan.bijlage.save("plan.pdf", ContentFile(PDF_BYTES), save=False)
    Aanmelding.objects.filter(pk=plan.pk).update(bijlage=plan.bijlage.name, bijlage_naam="p.pdf")
    OvereenkomstFactory(bibliotheek=bibliotheek, getekend=True)
    licentie = LicentieFactory(bibliotheek=bibliotheek, verlopen=True, begindatum=date(2025, 1, 1))
    report = RapportageFactory(licentie=licentie, ingevuld=True, status=RapportageStatus.INGEDIEND)
    return {"plan": plan, "licentie": licentie, "report": report, "bibliotheek": bibliotheek}


def every_url(world):
    """Every URL of the apps, by walking the URL configuration (so a new page is walked too),
    with an object of ``world`` for the ones that name one."""
    resolver = get_resolver()
    urls = [reverse("home")]
    for entry in resolver.url_patterns:
        if not (isinstance(entry, URLResolver) and entry.namespace in NAMESPACES):
            continue
        for pattern in entry.url_patterns:
            assert isinstance(pattern, URLPattern)
            name = f"{entry.namespace}:{pattern.name}"
            route = str(pattern.pattern)
            if "<int:pk>" not in route:
                urls.append(reverse(name))
                continue
            if route.startswith("bibliotheek/"):
                pk = world["bibliotheek"].pk
            else:
                pk = {
                    "aanmelding": world["plan"].pk,
                    "licenties": world["licentie"].pk,
                    "rapportage": world["report"].pk,
                    "mail": 1,
                }[entry.namespace]
            # A second number (a message, a letter) names one that need not exist: 404 is fine.
            more = [1] * (route.count("<int:") - 1)
            urls.append(reverse(name, args=[pk, *more]))
    return urls


@pytest.mark.parametrize("role", ["medewerker", "kb", "coordinator"])
def test_every_page_a_logged_in_user_gets_carries_csp_permissions_and_no_store(
    client, world, role, request
):
    client.force_login(request.getfixturevalue(role))
    reached = 0
    for url in every_url(world):
        response = client.get(url)
        assert response.status_code != 500, url
        assert_security_headers(response, url)
        assert_no_inline_code(response, url)
        reached += response.status_code == 200
    assert reached >= 8, f"{role} reached only {reached} pages"


@pytest.mark.parametrize(
    "role, name, args",
    [
        ("medewerker", "aanmelding:attachment", "plan"),
        ("medewerker", "aanmelding:pdf", "plan"),
        ("kb", "aanmelding:attachment", "plan"),
        ("medewerker", "licenties:document", "bibliotheek"),
        ("medewerker", "rapportage:pdf", "report"),
        ("coordinator", "rapportage:pdf", "report"),
        ("coordinator", "rapportage:national_pdf", None),
        ("coordinator", "rapportage:national_csv", None),
        ("coordinator", "rapportage:national_xlsx", None),
        ("coordinator", "licenties:export_csv", None),
    ],
)
def test_every_download_carries_csp_permissions_and_no_store(
    client, world, role, name, args, request
):
    client.force_login(request.getfixturevalue(role))
    response = client.get(reverse(name, args=[world[args].pk] if args else []))

    assert response.status_code == 200, name
    assert not response.get("Content-Type", "").startswith("text/html"), name
    assert_security_headers(response, name)


def test_a_file_download_is_not_stored_whoever_asks():
    """Whatever a download is, and whether or not someone is logged in."""
    anonymous = RequestFactory().get("/bestand/")
    for response in (
        FileResponse(iter([PDF_BYTES]), as_attachment=True, filename="a.pdf"),
        HttpResponse(b"a;b\n", content_type="text/csv"),
        HttpResponse(PDF_BYTES, content_type="application/pdf"),
    ):
        response = SecurityHeadersMiddleware(lambda request, r=response: r)(anonymous)
        assert response["Cache-Control"] == "private, no-store"
        assert "Permissions-Policy" in response


def test_the_login_page_has_csp_and_permissions_policy_and_may_be_cached_only_privately(
    client,
):
    response = client.get(reverse("login"))

    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "microphone=()" in response["Permissions-Policy"]
    assert "public" not in response.get("Cache-Control", "")
    assert_no_inline_code(response, "login")


def test_static_files_keep_their_public_caching_and_get_the_permissions_policy(client):
    response = client.get("/static/css/site.css")

    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
    assert "Permissions-Policy" in response


def test_the_error_page_of_a_too_large_post_has_the_headers_too(client, medewerker, settings):
    settings.MAX_REQUEST_BODY_SIZE = 1024
    client.force_login(medewerker)
    response = client.post(reverse("aanmelding:create"), {"tekst": "x" * 2048})

    assert response.status_code == 400
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "Permissions-Policy" in response
