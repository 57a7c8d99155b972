"""The error pages are Dutch: a post over the size limit gets a 400 page that says the text
was too long and that Back brings the form back; a server error gets a self-contained 500
page that renders without a request."""

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.test import Client
from django.urls import path, reverse
from django.utils import translation

from aanmelding import service
from aanmelding.models import Aanmelding


def boom(request):
    raise RuntimeError("a bug")


# Used by the test that marks itself with ``pytest.mark.urls(__name__)``.
urlpatterns = [path("boom/", boom)]


@pytest.mark.django_db
def test_a_text_post_over_the_limit_gets_a_dutch_400_page_that_points_to_back(
    client, medewerker, bibliotheek
):
    draft = service.start(bibliotheek, by=medewerker)
    client.force_login(medewerker)
    too_long = "Een heel lang plan. " * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 20 + 1)
    assert len(too_long) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE

    response = client.post(
        reverse("aanmelding:edit", args=[draft.pk]),
        {"versie": draft.versie, "opslaan": "", "ambitie": too_long},
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "<h1" in html and "te lang" in html
    assert "Terug" in html  # the browser's Back button brings the typed text back
    assert "Bad Request" not in html
    assert Aanmelding.objects.get(pk=draft.pk).ambitie == ""


def test_the_500_page_is_dutch_and_renders_without_a_request():
    with translation.override("nl"):
        html = render_to_string("500.html")

    assert '<html lang="nl">' in html
    assert "Er is iets misgegaan" in html
    assert 'href="/"' in html


@pytest.mark.urls(__name__)
def test_a_server_error_shows_the_dutch_500_page():
    response = Client(raise_request_exception=False).get("/boom/")

    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "Er is iets misgegaan" in html
    assert "Server Error" not in html
