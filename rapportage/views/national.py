"""The coordinator's national overview: page, PDF, CSV and XLSX.

Every view checks its permission first; the figures come from ``rapportage.figures`` in a
fixed number of queries, and every download is built from the same figures.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from kbregeling.accesslog import log as accesslog
from kbregeling.accesslog.constants import Kind
from kbregeling.documents import pdf as pdfs
from kbregeling.documents.spreadsheets import csv_response, xlsx_response
from kbregeling.web.views import chosen_year, require, year_links

from .. import permissions, service
from ..charts import bar_chart
from ..figures import national_figures, with_shares
from ..figures_cache import cached


def breakdowns(figures):
    """The participants by target group, age and referral: a chart and a table each."""
    return [
        {
            "id": key,
            "title": title,
            "column": column,
            "rows": with_shares(rows),
            "chart": bar_chart(title, rows),
        }
        for key, title, column, rows in [
            (
                "doelgroepen",
                _("Participants by target group"),
                _("Target group"),
                figures.doelgroepen,
            ),
            ("leeftijd", _("Participants by age"), _("Age"), figures.leeftijden),
            (
                "verwijzing",
                _("How participants were referred"),
                _("Referred by"),
                figures.verwijzingen,
            ),
        ]
    ]


def chart(title, rows):
    """A chart with its title, which the page and the PDF show above it."""
    return {"title": title, "svg": bar_chart(title, rows)}


def national_context(jaar):
    """What the page and the PDF show (cached, see ``figures_cache``); the caller has checked
    the permission."""
    return cached("context", jaar, lambda: build_national_context(jaar))


def build_national_context(jaar):
    figures = national_figures(jaar)
    return {
        "figures": figures,
        "years": year_links((t["jaar"] for t in figures.trend), figures.jaar),
        "breakdowns": breakdowns(figures),
        "province_chart": chart(
            _("Participants completed by province"),
            [(p["provincie"], p["afgerond"]) for p in figures.provinces],
        ),
        "trend_charts": [
            chart(
                _("Libraries with a licence by year"),
                [(str(t["jaar"]), t["libraries"]) for t in figures.trend],
            ),
            chart(
                _("KB licence budget by year (€)"),
                [(str(t["jaar"]), int(t["budget"] or 0)) for t in figures.trend],
            ),
            chart(
                _("Participants completed by year"),
                [(str(t["jaar"]), t["participants"]) for t in figures.trend],
            ),
        ],
    }


@login_required
def national_overview(request):
    require(permissions.can_see_overview(request.user))
    context = national_context(chosen_year(request))
    return render(request, "rapportage/national.html", context)


@login_required
def national_pdf(request):
    require(permissions.can_see_overview(request.user))
    jaar = chosen_year(request)

    def build():
        context = national_context(jaar) | {"today": timezone.localdate()}
        return pdfs.render_pdf(pdfs.render_html("rapportage/pdf/national.html", context, request))

    pdf = cached("pdf", jaar, build)
    filename = f"landelijk-overzicht-{jaar}.pdf"
    accesslog.record(request, Kind.NATIONAL_PDF, filename)
    return pdfs.pdf_download(pdf, filename)


@login_required
def national_csv(request):
    require(permissions.can_see_overview(request.user))
    jaar, tables = service.national_tables(chosen_year(request))
    accesslog.record(request, Kind.NATIONAL_CSV, f"landelijk-{jaar}.csv")
    return csv_response(f"landelijk-{jaar}.csv", tables)


@login_required
def national_xlsx(request):
    require(permissions.can_see_overview(request.user))
    jaar, workbook = service.national_workbook(chosen_year(request))
    accesslog.record(request, Kind.NATIONAL_XLSX, f"landelijk-{jaar}.xlsx")
    return xlsx_response(f"landelijk-{jaar}.xlsx", workbook)
