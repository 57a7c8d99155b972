"""The ``API-Version`` header (NLGov REST API design rule API-57) on every answer under
/api/v1/, errors, the schema and the documentation page included."""

from .constants import API_VERSION, PREFIX


class ApiVersionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(PREFIX):
            response["API-Version"] = API_VERSION
        return response
