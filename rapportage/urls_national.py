"""The national overview, its downloads and the PDF of one report; included by ``urls.py``
into the ``rapportage`` namespace."""

from django.urls import path

from .views import national, report_pdf

urlpatterns = [
    path("landelijk/", national.national_overview, name="national"),
    path("landelijk/pdf/", national.national_pdf, name="national_pdf"),
    path("landelijk/export.csv", national.national_csv, name="national_csv"),
    path("landelijk/export.xlsx", national.national_xlsx, name="national_xlsx"),
    path("<int:pk>/pdf/", report_pdf.report_pdf, name="pdf"),
]
