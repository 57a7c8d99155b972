"""The year report of each licence year, for the licence pages: the licence app asks through
``licenties.service.licence_links`` and this app answers (registered in ``receivers``)."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kbregeling.web.rows import url_maker

from . import permissions
from .constants import RapportageStatus
from .models import Rapportage


def report_links(licenties, user) -> dict[int, list[tuple[str, str]]]:
    """{licence pk: [(label, url)]}: a link to the report where this user may open it, else
    its state and due date as text, without a link (a reviewer cannot open a report the
    library has not submitted yet). Two queries, however many licences."""
    pks = [licentie.pk for licentie in licenties]
    if not pks:
        return {}
    reports = Rapportage.objects.filter(licentie_id__in=pks)
    visible = set(permissions.visible_rapportages(user, reports).values_list("pk", flat=True))
    detail, labels = url_maker("rapportage:detail"), dict(RapportageStatus.choices)
    links = {}
    for report in reports.values("pk", "licentie_id", "status", "deadline"):
        numbers = {
            "status": labels.get(report["status"], report["status"]),
            "date": date_format(report["deadline"], "j F Y"),
        }
        if report["pk"] in visible:
            link = (_("%(status)s, due on %(date)s") % numbers, detail(report["pk"]))
        else:
            link = (_("%(status)s: not submitted yet, due on %(date)s") % numbers, "")
        links[report["licentie_id"]] = [link]
    return links
