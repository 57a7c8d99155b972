"""The API's endpoints of the licence app.

Public (no token, no access log): the municipalities and the libraries taking part in a year,
from the licence years of that year that run or ran (``RAN``: not planned, so no unsigned
agreement or next year's renewal, and not ended early), with only a library's public data:
name, town, website (the coordinator's pages count every year not ended early). With a token
or the right login: every licence year (``/api/v1/licenties/``), a library's token only its
own library's."""

from datetime import date

from django.db.models import Count
from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, serializers

from aanmelding.service import Bibliotheek, Gemeente, each_municipality_on
from kbregeling.api.params import JAAR, JAAR_OPTIONAL, year_param
from kbregeling.api.views import ProtectedView, PublicView

from . import permissions
from .constants import LicentieStatus
from .models import Licentie

COVERED = Licentie.gemeenten.through
#: The licence years the public lists count: those that run or ran.
RAN = (LicentieStatus.ACTIEF, LicentieStatus.VERLENGD, LicentieStatus.VERLOPEN)


def public_year_licences(jaar):
    """The licence years of ``jaar`` that run or ran: not planned, not ended early."""
    return Licentie.objects.filter(begindatum__year=jaar, status__in=RAN)


class DeelnemendeGemeenteSerializer(serializers.Serializer):
    cbs_code = serializers.CharField()
    naam = serializers.CharField()
    provincie = serializers.CharField()
    bibliotheken = serializers.ListField(
        child=serializers.CharField(),
        help_text=_("The names of the libraries whose licence covers it this year."),
    )


@extend_schema_view(
    get=extend_schema(
        summary=_("Municipalities taking part in a year"),
        description=_(
            "The municipalities (of 1 January of that year) a licence year of that year covers "
            "that runs or ran: planned years (an agreement not yet signed, next year's "
            "renewal) and licences ended early are left out. Each with the libraries that "
            "offer the course there."
        ),
        parameters=[JAAR],
    )
)
class DeelnemendeGemeenten(PublicView, generics.ListAPIView):
    serializer_class = DeelnemendeGemeenteSerializer

    def get_queryset(self):
        # A licence that names a municipality ceased by 1 January covers those that hold
        # its area then, as on the coordinator's overview.
        self.jaar = jaar = year_param(self.request)
        self.links = list(
            COVERED.objects.filter(licentie__in=public_year_licences(jaar))
            .order_by("licentie__bibliotheek__naam")
            .values_list("gemeente_id", "licentie__bibliotheek__naam")
            .distinct()
        )
        self.holds = each_municipality_on(
            {gemeente_id for gemeente_id, _naam in self.links}, date(jaar, 1, 1)
        )
        return (
            Gemeente.objects.filter(pk__in=set().union(*self.holds.values()))
            .order_by("provincie", "naam")
            .values("pk", "cbs_code", "naam", "provincie")
        )

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        names = {}
        for gemeente_id, naam in self.links:
            for pk in self.holds[gemeente_id]:
                if naam not in names.setdefault(pk, []):
                    names[pk].append(naam)
        return [
            {
                "cbs_code": row["cbs_code"],
                "naam": row["naam"],
                "provincie": row["provincie"],
                "bibliotheken": sorted(names.get(row["pk"], [])),
            }
            for row in page
        ]


class DeelnemendeBibliotheekSerializer(serializers.Serializer):
    naam = serializers.CharField()
    plaats = serializers.CharField()
    website = serializers.CharField(help_text=_("Empty when not known."))
    gemeenten = serializers.ListField(
        child=serializers.CharField(),
        help_text=_("The CBS codes of the municipalities its licence covers this year."),
    )


@extend_schema_view(
    get=extend_schema(
        summary=_("Libraries taking part in a year"),
        description=_(
            "The libraries with a licence year in that year that runs or ran (planned years "
            "and licences ended early left out): name, town, website and the municipalities "
            "its licence names."
        ),
        parameters=[JAAR],
    )
)
class DeelnemendeBibliotheken(PublicView, generics.ListAPIView):
    serializer_class = DeelnemendeBibliotheekSerializer

    def get_queryset(self):
        self.licences = public_year_licences(year_param(self.request))
        return (
            Bibliotheek.objects.filter(pk__in=self.licences.values("bibliotheek_id"))
            .order_by("naam", "pk")
            .values("pk", "naam", "plaats", "website")
        )

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        codes = {}
        rows = (
            COVERED.objects.filter(
                licentie__in=self.licences,
                licentie__bibliotheek_id__in=[row["pk"] for row in page],
            )
            .order_by("gemeente__cbs_code")
            .values_list("licentie__bibliotheek_id", "gemeente__cbs_code")
            .distinct()
        )
        for bibliotheek_id, cbs_code in rows:
            codes.setdefault(bibliotheek_id, []).append(cbs_code)
        return [row | {"gemeenten": codes.get(row["pk"], [])} for row in page]


class BibliotheekRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    naam = serializers.CharField()


class LicentieSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    jaar = serializers.IntegerField(help_text=_("The year its start date falls in."))
    bibliotheek = BibliotheekRefSerializer()
    begindatum = serializers.DateField()
    einddatum = serializers.DateField()
    status = serializers.ChoiceField(choices=LicentieStatus.choices)
    waarde = serializers.DecimalField(
        max_digits=10,
        decimal_places=2,
        coerce_to_string=False,
        help_text=_("What KB pays for this licence year, in euros."),
    )
    aantal_gemeenten = serializers.IntegerField(help_text=_("The municipalities it covers."))
    vorige = serializers.IntegerField(
        allow_null=True, help_text=_("The licence year it renews, if any.")
    )


@extend_schema_view(
    get=extend_schema(
        summary=_("Licence years"),
        description=_(
            "Every licence year, newest first: the library, its dates, state, value and the "
            "number of municipalities it covers. A library's token sees only that library's."
        ),
        parameters=[JAAR_OPTIONAL],
    )
)
class Licenties(ProtectedView, generics.ListAPIView):
    serializer_class = LicentieSerializer
    session_rule = permissions.can_list_all

    def get_queryset(self):
        queryset = self.scoped(Licentie.objects.all(), "bibliotheek_id", "begindatum")
        return (
            queryset.annotate(aantal_gemeenten=Count("gemeenten"))
            .order_by("-begindatum", "bibliotheek__naam", "pk")
            .values(
                "pk",
                "bibliotheek_id",
                "bibliotheek__naam",
                "begindatum",
                "einddatum",
                "status",
                "waarde",
                "aantal_gemeenten",
                "vorige_id",
            )
        )

    def paginate_queryset(self, queryset):
        return [
            {
                "id": row["pk"],
                "jaar": row["begindatum"].year,
                "bibliotheek": {"id": row["bibliotheek_id"], "naam": row["bibliotheek__naam"]},
                "begindatum": row["begindatum"],
                "einddatum": row["einddatum"],
                "status": row["status"],
                "waarde": row["waarde"],
                "aantal_gemeenten": row["aantal_gemeenten"],
                "vorige": row["vorige_id"],
            }
            for row in super().paginate_queryset(queryset)
        ]


urlpatterns = [
    path("deelnemende-gemeenten", DeelnemendeGemeenten.as_view(), name="deelnemende_gemeenten"),
    path(
        "deelnemende-bibliotheken",
        DeelnemendeBibliotheken.as_view(),
        name="deelnemende_bibliotheken",
    ),
    path("licenties", Licenties.as_view(), name="licenties"),
]
