"""Helpers for the body rows of long tables drawn in Python (a ``format_html`` per row, not
template tags per cell): on a page of fifty rows, per-cell template work was most of the
time of the list pages at national scale (bench/pages.py)."""

from django.urls import reverse

PK = 2147483647  # a placeholder no object has: the route is reversed once, filled per row


def url_maker(name):
    """``pk → url`` for a route with one integer argument, reversing it once."""
    prefix, suffix = reverse(name, args=[PK]).split(str(PK))
    return lambda pk: f"{prefix}{pk}{suffix}"
