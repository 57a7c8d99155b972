"""Who may reach what: a library sees only its own; nobody but the library sees a draft.

Every page, download and action is checked on the server; a URL typed by hand gets a 404 for
another library's data (as if it did not exist) or a 403 for a role that may not act.
"""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from aanmelding.constants import Advies, Status
from aanmelding.models import Aanmelding, Beoordeling
from kbregeling.accounts.constants import Rol
from kbregeling.workflow.models import TransitionLog

from ..accounts.factories import UserFactory, staff_of
from .factories import AanmeldingFactory, BibliotheekFactory

pytestmark = pytest.mark.django_db

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def with_attachment(aanmelding, name="eigen-plan.pdf"):
    aanmelding.bijlage.save(name, ContentFile(PDF_BYTES), save=False)
    Aanmelding.objects.filter(pk=aanmelding.pk).update(
        bijlage=aanmelding.bijlage.name, bijlage_naam=name
    )
    return aanmelding


@pytest.fixture
def library_b():
    return BibliotheekFactory(naam="Bibliotheek Andersdorp")


@pytest.fixture
def plan_b(library_b):
    """A plan of library B that library A's staff must never reach, in any state."""
    return with_attachment(AanmeldingFactory(bibliotheek=library_b, compleet=True))


@pytest.fixture
def draft(bibliotheek):
    return with_attachment(AanmeldingFactory(bibliotheek=bibliotheek, compleet=True))


def snapshot(plan):
    fresh = Aanmelding.objects.get(pk=plan.pk)
    return (
        fresh.status,
        fresh.versie,
        fresh.ambitie,
        Beoordeling.objects.filter(aanmelding=plan).count(),
        TransitionLog.objects.count(),
    )


def url(name, plan):
    return reverse(f"aanmelding:{name}", args=[plan.pk])


# Library staff see only their own library ---------------------------------------------------


def test_my_sign_ups_lists_only_the_own_library(client, medewerker, draft, plan_b):
    submitted_b = AanmeldingFactory(
        bibliotheek=plan_b.bibliotheek, compleet=True, status=Status.INGEDIEND
    )
    client.force_login(medewerker)
    response = client.get(reverse("aanmelding:mine"))
    assert response.status_code == 200
    assert list(response.context["aanmeldingen"]) == [draft]
    html = response.content.decode()
    assert url("detail", draft) in html
    assert url("detail", plan_b) not in html
    assert url("detail", submitted_b) not in html
    assert "Bibliotheek Andersdorp" not in html


@pytest.mark.parametrize("status", [Status.CONCEPT, Status.INGEDIEND, Status.GOEDGEKEURD])
@pytest.mark.parametrize("page", ["detail", "edit", "attachment", "pdf"])
def test_another_librarys_pages_and_files_do_not_exist_for_library_staff(
    client, andere_medewerker, bibliotheek, page, status
):
    plan = with_attachment(AanmeldingFactory(bibliotheek=bibliotheek, compleet=True))
    Aanmelding.objects.filter(pk=plan.pk).update(status=status)
    client.force_login(andere_medewerker)
    response = client.get(url(page, plan))
    assert response.status_code == 404
    assert b"%PDF" not in response.content


@pytest.mark.parametrize("action", ["submit", "withdraw", "edit", "advise"])
def test_another_librarys_actions_are_refused_and_change_nothing(
    client, andere_medewerker, plan_b, action
):
    data = {"ambitie": "Overgenomen.", "versie": plan_b.versie, "remark": "Weg ermee."}
    before = snapshot(plan_b)
    client.force_login(andere_medewerker)
    response = client.post(url(action, plan_b), data)
    assert response.status_code in (403, 404)
    assert snapshot(plan_b) == before


def test_library_staff_reach_their_own_draft_and_its_files(client, medewerker, draft):
    client.force_login(medewerker)
    assert client.get(url("detail", draft)).status_code == 200
    assert client.get(url("edit", draft)).status_code == 200
    download = client.get(url("attachment", draft))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF_BYTES
    assert 'filename="eigen-plan.pdf"' in download["Content-Disposition"]


def test_library_staff_download_the_pdf_of_their_own_plan(client, medewerker, draft):
    client.force_login(medewerker)
    response = client.get(url("pdf", draft))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


@pytest.mark.parametrize("page", ["dashboard", "overview"])
def test_reviewer_pages_are_forbidden_for_library_staff(client, medewerker, page):
    client.force_login(medewerker)
    assert client.get(reverse(f"aanmelding:{page}")).status_code == 403


def test_a_user_with_the_staff_role_but_no_library_reaches_nothing(client, draft):
    loose = UserFactory(rol=Rol.BIBLIOTHEEKMEDEWERKER)  # no bibliotheek set
    client.force_login(loose)
    assert client.get(reverse("aanmelding:mine")).status_code == 403
    assert client.get(url("detail", draft)).status_code == 404
    assert client.get(reverse("home")).templates[0].name == "no_role.html"


# Reviewers and the coordinator never see a draft --------------------------------------------


@pytest.fixture(params=["kb", "digisterker", "coordinator"])
def assessor(request):
    return request.getfixturevalue(request.param)


def test_drafts_are_not_on_the_dashboard(client, assessor, draft, library_b):
    submitted = AanmeldingFactory(bibliotheek=library_b, compleet=True, status=Status.INGEDIEND)
    client.force_login(assessor)
    response = client.get(reverse("aanmelding:dashboard"), {"status": "alle"})
    assert response.status_code == 200
    assert list(response.context["page"].object_list) == [submitted]
    assert url("detail", draft) not in response.content.decode()


def test_a_draft_cannot_be_picked_by_status_filter_either(client, kb, draft):
    client.force_login(kb)
    response = client.get(reverse("aanmelding:dashboard"), {"status": Status.CONCEPT})
    assert list(response.context["page"].object_list) == []


@pytest.mark.parametrize("page", ["detail", "edit", "attachment", "pdf"])
def test_a_draft_does_not_exist_for_reviewers_and_coordinator(client, assessor, draft, page):
    client.force_login(assessor)
    response = client.get(url(page, draft))
    assert response.status_code == 404
    assert b"%PDF" not in response.content


def test_reviewers_and_coordinator_see_a_submitted_plan_and_its_attachment(
    client, assessor, bibliotheek
):
    plan = with_attachment(
        AanmeldingFactory(bibliotheek=bibliotheek, compleet=True, status=Status.INGEDIEND)
    )
    client.force_login(assessor)
    assert client.get(url("detail", plan)).status_code == 200
    download = client.get(url("attachment", plan))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF_BYTES


def test_reviewers_cannot_edit_a_submitted_plan(client, assessor, ingediend):
    before = snapshot(ingediend)
    client.force_login(assessor)
    assert client.get(url("edit", ingediend)).status_code == 403
    response = client.post(url("edit", ingediend), {"ambitie": "Anders.", "versie": 1})
    assert response.status_code == 403
    assert snapshot(ingediend) == before


def test_the_coordinator_cannot_advise(client, coordinator, ingediend):
    before = snapshot(ingediend)
    client.force_login(coordinator)
    response = client.post(
        url("advise", ingediend),
        {"advies": Advies.POSITIEF, "motivering": "Akkoord.", "seen_status": Status.INGEDIEND},
    )
    assert response.status_code == 403
    assert snapshot(ingediend) == before
    page = client.get(url("detail", ingediend))
    assert page.status_code == 200
    assert not page.context["can_advise"]
    assert url("advise", ingediend) not in page.content.decode()


@pytest.mark.parametrize("page", ["dashboard", "overview"])
def test_reviewers_and_coordinator_reach_the_dashboard_and_overview(client, assessor, page):
    client.force_login(assessor)
    assert client.get(reverse(f"aanmelding:{page}")).status_code == 200


def test_the_overview_counts_drafts_but_links_to_none(client, coordinator, draft):
    client.force_login(coordinator)
    response = client.get(reverse("aanmelding:overview"))
    assert response.context["total"] == 1
    assert url("detail", draft) not in response.content.decode()


# Anonymous users ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "name", "with_pk"),
    [
        ("get", "mine", False),
        ("post", "create", False),
        ("get", "dashboard", False),
        ("get", "overview", False),
        ("get", "detail", True),
        ("get", "edit", True),
        ("post", "edit", True),
        ("get", "attachment", True),
        ("get", "pdf", True),
        ("post", "submit", True),
        ("post", "withdraw", True),
        ("post", "advise", True),
    ],
)
def test_anonymous_users_are_sent_to_the_login_page(client, draft, method, name, with_pk):
    target = url(name, draft) if with_pk else reverse(f"aanmelding:{name}")
    before = snapshot(draft)
    response = getattr(client, method)(target)
    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={target}"
    assert snapshot(draft) == before


# Reviewers never advise on their own library -------------------------------------------------


def test_a_reviewer_who_also_works_at_the_library_cannot_advise_on_its_plan(ingediend):
    from django.contrib.auth.models import Group

    from aanmelding import permissions

    both = staff_of(ingediend.bibliotheek)
    both.groups.add(Group.objects.get(name=Rol.KB_BEOORDELAAR))
    both = type(both).objects.get(pk=both.pk)  # fresh roles
    assert not permissions.can_advise(ingediend, both)
