"""``?ronde=`` on the changes page and the round PDFs of plans and year reports: anything but
a round the plan or report had is 404, never a server error."""

import pytest
from django.urls import reverse

from ..conversation.conftest import submitted_plan, submitted_report

pytestmark = pytest.mark.django_db

# Each passes str.isdigit() but is no ASCII number: int() refuses "²", "³" and "¹".
NOT_ASCII_DIGITS = ["²", "³", "1²", "¹"]
JUNK = ["", "abc", "-1", "0", "+2", " 2", "2.0", "99", "9" * 40]


@pytest.fixture(params=["plan", "report"])
def subject(request, bibliotheek):
    subject = (
        submitted_plan(bibliotheek) if request.param == "plan" else submitted_report(bibliotheek)
    )
    type(subject).objects.filter(pk=subject.pk).update(ronde=3)  # the changes page from 2 on
    subject.refresh_from_db()
    return subject


@pytest.mark.parametrize("value", NOT_ASCII_DIGITS + JUNK)
@pytest.mark.parametrize("page", ["changes", "pdf"])
def test_a_round_that_is_not_an_ascii_number_in_range_is_404_not_500(
    client, kb, subject, page, value
):
    client.raise_request_exception = False
    client.force_login(kb)
    url = reverse(f"{subject._meta.app_label}:{page}", args=[subject.pk])

    assert client.get(url, {"ronde": value}).status_code == 404
