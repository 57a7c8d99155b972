"""Every error of the API as ``application/problem+json`` (RFC 9457), in Dutch: ``type``,
``title``, ``status``, ``detail``, ``instance`` and, for invalid parameters, ``invalidParams``
(the NLGov REST API design rules' extension). DRF's own errors (401, 403, 404, 405, 406,
429) and Django's (``Http404``, ``PermissionDenied``) pass through here, and so does an
unexpected exception: it is logged and answered with a 500 problem, never an HTML page."""

import logging

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

logger = logging.getLogger("django.request")

CONTENT_TYPE = "application/problem+json"
KEPT_HEADERS = ("WWW-Authenticate", "Retry-After")
RFC_9110 = "https://www.rfc-editor.org/rfc/rfc9110#section-"
TYPES = {
    400: RFC_9110 + "15.5.1",
    401: RFC_9110 + "15.5.2",
    403: RFC_9110 + "15.5.4",
    404: RFC_9110 + "15.5.5",
    405: RFC_9110 + "15.5.6",
    406: RFC_9110 + "15.5.7",
    415: RFC_9110 + "15.5.16",
    429: "https://www.rfc-editor.org/rfc/rfc6585#section-4",
    500: RFC_9110 + "15.6.1",
}
TITLES = {
    400: gettext_lazy("The request is not valid"),
    401: gettext_lazy("Not authenticated"),
    403: gettext_lazy("Not allowed"),
    404: gettext_lazy("Not found"),
    405: gettext_lazy("Method not allowed"),
    406: gettext_lazy("Format not available"),
    415: gettext_lazy("Media type not supported"),
    429: gettext_lazy("Too many requests"),
    500: gettext_lazy("Internal server error"),
}


def problem(request, status_code, detail, headers=None, **extra) -> Response:
    data = {
        "type": TYPES.get(status_code, "about:blank"),
        "title": str(TITLES.get(status_code, "")),
        "status": status_code,
        "detail": str(detail),
        "instance": request.get_full_path() if request is not None else "",
        **extra,
    }
    return Response(data, status=status_code, headers=headers, content_type=CONTENT_TYPE)


def invalid_params(detail, prefix=""):
    """DRF's nested validation errors as NLGov's ``invalidParams``: name, code, reason."""
    if isinstance(detail, dict):
        for name, value in detail.items():
            field = name if name != "non_field_errors" else ""
            yield from invalid_params(value, f"{prefix}.{field}" if prefix and field else field)
    elif isinstance(detail, list):
        for value in detail:
            yield from invalid_params(value, prefix)
    else:
        yield {"name": prefix, "code": getattr(detail, "code", "invalid"), "reason": str(detail)}


def _detail(exc):
    if isinstance(exc, exceptions.NotAuthenticated):
        return _(
            "Log in, or send your organisation's API key in the header Authorization: Bearer <key>."
        )
    if isinstance(exc, exceptions.NotFound) and exc.detail == exceptions.NotFound.default_detail:
        # An unknown path or object; a NotFound that says more (a page past the last) keeps
        # what it says.
        return _("There is nothing at this address. The documentation is at /api/v1/docs/.")
    if isinstance(exc, exceptions.Throttled):
        return _("Too many requests in a short time. Try again in %(seconds)d seconds.") % {
            "seconds": exc.wait or 1
        }
    if isinstance(exc, exceptions.ValidationError):
        return _("One or more parameters are not valid: see invalidParams.")
    return exc.detail if isinstance(exc.detail, str) else str(exc.default_detail)


def exception_handler(exc, context):
    request = context.get("request")
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(*exc.args)
    response = drf_exception_handler(exc, context)
    if response is None:
        logger.error(
            "Internal server error: %s",
            request.path if request is not None else "",
            exc_info=exc,
            extra={"status_code": 500, "request": getattr(request, "_request", None)},
        )
        return problem(
            request,
            status.HTTP_500_INTERNAL_SERVER_ERROR,
            _("Something went wrong on our side. Please try again later."),
        )
    extra = {}
    if isinstance(exc, exceptions.ValidationError):
        extra["invalidParams"] = list(invalid_params(exc.detail))
    headers = {k: v for k, v in response.headers.items() if k in KEPT_HEADERS}
    return problem(request, response.status_code, _detail(exc), headers=headers, **extra)


class InvalidParamSerializer(serializers.Serializer):
    name = serializers.CharField(help_text=gettext_lazy("The parameter."))
    code = serializers.CharField(help_text=gettext_lazy("What is wrong, as a code."))
    reason = serializers.CharField(help_text=gettext_lazy("What is wrong, in words."))


class ProblemSerializer(serializers.Serializer):
    """An error (RFC 9457), as the schema describes it."""

    type = serializers.CharField(help_text=gettext_lazy("A URI naming the kind of error."))
    title = serializers.CharField(help_text=gettext_lazy("The kind of error, in words."))
    status = serializers.IntegerField(help_text=gettext_lazy("The HTTP status code."))
    detail = serializers.CharField(help_text=gettext_lazy("What went wrong this time."))
    instance = serializers.CharField(help_text=gettext_lazy("The path that was asked for."))
    invalidParams = InvalidParamSerializer(  # noqa: N815 (the name of the NLGov rules)
        many=True, required=False, help_text=gettext_lazy("Only with status 400.")
    )
