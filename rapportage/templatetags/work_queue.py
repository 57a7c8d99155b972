"""``{% queue_rows rows %}``: the body rows of the work queue, drawn in Python (one
``format_html`` per row) from the labels ``rapportage.queue.shown`` made."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from kbregeling.conversation.templatetags.conversation import unread_badge
from kbregeling.web.rows import join_rows
from kbregeling.web.templatetags.kb_tags import status_class

register = template.Library()

DASH = mark_safe('<span aria-hidden="true">–</span>')

ROW = (
    '<tr><td>{}</td><td><a href="{}">{}</a>{}</td>'
    '<td><span class="badge badge-status {}">{}</span></td><td>{}</td><td>{}</td><td>{}</td></tr>'
)


@register.simple_tag
def queue_rows(rows):
    none = format_html('{}<span class="visually-hidden">{}</span>', DASH, _("none"))
    return join_rows(
        ROW,
        (
            (
                row["soort_label"],
                row["url"],
                row["rij_bibliotheek"],
                unread_badge(row["ongelezen"]),
                status_class(row["rij_status"]),
                row["status_label"],
                DASH if row["dagen_label"] is None else row["dagen_label"],
                row["deadline_label"] or none,
                row["ander_advies_label"],
            )
            for row in rows
        ),
    )
