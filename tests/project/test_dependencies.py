"""The house rules of STYLE.md, proved on the source: dependencies run one way along a
library's life (aanmelding ← licenties ← rapportage), an app reaches another only through its
``service.py``, never its views, and the shared apps in ``kbregeling/`` import none of them.

One link runs the other way by design, in data, not in code: the user model names the library
a staff member works for (``Gebruiker.bibliotheek``, a string reference to
``aanmelding.Bibliotheek``), and the home page sends each role to its app's page by URL name."""

import ast
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
DOMAIN_APPS = ["aanmelding", "licenties", "rapportage"]
SHARED_APPS = [
    "accounts",
    "workflow",
    "mail",
    "documents",
    "web",
    "health",
    "accesslog",
    "privacy",
    "letters",
    "conversation",
    "statements",
    "api",
]


def imported_modules(package: Path):
    """(file, module) for every absolute import in the package's Python files."""
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield path, alias.name
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                yield path, node.module
                for alias in node.names:  # `from licenties import service`
                    yield path, f"{node.module}.{alias.name}"


def imports_of(package: Path, app: str) -> list[str]:
    return sorted(
        {
            f"{path.relative_to(ROOT)}: {module}"
            for path, module in imported_modules(package)
            if module == app or module.startswith(app + ".")
        }
    )


def test_the_checks_below_see_the_imports_they_look_for():
    assert imports_of(ROOT / "rapportage", "licenties")
    assert imports_of(ROOT / "licenties", "aanmelding")


@pytest.mark.parametrize(
    ("app", "later"),
    [("aanmelding", "licenties"), ("aanmelding", "rapportage"), ("licenties", "rapportage")],
)
def test_an_earlier_app_never_imports_a_later_one(app, later):
    assert imports_of(ROOT / app, later) == []


@pytest.mark.parametrize("app", DOMAIN_APPS)
def test_an_app_reaches_another_only_through_its_service(app):
    others = [other for other in DOMAIN_APPS if other != app]
    wrong = [
        f"{path.relative_to(ROOT)}: {module}"
        for path, module in imported_modules(ROOT / app)
        for other in others
        if module.startswith(other + ".")
        and not (module == f"{other}.service" or module.startswith(f"{other}.service."))
    ]
    assert wrong == []


@pytest.mark.parametrize("app", DOMAIN_APPS)
def test_no_app_imports_another_apps_views(app):
    others = [other for other in DOMAIN_APPS if other != app]
    wrong = [
        f"{path.relative_to(ROOT)}: {module}"
        for path, module in imported_modules(ROOT / app)
        for other in others
        if module.startswith(f"{other}.views")
    ]
    assert wrong == []


@pytest.mark.parametrize("shared", SHARED_APPS)
def test_the_shared_apps_import_none_of_the_domain_apps(shared):
    package = ROOT / "kbregeling" / shared
    assert list(package.rglob("*.py"))
    for app in DOMAIN_APPS:
        assert imports_of(package, app) == []


@pytest.mark.parametrize("shared", SHARED_APPS)
def test_each_shared_app_says_what_it_is_for(shared):
    init = ROOT / "kbregeling" / shared / "__init__.py"
    assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
