"""The rows of the app's long lists, drawn in Python: at national scale a template tag per
cell (a ``{% url %}``, a ``|date``, a ``{% blocktranslate %}``) costs more than the SQL behind
the page. Each tag draws the same HTML the row loop of its template drew, from rows the view
fetched with what they show and nothing more."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.timesince import timesince
from django.utils.translation import gettext as _

from kbregeling.web.rows import DASH, Dates, join_rows, url_maker
from kbregeling.web.templatetags.kb_tags import status_class

from ..constants import Status
from ..models import Belangstelling

register = template.Library()


# A plan's row, in the reviewers' list and in the library's own: link, state and three cells.
PLAN_ROW = (
    '\n  <tr>\n    <td><a href="{}">{}</a></td>\n'
    '    <td><span class="badge badge-status {}">{}</span></td>\n'
    "    <td>{}</td>\n    <td>{}</td>\n    <td>{}</td>\n  </tr>"
)


def labels(choices):
    return {value: str(label) for value, label in choices}


@register.simple_tag
def plan_rows(aanmeldingen):
    """The reviewers' list of plans (``aanmelding/dashboard.html``)."""
    dates = Dates()
    detail, status = url_maker("aanmelding:detail"), labels(Status.choices)
    return join_rows(
        PLAN_ROW,
        (
            (
                detail(a.pk),
                a.bibliotheek.naam,
                status_class(a.status),
                status[a.status],
                a.ronde,
                dates.day(a.ingediend_op),
                a.eerste_licentiejaar or DASH,
            )
            for a in aanmeldingen
        ),
    )


@register.simple_tag
def own_plan_rows(aanmeldingen):
    """A library's own sign-ups (``aanmelding/mine.html``)."""
    dates = Dates()
    detail, status = url_maker("aanmelding:detail"), labels(Status.choices)
    return join_rows(
        PLAN_ROW,
        (
            (
                detail(a.pk),
                _("Sign-up %(number)s") % {"number": a.pk},
                status_class(a.status),
                status[a.status],
                a.eerste_licentiejaar or DASH,
                dates.day_and_time(a.gewijzigd_op),
                dates.day(a.ingediend_op),
            )
            for a in aanmeldingen
        ),
    )


@register.simple_tag
def library_rows(libraries):
    """KB's administrator's list of libraries (``aanmelding/beheer/libraries.html``)."""
    edit, people = url_maker("beheer:library_edit"), url_maker("accounts:library_people")
    people_label = _("People")
    return join_rows(
        '\n  <tr>\n    <td><a href="{}">{}</a></td>\n    <td>{}</td>\n'
        '    <td class="text-end">{}</td>\n    <td class="text-end">{}</td>\n'
        '    <td class="text-end">{}</td>\n'
        '    <td><a href="{}">{}<span class="visually-hidden"> – {}</span></a></td>\n  </tr>',
        (
            (
                edit(b.pk),
                b.naam,
                b.plaats or DASH,
                b.aantal_gemeenten,
                b.aantal_medewerkers,
                b.aantal_uitnodigingen,
                people(b.pk),
                people_label,
                b.naam,
            )
            for b in libraries
        ),
    )


@register.simple_tag
def waiting_requests(requests, gemeenten):
    """The interest requests waiting for KB's administrator, as cards with their actions;
    ``gemeenten`` maps a request's pk to the names of its municipalities."""
    dates = Dates()
    new_library = reverse("beheer:library_new")
    decline = url_maker("beheer:interest_decline")
    names = {  # the labels, translated once for all cards
        "Name": _("Name"),
        "E-mail": _("E-mail"),
        "Telephone": _("Telephone"),
        "Municipalities": _("Municipalities"),
        "Message": _("Message"),
        "Add library": _("Add library"),
        "Decline": _("Decline"),
    }
    return join_rows(
        '\n  <li class="card mb-3"><div class="card-body">\n'
        '    <h3 class="h5 card-title">{organisatie}</h3>\n'
        '    <p class="mb-2">{received}</p>\n'
        '    <dl class="row mb-2">\n'
        '      <dt class="col-sm-3">{name}</dt><dd class="col-sm-9">{naam}</dd>\n'
        '      <dt class="col-sm-3">{email}</dt><dd class="col-sm-9">'
        '<a href="mailto:{address}">{address}</a></dd>\n'
        '      <dt class="col-sm-3">{telephone}</dt><dd class="col-sm-9">{telefoon}</dd>\n'
        '      <dt class="col-sm-3">{municipalities}</dt><dd class="col-sm-9">{gemeenten}</dd>\n'
        "      {bericht}\n"
        "    </dl>\n"
        '    <p class="d-flex flex-wrap gap-2 mb-0">\n'
        '      <a class="btn btn-primary" href="{new_library}?belangstelling={pk}">{add}'
        '<span class="visually-hidden"> – {organisatie}</span></a>\n'
        '      <a class="btn btn-outline-danger" href="{decline}">{decline_label}'
        '<span class="visually-hidden"> – {organisatie}</span></a>\n'
        "    </p>\n"
        "  </div></li>",
        (
            {
                "organisatie": b.organisatie,
                "received": _("Received %(date)s, waiting for %(waited)s.")
                % {"date": dates.day_and_time(b.ontvangen_op), "waited": timesince(b.ontvangen_op)},
                "name": names["Name"],
                "naam": b.naam,
                "email": names["E-mail"],
                "address": b.email,
                "telephone": names["Telephone"],
                "telefoon": b.telefoon or DASH,
                "municipalities": names["Municipalities"],
                "gemeenten": ", ".join(gemeenten.get(b.pk, ())),
                "bericht": format_html(
                    '<dt class="col-sm-3">{}</dt><dd class="col-sm-9 plan-text">{}</dd>',
                    names["Message"],
                    b.bericht,
                )
                if b.bericht
                else "",
                "new_library": new_library,
                "pk": b.pk,
                "add": names["Add library"],
                "decline": decline(b.pk),
                "decline_label": names["Decline"],
            }
            for b in requests
        ),
    )


@register.simple_tag
def handled_requests(requests, gemeenten):
    """The interest requests handled already, with their outcome."""
    dates = Dates()
    library = url_maker("beheer:library_edit")
    status = labels(Belangstelling.Status.choices)
    return join_rows(
        "\n  <tr>\n"
        '    <td>{}<br><span class="small">{} · {}</span></td>\n'
        "    <td>{}</td>\n    <td>{}{}{}</td>\n    <td>{}{}</td>\n  </tr>",
        (
            (
                b.organisatie,
                b.naam,
                ", ".join(gemeenten.get(b.pk, ())),
                dates.day(b.ontvangen_op),
                status[b.status],
                format_html(': <a href="{}">{}</a>', library(b.bibliotheek.pk), b.bibliotheek.naam)
                if b.bibliotheek
                else "",
                format_html('<div class="small plan-text">{}</div>', b.reden) if b.reden else "",
                dates.day(b.behandeld_op),
                format_html(", {}", b.behandeld_door.get_full_name() or str(b.behandeld_door))
                if b.behandeld_door
                else "",
            )
            for b in requests
        ),
    )
