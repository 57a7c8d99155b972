"""``publiccode.yml`` at the repository's root follows the publiccode.yml standard (version
0.4): its required keys are there, with values the standard allows."""

from pathlib import Path

import pytest
import yaml
from django.conf import settings

PUBLICCODE = Path(settings.BASE_DIR) / "publiccode.yml"

DEVELOPMENT_STATUSES = {"concept", "development", "beta", "stable", "obsolete"}
SOFTWARE_TYPES = {
    "standalone/mobile",
    "standalone/iot",
    "standalone/desktop",
    "standalone/web",
    "standalone/backend",
    "standalone/other",
    "addon",
    "library",
    "configurationFiles",
}
MAINTENANCE_TYPES = {"internal", "contract", "community", "none"}


@pytest.fixture(scope="module")
def publiccode():
    return yaml.safe_load(PUBLICCODE.read_text(encoding="utf-8"))


def test_publiccode_has_every_key_the_standard_requires(publiccode):
    for key in (
        "publiccodeYmlVersion",
        "name",
        "url",
        "platforms",
        "categories",
        "developmentStatus",
        "softwareType",
        "description",
        "legal",
        "maintenance",
        "localisation",
    ):
        assert publiccode.get(key), key
    assert publiccode["publiccodeYmlVersion"] == "0.4"
    assert publiccode["url"].startswith("https://")
    assert publiccode["developmentStatus"] in DEVELOPMENT_STATUSES
    assert publiccode["softwareType"] in SOFTWARE_TYPES
    assert publiccode["platforms"] == ["web"]


def test_the_dutch_description_keeps_to_the_lengths_of_the_standard(publiccode):
    nl = publiccode["description"]["nl"]

    assert 0 < len(nl["shortDescription"]) <= 150
    assert 150 <= len(nl["longDescription"]) <= 10_000
    assert nl["features"] and all(len(feature) <= 100 for feature in nl["features"])


def test_the_licence_owner_maintenance_and_languages_are_declared(publiccode):
    assert publiccode["legal"]["license"] == "EUPL-1.2"
    assert publiccode["legal"]["mainCopyrightOwner"] == "Koninklijke Bibliotheek"
    maintenance = publiccode["maintenance"]
    assert maintenance["type"] in MAINTENANCE_TYPES
    if maintenance["type"] in ("internal", "contract"):
        assert all(contact["name"] for contact in maintenance["contacts"])
    localisation = publiccode["localisation"]
    assert isinstance(localisation["localisationReady"], bool)
    assert set(localisation["availableLanguages"]) == {"nl", "en"}


def test_the_services_it_needs_are_named(publiccode):
    names = {dependency["name"] for dependency in publiccode["dependsOn"]["open"]}

    assert names == {"PostgreSQL", "Redis"}


def test_the_licence_file_holds_the_licence_publiccode_declares(publiccode):
    text = (Path(settings.BASE_DIR) / "LICENSE").read_text(encoding="utf-8")

    assert publiccode["legal"]["license"] == "EUPL-1.2"
    assert "EUROPEAN UNION PUBLIC LICENCE v. 1.2" in text
    assert publiccode["legal"]["mainCopyrightOwner"] in text.splitlines()[0]
