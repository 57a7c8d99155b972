"""Which municipalities the licences of a year cover, and those licences: used by the
coordinator's licence overview and by the national report figures."""

from django.db.models import BooleanField, ExpressionWrapper, Q

from aanmelding.service import Gemeente

from .constants import LicentieStatus
from .models import Licentie


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
    province: one query. A province's ``all`` holds rows with ``pk``, ``cbs_code``, ``naam``
    and ``covered``, its ``missing`` the names of those not covered."""
    covered_ids = Licentie.gemeenten.through.objects.filter(
        licentie__in=year_licences(jaar)
    ).values("gemeente_id")
    gemeenten = (
        Gemeente.objects.valid_in(jaar)
        .annotate(
            # An uncorrelated IN: the database finds the covered municipalities once.
            covered=ExpressionWrapper(Q(pk__in=covered_ids), output_field=BooleanField())
        )
        .order_by("provincie", "naam")
        .values_list("pk", "cbs_code", "naam", "provincie", "covered", named=True)
    )
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
