"""The fields of a list page's filter form, drawn in Python as crispy-bootstrap5 draws them
(label, control, help text, errors). Through templates a select costs a template render per
option: 36 ms for the 150 libraries of the national scale, on every page load of a list.
Here the options are one string join, and the other inputs keep Django's own widget."""

from html import escape

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe


def filter_field(field) -> SafeString:
    """``field`` (a bound field) in a ``div.mb-3`` with its label, as ``as_crispy_field``."""
    described = [f"{field.auto_id}_helptext"] if field.help_text else []
    if field.errors:
        described.append(f"{field.auto_id}_error")
    return format_html(
        '<div id="div_{}" class="mb-3"><label for="{}" class="form-label">{}</label>{}{}{}</div>',
        field.auto_id,
        field.id_for_label,
        field.label,
        _control(field, " ".join(described)),
        _help_text(field),
        _errors(field),
    )


def _control(field, described: str) -> SafeString:
    widget = field.field.widget
    invalid = " is-invalid" if field.errors else ""
    if isinstance(widget, forms.Select) and not widget.allow_multiple_selected:
        return format_html(
            '<select name="{}" class="select form-select{}" id="{}"{}>{}</select>',
            field.html_name,
            invalid,
            field.auto_id,
            _aria(field, described),
            options(field),
        )
    attrs = {"class": f"{type(widget).__name__.lower()} form-control{invalid}"}
    if field.errors:
        attrs["aria-invalid"] = "true"
    if described:
        attrs["aria-describedby"] = described
    return field.as_widget(attrs=attrs)


def options(field) -> SafeString:
    """The ``<option>`` elements of a select, the current value selected. Escaped with the
    standard library's ``html.escape``, as Django's ``escape`` does, without its lazy-text
    wrapper per option."""
    current = field.value()
    current = "" if current is None else str(current)
    parts = []
    for value, label in field.field.choices:
        value = str(value)
        selected = " selected" if value == current else ""
        parts.append(f'<option value="{escape(value)}"{selected}>{escape(str(label))}</option>')
    return mark_safe("".join(parts))  # noqa: S308 (every value and label escaped above)


def _aria(field, described: str) -> SafeString:
    if not described:
        return mark_safe("")
    invalid = mark_safe(' aria-invalid="true"') if field.errors else ""
    return format_html(' aria-describedby="{}"{}', described, invalid)


def _help_text(field) -> SafeString:
    if not field.help_text:
        return mark_safe("")
    return format_html(
        '<div id="{}_helptext" class="form-text">{}</div>', field.auto_id, field.help_text
    )


def _errors(field) -> SafeString:
    if not field.errors:
        return mark_safe("")
    return format_html(
        '<div id="{}_error" class="invalid-feedback">{}</div>',
        field.auto_id,
        format_html_join(
            "",
            '<span id="error_{}_{}"><strong>{}</strong></span>',
            ((n, field.auto_id, error) for n, error in enumerate(field.errors, 1)),
        ),
    )
