"""PDFs are rendered with WeasyPrint from an HTML template; tests check the HTML too."""

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string


def render_html(template, context, request=None) -> str:
    return render_to_string(template, context, request=request)


def render_pdf(html: str) -> bytes:
    from weasyprint import HTML  # imported lazily: heavy, and only needed for downloads

    base_url = str(settings.BASE_DIR / "static")
    return HTML(string=html, base_url=base_url).write_pdf(pdf_variant="pdf/ua-1")


def pdf_download(pdf: bytes, filename) -> HttpResponse:
    """A PDF already made, as a download named ``filename``."""
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def pdf_response(template, context, filename, request=None) -> HttpResponse:
    return pdf_download(render_pdf(render_html(template, context, request)), filename)
