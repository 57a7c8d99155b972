"""The OpenAPI schema's house rules: every operation names its errors as problem+json, and
the description of the API is in the language of the request (Dutch)."""

from django.utils.translation import gettext as _
from drf_spectacular.openapi import AutoSchema

from .constants import API_VERSION
from .permissions import Public
from .problems import CONTENT_TYPE, TITLES, ProblemSerializer

PUBLIC_ERRORS = [400, 404, 405, 429, 500]
PROTECTED_ERRORS = [400, 401, 403, 404, 405, 429, 500]


class ApiSchema(AutoSchema):
    @property
    def is_public(self) -> bool:
        return any(issubclass(c, Public) for c in getattr(self.view, "permission_classes", []))

    def get_auth(self):
        """A public endpoint asks for no key or login."""
        return [] if self.is_public else super().get_auth()

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code in PUBLIC_ERRORS if self.is_public else PROTECTED_ERRORS:
            response = self._get_response_for_code(
                ProblemSerializer, str(code), [CONTENT_TYPE], direction
            )
            response["description"] = str(TITLES[code])
            responses.setdefault(str(code), response)
        return responses


def describe_api(result, generator, request, public):
    """Postprocessing hook: the title and description, translated when the schema is made."""
    result["info"] = {
        "title": _("Digisterker purchase scheme API"),
        "version": API_VERSION,
        "description": _(
            "The open API of the Digisterker purchase scheme of the Koninklijke Bibliotheek. "
            "Public, without a key: the municipalities with their validity, the municipalities "
            "and libraries taking part per year, and the national figures per year. With the "
            "API token of an organisation (made by KB's administrator): the licences and the "
            "year reports as aggregates; a library's token reads only that library's data. "
            "Every answer has the header API-Version; every error is application/problem+json "
            "(RFC 9457). Lists come in pages: ?pagina= and ?per_pagina= (at most 100)."
        ),
        "contact": {"name": _("KB, Digisterker purchase scheme"), "email": "digisterker@kb.nl"},
    }
    return result
