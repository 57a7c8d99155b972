"""Which municipalities the licences of a year cover, and those licences: used by the
coordinator's licence overview and by the national report figures."""

from django.db.models import Exists, OuterRef
from django.db.models.functions import ExtractYear

from aanmelding.service import Gemeente

from .constants import LicentieStatus
from .models import Licentie


def year_licences(jaar):
    return Licentie.objects.filter(begindatum__year=jaar).exclude(status=LicentieStatus.BEEINDIGD)


def licence_years() -> list[int]:
    """The years in which a licence year (not ended early) starts: one query."""
    return list(
        Licentie.objects.exclude(status=LicentieStatus.BEEINDIGD)
        .annotate(jaar=ExtractYear("begindatum"))
        .values_list("jaar", flat=True)
        .distinct()
        .order_by("jaar")
    )


def coverage(jaar):
    """Every municipality with whether a licence of ``jaar`` covers it: one query."""
    covering = Licentie.gemeenten.through.objects.filter(
        gemeente_id=OuterRef("pk"),
        licentie__in=year_licences(jaar),
    )
    gemeenten = Gemeente.objects.annotate(covered=Exists(covering)).order_by("provincie", "naam")
    provinces = {}
    for gemeente in gemeenten:
        row = provinces.setdefault(
            gemeente.provincie,
            {"provincie": gemeente.provincie, "total": 0, "covered": 0, "missing": [], "all": []},
        )
        row["total"] += 1
        row["all"].append(gemeente)
        if gemeente.covered:
            row["covered"] += 1
        else:
            row["missing"].append(gemeente)
    return list(provinces.values())
