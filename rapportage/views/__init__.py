"""Views of the year report; the national overview and PDFs live in ``national``."""
