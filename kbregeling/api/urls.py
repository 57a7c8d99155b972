"""API v1: the endpoints the domain apps give (each app's ``api.py`` has its ``urlpatterns``),
then the schema, its documentation page and, last, a 404 problem for every other path.
The project's URL conf names the domain apps' modules: this app imports none of them."""

from django.urls import include, path, re_path

from .views import DocsView, NotFoundView, SchemaJsonView, SchemaView


def v1(*endpoint_modules):
    """The URL patterns of /api/v1/, in the namespace ``api``."""
    patterns = [path("", include(module)) for module in endpoint_modules]
    patterns += [
        path("schema/", SchemaView.as_view(), name="schema"),
        path("openapi.json", SchemaJsonView.as_view(), name="openapi_json"),
        path("docs/", DocsView.as_view(), name="docs"),
        re_path(r"^.*$", NotFoundView.as_view(), name="not_found"),
    ]
    return include((patterns, "api"))
