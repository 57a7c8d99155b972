"""What every form of the site shares: the Dutch prompt of an empty dropdown, the marker of a
field that is needed later (to submit a draft), and where an error summary links to."""

from django import forms
from django.db.models.fields import BLANK_CHOICE_DASH
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

#: What an empty dropdown says instead of Django's "---------".
EMPTY_PROMPT = _("Choose an answer")
DASHES = BLANK_CHOICE_DASH[0][1]


def prompt_empty_choices(form):
    """Give each dropdown of ``form`` that offers Django's empty "---------" the Dutch prompt.
    Choices a form set on purpose ("All provinces") are left alone."""
    for field in form.fields.values():
        if isinstance(field, forms.ModelChoiceField):
            if field.empty_label == DASHES:
                field.empty_label = EMPTY_PROMPT
        elif isinstance(field, forms.ChoiceField):
            choices = list(field.choices)
            if any(value == "" and label == DASHES for value, label in choices):
                field.choices = [
                    (value, EMPTY_PROMPT if value == "" and label == DASHES else label)
                    for value, label in choices
                ]


def mark_needed(field, marker):
    """Show ``marker`` ("(required to submit)") in the label of ``field``, so it is read with
    the field; ``field.plain_label`` keeps the label alone, for lists of errors."""
    field.plain_label = field.label
    field.label = format_html('{} <span class="field-marker">{}</span>', field.label, marker)


def plain_label(bound_field):
    """The label of a field without a marker."""
    return getattr(bound_field.field, "plain_label", bound_field.label)


def field_anchor(bound_field):
    """The id a link to a field jumps to: the input itself, or the first of a group of inputs
    (checkboxes, radio buttons), which have no element with the field's own id."""
    if bound_field.id_for_label:
        return bound_field.id_for_label
    subwidgets = bound_field.subwidgets
    return subwidgets[0].id_for_label if subwidgets else bound_field.auto_id
