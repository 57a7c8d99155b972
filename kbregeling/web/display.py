"""Field values as a reader expects them, for detail pages and PDFs alike."""

from django.utils.formats import number_format
from django.utils.translation import gettext as _

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
            value = "€ " + number_format(value, 2, force_grouping=True)
        elif field.get_internal_type() == "FileField":
            value = getattr(obj, f"{name}_naam", "") or value.name if value else ""
        rows.append((field.verbose_name, "–" if value in (None, "") else value))
    return rows
