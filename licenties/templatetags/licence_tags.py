"""``{% licence_rows rows show_library show_links %}``: the body rows of a licence table,
drawn in Python (one ``format_html`` per row): the list of all licences shows fifty of them,
and per-cell template work (two URLs, two dates, a badge, an amount) was most of its time."""

from django import template
from django.utils.dates import MONTHS_3
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from kbregeling.web.dutch import format_amount
from kbregeling.web.rows import url_maker
from kbregeling.web.templatetags.kb_tags import status_class

from ..constants import LicentieStatus

register = template.Library()


def short_date(value, months):
    """As the template filter ``date:"j b Y"`` writes it: "1 jan 2026"."""
    return f"{value.day} {months[value.month]} {value.year}"


def link_cell(links):
    """The year report(s) of a licence year: linked when the user may open them."""
    if not links:
        return _("Not open yet")
    return format_html_join(
        "",
        "{}",
        (
            (format_html('<a href="{}">{}</a>', href, label) if href else label,)
            for label, href in links
        ),
    )


@register.simple_tag
def licence_rows(rows, show_library=False, show_links=False):
    """One ``<tr>`` per licence year: anything with ``pk``, ``begindatum``, ``einddatum``,
    ``status`` and ``waarde``. With ``show_library`` the library (``bibliotheek_id``,
    ``bibliotheek_naam``: the list of all licences passes plain rows), else the municipalities
    covered (``gemeenten``, prefetched: a library's own page); with ``show_links`` the
    ``links`` to each year's report."""
    months = {number: str(name) for number, name in MONTHS_3.items()}
    labels = {value: str(label) for value, label in LicentieStatus.choices}
    library_url = url_maker("licenties:library")
    detail_url = url_maker("licenties:detail")
    html = []
    for licentie in rows:
        cells = []
        if show_library:
            cells.append(
                format_html(
                    '<td><a href="{}">{}</a></td>',
                    library_url(licentie.bibliotheek_id),
                    licentie.bibliotheek_naam,
                )
            )
        cells.append(
            format_html(
                '<td><a href="{}">{} – {}</a></td>'
                '<td><span class="badge badge-status {}">{}</span></td>'
                '<td class="text-end">{}</td>',
                detail_url(licentie.pk),
                short_date(licentie.begindatum, months),
                short_date(licentie.einddatum, months),
                status_class(licentie.status),
                labels.get(licentie.status, licentie.status),
                format_amount(licentie.waarde),
            )
        )
        if not show_library:
            names = ", ".join(conditional_escape(g) for g in licentie.gemeenten.all())
            cells.append(format_html("<td>{}</td>", mark_safe(names)))  # noqa: S308 escaped above
        if show_links:
            cells.append(format_html("<td>{}</td>", link_cell(getattr(licentie, "links", []))))
        html.append("<tr>" + "".join(cells) + "</tr>")
    return mark_safe("\n".join(html))  # noqa: S308 each cell is escaped by format_html
