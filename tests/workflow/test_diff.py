"""The difference between two submitted rounds shows exactly the fields that changed, text
differences marked word by word, user text always escaped."""

import pytest

from kbregeling.workflow.diff import compare, word_diff


def row(name, value, text=False, label=None, group=""):
    return {"name": name, "label": label or name, "value": value, "text": text} | (
        {"group": group} if group else {}
    )


def section(sid, *rows):
    return {"id": sid, "title": f"Section {sid}", "rows": list(rows)}


BASE = [
    section("ambitie", row("cursussen_jaar1", "6"), row("ambitie", "Meer inwoners helpen.", True)),
    section("docenten", row("docenten_type", "Vrijwilligers")),
    section(
        "samenwerking",
        row("gemeente-1-inhoud", "Paspoort", True, group="Utrecht"),
        row("gemeente-1-financiering_bedrag", "€ 6.000,00", group="Utrecht"),
    ),
]


def changed(old, new) -> dict[str, list[tuple]]:
    """Section id → [(field, old, new)] of the changed fields only."""
    return {
        s["id"]: [(c["name"], c["old"], c["new"]) for c in s["changes"]]
        for s in compare(old, new)
        if s["changes"]
    }


def replaced(sections, sid, name, value):
    """A copy of ``sections`` with one field's value replaced."""
    return [
        {
            **s,
            "rows": [
                r | {"value": value} if (s["id"], r["name"]) == (sid, name) else r
                for r in s["rows"]
            ],
        }
        for s in sections
    ]


def with_rows(sections, sid, rows):
    return [{**s, "rows": rows} if s["id"] == sid else s for s in sections]


CASES = [
    ("unchanged", BASE, {}),
    (
        "changed number",
        replaced(BASE, "ambitie", "cursussen_jaar1", "8"),
        {"ambitie": [("cursussen_jaar1", "6", "8")]},
    ),
    (
        "changed text",
        replaced(BASE, "ambitie", "ambitie", "Veel meer inwoners helpen."),
        {"ambitie": [("ambitie", "Meer inwoners helpen.", "Veel meer inwoners helpen.")]},
    ),
    (
        "changed choice",
        replaced(BASE, "docenten", "docenten_type", "Beide"),
        {"docenten": [("docenten_type", "Vrijwilligers", "Beide")]},
    ),
    (
        "municipality added",
        with_rows(
            BASE,
            "samenwerking",
            [*BASE[2]["rows"], row("gemeente-2-inhoud", "DigiD", True, group="Zeist")],
        ),
        {"samenwerking": [("gemeente-2-inhoud", None, "DigiD")]},
    ),
    (
        "municipality removed",
        with_rows(BASE, "samenwerking", []),
        {
            "samenwerking": [
                ("gemeente-1-inhoud", "Paspoort", None),
                ("gemeente-1-financiering_bedrag", "€ 6.000,00", None),
            ]
        },
    ),
    (
        "field only in the newer snapshot",
        with_rows(BASE, "docenten", [*BASE[1]["rows"], row("docenten_nu", "2")]),
        {"docenten": [("docenten_nu", None, "2")]},
    ),
    (
        "section only in the newer snapshot",
        [*BASE, section("bop", row("bop_ingevoerd", "Ja"))],
        {"bop": [("bop_ingevoerd", None, "Ja")]},
    ),
]


@pytest.mark.parametrize("new, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_the_diff_shows_exactly_the_changed_fields(new, expected):
    assert changed(BASE, new) == expected


def test_every_section_is_listed_changed_or_not_in_the_newer_order():
    sections = compare(BASE, replaced(BASE, "docenten", "docenten_type", "Beide"))

    assert [s["id"] for s in sections] == ["ambitie", "docenten", "samenwerking"]
    assert [bool(s["changes"]) for s in sections] == [False, True, False]


WORD_CASES = [
    ("word added", "Meer inwoners helpen.", "Meer inwoners beter helpen.", [], ["beter"]),
    ("word removed", "Elk jaar zes cursussen.", "Elk jaar cursussen.", ["zes"], []),
    ("word replaced", "Zes cursussen.", "Acht cursussen.", ["Zes"], ["Acht"]),
]


@pytest.mark.parametrize(
    "old, new, removed, added", [c[1:] for c in WORD_CASES], ids=[c[0] for c in WORD_CASES]
)
def test_text_differences_are_marked_word_by_word(old, new, removed, added):
    old_html, new_html = word_diff(old, new)

    assert marked(old_html, "del") == removed
    assert marked(new_html, "ins") == added
    assert "<ins>" not in old_html and "<del>" not in new_html


def marked(html, tag):
    """The words inside ``<tag>`` marks, without the visually hidden word before them."""
    import re

    return [
        re.sub(r"<span class=\"visually-hidden\">.*?</span>", "", inner).strip()
        for inner in re.findall(rf"<{tag}>(.*?)</{tag}>", html)
    ]


def test_marks_say_removed_and_added_without_colour():
    old_html, new_html = word_diff("Zes cursussen.", "Acht cursussen.")

    assert 'class="visually-hidden"' in old_html and 'class="visually-hidden"' in new_html


@pytest.mark.parametrize("text", [True, False], ids=["long text", "short value"])
def test_html_in_user_text_is_escaped(text):
    old = [section("s", row("f", "<b>oud</b>", text))]
    new = [section("s", row("f", "<script>alert(1)</script> nieuw", text))]

    change = compare(old, new)[0]["changes"][0]

    assert "<script>" not in change["new_html"] and "<b>" not in change["old_html"]
    assert "&lt;script&gt;" in change["new_html"]
    assert "&lt;b&gt;" in change["old_html"]
