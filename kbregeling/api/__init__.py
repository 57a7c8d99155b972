"""The open API's plumbing (``/api/v1/``, Django REST framework with an OpenAPI 3 schema by
drf-spectacular): API tokens per organisation and their authentication, the rate limits, the
errors as ``application/problem+json`` in Dutch, pagination, the permission classes, the schema
and its documentation page. The endpoints themselves live in the domain apps (their
``api.py``); the project's URL conf hands them to ``urls.v1``. Nothing here imports a domain
app."""
