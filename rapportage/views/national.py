"""The coordinator's national overview: page, PDF, CSV and XLSX.

Every view checks its permission first; the figures come from ``rapportage.figures`` in a
fixed number of queries, and every download is built from the same figures.
"""

import csv
from decimal import Decimal
from io import BytesIO

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from aanmelding.pdf import pdf_response
from aanmelding.spreadsheets import csv_safe
from aanmelding.views.common import require

from .. import permissions
from ..charts import bar_chart
from ..figures import national_figures, tables, with_shares

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def chosen_year(request) -> int:
    try:
        jaar = int(request.GET.get("jaar", ""))
    except ValueError:
        jaar = timezone.localdate().year
    return min(max(jaar, 2000), 2100)


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


def national_context(jaar):
    """What the page and the PDF show; the caller has checked the permission."""
    figures = national_figures(jaar)
    years = sorted({t["jaar"] for t in figures.trend} | {figures.jaar, timezone.localdate().year})
    return {
        "figures": figures,
        "years": years,
        "breakdowns": breakdowns(figures),
        "province_chart": bar_chart(
            _("Participants completed by province"),
            [(p["provincie"], p["afgerond"]) for p in figures.provinces],
        ),
        "trend_chart": bar_chart(
            _("Participants completed by year"),
            [(str(t["jaar"]), t["participants"]) for t in figures.trend],
        ),
        "libraries_chart": bar_chart(
            _("Libraries with a licence by year"),
            [(str(t["jaar"]), t["libraries"]) for t in figures.trend],
        ),
        "budget_chart": bar_chart(
            _("KB licence budget by year (€)"),
            [(str(t["jaar"]), int(t["budget"] or 0)) for t in figures.trend],
        ),
    }


@login_required
def national_overview(request):
    require(permissions.can_see_overview(request.user))
    context = national_context(chosen_year(request))
    return render(request, "rapportage/national.html", context)


@login_required
def national_pdf(request):
    require(permissions.can_see_overview(request.user))
    context = national_context(chosen_year(request)) | {"today": timezone.localdate()}
    filename = f"landelijk-overzicht-{context['figures'].jaar}.pdf"
    return pdf_response("rapportage/pdf/national.html", context, filename, request)


def _csv_cell(value):
    if isinstance(value, Decimal):
        return str(value).replace(".", ",")
    return "" if value is None else csv_safe(value)


@login_required
def national_csv(request):
    require(permissions.can_see_overview(request.user))
    figures = national_figures(chosen_year(request))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="landelijk-{figures.jaar}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    for name, header, rows in tables(figures):
        writer.writerow([csv_safe(name)])
        writer.writerow([csv_safe(h) for h in header])
        writer.writerows([_csv_cell(v) for v in row] for row in rows)
        writer.writerow([])
    return response


@login_required
def national_xlsx(request):
    require(permissions.can_see_overview(request.user))
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    figures = national_figures(chosen_year(request))
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, header, rows in tables(figures):
        sheet = workbook.create_sheet(name)
        sheet.append([csv_safe(h) for h in header])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([csv_safe(v) if isinstance(v, str) else v for v in row])
        sheet.freeze_panes = "A2"
        sheet.column_dimensions["A"].width = 45
        for column in "BCDEFG":
            sheet.column_dimensions[column].width = 60 if name == "Good practices" else 18
        if name == "Good practices":
            for cell in sheet["C"]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    output = BytesIO()
    workbook.save(output)
    response = HttpResponse(output.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="landelijk-{figures.jaar}.xlsx"'
    return response
