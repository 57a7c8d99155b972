"""The werkgebied field: municipalities typed as names (or CBS codes), one per line.

The form field is plain text on the server, so it works without JavaScript.
``static/js/gemeente-picker.js`` turns it into a combobox: the person types part of a name
and picks from a short list; the script writes the chosen names back into the textarea. The
options come with the field (``json_script``), each saying which other library already
serves that municipality: allowed, but worth knowing.
"""

import unicodedata

from django import forms
from django.db.models import F, Q
from django.utils import timezone
from django.utils.html import json_script
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .models import Bibliotheek, Gemeente
from .models.reference import valid_on_q
from .succession import as_on


def parse_lines(value) -> list[str]:
    """The non-empty lines, stripped, each once (the first spelling kept)."""
    seen, lines = set(), []
    for line in str(value or "").splitlines():
        line = " ".join(line.split())
        if line and fold(line) not in seen:
            seen.add(fold(line))
            lines.append(line)
    return lines


def fold(text) -> str:
    """A name as compared: without accents, in any case (``Súdwest`` is ``sudwest``)."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def offered(keep=(), days=(), among=None):
    """The municipalities a picker offers (the werkgebied, a licence, a report's renewal):
    those that exist today or on one of ``days`` (a licence year's start: a municipality
    that arises on 1 January can be recorded for that year before it), and those of
    ``keep`` (the ones the record holds already, which may have ceased since: editing an old
    record never drops them silently). With ``among`` (a werkgebied), only its
    municipalities, or on a day after one of them ceased, those that hold its area then.
    Those of today first, so a name shared with a ceased one finds today's."""
    days = {timezone.localdate(), *days}
    exists = Q()
    for day in days:
        exists |= valid_on_q(day)
    if among is not None:
        ids = list(among.values_list("pk", flat=True))
        exists &= Q(pk__in=set().union(*(as_on(ids, day) for day in days)))
    return Gemeente.objects.filter(exists | Q(pk__in=keep)).order_by(
        F("geldig_tot").desc(nulls_first=True), "naam"
    )


def find_gemeenten(lines, keep=()) -> tuple[list[Gemeente], list[str]]:
    """(the municipalities named, in the order given; the lines that name none). A line is
    a municipality's name or its CBS code, in any case, with or without accents; only the
    municipalities ``offered`` count."""
    if not lines:
        return [], []
    by_key = {}
    for gemeente in offered(keep):  # some 342 rows: one query, compared here
        by_key.setdefault(gemeente.cbs_code.casefold(), gemeente)
        by_key.setdefault(fold(gemeente.naam), gemeente)
    gemeenten, unknown = [], []
    for line in lines:
        gemeente = by_key.get(fold(line))
        if gemeente is None:
            unknown.append(line)
        elif gemeente not in gemeenten:
            gemeenten.append(gemeente)
    return gemeenten, unknown


def picker_data(exclude_library=None, keep=()) -> dict:
    """What the picker shows: every municipality ``offered`` (code, name, province, the
    libraries that already serve it, ``exclude_library`` left out) and its texts. Two
    queries."""
    served = {}
    links = Bibliotheek.werkgebied.through.objects.values_list("gemeente_id", "bibliotheek__naam")
    if exclude_library is not None:
        links = links.exclude(bibliotheek_id=exclude_library)
    for gemeente_id, naam in links.order_by("bibliotheek__naam"):
        served.setdefault(gemeente_id, []).append(naam)
    options = [
        [pk, code, naam, provincie, served.get(pk, [])]
        for pk, code, naam, provincie in offered(keep)
        .order_by("naam")
        .values_list("pk", "cbs_code", "naam", "provincie")
    ]
    texts = {
        "hint": _(
            "Type part of the name, choose with the arrow keys and Enter. Escape closes the list."
        ),
        "options": _("Matching municipalities"),
        "chosen": _("Chosen municipalities"),
        "none_chosen": _("No municipality chosen yet."),
        "remove": _("Remove"),
        "served_by": _("already in the werkgebied of %(libraries)s"),
        "unknown": _("unknown municipality"),
        "found_one": _("1 municipality found."),
        "found_many": _("%(count)s municipalities found."),
        "found_more": _("More than %(count)s municipalities found: type more letters."),
        "found_none": _("No municipality found."),
        "added": _("%(name)s added."),
        "removed": _("%(name)s removed."),
    }
    return {"options": options, "texts": texts}


class GemeentePicker(forms.Textarea):
    """A textarea of names that the picker script enhances; the picker's data rides along
    in a JSON block (``json_script``: the CSP allows no inline script)."""

    class Media:
        js = ["js/gemeente-picker.js"]

    def __init__(self, attrs=None):
        super().__init__({"rows": 6, "class": "gemeente-picker-source", **(attrs or {})})
        self.exclude_library = None
        self.keep = ()

    def render(self, name, value, attrs=None, renderer=None):
        attrs = dict(attrs or {})
        data_id = f"{attrs.get('id') or self.attrs.get('id') or 'id_' + name}_options"
        attrs["data-picker"] = data_id
        html = super().render(name, value, attrs, renderer)
        data = json_script(picker_data(self.exclude_library, self.keep), data_id)
        return mark_safe(html + data)  # noqa: S308 (both are escaped already)


class GemeentenField(forms.Field):
    """Municipalities as text, one per line (a name or a CBS code); cleans to a list of
    ``Gemeente``. Unknown lines are an error that names them. Only municipalities that exist
    today are known, and those of ``keep`` (what the record held: see ``offered``)."""

    widget = GemeentePicker
    default_error_messages = {"required": gettext_lazy("Choose at least one municipality.")}

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "help_text", gettext_lazy("One municipality per line: its name or its CBS code.")
        )
        super().__init__(**kwargs)
        self.keep = ()

    @property
    def keep(self):
        return self._keep

    @keep.setter
    def keep(self, ids):
        self._keep = self.widget.keep = list(ids)

    def prepare_value(self, value):
        """Initial values (municipalities, a queryset, ids) as the lines of the textarea."""
        if value is None or isinstance(value, str):
            return value
        items = list(value)
        ids = [item for item in items if isinstance(item, int)]
        if ids:
            names = dict(Gemeente.objects.filter(pk__in=ids).values_list("pk", "naam"))
            items = [names.get(item, "") if isinstance(item, int) else item for item in items]
        return "\n".join(str(item) for item in items if item)

    def to_python(self, value):
        lines = parse_lines(value)
        if not lines:
            return []
        gemeenten, unknown = find_gemeenten(lines, self.keep)
        if unknown:
            raise forms.ValidationError(
                ngettext(
                    "Not a municipality: %(names)s. Check the spelling, or use the CBS code.",
                    "Not municipalities: %(names)s. Check the spelling, or use the CBS codes.",
                    len(unknown),
                )
                % {"names": ", ".join(unknown)},
                code="unknown",
            )
        return gemeenten

    def has_changed(self, initial, data):
        return self.prepare_value(initial) != "\n".join(parse_lines(data))
