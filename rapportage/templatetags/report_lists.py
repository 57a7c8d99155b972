"""``{% report_rows rows %}`` and ``{% reminder_rows reminders %}``: the body rows of the
reviewers' list of year reports and of the reminder log, drawn in Python (see
``kbregeling.web.rows``) from what the view fetched."""

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.html import format_html
from django.utils.translation import gettext as _

from kbregeling.web.rows import Dates, join_rows, url_maker
from kbregeling.web.templatetags.kb_tags import status_class

from ..constants import RapportageStatus, Soort

register = template.Library()

ROW = (
    '<tr><td><a href="{}">{}</a></td><td>{}</td>'
    '<td><span class="badge badge-status {}">{}</span></td><td>{}</td></tr>'
)


@register.simple_tag
def report_rows(rows):
    detail, dates = url_maker("rapportage:detail"), Dates()
    labels = {value: str(label) for value, label in RapportageStatus.choices}
    return join_rows(
        ROW,
        (
            (
                detail(row["pk"]),
                row["licentie__bibliotheek__naam"],
                row["licentie__begindatum"].year,
                status_class(row["status"]),
                labels.get(row["status"], row["status"]),
                dates.day(row["deadline"]) if row["deadline"] else "",
            )
            for row in rows
        ),
    )


@register.simple_tag
def reminder_rows(reminders):
    """The reminder log's rows: when, what, about whom, to whom, and what became of the mail."""
    library, dates = url_maker("licenties:library"), Dates()
    kinds = {value: str(label) for value, label in Soort.choices}
    return join_rows(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        (
            (
                dates.short(h.vervaldatum),
                _kind(h, kinds),
                _about(h, library),
                _recipients(h.mail),
                _delivery(h.mail, dates),
            )
            for h in reminders
        ),
    )


def _kind(h, kinds):
    label = kinds.get(h.soort, h.soort)
    return f"{label} #{h.volgnummer}" if h.soort == "te_laat" else label


def _about(h, library):
    if not h.rapportage:
        return h.ontvanger.get_full_name() or h.ontvanger.username
    licentie = h.rapportage.licentie
    return format_html(
        '<a href="{}">{}</a> · {}',
        library(licentie.bibliotheek_id),
        licentie.bibliotheek,
        licentie.begindatum.year,
    )


def _recipients(mail):
    if not mail:
        return _("nobody: no address known")
    if not mail.cc:
        return linebreaksbr(mail.to, autoescape=True)
    return format_html(
        '{}<br><span class="text-body-secondary">cc: {}</span>',
        linebreaksbr(mail.to, autoescape=True),
        linebreaksbr(mail.cc, autoescape=True),
    )


def _delivery(mail, dates):
    if not mail:
        return "–"
    if mail.sent_at:
        return dates.short_and_time(mail.sent_at)
    if mail.cancelled_at:
        return f"{_('lapsed')}: {mail.cancel_reason}"
    error = f": {mail.last_error}" if mail.last_error else ""
    return format_html(
        '<span class="text-danger">{}</span> ({}){}', mail.state, mail.attempts, error
    )
