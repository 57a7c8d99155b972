"""Helpers for the body rows of long tables drawn in Python (a ``format_html`` per row, not
template tags per cell): on a page of fifty rows, per-cell template work was most of the
time of the list pages at national scale (bench/pages.py)."""

import html
from datetime import datetime
from functools import lru_cache

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import get_language

DASH = "–"
PK = 2147483647  # a placeholder no object has: the route is reversed once, filled per row


def url_maker(name):
    """``pk → url`` for a route with one integer argument, reversing it once."""
    prefix, suffix = reverse(name, args=[PK]).split(str(PK))
    return lambda pk: f"{prefix}{pk}{suffix}"


@lru_cache(maxsize=4096)
def _day(day, language, fmt="j F Y"):
    return date_format(day, fmt)


class Dates:
    """``|date:"j F Y"``, ``"j b Y"`` and with ``H:i``, in local time, for the rows of a list:
    the time zone and language looked up once, and each day formatted once."""

    def __init__(self):
        self.zone, self.language = timezone.get_current_timezone(), get_language()

    def day(self, value):
        if value is None:
            return DASH
        if isinstance(value, datetime):
            value = value.astimezone(self.zone).date()
        return _day(value, self.language)

    def day_and_time(self, value):
        local = value.astimezone(self.zone)
        return f"{_day(local.date(), self.language)} {local:%H:%M}"

    def short(self, value):
        """``|date:"j b Y"``: "3 dec 2026"."""
        if isinstance(value, datetime):
            value = value.astimezone(self.zone).date()
        return _day(value, self.language, "j b Y")

    def short_and_time(self, value, seconds=False):
        """``|date:"j b Y H:i"`` (with ``:s`` when ``seconds``)."""
        local = value.astimezone(self.zone)
        time = f"{local:%H:%M:%S}" if seconds else f"{local:%H:%M}"
        return f"{_day(local.date(), self.language, 'j b Y')} {time}"


def join_rows(format_string, rows):
    """``format_html_join("", format_string, rows)`` at a quarter of its cost, which counts in
    a list of 150 rows: each argument is escaped as Django's ``escape`` does (a safe string
    is kept as it is); a row is a tuple of positional arguments or a dict of named ones."""
    return mark_safe(  # noqa: S308 (every argument is escaped by _escape)
        "".join(
            format_string.format(**{k: _escape(v) for k, v in row.items()})
            if isinstance(row, dict)
            else format_string.format(*map(_escape, row))
            for row in rows
        )
    )


def _escape(value):
    return value if isinstance(value, SafeData) else html.escape(str(value))
