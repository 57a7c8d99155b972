"""A library never has two licence years that overlap, a year ends after it starts, and no
amount is negative: the form says so clearly, and the database refuses it whatever the form."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from licenties.constants import LicentieStatus
from licenties.models import Licentie, Tarief

from ..aanmelding.factories import BibliotheekFactory, GemeenteFactory
from ..helpers import fresh
from .factories import LicentieFactory, TariefFactory

pytestmark = pytest.mark.django_db

only_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the exclusion constraint is PostgreSQL's"
)


def create_url(bibliotheek):
    return reverse("licenties:create", args=[bibliotheek.pk])


def licence_data(bibliotheek, begindatum, einddatum="", waarde=""):
    return {
        "begindatum": begindatum,
        "einddatum": einddatum,
        "gemeenten": [g.pk for g in bibliotheek.werkgebied.all()],
        "waarde": waarde,
    }


def insert(bibliotheek, begindatum, einddatum, status=LicentieStatus.GEPLAND, waarde="6000"):
    """Straight to the database, past every form."""
    with transaction.atomic():
        return Licentie.objects.create(
            bibliotheek=bibliotheek,
            begindatum=begindatum,
            einddatum=einddatum,
            waarde=Decimal(waarde),
            status=status,
        )


@pytest.fixture
def year_2027(bibliotheek):
    return LicentieFactory(bibliotheek=bibliotheek, begindatum=date(2027, 1, 1))


# The form (KB records a licence year by hand) ---------------------------------------------


def test_kb_records_a_licence_year_with_default_end_and_the_tariff_of_its_start_year(
    client, kb, bibliotheek
):
    TariefFactory(jaar=2028, bedrag=Decimal("6400.00"))
    client.force_login(kb)

    response = client.post(create_url(bibliotheek), licence_data(bibliotheek, "2028-03-01"))

    licentie = Licentie.objects.get(bibliotheek=bibliotheek)
    assert response.status_code == 302
    assert response.url == reverse("licenties:detail", args=[licentie.pk])
    assert (licentie.begindatum, licentie.einddatum) == (date(2028, 3, 1), date(2029, 2, 28))
    assert licentie.waarde == Decimal("6400.00")
    assert licentie.status == LicentieStatus.GEPLAND
    assert list(licentie.gemeenten.all()) == list(bibliotheek.werkgebied.all())


@pytest.mark.parametrize(
    "begindatum, einddatum",
    [
        ("2027-06-01", "2028-05-31"),  # starts inside
        ("2026-07-01", "2027-01-01"),  # ends on its first day
        ("2027-12-31", "2028-12-30"),  # starts on its last day
        ("2026-01-01", "2028-12-31"),  # around it
    ],
)
def test_overlapping_licence_year_is_refused_by_the_form_with_a_clear_error(
    client, kb, bibliotheek, year_2027, begindatum, einddatum
):
    client.force_login(kb)

    response = client.post(
        create_url(bibliotheek), licence_data(bibliotheek, begindatum, einddatum)
    )

    assert response.status_code == 200
    [error] = response.context["form"].errors["begindatum"]
    assert str(year_2027) in error  # names the licence year it clashes with
    assert error in response.content.decode()
    assert list(Licentie.objects.all()) == [year_2027]


def test_the_year_right_after_another_is_not_an_overlap(client, kb, bibliotheek, year_2027):
    client.force_login(kb)

    response = client.post(create_url(bibliotheek), licence_data(bibliotheek, "2028-01-01"))

    assert response.status_code == 302
    assert Licentie.objects.filter(bibliotheek=bibliotheek).count() == 2


def test_another_library_may_have_a_licence_in_the_same_period(client, kb, year_2027):
    other = BibliotheekFactory()
    client.force_login(kb)

    response = client.post(create_url(other), licence_data(other, "2027-01-01"))

    assert response.status_code == 302
    assert Licentie.objects.filter(bibliotheek=other).count() == 1


def test_an_ended_licence_does_not_block_a_new_year_in_the_form(client, kb, bibliotheek):
    LicentieFactory(bibliotheek=bibliotheek, beeindigd=True, begindatum=date(2027, 1, 1))
    client.force_login(kb)

    response = client.post(create_url(bibliotheek), licence_data(bibliotheek, "2027-03-01"))

    assert response.status_code == 302
    assert Licentie.objects.filter(bibliotheek=bibliotheek).count() == 2


@pytest.mark.parametrize("einddatum", ["2027-12-31", "2028-01-01"], ids=["before", "same-day"])
def test_end_date_not_after_start_is_refused_by_the_form(client, kb, bibliotheek, einddatum):
    client.force_login(kb)

    response = client.post(
        create_url(bibliotheek), licence_data(bibliotheek, "2028-01-01", einddatum)
    )

    assert response.status_code == 200
    assert response.context["form"].errors["einddatum"]
    assert not Licentie.objects.exists()


def test_licence_form_refuses_a_negative_value_and_foreign_municipalities(client, kb, bibliotheek):
    client.force_login(kb)
    data = licence_data(bibliotheek, "2028-01-01", waarde="-1")
    data["gemeenten"].append(GemeenteFactory().pk)

    response = client.post(create_url(bibliotheek), data)

    errors = response.context["form"].errors
    assert errors["waarde"] and errors["gemeenten"]
    assert not Licentie.objects.exists()


@pytest.mark.parametrize("who", ["digisterker", "coordinator", "medewerker"])
def test_only_kb_records_a_licence_year_by_hand(request, client, who, bibliotheek):
    client.force_login(request.getfixturevalue(who))

    assert client.get(create_url(bibliotheek)).status_code == 403
    response = client.post(create_url(bibliotheek), licence_data(bibliotheek, "2028-01-01"))
    assert response.status_code == 403
    assert not Licentie.objects.exists()


# The database, whatever the form says ------------------------------------------------------


@pytest.mark.parametrize(
    "begindatum, einddatum",
    [
        (date(2027, 6, 1), date(2028, 5, 31)),
        (date(2026, 7, 1), date(2027, 1, 1)),
        (date(2027, 12, 31), date(2028, 12, 30)),
        (date(2027, 3, 1), date(2027, 4, 1)),  # inside it
    ],
)
def test_database_refuses_an_overlapping_licence_year(
    bibliotheek, year_2027, begindatum, einddatum
):
    with pytest.raises(IntegrityError):
        insert(bibliotheek, begindatum, einddatum)
    assert list(Licentie.objects.all()) == [year_2027]


def test_database_refuses_moving_a_licence_year_onto_another(bibliotheek, year_2027):
    next_year = insert(bibliotheek, date(2028, 1, 1), date(2028, 12, 31))

    with pytest.raises(IntegrityError), transaction.atomic():
        Licentie.objects.filter(pk=next_year.pk).update(begindatum=date(2027, 12, 1))

    assert fresh(next_year).begindatum == date(2028, 1, 1)


def test_database_allows_adjacent_years_and_other_libraries(bibliotheek, year_2027):
    insert(bibliotheek, date(2028, 1, 1), date(2028, 12, 31))
    insert(BibliotheekFactory(), date(2027, 1, 1), date(2027, 12, 31))
    assert Licentie.objects.count() == 3


def test_an_ended_licence_does_not_block_a_new_year_in_the_database(bibliotheek):
    ended = insert(bibliotheek, date(2027, 1, 1), date(2027, 12, 31), LicentieStatus.BEEINDIGD)

    replacement = insert(bibliotheek, date(2027, 3, 1), date(2028, 2, 29))

    assert {ended, replacement} == set(Licentie.objects.all())
    # ...but an ended year cannot come back to life on top of its replacement.
    with pytest.raises(IntegrityError), transaction.atomic():
        Licentie.objects.filter(pk=ended.pk).update(status=LicentieStatus.GEPLAND)


@pytest.mark.parametrize(
    "einddatum", [date(2027, 12, 31), date(2028, 1, 1)], ids=["before", "same-day"]
)
def test_database_refuses_a_licence_that_ends_before_it_starts(bibliotheek, einddatum):
    with pytest.raises(IntegrityError, match="licentie_end_after_start|CHECK"):
        insert(bibliotheek, date(2028, 1, 1), einddatum)
    assert not Licentie.objects.exists()


def test_database_refuses_a_negative_licence_value(bibliotheek):
    with pytest.raises(IntegrityError):
        insert(bibliotheek, date(2028, 1, 1), date(2028, 12, 31), waarde="-0.01")
    assert not Licentie.objects.exists()


def test_database_refuses_a_negative_tariff():
    with pytest.raises(IntegrityError), transaction.atomic():
        Tarief.objects.create(jaar=2028, bedrag=Decimal("-1.00"))
    assert not Tarief.objects.exists()


def test_sqlite_enforces_non_overlap_with_triggers():
    if connection.vendor != "sqlite":
        pytest.skip("the triggers are SQLite's")
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        triggers = [row[0] for row in cursor.fetchall()]
    assert triggers == ["licentie_no_overlap_insert", "licentie_no_overlap_update"]


@pytest.mark.postgres
@only_postgres
def test_postgres_exclusion_constraint_refuses_overlapping_years(bibliotheek, year_2027):
    with connection.cursor() as cursor:
        cursor.execute("SELECT contype FROM pg_constraint WHERE conname = 'licentie_no_overlap'")
        assert cursor.fetchall() == [("x",)]  # an exclusion constraint

    with pytest.raises(IntegrityError, match="licentie_no_overlap"):
        insert(bibliotheek, date(2027, 6, 1), date(2028, 5, 31))
    insert(bibliotheek, date(2028, 1, 1), date(2028, 12, 31))  # the day after: no overlap
    with pytest.raises(IntegrityError, match="licentie_no_overlap"), transaction.atomic():
        Licentie.objects.filter(pk=year_2027.pk).update(einddatum=date(2028, 1, 1))
    insert(bibliotheek, date(2028, 6, 1), date(2029, 5, 31), LicentieStatus.BEEINDIGD)
    assert Licentie.objects.filter(bibliotheek=bibliotheek).count() == 3


# Tariffs ----------------------------------------------------------------------------------


def test_kb_sets_and_corrects_the_tariff_of_a_year(client, kb):
    client.force_login(kb)
    url = reverse("licenties:tariffs")

    assert client.post(url, {"jaar": 2028, "bedrag": "6400.00"}).status_code == 302
    assert client.post(url, {"jaar": 2028, "bedrag": "6500.00"}).status_code == 302

    assert list(Tarief.objects.values_list("jaar", "bedrag")) == [(2028, Decimal("6500.00"))]
    assert Tarief.voor_jaar(2028) == Decimal("6500.00")
    assert Tarief.voor_jaar(2029) == Decimal("6000.00")


def test_negative_tariff_is_refused_by_the_form(client, kb):
    TariefFactory(jaar=2028, bedrag=Decimal("6400.00"))
    client.force_login(kb)

    response = client.post(reverse("licenties:tariffs"), {"jaar": 2028, "bedrag": "-100"})

    assert response.status_code == 200
    assert response.context["form"].errors["bedrag"]
    assert Tarief.voor_jaar(2028) == Decimal("6400.00")


@pytest.mark.parametrize("who", ["digisterker", "coordinator", "medewerker"])
def test_only_kb_maintains_the_tariffs(request, client, who):
    client.force_login(request.getfixturevalue(who))
    url = reverse("licenties:tariffs")

    assert client.get(url).status_code == 403
    assert client.post(url, {"jaar": 2028, "bedrag": "1.00"}).status_code == 403
    assert not Tarief.objects.exists()
