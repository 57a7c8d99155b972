"""The plan form guides the library: the list "before you can submit" names each missing field
by its label, grouped by section and linked to the field; the fields needed to submit say so
in their label; the section index says which sections are complete; the course years carry
the real years; an empty dropdown asks in Dutch."""

import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils.translation import gettext as _

from aanmelding.constants import Status
from aanmelding.forms import NEEDED_TO_SUBMIT, SECTIONS
from aanmelding.plan_rules import COOPERATION_REQUIRED, REQUIRED_TO_SUBMIT
from kbregeling.web.forms import EMPTY_PROMPT

from .factories import COMPLETE_PLAN, AanmeldingFactory

pytestmark = pytest.mark.django_db

TITLES = {sid: str(title) for sid, title, _names in SECTIONS}


def page(client, name, plan) -> str:
    response = client.get(reverse(f"aanmelding:{name}", args=[plan.pk]))
    assert response.status_code == 200
    return response.content.decode()


def text(html) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def missing_list(html) -> str:
    """The card "Submit" of the plan page, with its list of what is missing."""
    match = re.search(r'<section [^>]*aria-labelledby="indienen-kop".*?</section>', html, re.S)
    assert match, "no submit card on the plan page"
    return match.group(0)


def label_of(html, anchor) -> str:
    """The text of the label of a field; of a group of checkboxes, its legend."""
    if anchor.endswith("_0"):  # the legend just before the first box
        before = html[: html.index(f'id="{anchor}"')]
        legends = re.findall(r"<legend[^>]*>(.*?)</legend>", before, re.S)
        assert legends, f"no legend for {anchor}"
        return text(legends[-1])
    match = re.search(rf'<label\s[^>]*for="{re.escape(anchor)}"[^>]*>(.*?)</label>', html, re.S)
    assert match, f"no label for {anchor}"
    return text(match.group(1))


@pytest.fixture
def staff_client(client, medewerker):
    client.force_login(medewerker)
    return client


# The list of what is missing ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("emptied", "section", "anchor", "problem"),
    [
        ({"partners": ""}, "partners", "id_partners", "not filled in yet"),
        ({"eigen_budget": None}, "begroting", "id_eigen_budget", "not filled in yet"),
        ({"docenten_type": ""}, "docenten", "id_docenten_type", "not filled in yet"),
        # A group of checkboxes is reached through its first box.
        ({"doelgroepen": []}, "doelgroepen", "id_doelgroepen_0", "not filled in yet"),
        (
            {"verklaring_rapportage": False},
            "verklaring",
            "id_verklaring_rapportage",
            "not confirmed yet",
        ),
        # A rule that is not about an empty field keeps its own message.
        (
            {"deelnemers_jaar2": 3},
            "ambitie",
            "id_deelnemers_jaar2",
            "Plan at least one participant for each course.",
        ),
    ],
)
def test_the_missing_list_names_each_missing_field_in_its_section_and_links_to_it(
    staff_client, bibliotheek, emptied, section, anchor, problem
):
    plan = AanmeldingFactory(bibliotheek=bibliotheek, compleet=True, **emptied)
    edit_page = page(staff_client, "edit", plan)
    card = missing_list(page(staff_client, "detail", plan))

    label = label_of(edit_page, anchor).replace(_(NEEDED_TO_SUBMIT), "").strip()
    link = f'<a href="{reverse("aanmelding:edit", args=[plan.pk])}#{anchor}">{label}</a>'
    assert link in card
    # Under the heading of its section, and nothing else is listed.
    assert re.findall(r"<h3[^>]*>(.*?)</h3>", card) == [TITLES[section]]
    assert len(re.findall(r"<li>", card)) == 1
    assert f"{label}</a>: {_(problem)}" in card


def test_a_declaration_not_confirmed_is_named_and_not_the_generic_message(
    staff_client, bibliotheek
):
    plan = AanmeldingFactory(
        bibliotheek=bibliotheek, compleet=True, verklaring_wsob=False, verklaring_rapportage=False
    )
    card = text(missing_list(page(staff_client, "detail", plan)))

    assert card.count(_("not confirmed yet")) == 2
    assert _("Confirm this declaration to submit the plan.") not in card


def test_an_empty_draft_lists_each_field_once_by_name_never_the_generic_message(
    staff_client, bibliotheek
):
    plan = AanmeldingFactory(bibliotheek=bibliotheek)
    html = page(staff_client, "detail", plan)
    card = missing_list(html)
    edit_page = page(staff_client, "edit", plan)

    assert _("This field is required to submit the plan.") not in unescape(card)
    anchors = re.findall(r'<a href="[^"]*#([^"]+)">', card)
    cooperation = [f"id_samenwerking-0-{name}" for name in COOPERATION_REQUIRED]
    # Each field needed to submit, once; and every link leads to a field of the edit page.
    assert len(anchors) == len(set(anchors)) == len(REQUIRED_TO_SUBMIT) + len(cooperation)
    assert set(cooperation) <= set(anchors)
    ids = set(re.findall(r'\sid="([^"]+)"', edit_page))
    assert set(anchors) <= ids, sorted(set(anchors) - ids)
    # Section 5 names the municipality with the field.
    gemeente = plan.samenwerkingen.get().gemeente.naam
    assert re.search(rf'#id_samenwerking-0-inhoud">{re.escape(gemeente)} – ', card)


# Marked fields -------------------------------------------------------------------------------


def test_each_field_needed_to_submit_says_so_in_its_label(staff_client, bibliotheek):
    plan = AanmeldingFactory(bibliotheek=bibliotheek)
    html = page(staff_client, "edit", plan)
    marker = _(NEEDED_TO_SUBMIT)

    needed = [*REQUIRED_TO_SUBMIT, *[f"samenwerking-0-{n}" for n in COOPERATION_REQUIRED]]
    for name in needed:
        anchor = "id_doelgroepen_0" if name == "doelgroepen" else f"id_{name}"
        assert label_of(html, anchor).endswith(marker), name
    for optional in ("cursussen_jaar3", "deelnemers_jaar3", "cofinanciering", "bijlage"):
        assert marker not in label_of(html, f"id_{optional}"), optional
    # Explained once at the top.
    assert text(html).count(marker) == len(needed) + 1


# Sections complete or not ---------------------------------------------------------------------


def section_states(html) -> dict[str, str]:
    index = re.search(r'<ol class="section-index.*?</ol>', html, re.S)[0]
    return {
        sid: text(state)
        for sid, state in re.findall(
            r'<a href="#sectie-([a-z]+)">.*?<span [^>]*section-state[^>]*>(.*?)</span>', index
        )
    }


def test_the_section_index_says_in_words_which_sections_are_complete(staff_client, bibliotheek):
    plan = AanmeldingFactory(
        bibliotheek=bibliotheek, compleet=True, partners="", verklaring_wsob=False
    )
    states = section_states(page(staff_client, "edit", plan))

    assert set(states) == set(TITLES)
    incomplete = {sid for sid, state in states.items() if state == _("Not complete yet")}
    assert incomplete == {"partners", "verklaring"}
    assert {states[sid] for sid in set(TITLES) - incomplete} == {_("Complete")}


def test_an_empty_draft_has_no_complete_section_in_the_index(staff_client, bibliotheek):
    plan = AanmeldingFactory(bibliotheek=bibliotheek)
    states = section_states(page(staff_client, "edit", plan))

    assert {sid for sid, state in states.items() if state == _("Complete")} == set()


# Course years --------------------------------------------------------------------------------


def test_the_course_years_are_labelled_with_the_real_years(staff_client, bibliotheek):
    first = COMPLETE_PLAN["eerste_licentiejaar"]
    plan = AanmeldingFactory(bibliotheek=bibliotheek, compleet=True)
    edit_page = page(staff_client, "edit", plan)
    detail = text(page(staff_client, "detail", plan))

    for n, year in enumerate([first, first + 1, first + 2], start=1):
        courses = _("courses in %(year)s") % {"year": year}
        participants = _("participants in %(year)s") % {"year": year}
        assert label_of(edit_page, f"id_cursussen_jaar{n}").startswith(courses.capitalize())
        assert label_of(edit_page, f"id_deelnemers_jaar{n}").startswith(participants.capitalize())
        assert courses.capitalize() in detail
        assert participants.capitalize() in detail
    assert _("courses in year 1").capitalize() not in detail


def test_before_the_first_year_is_chosen_the_course_years_are_counted(staff_client, bibliotheek):
    plan = AanmeldingFactory(bibliotheek=bibliotheek)
    edit_page = page(staff_client, "edit", plan)

    assert label_of(edit_page, "id_cursussen_jaar2").startswith(_("courses in year 2").capitalize())


# Dropdowns -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["docenten_type", "samenwerking-0-financiering_status"])
def test_an_empty_dropdown_asks_to_choose_in_dutch(staff_client, bibliotheek, name):
    plan = AanmeldingFactory(bibliotheek=bibliotheek)
    html = page(staff_client, "edit", plan)

    select = re.search(rf'<select name="{re.escape(name)}".*?</select>', html, re.S)[0]
    first = re.search(r'<option value=""[^>]*>(.*?)</option>', select)[1]
    assert first == _(EMPTY_PROMPT)
    assert first.startswith("Kies")
    assert "---------" not in html


def test_a_submitted_plan_has_no_missing_list(client, bibliotheek, kb):
    plan = AanmeldingFactory(bibliotheek=bibliotheek, compleet=True, status=Status.INGEDIEND)
    client.force_login(kb)
    response = client.get(reverse("aanmelding:detail", args=[plan.pk]))

    assert response.context["missing"] == []
