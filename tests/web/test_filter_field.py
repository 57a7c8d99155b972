"""A list page's filter field is drawn in Python (no template per option) with the markup
crispy-bootstrap5 gives: label, control, the chosen option selected, help text and errors."""

from django import forms

from kbregeling.web import dutch
from kbregeling.web.filters import filter_field


class Filters(forms.Form):
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Alle"), ("a", "A & B"), ("b", "B")]
    )
    jaar = dutch.YearField(label="Jaar", required=False)
    van = dutch.DateField(label="Van", required=False)
    q = forms.CharField(label="Zoeken", required=False)


def html(data, name):
    form = Filters(data)
    form.is_valid()
    return str(filter_field(form[name]))


def test_the_chosen_option_is_selected_and_labels_are_escaped():
    out = html({"status": "a"}, "status")
    assert '<label for="id_status" class="form-label">Status</label>' in out
    assert '<select name="status" class="select form-select" id="id_status">' in out
    assert '<option value="a" selected>A &amp; B</option>' in out
    assert '<option value="" >' not in out and '<option value="">Alle</option>' in out


def test_without_a_choice_the_empty_option_is_selected():
    assert '<option value="" selected>Alle</option>' in html({}, "status")


def test_a_wrong_value_is_marked_invalid_with_its_message_beside_the_field():
    out = html({"jaar": "20x5"}, "jaar")
    assert 'class="numberinput form-control is-invalid"' in out
    assert 'aria-invalid="true"' in out and 'aria-describedby="id_jaar_error"' in out
    assert '<div id="id_jaar_error" class="invalid-feedback">' in out
    assert 'value="20x5"' in out  # what was typed is kept


def test_a_date_field_points_to_its_dutch_hint():
    out = html({}, "van")
    assert 'aria-describedby="id_van_helptext"' in out
    assert '<div id="id_van_helptext" class="form-text">' in out
    assert "dd-mm-jjjj" in out


def test_a_text_field_keeps_what_was_typed():
    assert 'value="&lt;b&gt;"' in html({"q": "<b>"}, "q")
