"""What changed between two snapshots of a plan or report (``Inzending.inhoud``).

Pure functions: sections are compared by id, their rows by field name. A row in only one of
the two counts as changed (a municipality added to section 5, a field that did not exist
then). Long texts get a word-level difference: escaped HTML in which removed words are
``<del>`` and added words ``<ins>``, each with a visually hidden word saying so, so the marks
read without colour and to a screen reader too.
"""

import difflib
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

EMPTY = "–"
_WORDS = re.compile(r"(\s+)")


def compare(old_sections, new_sections) -> list[dict]:
    """Each section of either snapshot, in the newer one's order (sections only in the older
    after it): ``{"id", "title", "changes": [change, ...]}``; see ``change``."""
    old_by_id = {section["id"]: section for section in old_sections}
    new_by_id = {section["id"]: section for section in new_sections}
    result = []
    for sid in _union(new_by_id, old_by_id):
        old, new = old_by_id.get(sid), new_by_id.get(sid)
        result.append(
            {
                "id": sid,
                "title": (new or old)["title"],
                "changes": changed_rows((old or {}).get("rows", []), (new or {}).get("rows", [])),
            }
        )
    return result


def changed_rows(old_rows, new_rows) -> list[dict]:
    """The rows whose value differs, by name, in the newer rows' order."""
    old_by_name = {row["name"]: row for row in old_rows}
    new_by_name = {row["name"]: row for row in new_rows}
    changes = []
    for name in _union(new_by_name, old_by_name):
        old, new = old_by_name.get(name), new_by_name.get(name)
        if old is not None and new is not None and old["value"] == new["value"]:
            continue
        changes.append(change(old, new))
    return changes


def change(old, new) -> dict:
    """One changed field: its name and label, the old and new value as text (None where the
    row is missing on that side) and as HTML with the differences marked."""
    row = new or old
    old_value = None if old is None else old["value"]
    new_value = None if new is None else new["value"]
    if (row.get("text") or (old or {}).get("text")) and old_value and new_value:
        old_html, new_html = word_diff(old_value, new_value)
    else:
        old_html, new_html = _whole(old_value, "del"), _whole(new_value, "ins")
    return {
        "name": row["name"],
        "label": row["label"],
        "group": row.get("group", ""),
        "old": old_value,
        "new": new_value,
        "old_html": old_html,
        "new_html": new_html,
    }


def word_diff(old: str, new: str) -> tuple[str, str]:
    """(old, new) as escaped HTML: words only in the old text in ``<del>``, words only in
    the new one in ``<ins>``; whitespace is kept as it was."""
    a, b = _WORDS.split(old), _WORDS.split(new)
    old_parts, new_parts = [], []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            old_parts.append(escape("".join(a[i1:i2])))
            new_parts.append(escape("".join(b[j1:j2])))
            continue
        if i2 > i1:
            old_parts.append(_mark("del", "".join(a[i1:i2])))
        if j2 > j1:
            new_parts.append(_mark("ins", "".join(b[j1:j2])))
    return mark_safe("".join(old_parts)), mark_safe("".join(new_parts))  # noqa: S308 (escaped)


def _whole(value, tag) -> str:
    """A short value (a number, a choice) that changed: shown whole, marked as a whole."""
    if value is None:
        return mark_safe(f'<span class="text-body-secondary">{escape(_("not present"))}</span>')  # noqa: S308
    return _mark(tag, value or EMPTY)


def _mark(tag, text) -> str:
    said = _("removed:") if tag == "del" else _("added:")
    return mark_safe(  # noqa: S308 (both parts escaped)
        f'<{tag}><span class="visually-hidden">{escape(said)} </span>{escape(text)}</{tag}>'
    )


def _union(first, second) -> list:
    """The keys of ``first`` in order, then those only in ``second``."""
    return [*first, *(key for key in second if key not in first)]
