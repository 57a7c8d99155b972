"""The national figures, their charts and their PDF, cached until anything they count changes.

Every request asks the database one cheap question first: a stamp of the tables the figures
are made of (counts, the latest ids, the latest change of a report, the licence values). A
report assessed, submitted or edited moves ``Rapportage.gewijzigd_op``; a licence year, a
municipality or a library added, removed or ended, or a municipality ceased or arisen (a
municipal change, loaded in bulk) moves a count, a sum or a date; and saving a
library, a municipality or a licence year through the ORM also draws a new ``generation``
(``receivers``), which covers a renamed library. The cache key holds the stamp, so figures
are never served stale: a change makes a new key, and the old entry simply expires.
"""

import hashlib
from uuid import uuid4

from django.core.cache import cache
from django.db import connection
from django.utils import timezone, translation

from aanmelding.service import Bibliotheek, Gemeente
from licenties.service import Licentie, LicentieStatus

from .models import Rapportage

TIMEOUT = 24 * 60 * 60
GENERATION = "rapportage:figures:generation"


def _stamp_sql() -> tuple[str, list]:
    """One SELECT joining a one-row aggregate per table; the names come from the models,
    never from input."""
    qn = connection.ops.quote_name
    beeindigd = f"CASE WHEN {qn('status')} = %s THEN 1 ELSE 0 END"
    measures = [
        (Rapportage, ["COUNT(*)", f"MAX({qn('gewijzigd_op')})"]),
        (Licentie, ["COUNT(*)", f"MAX({qn('id')})", f"SUM({qn('waarde')})", f"SUM({beeindigd})"]),
        (Licentie.gemeenten.through, ["COUNT(*)", f"MAX({qn('id')})"]),
        (
            Gemeente,
            [
                "COUNT(*)",
                f"SUM({qn('inwoners')})",
                # A municipal change loaded in bulk (no save signal): which exist in a year.
                f"COUNT({qn('geldig_van')})",
                f"MAX({qn('geldig_van')})",
                f"COUNT({qn('geldig_tot')})",
                f"MAX({qn('geldig_tot')})",
            ],
        ),
        # A successor linked later (a chain loaded in a second file) moves what a year covers.
        (Gemeente.opvolgers.through, ["COUNT(*)", f"MAX({qn('id')})"]),
        (Bibliotheek, ["COUNT(*)", f"MAX({qn('id')})"]),
        (Bibliotheek.werkgebied.through, ["COUNT(*)", f"MAX({qn('id')})"]),
    ]
    parts = [
        f"(SELECT {', '.join(columns)} FROM {qn(model._meta.db_table)}) t{i}"  # noqa: S608
        for i, (model, columns) in enumerate(measures)
    ]
    return "SELECT * FROM " + ", ".join(parts), [LicentieStatus.BEEINDIGD]  # noqa: S608


def generation() -> str:
    """A token redrawn whenever a library, municipality or licence year is saved; a missing
    token (a cleared or evicted cache) is a new one, never an old one come back."""
    token = cache.get(GENERATION)
    if token is None:
        token = uuid4().hex
        if not cache.add(GENERATION, token, None):
            token = cache.get(GENERATION) or token
    return token


def new_generation(**kwargs):
    cache.set(GENERATION, uuid4().hex, None)


def stamp() -> str:
    """What the figures are made of, in one query, as a short hash."""
    sql, params = _stamp_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return hashlib.blake2b(repr(row).encode(), digest_size=12).hexdigest()


def cached(kind, jaar, build):
    """``build()`` for ``kind`` and ``jaar``, from the cache while nothing it counts changed.
    The language and today's date are part of the key: labels are translated, and "this
    year" and the PDF's "made on" follow the calendar."""
    key = ":".join(
        [
            "rapportage:figures",
            kind,
            str(jaar),
            translation.get_language() or "",
            timezone.localdate().isoformat(),
            generation(),
            stamp(),
        ]
    )
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, TIMEOUT)
    return value
