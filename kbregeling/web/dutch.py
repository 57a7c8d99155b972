"""Numbers, amounts and dates typed and shown the Dutch way, in every form of the project.

One mechanism for all forms: a ModelForm names ``formfield_callback = dutch.formfield`` in its
``Meta`` and its number, amount and date fields become the fields below; a plain form uses
the fields directly.

How a typed number is read (``parse_number``):

- a comma is the decimal separator: "8,4" is 8.4, "1.234,56" is 1234.56;
- dots that split the number into groups of three digits (one to three digits, not starting
  with 0, before the first dot) separate thousands, Dutch style: "4.000" is four thousand,
  "1.234.567" over a million; spaces between such groups ("6 000") do the same;
- any other single dot is an English decimal point: "8.4", "1234.56", "4.5";
  so "4.000" is always four thousand (write "4" or "4,0" for four), while "0.500",
  "1234.567" and "4.5" are English decimals;
- a euro sign around the number is ignored: "€ 6.000,00";
- refused, each with its own message: exponents ("1e5"), letters, more than one comma, a dot
  after the comma ("1,234.56"), dots that do not separate groups of three ("1.23.4");
- a whole number (``IntegerField``) refuses any decimals: "8,4" and "8.4" are refused.

Inputs are text inputs with ``inputmode`` (a ``type=number`` input is read by the browser the
English way, and silently drops what it cannot read), and show a stored value back the Dutch
way ("8,4", "4.000"). A field named ``jaar`` or ``...jaar`` holds a year: never grouped ("2026").

Dates are typed as dd-mm-jjjj; d-m-jjjj, dd/mm/jjjj and the ISO form jjjj-mm-dd are accepted
too. The field's help text always ends with the hint "dd-mm-jjjj", and the input points to it
with ``aria-describedby`` (Django does so for every help text).
"""

import re
from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

DATE_FORMAT = "%d-%m-%Y"
DATE_INPUT_FORMATS = [DATE_FORMAT, "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d"]
DATE_HINT = _("Type the date as dd-mm-yyyy, for example 28-01-2027.")

MESSAGES = {
    "invalid": _("Enter a number, such as 8,4 or 4.000."),
    "exponent": _('Write the number in full, without an "e": 100.000 instead of 1e5.'),
    "commas": _("Use one comma at most, before the decimals: 1.234,56."),
    "english": _("Use a comma before the decimals and dots between thousands: 1.234,56."),
    "grouping": _("Put a dot only between groups of three digits: 1.234.567."),
    "whole": _("Enter a whole number, without a comma or decimals."),
}

DIGITS = re.compile(r"[0-9]+")
DOT_GROUPS = re.compile(r"[1-9][0-9]{0,2}(\.[0-9]{3})+")
SPACE_GROUPS = re.compile(r"[1-9][0-9]{0,2}( [0-9]{3})+")
SPACES = re.compile(r"[\s\u00a0\u202f]+")


def _invalid(code):
    return ValidationError(MESSAGES[code], code=code)


def _whole_part(text):
    """The digits of the part before the decimals: plain, or grouped by dots or spaces."""
    if DIGITS.fullmatch(text):
        return text
    if DOT_GROUPS.fullmatch(text) or SPACE_GROUPS.fullmatch(text):
        return text.replace(".", "").replace(" ", "")
    if "." in text:
        raise _invalid("grouping")
    raise _invalid("invalid")


def parse_number(text) -> tuple[Decimal, bool]:
    """A typed number as a Decimal, and whether it was typed with decimals.

    Raises ``ValidationError`` with a message that says what to type instead."""
    s = SPACES.sub(" ", str(text)).strip()
    s = s.removeprefix("€").removesuffix("€").strip()
    s = re.sub(r",-{1,2}$", "", s)  # "€ 6.000,-": whole euros, as on a Dutch price tag
    sign = ""
    if s[:1] in ("-", "+"):
        sign, s = s[0].replace("+", ""), s[1:].strip()
    if not s:
        raise _invalid("invalid")
    if "e" in s.lower() and re.search(r"[0-9]\s*[eE]\s*[-+]?[0-9]", s):
        raise _invalid("exponent")
    if s.count(",") > 1:
        raise _invalid("commas")
    whole, comma, fraction = s.partition(",")
    if comma:
        if "." in fraction:
            raise _invalid("english")
        if fraction and not DIGITS.fullmatch(fraction) or not (whole or fraction):
            raise _invalid("invalid")
        whole = _whole_part(whole) if whole else "0"
    elif DOT_GROUPS.fullmatch(whole) or SPACE_GROUPS.fullmatch(whole):
        whole = _whole_part(whole)
    elif whole.count(".") == 1:  # an English decimal point: "8.4", "1234.56"
        whole, _dot, fraction = whole.partition(".")
        if not (DIGITS.fullmatch(whole) or not whole) or not DIGITS.fullmatch(fraction):
            raise _invalid("invalid")
        whole = whole or "0"
        comma = "."
    else:
        whole = _whole_part(whole)
    return Decimal(f"{sign}{whole}.{fraction or '0'}" if comma else f"{sign}{whole}"), bool(comma)


def format_number(value, decimal_places=None, grouping=True) -> str:
    """A number the Dutch way: "8,4", "4.000", "1.234,56"; ``decimal_places`` rounds."""
    if value is None or value == "":
        return ""
    if isinstance(value, float):
        value = Decimal(repr(value))
    value = Decimal(value)
    if decimal_places is not None:
        value = value.quantize(Decimal(1).scaleb(-decimal_places), rounding=ROUND_HALF_UP)
    text = f"{abs(value):f}"
    whole, _dot, fraction = text.partition(".")
    if grouping:
        whole = f"{int(whole):,}".replace(",", ".")
    sign = "-" if value < 0 and value != 0 else ""
    return f"{sign}{whole},{fraction}" if fraction else f"{sign}{whole}"


def format_amount(value) -> str:
    """An amount in euros: "€ 6.000,00"."""
    if value is None or value == "":
        return ""
    return "€\u00a0" + format_number(value, 2)


def format_date(value) -> str:
    return value.strftime(DATE_FORMAT) if value else ""


def is_year_field(name) -> bool:
    return name == "jaar" or name.endswith("jaar")


# Widgets ---------------------------------------------------------------------------------


class NumberInput(forms.TextInput):
    """A text input for a number: the keyboard of ``inputmode``, the value shown the Dutch way
    (what was typed is shown back unchanged when the form has an error)."""

    def __init__(self, attrs=None, decimal=True, grouping=True):
        self.grouping = grouping
        attrs = {"inputmode": "decimal" if decimal else "numeric", **(attrs or {})}
        super().__init__(attrs)

    def format_value(self, value):
        if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
            return format_number(value, grouping=self.grouping)
        return super().format_value(value)


class DateInput(forms.DateInput):
    """A text input for a date, shown as dd-mm-jjjj (never a browser's mm/dd/yyyy picker)."""

    input_type = "text"

    def __init__(self, attrs=None):
        super().__init__(
            {"autocomplete": "off", "spellcheck": "false", **(attrs or {})}, format=DATE_FORMAT
        )


# Form fields -----------------------------------------------------------------------------


class DecimalField(forms.DecimalField):
    widget = NumberInput

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal | int) and not isinstance(value, bool):
            return Decimal(value)
        value = parse_number(value)[0]
        # "0,500" in a field of two decimals is 0,50: only zeros are dropped, never a digit.
        places = self.decimal_places
        if places is not None and value.as_tuple().exponent < -places:
            rounded = value.quantize(Decimal(1).scaleb(-places))
            value = rounded if rounded == value else value
        return value


class IntegerField(forms.IntegerField):
    widget = NumberInput

    def __init__(self, *, grouping=True, **kwargs):
        kwargs.setdefault("widget", NumberInput(decimal=False, grouping=grouping))
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        number, decimals = parse_number(value)
        if decimals:
            raise _invalid("whole")
        return int(number)


class YearField(IntegerField):
    """A year: typed and shown without a thousands separator."""

    def __init__(self, **kwargs):
        super().__init__(grouping=False, **kwargs)


class DateField(forms.DateField):
    widget = DateInput
    input_formats = DATE_INPUT_FORMATS
    default_error_messages = {"invalid": _("Enter a date as dd-mm-yyyy, for example 28-01-2027.")}

    @property
    def help_text(self):
        own = self.__dict__.get("_own_help_text")
        return format_lazy("{} {}", own, DATE_HINT) if own else DATE_HINT

    @help_text.setter
    def help_text(self, text):
        self.__dict__["_own_help_text"] = text

    def to_python(self, value):
        if isinstance(value, str):
            value = SPACES.sub("", value)
        return super().to_python(value)


def formfield(db_field, **kwargs):
    """``formfield_callback`` of every ModelForm: the Dutch field for each number and date."""
    if "form_class" not in kwargs:
        if isinstance(db_field, models.DecimalField):
            kwargs["form_class"] = DecimalField
        elif isinstance(db_field, models.IntegerField) and not db_field.choices:
            kwargs["form_class"] = YearField if is_year_field(db_field.name) else IntegerField
        elif isinstance(db_field, models.DateField) and not isinstance(
            db_field, models.DateTimeField
        ):
            kwargs["form_class"] = DateField
    return db_field.formfield(**kwargs)


__all__ = [
    "DateField",
    "DecimalField",
    "IntegerField",
    "YearField",
    "format_amount",
    "format_date",
    "format_number",
    "formfield",
    "parse_number",
]
