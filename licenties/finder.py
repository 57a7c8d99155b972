"""The public course finder: which library offers Digisterker in a municipality today, and
the national map of where one does.

A library shows only while one of its licence years runs today (today between its start and
end date, state ``actief``, or ``verlengd``: KB may decide the renewal before the running year
ends) and covers the municipality; planned, expired and ended years never show. Only a
library's public contact data leaves this module (``PUBLIC_FIELDS``): never its contact person,
their e-mail address or the telephone number, which may be a person's own.

What the page needs, the map included, is read and kept in the cache for ``CACHE_SECONDS``
under the day: a warm page runs no query, a cold one three (four when today's municipalities
differ from the map's boundaries), however many municipalities and licences there are.
"""

import difflib
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from django.core.cache import cache
from django.utils import timezone

from aanmelding.service import Gemeente, fold, reach_within

from .constants import LicentieStatus
from .coverage_map import year_map
from .models import Licentie

CACHE_SECONDS = 300
CACHE_VERSION = 3  # 2: no telephone, renewed years and successors counted
# No telephone: ``Bibliotheek.telefoon`` may be the sign-up requester's own number.
PUBLIC_FIELDS = ("naam", "adres", "postcode", "plaats", "website")
# Names people use that are not the CBS name, by CBS code.
ALIASES = {"den bosch": "GM0796", "s gravenhage": "GM0518", "the hague": "GM0518"}
MAX_CHOICES = 25


class Place(NamedTuple):
    pk: int
    cbs_code: str
    naam: str
    provincie: str
    covered: bool


@dataclass
class Result:
    """What a search found: one ``gemeente`` (with its ``libraries``, or ``nearby`` ones in
    its province when none offers the course there), several ``choices``, or nothing."""

    query: str
    gemeente: Place | None = None
    libraries: list[dict] = field(default_factory=list)
    nearby: list[dict] = field(default_factory=list)
    choices: list[Place] = field(default_factory=list)
    # A municipality that no longer exists: (its name, its last day) and the successors.
    ceased: tuple[str, object] | None = None

    @property
    def found(self) -> bool:
        return bool(self.gemeente or self.choices)


def key(text) -> str:
    """A name as searched: any case, no accents, punctuation as spaces, no "gemeente"."""
    words = re.sub(r"[\W_]+", " ", fold(text)).split()
    if len(words) > 1 and words[0] == "gemeente":
        words = words[1:]
    return " ".join(words)


RUNNING = (LicentieStatus.ACTIEF, LicentieStatus.VERLENGD)


def active_licences(day):
    """The licence years that run on ``day``: active, or already renewed while the year still
    runs (the renewal moves the running year to ``verlengd`` before its end date)."""
    return Licentie.objects.filter(status__in=RUNNING, begindatum__lte=day, einddatum__gte=day)


def _read(day) -> dict:
    """Everything the finder and the map need on ``day``, as plain data: three queries."""
    links = (
        Licentie.gemeenten.through.objects.filter(licentie__in=active_licences(day))
        .order_by("licentie__bibliotheek__naam")
        .values_list(
            "gemeente_id",
            "licentie__bibliotheek_id",
            *(f"licentie__bibliotheek__{name}" for name in PUBLIC_FIELDS),
        )
    )
    libraries, served = {}, {}
    for gemeente_id, bibliotheek_id, *values in links:
        libraries.setdefault(bibliotheek_id, dict(zip(PUBLIC_FIELDS, values, strict=True)))
        ids = served.setdefault(gemeente_id, [])
        if bibliotheek_id not in ids:
            ids.append(bibliotheek_id)
    gemeenten = [
        Place(pk, code, naam, provincie, pk in served)
        for pk, code, naam, provincie in Gemeente.objects.valid_on(day)
        .order_by("naam")
        .values_list("pk", "cbs_code", "naam", "provincie")
    ]
    ceased = {}  # pk → (name, last day, successors' pks; below: those of today)
    successions = Gemeente.opvolgers.through.objects.filter(
        from_gemeente__geldig_tot__lt=day
    ).values_list(
        "from_gemeente_id", "from_gemeente__naam", "from_gemeente__geldig_tot", "to_gemeente_id"
    )
    for pk, naam, until, successor in successions.order_by("from_gemeente__naam"):
        ceased.setdefault(pk, (naam, until, []))[2].append(successor)
    # A running licence may still name municipalities that have ceased since (a merger on
    # 1 January, the werkgebied not yet confirmed): its library serves today's ones that
    # hold their area.
    today = {g.pk for g in gemeenten}
    links = {pk: successors for pk, (_naam, _until, successors) in ceased.items()}
    ceased = {
        pk: (naam, until, sorted(reach_within(links, pk, today) & today))
        for pk, (naam, until, _successors) in ceased.items()
    }
    for gemeente_id in [pk for pk in served if pk not in today and pk in ceased]:
        for successor in ceased[gemeente_id][2]:
            ids = served.setdefault(successor, [])
            ids.extend(pk for pk in served[gemeente_id] if pk not in ids)
            ids.sort(key=lambda pk: libraries[pk]["naam"])
    gemeenten = [g._replace(covered=g.pk in served) for g in gemeenten]
    return {"gemeenten": gemeenten, "libraries": libraries, "served": served, "ceased": ceased}


def today_data(day=None) -> dict:
    """``_read`` for ``day`` (today), from the cache when it was read in the last minutes."""
    day = day or timezone.localdate()
    cache_key = f"licenties:finder:{CACHE_VERSION}:{day.isoformat()}"
    data = cache.get(cache_key)
    if data is None:
        data = _read(day)
        data["provinces"] = provinces(data)
        # The map's paths, and whether today's municipalities differ from its boundaries
        # (one query more, only then).
        data["map"] = year_map(data["provinces"], day.year)
        cache.set(cache_key, data, CACHE_SECONDS)
    return data


def search(query, data) -> Result:
    """The municipality named by ``query``: its exact name (any case, with or without
    accents and hyphens), a known other name or its CBS code; else every municipality whose
    name contains it; else those spelt nearly like it."""
    result = Result(query=query)
    wanted = key(query)
    if not wanted:
        return result
    gemeenten = data["gemeenten"]
    by_pk = {g.pk: g for g in gemeenten}
    by_name = {key(g.naam): g for g in gemeenten}
    by_code = {g.cbs_code: g for g in gemeenten}
    exact = {
        **by_name,
        **{code.casefold(): g for code, g in by_code.items()},
        **{alias: by_code[code] for alias, code in ALIASES.items() if code in by_code},
    }

    choices = []
    if wanted in exact:
        choices = [exact[wanted]]
    else:
        for pk, (naam, until, _successors) in data["ceased"].items():
            if key(naam) == wanted:
                result.ceased = (naam, until)
                choices = [by_pk[found] for found in data["ceased"][pk][2]]
                break
    if not choices and not result.ceased:
        choices = [g for name, g in by_name.items() if wanted in name]
    if not choices and not result.ceased:
        close = difflib.get_close_matches(wanted, list(by_name), n=5, cutoff=0.75)
        choices = [by_name[name] for name in close]
    if len(choices) == 1:
        return offered_in(choices[0], data, result)
    result.choices = sorted(choices, key=lambda g: g.naam)[:MAX_CHOICES]
    return result


def offered_in(gemeente, data, result) -> Result:
    """The libraries that offer the course in ``gemeente`` today; when none does, those that
    offer it elsewhere in its province."""
    libraries = data["libraries"]
    result.gemeente = gemeente
    result.libraries = [libraries[pk] for pk in data["served"].get(gemeente.pk, [])]
    if not result.libraries:
        nearby = {
            pk
            for g in data["gemeenten"]
            if g.provincie == gemeente.provincie
            for pk in data["served"].get(g.pk, [])
        }
        result.nearby = sorted((libraries[pk] for pk in nearby), key=lambda b: b["naam"])
    return result


def provinces(data) -> list[dict]:
    """Per province: how many municipalities a library offers the course in, of how many,
    and their names; ``all`` holds every municipality for the map."""
    rows = {}
    for gemeente in sorted(data["gemeenten"], key=lambda g: (g.provincie, g.naam)):
        row = rows.setdefault(
            gemeente.provincie,
            {"provincie": gemeente.provincie, "total": 0, "covered": [], "all": []},
        )
        row["total"] += 1
        row["all"].append(gemeente)
        if gemeente.covered:
            row["covered"].append(gemeente.naam)
    return list(rows.values())
