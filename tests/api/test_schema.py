"""The OpenAPI schema: the committed file (kbregeling/api/openapi.yaml) is what the code
makes now, so an endpoint never changes without its schema; it is valid OpenAPI 3; it names
the token scheme and the problem+json errors; and /api/v1/schema/ serves it."""

from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiYamlRenderer
from drf_spectacular.validation import validate_schema

COMMITTED = Path(settings.BASE_DIR) / "kbregeling" / "api" / "openapi.yaml"
REGENERATE = "make openapi"


def current_schema() -> dict:
    """As `make openapi` makes it: in Dutch, without a request."""
    with translation.override("nl"):
        return SchemaGenerator().get_schema(request=None, public=True)


def test_the_committed_schema_is_what_the_endpoints_make_now(db):
    rendered = OpenApiYamlRenderer().render(current_schema(), renderer_context={}).decode()

    assert rendered == COMMITTED.read_text(encoding="utf-8"), (
        f"The API changed but {COMMITTED.name} did not: run `{REGENERATE}` and commit "
        f"{COMMITTED.relative_to(settings.BASE_DIR)}."
    )


def test_the_schema_is_valid_openapi_3(db):
    validate_schema(current_schema())


def test_every_operation_names_its_errors_as_problem_json(db):
    schema = current_schema()

    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            errors = {code for code in operation["responses"] if code.startswith(("4", "5"))}
            assert {"400", "404", "429", "500"} <= errors, (method, path)
            for code in errors:
                content = operation["responses"][code]["content"]
                assert list(content) == ["application/problem+json"], (method, path, code)


def test_the_token_endpoints_name_the_bearer_scheme_and_the_public_ones_none(db):
    schema = current_schema()

    assert schema["components"]["securitySchemes"]["apiToken"]["scheme"] == "bearer"
    licences = schema["paths"]["/api/v1/licenties"]["get"]
    municipalities = schema["paths"]["/api/v1/gemeenten"]["get"]
    assert {"apiToken": []} in licences["security"]
    assert {"401", "403"} <= set(licences["responses"])
    assert "security" not in municipalities


def test_the_resource_names_are_dutch_kebab_case_without_a_trailing_slash(db):
    paths = current_schema()["paths"]

    assert set(paths) == {
        "/api/v1/gemeenten",
        "/api/v1/gemeenten/{cbs_code}",
        "/api/v1/deelnemende-gemeenten",
        "/api/v1/deelnemende-bibliotheken",
        "/api/v1/landelijke-cijfers/{jaar}",
        "/api/v1/licenties",
        "/api/v1/rapportage-totalen",
    }


@pytest.mark.django_db
def test_the_schema_is_served_at_api_v1_schema(client):
    response = client.get(reverse("api:schema"))

    assert response.status_code == 200
    served = yaml.safe_load(response.content)
    assert served["info"]["title"] == "API van de Digisterker-regeling"
    assert set(served["paths"]) == set(current_schema()["paths"])


@pytest.mark.django_db
def test_the_schema_is_also_at_the_standard_location_as_json(client):
    response = client.get("/api/v1/openapi.json")

    assert response["Content-Type"].startswith("application/vnd.oai.openapi+json")
    assert response.json()["openapi"].startswith("3.")
