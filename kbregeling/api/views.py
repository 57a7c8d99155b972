"""The base of every API view, the answer to an unknown path, and the schema and its
documentation page.

A public view (``PublicView``) needs no token or login; its requests are not written to the
access log: the data is public and the log is for who read what of the scheme's own data.
A protected view (``ProtectedView``) is read by an organisation's token or by a person whom
its ``session_rule`` allows; every request that passes is written to the access log, and its
answer may not be kept by any shared cache.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularJSONAPIView,
    SpectacularSwaggerSplitView,
)
from rest_framework.exceptions import NotFound
from rest_framework.views import APIView

from kbregeling.accesslog import log as accesslog
from kbregeling.accesslog.constants import Kind

from .params import optional_year
from .permissions import OrganisationOrRole, Public, token_library, token_of


class PublicView:
    permission_classes = [Public]


class ProtectedView:
    permission_classes = [OrganisationOrRole]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        token = token_of(request)
        accesslog.record(
            request,
            Kind.API,
            request.get_full_path(),
            library=token.bibliotheek_id if token else None,
            username=f"API-token {token.organisatie}" if token else "",
        )

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        return response

    def scoped(self, queryset, library_field, year_field):
        """``queryset`` limited to the token's library (a library's token sees only its own)
        and to ``?jaar=`` when given; the fields name the library and the start date."""
        library = token_library(self.request)
        if library is not None:
            queryset = queryset.filter(**{library_field: library})
        jaar = optional_year(self.request)
        if jaar is not None:
            queryset = queryset.filter(**{f"{year_field}__year": jaar})
        return queryset


@extend_schema(exclude=True)
class NotFoundView(PublicView, APIView):
    """Every path under /api/v1/ that names no endpoint: a 404 problem, whatever the method."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        raise NotFound()


class SchemaView(PublicView, SpectacularAPIView):
    """YAML, or JSON by content negotiation."""

    authentication_classes = []


class SchemaJsonView(PublicView, SpectacularJSONAPIView):
    """At the NLGov rules' standard location, /api/v1/openapi.json (API-51)."""

    authentication_classes = []


class DocsView(PublicView, SpectacularSwaggerSplitView):
    """Swagger UI from drf-spectacular-sidecar (no CDN), its set-up as a script of its own and
    its styles in a file: it passes the site's Content-Security-Policy as it is."""

    authentication_classes = []
    template_name = "api/docs.html"
    url_name = "api:schema"
    title = _("Digisterker purchase scheme API")
