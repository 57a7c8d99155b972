"""CSV and XLSX exports: one table or several, safe against formulas, Dutch decimals in CSV.

A table is ``(name, header, rows)``; the name is a sheet in XLSX and a title line in CSV.
"""

import csv
from decimal import Decimal
from io import BytesIO, StringIO

from django.http import HttpResponse

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def csv_safe(value):
    """A spreadsheet never runs a cell as a formula."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_cell(value):
    if isinstance(value, Decimal):
        return str(value).replace(".", ",")
    if isinstance(value, int | float):
        return value
    return "" if value is None else csv_safe(value)


def csv_response(filename, tables, titled=True) -> HttpResponse:
    """The tables one below the other, each under its name when ``titled``; a UTF-8 file
    with a byte-order mark and semicolons, as Dutch Excel opens it."""
    buffer = StringIO()  # one write to the response, not one per row
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";")
    for name, header, rows in tables:
        if titled:
            writer.writerow([csv_safe(name)])
        writer.writerow([csv_safe(h) for h in header])
        writer.writerows([csv_cell(v) for v in row] for row in rows)
        if titled:
            writer.writerow([])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_bytes(tables, text_columns=None) -> bytes:
    """A workbook with a sheet per table: bold frozen header, wide first column; the
    columns named in ``text_columns`` (sheet name → column letter) wrap long text."""
    from openpyxl import Workbook  # imported lazily: only needed for downloads
    from openpyxl.styles import Alignment, Font

    text_columns = text_columns or {}
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, header, rows in tables:
        sheet = workbook.create_sheet(str(name))
        sheet.append([csv_safe(h) for h in header])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([csv_safe(v) if isinstance(v, str) else v for v in row])
        sheet.freeze_panes = "A2"
        sheet.column_dimensions["A"].width = 45
        wrapped = text_columns.get(name)
        for column in "BCDEFG":
            sheet.column_dimensions[column].width = 60 if wrapped else 18
        if wrapped:
            for cell in sheet[wrapped]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    output = BytesIO()
    workbook.save(output)
    return output.getvalue()


def xlsx_response(filename, workbook: bytes) -> HttpResponse:
    response = HttpResponse(workbook, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
