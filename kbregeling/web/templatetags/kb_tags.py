from django import template
from django.forms import BaseFormSet

from kbregeling.web import display, dutch, filters
from kbregeling.web.forms import field_anchor, plain_label

register = template.Library()


def _errors(form, prefix_label=""):
    for error in form.non_field_errors():
        yield (prefix_label, None, error)
    # In the order of the fields on the page, not the order the checks ran in.
    for name in [name for name in form.fields if name in form.errors]:
        errors = form.errors[name]
        field = form[name]
        label = f"{prefix_label}{plain_label(field)}" if prefix_label else plain_label(field)
        for error in errors:
            yield (label, field_anchor(field), error)


@register.inclusion_tag("includes/error_summary.html")
def error_summary(*forms):
    """One summary at the top of a page of every error, each linking to its field."""
    rows = []
    for form in forms:
        if form is None:
            continue
        if isinstance(form, BaseFormSet):
            for error in form.non_form_errors():
                rows.append(("", None, error))
            for sub in form.forms:
                label = f"{sub.instance} – " if sub.instance.pk else ""
                rows.extend(_errors(sub, label))
        else:
            rows.extend(_errors(form))
    return {"form_errors": rows}


@register.filter
def status_class(status):
    """The badge colour of a state of a sign-up, licence or report."""
    return {
        "concept": "text-bg-secondary",
        "open": "text-bg-secondary",
        "gepland": "text-bg-secondary",
        "goedgekeurd": "text-bg-success",
        "actief": "text-bg-success",
        "verlengd": "text-bg-success",
        "afgewezen": "text-bg-danger",
        "niet_verlengd": "text-bg-danger",
        "ingetrokken": "text-bg-dark",
        "beeindigd": "text-bg-dark",
        "verlopen": "text-bg-light border",
        "aanvulling_gevraagd": "text-bg-warning",
    }.get(status, "text-bg-primary")


@register.simple_tag
def field_rows(obj, names):
    return display.field_rows(obj, names)


@register.filter
def split(value):
    return value.split()


@register.filter
def secret_groups(value):
    """A long key in groups of four, easier to type over: "JBSW Y3DP EHPK 3PXP"."""
    value = str(value)
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4))


@register.filter
def role_label(name):
    """A role's (group's) name as people read it: "kb_beoordelaar" → "KB-beoordelaar"."""
    from kbregeling.accounts.constants import Rol

    try:
        return Rol(name).label
    except ValueError:
        return name


@register.filter
def nl_number(value, decimal_places=None):
    """A number the Dutch way, whatever language is active: "8,4", "4.000";
    ``|nl_number:2`` rounds to two decimals. Not a number: shown as it is."""
    try:
        return dutch.format_number(value, decimal_places)
    except (TypeError, ValueError, ArithmeticError):
        return value


@register.filter
def euro(value):
    """An amount in euros: "€ 6.000,00"."""
    try:
        return dutch.format_amount(value)
    except (TypeError, ValueError, ArithmeticError):
        return value


@register.simple_tag
def filter_field(field):
    """A list page's filter field (label, control, errors), without per-option templates."""
    return filters.filter_field(field)
