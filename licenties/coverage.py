"""Which municipalities the licences of a year cover, and those licences: used by the
coordinator's licence overview and by the national report figures."""

from datetime import date
from typing import NamedTuple

from aanmelding.service import Gemeente, municipalities_on

from .constants import LicentieStatus
from .models import Licentie


class Row(NamedTuple):
    pk: int
    cbs_code: str
    naam: str
    provincie: str
    covered: bool


def year_licences(jaar):
    return Licentie.objects.filter(begindatum__year=jaar).exclude(status=LicentieStatus.BEEINDIGD)


def licence_years() -> list[int]:
    """The years in which a licence year (not ended early) starts: one query, over the few
    distinct start dates (no year extracted per licence row)."""
    starts = (
        Licentie.objects.exclude(status=LicentieStatus.BEEINDIGD)
        .values_list("begindatum", flat=True)
        .distinct()
        .order_by()
    )
    return sorted({start.year for start in starts})


def coverage(jaar):
    """Every municipality of ``jaar`` (those that exist on its 1 January: a merger loaded
    later leaves a past year as it was) with whether a licence of ``jaar`` covers it, per
    province: four queries. A licence that names a municipality ceased by that 1 January
    (recorded before the merger) covers the municipalities that hold its area then. A
    province's ``all`` holds rows with ``pk``, ``cbs_code``, ``naam`` and ``covered``, its
    ``missing`` the names of those not covered."""
    named = Licentie.gemeenten.through.objects.filter(licentie__in=year_licences(jaar)).values_list(
        "gemeente_id", flat=True
    )
    covered_ids = municipalities_on(set(named), date(jaar, 1, 1))
    rows = (
        Gemeente.objects.valid_in(jaar)
        .order_by("provincie", "naam")
        .values_list("pk", "cbs_code", "naam", "provincie", named=True)
    )
    gemeenten = [Row(*row, covered=row.pk in covered_ids) for row in rows]
    provinces = {}
    for gemeente in gemeenten:
        row = provinces.get(gemeente.provincie)
        if row is None:
            row = provinces[gemeente.provincie] = {
                "provincie": gemeente.provincie,
                "total": 0,
                "covered": 0,
                "missing": [],
                "all": [],
            }
        row["total"] += 1
        row["all"].append(gemeente)
        if gemeente.covered:
            row["covered"] += 1
        else:
            row["missing"].append(gemeente.naam)
    return list(provinces.values())
