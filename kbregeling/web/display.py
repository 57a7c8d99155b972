"""Field values as a reader expects them, for detail pages and PDFs alike."""

from decimal import Decimal

from django.utils.translation import gettext as _

from . import dutch

# Amounts in euros; other decimals (a satisfaction of 8.3) are plain numbers.
MONEY_FIELDS = {"eigen_budget", "cofinanciering", "financiering_bedrag", "waarde", "bedrag"}


def field_rows(obj, names):
    """(label, value) for each named field of ``obj``, values shown as a reader expects."""
    rows = []
    for name in names:
        field = obj._meta.get_field(name)
        value = getattr(obj, name)
        if hasattr(obj, f"get_{name}_display"):  # choices, or a model's own way to show it
            value = getattr(obj, f"get_{name}_display")()
        elif field.many_to_many:
            value = ", ".join(str(item) for item in value.all())
        elif isinstance(value, bool):
            value = _("Yes") if value else _("No")
        elif name in MONEY_FIELDS and value is not None:
            value = dutch.format_amount(value)
        elif isinstance(value, Decimal | int | float):  # "8,4", "4.000"; a year as "2026"
            value = dutch.format_number(value, grouping=not dutch.is_year_field(name))
        elif field.get_internal_type() == "FileField":
            value = getattr(obj, f"{name}_naam", "") or value.name if value else ""
        # A model may name a field after the object ("courses in 2027"): ``field_label``.
        label = obj.field_label(name) if hasattr(obj, "field_label") else field.verbose_name
        rows.append((label, "–" if value in (None, "") else value))
    return rows
