import pytest

import kbregeling.documents.pdf


@pytest.fixture
def no_weasyprint(monkeypatch):
    """PDF downloads without rendering them: the access log is what these tests look at."""
    monkeypatch.setattr(kbregeling.documents.pdf, "render_pdf", lambda html: b"%PDF-1.4\n")
