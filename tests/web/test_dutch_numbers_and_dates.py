"""Numbers, amounts and dates are typed and shown the Dutch way, by one shared mechanism
(kbregeling/web/dutch.py): "8,4", "4.000", "€ 6.000,00" read as a Dutch person means them,
unambiguous English still accepted, exponents, letters and extra commas refused."""

from datetime import date
from decimal import Decimal

import pytest
from django import forms
from django.template import Context, Template
from django.utils import translation

from kbregeling.web import dutch
from kbregeling.web.display import field_rows


class AmountForm(forms.Form):
    bedrag = dutch.DecimalField(max_digits=10, decimal_places=2, required=False)
    tevredenheid = dutch.DecimalField(max_digits=3, decimal_places=1, required=False)
    aantal = dutch.IntegerField(required=False)
    jaar = dutch.YearField(required=False)
    datum = dutch.DateField(required=False)


def cleaned(name, text):
    form = AmountForm({name: text})
    assert form.is_valid(), form.errors
    return form.cleaned_data[name]


def error(name, text):
    with translation.override("nl"):
        form = AmountForm({name: text})
        assert not form.is_valid()
        return str(form.errors[name][0])


@pytest.mark.parametrize(
    "typed, value",
    [
        ("8,4", Decimal("8.4")),  # Dutch decimal comma
        ("4.000", Decimal("4000")),  # Dutch thousands
        ("€ 6.000,00", Decimal("6000.00")),
        ("6.000,00", Decimal("6000.00")),
        ("€6.000", Decimal("6000")),
        ("6.000,00 €", Decimal("6000.00")),
        ("€ 6.000,-", Decimal("6000")),
        ("1.234,56", Decimal("1234.56")),
        ("1234,56", Decimal("1234.56")),
        ("1.234.567", Decimal("1234567")),
        ("6 000", Decimal("6000")),
        ("6\u00a0000,50", Decimal("6000.50")),
        (",5", Decimal("0.5")),
        ("  12  ", Decimal("12")),
        ("1234.56", Decimal("1234.56")),  # unambiguous English
        ("8.4", Decimal("8.4")),
        ("4.5", Decimal("4.5")),
        ("0.500", Decimal("0.5")),  # a leading 0 never starts a thousands group
    ],
)
def test_an_amount_is_read_the_dutch_way_and_unambiguous_english_is_accepted(typed, value):
    assert cleaned("bedrag", typed) == value


@pytest.mark.parametrize(
    "typed, code",
    [
        ("1e5", "exponent"),
        ("1E5", "exponent"),
        ("2e-3", "exponent"),
        ("abc", "invalid"),
        ("12 euro", "invalid"),
        ("²", "invalid"),
        ("1,2,3", "commas"),
        ("1,234.56", "english"),
        ("1.23.4", "grouping"),
        ("12.34.567", "grouping"),
        (",", "invalid"),
        ("€", "invalid"),
        ("--4", "invalid"),
        ("Infinity", "invalid"),
        ("NaN", "invalid"),
    ],
)
def test_an_exponent_letters_and_extra_commas_are_refused_with_a_message_that_says_why(typed, code):
    with translation.override("nl"):
        message = str(dutch.MESSAGES[code])
    assert error("bedrag", typed) == message
    assert message != str(dutch.MESSAGES["exponent"]) or "1e5" in message


def test_the_messages_are_dutch():
    with translation.override("nl"):
        assert error("bedrag", "abc") == "Vul een getal in, zoals 8,4 of 4.000."
        assert "1e5" in error("bedrag", "1e5")
        assert error("aantal", "8,4") == "Vul een heel getal in, zonder komma of decimalen."
        assert "dd-mm-jjjj" in error("datum", "13-13-2027")


def test_too_many_decimals_are_refused_by_the_fields_own_limit():
    assert error("bedrag", "12,345")
    assert error("tevredenheid", "8,45")
    assert cleaned("tevredenheid", "8,4") == Decimal("8.4")


@pytest.mark.parametrize(
    "typed, value",
    [("4", 4), ("4.000", 4000), ("40 000", 40000), ("100.000", 100000), ("-3", -3), ("0", 0)],
)
def test_a_whole_number_is_read_the_dutch_way(typed, value):
    assert cleaned("aantal", typed) == value


@pytest.mark.parametrize("typed", ["8,4", "8.4", "8,0", "4,", "1e3", "vier", "4.5"])
def test_a_whole_number_refuses_decimals_exponents_and_letters(typed):
    assert error("aantal", typed)


def test_a_year_is_typed_and_shown_without_a_thousands_separator():
    assert cleaned("jaar", "2027") == 2027
    form = AmountForm(initial={"jaar": 2027, "aantal": 2027})
    assert 'value="2027"' in str(form["jaar"])
    assert 'value="2.027"' in str(form["aantal"])


@pytest.mark.parametrize(
    "typed",
    [
        "28-01-2027",
        "28-1-2027",
        "8-1-2027",
        "28/01/2027",
        "28.01.2027",
        "2027-01-28",
        " 28 - 01 - 2027 ",
    ],
)
def test_a_date_is_typed_as_dd_mm_yyyy_and_iso_is_accepted(typed):
    expected = date(2027, 1, 8) if typed.startswith("8-") else date(2027, 1, 28)
    assert cleaned("datum", typed) == expected


@pytest.mark.parametrize("typed", ["01-28-2027", "28-01-27", "31-02-2027", "morgen", "28.01"])
def test_an_impossible_or_american_date_is_refused(typed):
    assert error("datum", typed)


def test_inputs_are_text_inputs_with_the_right_keyboard_and_show_values_the_dutch_way():
    form = AmountForm(
        initial={
            "bedrag": Decimal("6000.00"),
            "tevredenheid": Decimal("8.4"),
            "aantal": 4000,
            "datum": date(2027, 1, 28),
        }
    )
    html = {name: str(form[name]) for name in form.fields}

    assert 'type="number"' not in "".join(html.values())
    assert 'type="date"' not in html["datum"]
    assert 'inputmode="decimal"' in html["bedrag"] and 'value="6.000,00"' in html["bedrag"]
    assert 'value="8,4"' in html["tevredenheid"]
    assert 'inputmode="numeric"' in html["aantal"] and 'value="4.000"' in html["aantal"]
    assert 'type="text"' in html["datum"] and 'value="28-01-2027"' in html["datum"]


def test_what_was_typed_is_shown_back_unchanged_beside_an_error():
    form = AmountForm({"bedrag": "1e5", "aantal": "8,4"})
    assert not form.is_valid()
    assert 'value="1e5"' in str(form["bedrag"])
    assert 'value="8,4"' in str(form["aantal"])


def test_a_date_field_shows_the_hint_dd_mm_yyyy_and_the_input_points_to_it():
    class Form(forms.Form):
        plain = dutch.DateField()
        explained = dutch.DateField(help_text="Leave empty for one year.")

    with translation.override("nl"):
        form = Form()
        assert "dd-mm-jjjj" in str(form["plain"].help_text)
        assert str(form["explained"].help_text).startswith("Leave empty for one year.")
        assert "dd-mm-jjjj" in str(form["explained"].help_text)
        form.fields["plain"].help_text = "Later set."
        assert "dd-mm-jjjj" in str(form["plain"].help_text)
    assert 'aria-describedby="id_plain_helptext"' in str(form["plain"])


def test_model_forms_get_the_dutch_fields_from_the_shared_callback():
    from licenties.models import Licentie, Tarief

    class LicenceForm(forms.ModelForm):
        class Meta:
            model = Licentie
            fields = ["begindatum", "waarde"]
            formfield_callback = dutch.formfield

    class TariffForm(forms.ModelForm):
        class Meta:
            model = Tarief
            fields = ["jaar", "bedrag"]
            formfield_callback = dutch.formfield

    assert type(LicenceForm.base_fields["begindatum"]) is dutch.DateField
    assert type(LicenceForm.base_fields["waarde"]) is dutch.DecimalField
    assert type(TariffForm.base_fields["jaar"]) is dutch.YearField


@pytest.mark.parametrize(
    "value, shown",
    [
        (Decimal("8.4"), "8,4"),
        (4000, "4.000"),
        (Decimal("1234.56"), "1.234,56"),
        (Decimal("-1234.5"), "-1.234,5"),
        (8.4, "8,4"),
        (0, "0"),
        (None, ""),
    ],
)
def test_numbers_are_shown_the_dutch_way_whatever_language_is_active(value, shown):
    with translation.override("en"):
        assert dutch.format_number(value) == shown
        assert Template("{% load kb_tags %}{{ v|nl_number }}").render(Context({"v": value})) == (
            shown
        )


def test_amounts_are_shown_with_a_euro_sign_and_two_decimals():
    template = Template("{% load kb_tags %}{{ v|euro }}")
    assert template.render(Context({"v": Decimal("6000")})) == "€\u00a06.000,00"
    assert template.render(Context({"v": Decimal("12.5")})) == "€\u00a012,50"
    assert template.render(Context({"v": None})) == ""
    assert Template("{% load kb_tags %}{{ v|nl_number:1 }}").render(Context({"v": 8.35})) == "8,4"


@pytest.mark.django_db
def test_detail_rows_show_amounts_numbers_and_years_the_dutch_way():
    from aanmelding.models import Aanmelding

    plan = Aanmelding(eigen_budget=Decimal("6000"), deelnemers_jaar1=4000, eerste_licentiejaar=2027)

    rows = dict(field_rows(plan, ["eigen_budget", "deelnemers_jaar1", "eerste_licentiejaar"]))

    assert list(rows.values()) == ["€\u00a06.000,00", "4.000", "2027"]
