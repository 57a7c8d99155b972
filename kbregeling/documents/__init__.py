"""Documents in and out: PDFs rendered with WeasyPrint from HTML templates (``pdf``), CSV and
XLSX exports (``spreadsheets``), and the checks on uploaded files (``uploads``)."""
