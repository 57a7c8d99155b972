"""The API's version (the ``API-Version`` header and the schema) and where its paths start."""

#: Semantic version of API v1: a compatible change raises the minor or patch number.
API_VERSION = "1.0.0"
PREFIX = "/api/v1/"
