"""The API's endpoints of the report app.

Public (no token, no access log): the national figures of a year, the same numbers as the
coordinator's national overview (``national_figures``, through the same cache), without the
good practices, which are for logged-in users only. With a token or the right login: the
year reports as aggregates per licence year (``/api/v1/rapportage-totalen/``), a library's
token only its own library's."""

from django.db.models import Avg, Count, Q, Sum
from django.db.models.functions import ExtractYear
from django.http import Http404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from kbregeling.api.params import FIRST_YEAR, JAAR_OPTIONAL, LAST_YEAR
from kbregeling.api.views import ProtectedView, PublicView
from licenties.service import LicentieStatus

from . import permissions
from .constants import DOELGROEPEN, LEEFTIJDEN, VERWIJZINGEN
from .constants import RapportageStatus as S
from .figures import INGEDIEND_OF_LATER, NUMBERS, national_figures
from .figures_cache import cached
from .models import Rapportage

GROUPS = {"leeftijden": LEEFTIJDEN, "doelgroepen": DOELGROEPEN, "verwijzingen": VERWIJZINGEN}


def counts(component, names):
    """A serializer of one whole number per field name, named ``component`` in the schema."""
    fields = {
        name: serializers.IntegerField(
            help_text=Rapportage._meta.get_field(name).verbose_name if name in NUMBERS else None
        )
        for name in names
    }
    return type(component, (serializers.Serializer,), fields)


Totalen = counts("Totalen", NUMBERS)
PerStatus = counts("PerStatus", S.values)
Leeftijden = counts("Leeftijden", [name for name, _label in LEEFTIJDEN])
Doelgroepen = counts("Doelgroepen", [name for name, _label in DOELGROEPEN])
Verwijzingen = counts("Verwijzingen", [name for name, _label in VERWIJZINGEN])


class BreakdownSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField(help_text=_("The group, in words."))
    aantal = serializers.IntegerField(help_text=_("Participants."))


class ProvincieCijfersSerializer(serializers.Serializer):
    provincie = serializers.CharField()
    gemeenten_gedekt = serializers.IntegerField()
    gemeenten = serializers.IntegerField()
    rapportages = serializers.IntegerField()
    deelnemers_aangemeld = serializers.IntegerField()
    deelnemers_gestart = serializers.IntegerField()
    deelnemers_afgerond = serializers.IntegerField()


class TrendSerializer(serializers.Serializer):
    jaar = serializers.IntegerField()
    bibliotheken = serializers.IntegerField()
    licenties = serializers.IntegerField()
    budget = serializers.DecimalField(max_digits=12, decimal_places=2, coerce_to_string=False)
    deelnemers_afgerond = serializers.IntegerField()


class LandelijkeCijfersSerializer(serializers.Serializer):
    jaar = serializers.IntegerField()
    bibliotheken = serializers.IntegerField(help_text=_("Libraries with a licence year."))
    licenties = serializers.IntegerField(help_text=_("Licence years (not ended early)."))
    budget = serializers.DecimalField(
        max_digits=12,
        decimal_places=2,
        coerce_to_string=False,
        help_text=_("KB's licence budget, in euros."),
    )
    gemeenten_gedekt = serializers.IntegerField(help_text=_("Municipalities covered."))
    gemeenten = serializers.IntegerField(help_text=_("Municipalities in total."))
    rapportages = serializers.IntegerField(help_text=_("Year reports submitted and counted."))
    rapportages_terug_bij_bibliotheek = serializers.IntegerField(
        help_text=_(
            "Year reports sent back to the library for more information: they do not count "
            "until the library submits them again."
        )
    )
    totalen = Totalen(help_text=_("The totals of the submitted year reports."))
    gemiddelde_tevredenheid = serializers.DecimalField(
        max_digits=3, decimal_places=1, coerce_to_string=False, allow_null=True
    )
    gemiddeld_percentage_zelfredzamer = serializers.DecimalField(
        max_digits=4, decimal_places=0, coerce_to_string=False, allow_null=True
    )
    leeftijden = BreakdownSerializer(many=True)
    doelgroepen = BreakdownSerializer(many=True)
    verwijzingen = BreakdownSerializer(many=True)
    provincies = ProvincieCijfersSerializer(many=True)
    trend = TrendSerializer(many=True, help_text=_("Every year with licences."))


def breakdown(names, rows):
    return [
        {"code": name, "label": text, "aantal": n}
        for (name, _label), (text, n) in zip(names, rows, strict=True)
    ]


def public_figures(jaar) -> dict:
    """The overview's figures of ``jaar`` (cached with them), as the API shows them."""
    figures = cached("figures", jaar, lambda: national_figures(jaar))
    return {
        "jaar": figures.jaar,
        "bibliotheken": figures.libraries,
        "licenties": figures.licences,
        "budget": figures.budget,
        "gemeenten_gedekt": figures.covered,
        "gemeenten": figures.municipalities,
        "rapportages": figures.reports,
        "rapportages_terug_bij_bibliotheek": figures.returned,
        "totalen": figures.numbers,
        "gemiddelde_tevredenheid": figures.tevredenheid,
        "gemiddeld_percentage_zelfredzamer": figures.zelfredzamer,
        "leeftijden": breakdown(LEEFTIJDEN, figures.leeftijden),
        "doelgroepen": breakdown(DOELGROEPEN, figures.doelgroepen),
        "verwijzingen": breakdown(VERWIJZINGEN, figures.verwijzingen),
        "provincies": [
            {
                "provincie": p["provincie"],
                "gemeenten_gedekt": p["covered"],
                "gemeenten": p["total"],
                "rapportages": p["reports"],
                "deelnemers_aangemeld": p["aangemeld"],
                "deelnemers_gestart": p["gestart"],
                "deelnemers_afgerond": p["afgerond"],
            }
            for p in figures.provinces
        ],
        "trend": [
            {
                "jaar": t["jaar"],
                "bibliotheken": t["libraries"],
                "licenties": t["licences"],
                "budget": t["budget"],
                "deelnemers_afgerond": t["participants"],
            }
            for t in figures.trend
        ],
    }


class LandelijkeCijfers(PublicView, APIView):
    @extend_schema(
        summary=_("National figures of a year"),
        description=_(
            "The figures of the national overview of the scheme for the licence years "
            "starting in that year: libraries, licences, budget, coverage of the "
            "municipalities and the totals of the submitted year reports. A year report sent "
            "back to the library for more information does not count until the library "
            "submits it again: the library may be changing its figures."
        ),
        responses=LandelijkeCijfersSerializer,
    )
    def get(self, request, jaar):
        if not FIRST_YEAR <= jaar <= LAST_YEAR:
            raise Http404
        return Response(LandelijkeCijfersSerializer(public_figures(jaar)).data)


SUBMITTED = Q(status__in=INGEDIEND_OF_LATER)
BREAKDOWN_NAMES = [name for group in GROUPS.values() for name, _label in group]


class RapportageTotalenSerializer(serializers.Serializer):
    jaar = serializers.IntegerField(help_text=_("The year the licence year starts in."))
    rapportages = serializers.IntegerField(help_text=_("Year reports, in every state."))
    per_status = PerStatus(help_text=_("Year reports per state."))
    ingediend = serializers.IntegerField(
        help_text=_(
            "Year reports the library has submitted and that are not back with it for more "
            "information: the totals count these."
        )
    )
    totalen = Totalen(help_text=_("The totals of the submitted year reports."))
    leeftijden = Leeftijden(help_text=_("Participants by age."))
    doelgroepen = Doelgroepen(help_text=_("Participants by target group."))
    verwijzingen = Verwijzingen(help_text=_("How participants were referred."))
    gemiddelde_tevredenheid = serializers.FloatField(allow_null=True)
    gemiddeld_percentage_zelfredzamer = serializers.FloatField(allow_null=True)


@extend_schema_view(
    get=extend_schema(
        summary=_("Year reports as aggregates"),
        description=_(
            "Per licence year (licences ended early left out), newest first: the number of "
            "year reports in each state and the totals of the figures of the submitted ones "
            "(not of those sent back to the library for more information, as the national "
            "figures). A library's token sees only that library's."
        ),
        parameters=[JAAR_OPTIONAL],
    )
)
class RapportageTotalen(ProtectedView, generics.ListAPIView):
    serializer_class = RapportageTotalenSerializer
    session_rule = permissions.can_see_overview

    def get_queryset(self):
        queryset = self.scoped(
            Rapportage.objects.exclude(licentie__status=LicentieStatus.BEEINDIGD),
            "licentie__bibliotheek_id",
            "licentie__begindatum",
        )
        return (
            queryset.annotate(jaar=ExtractYear("licentie__begindatum"))
            .values("jaar")
            .annotate(
                rapportages=Count("pk"),
                ingediend=Count("pk", filter=SUBMITTED),
                gemiddelde_tevredenheid=Avg("tevredenheid", filter=SUBMITTED),
                gemiddeld_percentage_zelfredzamer=Avg("percentage_zelfredzamer", filter=SUBMITTED),
                **{f"status_{s}": Count("pk", filter=Q(status=s)) for s in S.values},
                **{name: Sum(name, filter=SUBMITTED) for name in NUMBERS + BREAKDOWN_NAMES},
            )
            .order_by("-jaar")
        )

    def paginate_queryset(self, queryset):
        return [
            {
                "jaar": row["jaar"],
                "rapportages": row["rapportages"],
                "per_status": {s: row[f"status_{s}"] for s in S.values},
                "ingediend": row["ingediend"],
                "totalen": {name: row[name] or 0 for name in NUMBERS},
                **{
                    group: {name: row[name] or 0 for name, _label in names}
                    for group, names in GROUPS.items()
                },
                "gemiddelde_tevredenheid": _rounded(row["gemiddelde_tevredenheid"]),
                "gemiddeld_percentage_zelfredzamer": _rounded(
                    row["gemiddeld_percentage_zelfredzamer"]
                ),
            }
            for row in super().paginate_queryset(queryset)
        ]


def _rounded(value):
    return None if value is None else round(float(value), 1)


urlpatterns = [
    path("landelijke-cijfers/<int:jaar>", LandelijkeCijfers.as_view(), name="landelijke_cijfers"),
    path("rapportage-totalen", RapportageTotalen.as_view(), name="rapportage_totalen"),
]
