"""The API's public endpoints of the sign-up app: the municipalities with their validity and
successors (``/api/v1/gemeenten/``). Public reference data: no token, no access log."""

from django.db.models import Prefetch
from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, serializers

from kbregeling.api.params import JAAR_OPTIONAL, optional_year
from kbregeling.api.views import PublicView

from .models import Gemeente


class GemeenteSerializer(serializers.ModelSerializer):
    # Declared, not derived from the model: the derived maximum is the database's integer
    # range, which would make the schema differ between SQLite and PostgreSQL.
    inwoners = serializers.IntegerField(
        min_value=0, read_only=True, help_text=_("The number of inhabitants.")
    )
    geldig_van = serializers.DateField(
        help_text=_("The first day it exists; empty: before 2017."), allow_null=True
    )
    geldig_tot = serializers.DateField(
        help_text=_("The last day it exists; empty: it exists today."), allow_null=True
    )
    opvolgers = serializers.SlugRelatedField(
        slug_field="cbs_code",
        many=True,
        read_only=True,
        help_text=_("The CBS codes of the municipalities that took it over."),
    )
    voorgangers = serializers.SlugRelatedField(
        slug_field="cbs_code",
        many=True,
        read_only=True,
        help_text=_("The CBS codes of the municipalities it took over."),
    )

    class Meta:
        model = Gemeente
        fields = [
            "cbs_code",
            "naam",
            "provincie",
            "inwoners",
            "geldig_van",
            "geldig_tot",
            "opvolgers",
            "voorgangers",
        ]


class GemeenteMixin(PublicView):
    serializer_class = GemeenteSerializer

    def get_queryset(self):
        codes = Gemeente.objects.only("cbs_code").order_by("cbs_code")
        return Gemeente.objects.order_by("naam", "cbs_code").prefetch_related(
            Prefetch("opvolgers", queryset=codes), Prefetch("voorgangers", queryset=codes)
        )


@extend_schema_view(
    get=extend_schema(
        summary=_("Municipalities"),
        description=_(
            "Every municipality with its validity and successors; with ?jaar= only those "
            "that exist on 1 January of that year (a merger takes effect on 1 January)."
        ),
        parameters=[JAAR_OPTIONAL],
    )
)
class GemeenteList(GemeenteMixin, generics.ListAPIView):
    def get_queryset(self):
        queryset = super().get_queryset()
        jaar = optional_year(self.request)
        return queryset if jaar is None else queryset.valid_in(jaar)


@extend_schema_view(get=extend_schema(summary=_("One municipality, by its CBS code")))
class GemeenteDetail(GemeenteMixin, generics.RetrieveAPIView):
    lookup_field = "cbs_code"


urlpatterns = [
    path("gemeenten", GemeenteList.as_view(), name="gemeenten"),
    path("gemeenten/<str:cbs_code>", GemeenteDetail.as_view(), name="gemeente"),
]
