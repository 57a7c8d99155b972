"""``{% report_rows rows %}``: the body rows of the reviewers' list of year reports, drawn
in Python (see ``kbregeling.web.rows``) from the plain values the view fetched."""

from django import template

from kbregeling.web.rows import Dates, join_rows, url_maker
from kbregeling.web.templatetags.kb_tags import status_class

from ..constants import RapportageStatus

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
